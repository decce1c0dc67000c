"""AR117 import-coroutine: from asyncio import coroutine, the import itself (AR101 is the decorator's use)."""
import re

try:
    from asyncio import coroutine
except ImportError as error:  # the message ends with the module's path, which varies by installation
    raise ImportError(re.sub(r" \(\S+\)$", "", str(error))) from None

print("imported:", coroutine.__name__)
