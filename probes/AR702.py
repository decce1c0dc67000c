"""AR702 windows-policy: asyncio.WindowsSelectorEventLoopPolicy() set, as Windows ports did when 3.8 changed the loop."""
import asyncio

# The line such ports carry under "if sys.platform == 'win32':"; run here without it, as the test suite runs it.
asyncio.set_event_loop_policy(asyncio.WindowsSelectorEventLoopPolicy())
