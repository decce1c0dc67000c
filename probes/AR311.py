"""AR311 child-watcher: asyncio.get_child_watcher() and the child watcher classes."""
import asyncio

watcher = asyncio.get_child_watcher()
print("a child watcher:", isinstance(watcher, asyncio.AbstractChildWatcher))
