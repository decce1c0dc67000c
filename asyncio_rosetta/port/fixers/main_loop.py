"""In the ``__main__`` block, ``loop = asyncio.get_event_loop()`` makes its loop explicitly (AR301).

    if __name__ == "__main__":                 if __name__ == "__main__":
        loop = asyncio.get_event_loop()   ->       loop = asyncio.new_event_loop()
        ...                                        asyncio.set_event_loop(loop)
                                                   ...

What ``get_event_loop()`` did there with no loop set, without the implicit
creation that warns on 3.12-3.13 and fails on 3.14. For the main blocks
``asyncio.run`` cannot replace (AR308 rewrites the exact ones first): several
runs, ``run_forever``, a custom shutdown. Not at import time of a module,
where making a loop is a side effect of its own, nor after the block set a
loop (``get_event_loop()`` returns that one).
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, fixer, is_main_guard, only_statement


@fixer("AR301", min_target=(3, 6), trigger=["get_event_loop"])
class MainLoop(Fixer):
    def leave_Module(self, original, updated):
        # At the end of the pass, after AR308 made the exact main blocks asyncio.run().
        return updated.with_changes(body=[self._rewrite(statement) for statement in updated.body])

    def _rewrite(self, guard):
        asyncio = self.names.module("asyncio")
        if not (is_main_guard(guard) and asyncio is not None and isinstance(guard.body, libcst.IndentedBlock)):
            return guard
        lines, loop_set = [], False
        for line in guard.body.body:
            statement = only_statement(line)
            # After set_event_loop(x), get_event_loop() returns x: not a new loop.
            loop_set = loop_set or isinstance(statement, libcst.Expr) and isinstance(statement.value, libcst.Call) \
                and self.names.qualified(statement.value.func) == "asyncio.set_event_loop"
            loop = None if loop_set else self.loop_assignment(line)
            if loop is not None:
                lines.append(line.with_changes(body=[statement.with_changes(
                    value=libcst.parse_expression("{}.new_event_loop()".format(asyncio)))]))
                lines.append(libcst.parse_statement("{}.set_event_loop({})\n".format(asyncio, loop)))
                self.applied()
            else:
                lines.append(line)
        return guard.with_changes(body=guard.body.with_changes(body=lines))
