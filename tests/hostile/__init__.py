"""The command line against a hostile world: Ctrl-C and kill while
children run, readers that go away, file names that are not UTF-8, results files of the wrong shape,
SARIF file URIs, empty arguments. Each case runs ``python -m asyncio_rosetta`` in a process of its own;
the programs that make the world hostile are in ``programs/``."""
