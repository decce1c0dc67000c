"""Story time against virtual and real time, per topic: what the virtual clock buys.

    .tox/py313/bin/python benchmarks/story_time.py [--topic NAME ...]

For each topic, in the newest style that runs on this interpreter:
- story: the stamp of the last line the program prints (how long the story lasts);
- virtual: wall time of one run on the virtual clock, a fresh interpreter each
  (one at a time), and of all of them as the suite runs them (run_many, forked);
- real: wall time of one run in real time (eight at a time: they mostly sleep),
  whether it printed the same lines, and whether every stamp is within the
  suite's real-time tolerance of the virtual one (verify.compare_real_time).
  Work the virtual clock cannot see (a process-pool job, a local server's
  real I/O, a subprocess starting) takes real time but no story time, so
  those topics' real stamps are later: the README says so; the suite checks
  the real time of four topics without such work.
Prints a table and the suite's speed-up; writes benchmarks/story_time.json.
Run it with an interpreter that has the tox deps (uvloop for custom_loop).
"""

import concurrent.futures
import json
import os
import platform
import sys
import time

from _script import ROOT, parser as script_parser  # beside this script

sys.path.insert(0, ROOT)

from asyncio_rosetta.harness.catalog import load  # noqa: E402
from asyncio_rosetta.harness.compat import reference_style  # noqa: E402
from asyncio_rosetta.harness.runner import run_many, run_variant  # noqa: E402
from asyncio_rosetta.harness.verify import compare_real_time  # noqa: E402


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def main(argv=None):
    catalog = load()
    parser = script_parser(__doc__)
    parser.add_argument("--topic", action="append", help="only this topic (repeatable)")
    args = parser.parse_args(argv)
    names = [topic.name for topic in catalog.topics]
    unknown = sorted(set(args.topic or ()) - set(names))
    if unknown:
        parser.exit(2, "story_time.py: error: unknown topic {!r}\n".format(unknown[0]))
    paths = {name: catalog.variant_path(name, reference_style(catalog, name)) for name in args.topic or names}

    virtual = {name: timed(run_variant, path) for name, path in paths.items()}
    batch, batch_wall = timed(run_many, {name: (path, {}) for name, path in paths.items()})
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        futures = {name: pool.submit(timed, run_variant, path, real_time=True) for name, path in paths.items()}
        real = {name: future.result() for name, future in futures.items()}

    rows = []
    for name in paths:
        (v_result, v_wall), (r_result, r_wall) = virtual[name], real[name]
        problems = compare_real_time(v_result.lines, r_result.lines, r_result.stalls)
        rows.append({"topic": name, "story_s": v_result.lines[-1].time if v_result.lines else 0.0,
                     "virtual_wall_s": v_wall, "forked_ok": batch[name].lines == v_result.lines,
                     "real_wall_s": r_wall, "real_error": r_result.error,
                     "same_lines_in_real_time": [line.text for line in r_result.lines] == [
                         line.text for line in v_result.lines],
                     "stamps_within_tolerance": problems == []})
    story = sum(row["story_s"] for row in rows)
    fresh = sum(row["virtual_wall_s"] for row in rows)
    real_total = sum(row["real_wall_s"] for row in rows)
    print("{:28} {:>8} {:>11} {:>9}  {}".format("topic", "story s", "virtual ms", "real s", "real time: lines, stamps"))
    for row in rows:
        print("{topic:28} {story_s:8.2f} {ms:11.0f} {real_wall_s:9.2f}  {lines}, {stamps}".format(
            ms=row["virtual_wall_s"] * 1000, lines="same" if row["same_lines_in_real_time"] else "DIFFER",
            stamps="within tolerance" if row["stamps_within_tolerance"] else "later (real work)", **row))
    print("\n{} topics on Python {}: story {:.1f} s in all".format(len(rows), platform.python_version(), story))
    print("  real time, each run's wall summed: {:.1f} s (x{:.2f} story: interpreter start-up and exit)".format(
        real_total, real_total / story if story else float("nan")))
    print("  virtual clock, fresh interpreter each, one after another: {:.2f} s (story / {:.0f})".format(
        fresh, story / fresh))
    print("  virtual clock, as the suite runs them (forked, {} at a time): {:.2f} s (story / {:.0f})".format(
        os.cpu_count(), batch_wall, story / batch_wall))
    differing = [row["topic"] for row in rows if not (row["same_lines_in_real_time"] and row["forked_ok"])]
    print("  lines that differ in real time, or forked from fresh: {}".format(", ".join(differing) or "none"))
    print("  stamps later in real time: {}".format(", ".join(
        row["topic"] for row in rows if not row["stamps_within_tolerance"]) or "none"))
    with open(os.path.join(ROOT, "benchmarks", "story_time.json"), "w", encoding="utf-8") as out:
        json.dump({"python": platform.python_version(), "cores": os.cpu_count(), "story_s": story,
                   "real_summed_s": real_total, "virtual_fresh_sequential_s": fresh,
                   "virtual_forked_batch_s": batch_wall, "topics": rows}, out, indent=1)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
