"""The one kind of error a user sees: a line of text, and exit status 2.

    raise UsageError("--jobs must be at least 1")
    # asyncio-rosetta: error: --jobs must be at least 1

Every error the package raises for something the user asked for derives from
RosettaError; the command line prints its message and exits 2. Errors about
one file of many (SourceError, a port that fails) are reported and the run
goes on: they are values, not raised to the command line.
"""

__all__ = ["RosettaError", "UsageError", "CatalogError"]


class RosettaError(Exception):
    """Something the user asked for cannot be done; the message says what, in one line."""


class UsageError(RosettaError):
    """A flag or argument that is not valid (a bad --target-version, --jobs 0)."""


class CatalogError(RosettaError):
    """A name or file the user asked for does not exist; the message says what does."""
