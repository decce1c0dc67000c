"""``python -m asyncio_rosetta``: the command-line tool."""
import sys

from asyncio_rosetta.cli import main

sys.exit(main())
