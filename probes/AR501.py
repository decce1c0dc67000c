"""AR501 timeout-error-identity: what asyncio.TimeoutError is."""
import asyncio
import concurrent.futures

print("is builtin TimeoutError:", asyncio.TimeoutError is TimeoutError)
print("is concurrent.futures.TimeoutError:", asyncio.TimeoutError is concurrent.futures.TimeoutError)
print("is an OSError:", issubclass(asyncio.TimeoutError, OSError))
