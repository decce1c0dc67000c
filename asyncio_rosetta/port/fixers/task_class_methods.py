"""``asyncio.Task.current_task()/all_tasks()`` become module functions (AR401).

    asyncio.Task.current_task()   ->   asyncio.current_task()
    asyncio.Task.all_tasks(loop)  ->   asyncio.all_tasks(loop)

The class methods are gone in 3.9; the functions exist from 3.7. They are not
the same everywhere: ``asyncio.all_tasks()`` returns only unfinished tasks,
and without a running loop both functions raise (the scan still reports
AR402 on ``all_tasks`` for review).
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer


@fixer("AR401", min_target=(3, 7), trigger=["current_task", "all_tasks"])
class TaskClassMethods(Fixer):
    def leave_Attribute(self, original, updated):
        if self.names.qualified(updated) not in detected("AR401"):
            return updated
        asyncio = self.names.module("asyncio")
        task_class = updated.value
        if isinstance(task_class, libcst.Attribute):  # asyncio.Task.x: keep the asyncio the code wrote
            module = task_class.value
        elif asyncio is not None:  # from asyncio import Task
            module = libcst.Name(asyncio)
        else:
            return updated
        self.applied()
        return updated.with_changes(value=module)
