"""AR122 asyncio-test-utils: from asyncio import test_utils (and asyncio.compat), which test suites of the time used."""
import re

try:
    from asyncio import test_utils  # asyncio.compat went at the same time
except ImportError as error:  # the message ends with the module's path, which varies by installation
    raise ImportError(re.sub(r" \(\S+\)$", "", str(error))) from None

print("imported:", test_utils.__name__)
