"""What every benchmark script shares: the clone's root and its argument parser."""

import argparse
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        # One clear line instead of argparse's usage block.
        self.exit(2, "{}: error: {} (see --help)\n".format(self.prog, message))


def parser(doc):
    """An argument parser described by the first line of *doc*, whose errors are one line."""
    return _Parser(description=doc.strip().splitlines()[0])


def python_version(python):
    """The patch version ("3.12.1") of the interpreter *python* (a name on PATH or a path)."""
    return subprocess.run([python, "-c", "import platform; print(platform.python_version())"],
                          stdout=subprocess.PIPE, universal_newlines=True, check=True).stdout.strip()
