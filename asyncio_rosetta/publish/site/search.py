"""What the index's filter finds a topic by: the asyncio and loop names and the legacy or modern syntax its
variants use."""

import re

__all__ = ["search_terms", "unique"]

# Source constructs a reader searches for that are not dotted names.
_SYNTAX = ("yield from", "async def", "async with", "async for", "await", "loop=", "except*",
           "@asyncio.coroutine", "@types.coroutine")
_DOTTED = re.compile(r"\b(?:asyncio|loop)(?:\.[A-Za-z_]\w*)+")


def search_terms(text):
    """Dotted asyncio/loop names and legacy/modern syntax found in source *text*, in order of appearance.

    >>> search_terms("loop = asyncio.get_event_loop()\\nyield from asyncio.sleep(1, loop=loop)")
    ['asyncio.get_event_loop', 'yield from', 'asyncio.sleep', 'loop=']
    """
    found = [(m.start(), m.group()) for m in _DOTTED.finditer(text)]
    for word in _SYNTAX:
        index = text.find(word)
        if index != -1 and (word != "await" or re.search(r"\bawait\b", text)):
            found.append((index, word))
    return unique(term for _, term in sorted(found))


def unique(items):
    """*items* in order, each once."""
    seen = set()
    return [item for item in items if not (item in seen or seen.add(item))]
