"""AR124 policy-get-event-loop: asyncio.get_event_loop_policy().get_event_loop() when no loop was set."""
import asyncio

loop = asyncio.get_event_loop_policy().get_event_loop()
print("the policy's loop, running:", loop.is_running())
loop.close()
