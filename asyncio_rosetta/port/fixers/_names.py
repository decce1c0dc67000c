"""What a name in a module stands for, through its imports.

    >>> names = Names(libcst.parse_module("import asyncio as aio\nfrom asyncio import sleep\n"))
    >>> names.qualified(libcst.parse_expression("aio.Task.all_tasks"))
    'asyncio.Task.all_tasks'
    >>> names.qualified(libcst.parse_expression("sleep")), names.module("asyncio")
    ('asyncio.sleep', 'aio')

Deliberately flat (every import anywhere in the file counts): legacy code
imports at the top, and a rewrite that must know a name is still checked by
the scan of its result.
"""

import libcst

from asyncio_rosetta.scan.sources import absolute_module, unmask

__all__ = ["Names", "dotted"]


class Names:
    def __init__(self, module, package=""):
        self.package = package
        self.aliases = {}  # local name -> qualified name
        module.visit(_Imports(self))

    def qualified(self, node):
        """'asyncio.sleep' for ``aio.sleep`` after ``import asyncio as aio``; None
        for what is not a dotted name. ``async`` masked as a name is unmasked."""
        parts = dotted(node)
        if parts is None:
            return None
        head = self.aliases.get(parts[0], parts[0])
        return unmask(".".join([head] + parts[1:]))

    def module(self, name):
        """The local name bound to module *name* by ``import name [as x]``, or None."""
        for local, qualified in sorted(self.aliases.items()):
            if qualified == name and "." not in local:
                return local
        return None


def dotted(node):
    """['a', 'b', 'c'] for the expression ``a.b.c``; None for anything else."""
    if isinstance(node, libcst.Name):
        return [node.value]
    if isinstance(node, libcst.Attribute):
        head = dotted(node.value)
        return head and head + [node.attr.value]
    return None


class _Imports(libcst.CSTVisitor):
    def __init__(self, names):
        super().__init__()
        self.names = names

    def on_visit(self, node):
        # Imports are statements: no need to walk into expressions (most of a tree).
        return not isinstance(node, libcst.BaseExpression) and super().on_visit(node)

    def visit_Import(self, node):
        for alias in node.names:
            parts = dotted(alias.name)
            if alias.asname is not None:
                self.names.aliases[alias.asname.name.value] = ".".join(parts)
            else:  # import a.b binds a
                self.names.aliases.setdefault(parts[0], parts[0])

    def visit_ImportFrom(self, node):
        if isinstance(node.names, libcst.ImportStar):
            return
        module = ".".join(dotted(node.module)) if node.module is not None else ""
        module = absolute_module(self.names.package, len(node.relative), module)
        for alias in node.names:
            local = alias.asname.name.value if alias.asname is not None else alias.name.value
            self.names.aliases[local] = "{}.{}".format(module, alias.name.value) if module else alias.name.value
