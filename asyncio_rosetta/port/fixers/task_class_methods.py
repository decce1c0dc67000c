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
        task_class = updated.value
        if isinstance(task_class, libcst.Attribute):  # asyncio.Task.x: keep the asyncio the code wrote
            self.applied()
            return updated.with_changes(value=task_class.value)
        function = self.spell(updated.attr.value)  # from asyncio import Task (or *): as the module writes asyncio
        if function is None:
            return updated
        self.applied()
        return libcst.parse_expression(function).with_changes(lpar=updated.lpar, rpar=updated.rpar)
