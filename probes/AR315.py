"""AR315 policy-get-child-watcher: asyncio.get_event_loop_policy().get_child_watcher(), the watcher asked of the policy."""
import asyncio

watcher = asyncio.get_event_loop_policy().get_child_watcher()
print("a child watcher:", watcher is not None)
