"""AR127 private-get-event-loop: asyncio.events._get_event_loop(), copied from asyncio's own code of 3.10-3.11."""
import asyncio.events

loop = asyncio.events._get_event_loop()
print("the loop it found, running:", loop.is_running())
loop.close()
