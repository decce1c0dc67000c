"""``asyncio.Task.current_task()/all_tasks()`` become module functions (AR401).

    asyncio.Task.current_task()   ->   asyncio.current_task()
    asyncio.Task.all_tasks(loop)  ->   asyncio.all_tasks(loop)

The class methods are gone in 3.9; the functions exist from 3.7. They are not
the same everywhere: ``asyncio.all_tasks()`` returns only unfinished tasks
(the scan still reports AR402 on ``all_tasks`` for review), and without a
loop argument both functions raise RuntimeError where no loop runs, where
the class methods looked the loop up and answered (``None``, a set). So a
call without a loop is rewritten only where a loop surely runs: in an
``async def`` (or a generator this pass makes one), or in a plain function
whose every use is a call in a coroutine (model.functions). Elsewhere it is
left for the scan to report: a logging helper called both inside and outside
the loop would raise outside it.
"""

import ast

import libcst

from asyncio_rosetta.model.functions import function_keys
from asyncio_rosetta.port.fixers import Fixer, detected, fixer
from asyncio_rosetta.port.fixers._places import places


@fixer("AR401", min_target=(3, 7), trigger=["current_task", "all_tasks"])
class TaskClassMethods(Fixer):
    def prepare(self, module):
        scan = self.names.scan
        functions = scan.functions_model
        coroutines = functions.coroutines()
        in_loop = {key for function, key in function_keys(scan.model).items()
                   if isinstance(function, ast.FunctionDef) and function not in coroutines
                   and functions.called_only_in(function.name, coroutines)}
        self.in_loop = {node for node, key in places(module).items() if key in in_loop}
        self.given_loop = set()  # the Task.x of each call that passes a loop

    def visit_Call(self, node):
        if node.args:
            self.given_loop.add(node.func)

    def _loop_runs(self):
        scopes = self.context.scopes
        return self.in_async_function() or bool(scopes) and scopes[-1][0] == "def" and scopes[-1][1] in self.in_loop

    def leave_Attribute(self, original, updated):
        if self.names.qualified(updated) not in detected("AR401"):
            return updated
        if original not in self.given_loop and not self._loop_runs():
            return updated  # no running loop for certain: the function would raise where the method answered
        task_class = updated.value
        if isinstance(task_class, libcst.Attribute):  # asyncio.Task.x: keep the asyncio the code wrote
            self.applied()
            return updated.with_changes(value=task_class.value)
        function = self.spell(updated.attr.value)  # from asyncio import Task (or *): as the module writes asyncio
        if function is None:
            return updated
        self.applied()
        return libcst.parse_expression(function).with_changes(lpar=updated.lpar, rpar=updated.rpar)
