"""AR309 event-loop-policy: setting and reading the event loop policy."""
import asyncio

policy = asyncio.DefaultEventLoopPolicy()
asyncio.set_event_loop_policy(policy)
print("policy set:", asyncio.get_event_loop_policy() is policy)
asyncio.set_event_loop_policy(None)
