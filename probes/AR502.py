"""AR502 cancelled-error-identity: what asyncio.CancelledError is."""
import asyncio
import concurrent.futures

print("is concurrent.futures.CancelledError:", asyncio.CancelledError is concurrent.futures.CancelledError)
print("is an Exception:", issubclass(asyncio.CancelledError, Exception))
