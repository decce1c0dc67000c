"""How a forked child ends under ``-X dev``, per interpreter: the fork server's reason to fall back on 3.8.

    python3 benchmarks/fork_under_dev.py [--runs 9] [--python python3.8 ...]

Each run is a fresh ``python -X dev`` that forks once; the child returns from
the fork and ends through the interpreter's normal exit. The script prints, per
interpreter, how the children ended (exit 0, or the signal that killed them) and
in how many runs.
"""

import collections
import subprocess

from _script import parser as script_parser, python_version  # beside this script

PROGRAM = """
import os, signal
pid = os.fork()
if pid == 0:
    raise SystemExit(0)
_, status = os.waitpid(pid, 0)
print(signal.Signals(os.WTERMSIG(status)).name if os.WIFSIGNALED(status) else "exit {}".format(os.WEXITSTATUS(status)))
"""


def main():
    parser = script_parser(__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--python", nargs="+", default=["python3.7", "python3.8", "python3.9", "python3.14"])
    args = parser.parse_args()
    for python in args.python:
        version = python_version(python)
        seen = collections.Counter(
            subprocess.run([python, "-X", "dev", "-c", PROGRAM], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           universal_newlines=True).stdout.strip() for _ in range(args.runs))
        print("{:8} {}".format(version, ", ".join("{} ({} of {})".format(how, count, args.runs)
                                                  for how, count in seen.most_common())))


if __name__ == "__main__":
    main()
