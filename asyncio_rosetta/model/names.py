"""What a name in a module means: imports, aliases and bindings per scope.

    >>> model = Model.parse("from asyncio import *\\nimport asyncio.streams as s\\ndef f(sleep):\\n    sleep\\n")
    >>> model.resolve(["wait"]), model.resolve(["s", "start_server"]), model.resolve(["sleep"], ("f",))
    ('asyncio.wait', 'asyncio.start_server', 'sleep')

A scope is the module, a ``def``, a ``lambda`` or a ``class``, keyed by the
path of names to it (``("Server", "handle")``), which an ``ast`` and a
LibCST tree both give. Bindings are read flow-insensitively:

- In the innermost scope that binds a name (a class body is not seen from
  its methods), the name means its first import there, or nothing known if
  that scope binds it otherwise (an assignment, a ``def``, a parameter, a
  ``for``/``with``/``except`` target). ``try: from asyncio import
  JoinableQueue`` / ``except ImportError: ... as JoinableQueue``: the first
  import is the meaning, unless asyncio had dropped that name before 3.6 (the
  ``except`` branch is what runs on every Python here); the others are its
  ``alternatives``.
- A name no scope binds means what the module's ``from asyncio import *``
  binds (``exports.star``); a star import from any other module hides what it
  binds (``hidden_by``).
- ``asyncio.<submodule>.<name>`` is ``asyncio.<name>`` where that submodule
  defines the public name (``exports.canonical``).
"""

import ast
import collections

from asyncio_rosetta.model import exports
from asyncio_rosetta.scan.sources import absolute_module, unmask

__all__ = ["Model", "Binding", "walk", "dotted"]

# kind: "import", "star" or "local"; qualified: the dotted name it stands for
# (None for a local); line: where it is bound; alternatives: the other imports
# binding it in the same scope.
Binding = collections.namedtuple("Binding", "kind qualified line alternatives")

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
# The node types that bind a name (see _bind); most nodes are none of them.
_BINDERS = frozenset(_SCOPES + (ast.Import, ast.ImportFrom, ast.Name, ast.ExceptHandler, ast.Global, ast.Nonlocal)
                     + tuple(getattr(ast, name) for name in ("MatchAs", "MatchStar") if hasattr(ast, name)))


class _Scope:
    def __init__(self, kind):
        self.kind = kind
        self.imports = {}     # name -> [(line, qualified)], in source order
        self.locals = {}      # name -> first line bound otherwise
        self.globals = set()  # declared global here: bound in the module


class Model:
    """The bindings of one module (see the module docstring)."""

    def __init__(self, nodes, parents, package=""):
        self.parents = parents
        self.package = package
        self.scopes = {(): _Scope("module")}
        self.stars = []  # (module, line) of each ``from module import *``
        self._paths = {}  # scope node -> the path of names to it, itself included
        self._evaluated_in = {}  # node -> path(node), filled as nodes are asked about
        self._bodies = {}  # def or class node -> ids of its body's statements (see _inside)
        self._meanings = {}  # (path, name) -> the Binding of a name some import binds there
        self._stars = {}  # name -> its Binding by a star import, or None
        for node in nodes:
            self._bind(node)
        for scope in self.scopes.values():
            for imports in scope.imports.values():
                imports.sort()  # the tree is not walked in source order

    @classmethod
    def parse(cls, source, package=""):
        """The model of *source* (async names already masked); an empty one if it does not parse."""
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            tree = ast.Module(body=[])
        nodes, parents = walk(tree)
        return cls(nodes, parents, package)

    # -- scopes ---------------------------------------------------------------

    def path(self, node):
        """The path of names to the scope *node* is evaluated in: decorators,
        defaults and base classes belong to the scope around their def or class.
        Remembered for every node on the way up, so that asking about each node
        of a deep tree costs its depth once, not once per node."""
        walked = []  # nodes whose path this call finds, innermost first
        while node not in self._evaluated_in:
            parent = self.parents.get(node)
            if parent is None:
                self._evaluated_in[node] = ()
                break
            walked.append(node)
            node = parent
        path = self._evaluated_in[node]
        for child in reversed(walked):  # down again, from the node whose path is known
            if isinstance(node, _SCOPES) and self._inside(child, node):
                path = self._inner_path(node, path)
            self._evaluated_in[child] = path
            node = child
        return path

    def _inner_path(self, scope, outer=None):
        """The path of names inside *scope*, whose own path is *outer* (if known)."""
        path = self._paths.get(scope)
        if path is None:
            path = self._paths[scope] = (self.path(scope) if outer is None else outer) + (_label(scope),)
            if path not in self.scopes:
                self.scopes[path] = _Scope("class" if isinstance(scope, ast.ClassDef) else "function")
        return path

    def _inside(self, child, scope):
        """Whether *child* (a direct child of *scope*) is evaluated inside it."""
        if isinstance(scope, ast.Lambda):
            return child is scope.body
        body = self._bodies.get(scope)
        if body is None:
            body = self._bodies[scope] = frozenset(id(statement) for statement in scope.body)
        return id(child) in body

    def _scope(self, node):
        return self.scopes[self.path(node)]

    # -- reading the bindings -------------------------------------------------

    def _bind(self, node):
        if type(node) not in _BINDERS:
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                self._import(node, alias.asname or top, alias.name if alias.asname else top)
        elif isinstance(node, ast.ImportFrom):
            module = absolute_module(self.package, node.level, node.module)
            for alias in node.names:
                if alias.name == "*":
                    self.stars.append((module, node.lineno))
                else:
                    self._import(node, alias.asname or alias.name,
                                 "{}.{}".format(module, alias.name) if module else alias.name)
        elif isinstance(node, _SCOPES):
            if not isinstance(node, ast.Lambda):
                self._local(self._scope(node), node.name, node)
            if not isinstance(node, ast.ClassDef):
                inner = self.scopes[self._inner_path(node)]
                for name in _parameters(node):
                    self._local(inner, name, node)
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            self._local(self._scope(node), node.id, node)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            self._local(self._scope(node), node.name, node)
        elif isinstance(node, ast.Global):
            self._scope(node).globals.update(node.names)
        elif isinstance(node, ast.Nonlocal):  # bound in a function around it: not followed
            for name in node.names:
                self._local(self._scope(node), name, node)
        elif isinstance(getattr(node, "name", None), str) and type(node).__name__ in ("MatchAs", "MatchStar"):
            self._local(self._scope(node), node.name, node)

    def _import(self, node, local, qualified):
        # Sorted by line once all are read (__init__).
        self._scope(node).imports.setdefault(unmask(local), []).append((node.lineno, unmask(qualified)))

    @staticmethod
    def _local(scope, name, node):
        name, line = unmask(name), getattr(node, "lineno", 0)
        scope.locals[name] = min(line, scope.locals.get(name, line))

    # -- asking ---------------------------------------------------------------

    def binding(self, name, path=()):
        """The Binding *name* has, seen from the scope at *path*; None if nothing binds it."""
        path = tuple(path)
        first = True
        while True:
            scope = self.scopes.get(path)
            if scope is not None and (first or scope.kind != "class"):
                if name in scope.globals and path:
                    path, first = (), False
                    continue
                if name in scope.imports:
                    return self._meaning(path, name, scope.imports[name])
                if name in scope.locals:
                    return Binding("local", None, scope.locals[name], ())
            if not path:
                return self._starred(name)
            path, first = path[:-1], False

    def _meaning(self, path, name, imports):
        meaning = self._meanings.get((path, name))
        if meaning is None:
            meaning = self._meanings[path, name] = _meaning(imports)
        return meaning

    def _starred(self, name):
        if name not in self._stars:
            self._stars[name] = next((Binding("star", "{}.{}".format("asyncio", name), line, ())
                                      for module, line in self.stars if name in (exports.star(module) or ())), None)
        return self._stars[name]

    def resolve(self, parts, path=(), canonical=True):
        """The dotted name the expression ``parts[0].parts[1]...`` stands for, seen
        from *path*: through imports and ``from asyncio import *``, canonical
        (unless *canonical* is false: ``asyncio.futures.CancelledError`` stays,
        for what the submodule spelling itself does); as spelled where its head
        is bound otherwise, or not at all."""
        parts = [unmask(part) for part in parts]
        binding = self.binding(parts[0], path)
        if binding is not None and binding.qualified:
            parts = binding.qualified.split(".") + parts[1:]
        return exports.canonical(".".join(parts)) if canonical else ".".join(parts)

    def module(self, name):
        """The local name that ``import name [as x]`` binds in the module scope, or None."""
        return next((local for local, imports in sorted(self.scopes[()].imports.items())
                     if imports[0][1] == name), None)

    def hidden_by(self):
        """(module, line) of each star import whose names are unknown (not asyncio's)."""
        return [(module, line) for module, line in self.stars if exports.star(module) is None]

    def imported(self, name, path=()):
        """Whether *name*, seen from *path*, is bound by an import (not a star one)."""
        binding = self.binding(name, path)
        return binding is not None and binding.kind == "import"


def _meaning(imports):
    """The Binding of a name bound by *imports* ([(line, qualified)]): the first,
    unless asyncio dropped it before 3.6 (``try: from asyncio import
    JoinableQueue``: on 3.6+ the ``except ImportError`` import runs)."""
    alive = [(line, qualified) for line, qualified in imports if not exports.gone(qualified)]
    line, qualified = (alive or imports)[0]
    return Binding("import", qualified, line, tuple(q for _, q in imports if q != qualified))


def walk(tree):
    """([every node], {node: its parent}), in one pass (no recursion: deep trees are fine).
    ast.iter_child_nodes, inlined: its two generators per node were a tenth of a scan's time."""
    nodes, parents, stack, node_type = [], {}, [tree], ast.AST
    while stack:
        node = stack.pop()
        nodes.append(node)
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                for child in value:
                    if isinstance(child, node_type):
                        parents[child] = node
                        stack.append(child)
            elif isinstance(value, node_type):
                parents[value] = node
                stack.append(value)
    return nodes, parents


def dotted(node):
    """['a', 'b', 'c'] for the ast expression ``a.b.c``; None for anything else."""
    attributes = []
    while isinstance(node, ast.Attribute):
        attributes.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return [node.id] + attributes[::-1]


def _label(scope):
    return "<lambda>" if isinstance(scope, ast.Lambda) else scope.name


def _parameters(function):
    arguments = function.args
    every = arguments.args + arguments.kwonlyargs + getattr(arguments, "posonlyargs", [])
    every += [argument for argument in (arguments.vararg, arguments.kwarg) if argument is not None]
    return [argument.arg for argument in every]
