"""The table of detectors: detect kind -> (node types, function), filled by ``@detector``.

    @detector("async-for", ast.AsyncFor)
    def _async_for(node, hazards, names):  # names: the module (model.Module)
        ...                                # yields (node, hazard) for each match

``find`` calls each function on every node of its types, with the hazards of
its kind; the order kinds are registered in does not matter (their matches
are collected by place and sorted).
"""

__all__ = ["DETECTORS", "NOT_IN_TREE", "detector", "register", "matching"]

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


def matching(hazards, name):
    """The hazards whose detect spec names *name*."""
    return [hazard for hazard in hazards if name in hazard.detect["names"]]
