"""AR118 futures-exceptions-import: CancelledError, TimeoutError, InvalidStateError imported from asyncio.futures."""
import re

try:
    from asyncio.futures import CancelledError  # asyncio.exceptions holds them from 3.8 on
except ImportError as error:  # the message ends with the module's path, which varies by installation
    raise ImportError(re.sub(r" \(\S+\)$", "", str(error))) from None

print("imported:", CancelledError.__name__)
