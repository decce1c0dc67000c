"""AR310 uvloop-install: uvloop.install() to make asyncio use uvloop."""
import asyncio

import uvloop

uvloop.install()
loop = asyncio.new_event_loop()
try:
    print("loop from:", type(loop).__module__)
finally:
    loop.close()
    asyncio.set_event_loop_policy(None)
