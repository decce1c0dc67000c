"""AR119 policy-submodule-import: the event loop policy classes imported from asyncio.events or asyncio.unix_events."""
import re

try:
    from asyncio.events import AbstractEventLoopPolicy  # 3.14 made these private there (deprecated policies)
except ImportError as error:  # the message ends with the module's path, which varies by installation
    raise ImportError(re.sub(r" \(\S+\)$", "", str(error))) from None

print("imported:", AbstractEventLoopPolicy.__name__)
