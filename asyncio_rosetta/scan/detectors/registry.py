"""The table of detectors: detect kind -> (node types, function), filled by ``@detector``.

    @detector("async-for", ast.AsyncFor)
    def _async_for(node, hazards, names):  # names: the module (model.Module)
        ...                                # yields (node, hazard) for each match

``find`` calls each function on every node of its types, with the hazards of
its kind; the order kinds are registered in does not matter (their matches
are collected by place and sorted).
"""

__all__ = ["DETECTORS", "NOT_IN_TREE", "OfKind", "detector", "register", "matching"]

# kind -> (node types, function(node, hazards, names) -> (node, hazard)...)
DETECTORS = {}

# Kinds found outside the tree: by scan itself (where it masks async names),
# or never (runtime).
NOT_IN_TREE = frozenset({"async-identifier", "runtime"})


def register(kind, node_types, function):
    DETECTORS[kind] = (tuple(node_types), function)


def detector(kind, *node_types):
    def add(function):
        register(kind, node_types, function)
        return function
    return add


class OfKind(list):
    """The hazards of one detect kind, and which of them each name is in (``matching`` asks for every node)."""

    def __init__(self, hazards):
        super().__init__(hazards)
        self.by_name = {}
        for hazard in self:
            for name in hazard.detect.get("names", ()):
                bucket = self.by_name.setdefault(name, [])
                if not bucket or bucket[-1] is not hazard:  # a name listed twice: the hazard once
                    bucket.append(hazard)


def matching(hazards, name):
    """The hazards whose detect spec names *name*."""
    if isinstance(hazards, OfKind):
        return hazards.by_name.get(name, ())
    return [hazard for hazard in hazards if name in hazard.detect["names"]]
