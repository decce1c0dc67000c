"""The one model of a module that scan's detectors and port's fixers both ask:
what each name means through imports, aliases and scopes (``names``), what
``from asyncio import *`` binds (``exports``), and which functions of the
module run as coroutines, through its call graph (``functions``). Read from the standard library's ``ast``, so
it runs wherever scan does (3.6+); port asks it about its LibCST trees by
the path of names to a scope."""
