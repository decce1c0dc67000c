"""AR703 signal-handler-windows: loop.add_signal_handler(), which no event loop on Windows has."""
import asyncio
import signal

loop = asyncio.new_event_loop()
try:
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    print("SIGTERM handler set")
    loop.remove_signal_handler(signal.SIGTERM)
finally:
    loop.close()
