"""AR316 set-policy-not-a-policy: asyncio.set_event_loop_policy() given what is not an AbstractEventLoopPolicy."""
import asyncio


class LoopPolicy:  # duck-typed: not a subclass of asyncio.AbstractEventLoopPolicy
    def get_event_loop(self):
        return asyncio.new_event_loop()


asyncio.set_event_loop_policy(LoopPolicy())
print("policy set:", type(asyncio.get_event_loop_policy()).__name__)
