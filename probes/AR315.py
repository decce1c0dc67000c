"""AR315 policy-get-child-watcher: get_child_watcher() and set_child_watcher() asked of the event loop policy."""
import asyncio

policy = asyncio.get_event_loop_policy()
watcher = policy.get_child_watcher()
policy.set_child_watcher(watcher)
print("a child watcher:", watcher is not None)
