"""Never end, and say so (tests/hostile): the hostile programs call ``forever()``.

    sys.path.insert(0, os.environ["ROSETTA_HOSTILE_PROGRAMS"]); import hang; hang.forever(helper=True)

With *helper*, it first starts a process of its own that never ends either (a
variant's subprocess, say): stopping the command must end that one too. Then it
writes ``$ROSETTA_HOSTILE_MARKERS/<pid>.json``, {"pid", "helper"} (renamed into
place: a reader never sees half of it), and blocks on a pipe nothing will ever
write to, where no clock or timeout of the harness can see it.
"""

import json
import os
import subprocess
import sys

NEVER = "import os; r, w = os.pipe(); os.read(r, 1)"


def forever(helper=False):
    started = None
    if helper:
        started = subprocess.Popen([sys.executable, "-c", NEVER], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).pid
    path = os.path.join(os.environ["ROSETTA_HOSTILE_MARKERS"], "{}.json".format(os.getpid()))
    with open(path + ".tmp", "w") as out:
        json.dump({"pid": os.getpid(), "helper": started}, out)
    os.replace(path + ".tmp", path)
    read_end, _ = os.pipe()  # the write end is ours and stays open
    os.read(read_end, 1)
