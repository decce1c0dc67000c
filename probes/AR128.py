"""AR128 task-step-wakeup: asyncio.Task._step, Task._wakeup and Future._schedule_callbacks (3.6), as profilers used them."""
import asyncio

# A profiler of the time listed asyncio's own frames to leave out of its reports.
internals = [asyncio.Task._step, asyncio.Task._wakeup, asyncio.Future._schedule_callbacks]
print("internals:", ", ".join(method.__name__ for method in internals))
