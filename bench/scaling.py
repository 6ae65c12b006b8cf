"""Cost that must stay near-linear: near-copies of a long report, and one story of many
short reports, each briefed by `newsfuse brief` in a fresh process (models loaded included).

- near-copies: two reports of 4, 17 and 60 kB whose sentences are all alike (a long list of
  one kind of statement, each with its own figure), one a copy of the other with one word
  in forty changed: every sentence of one is close in meaning to every sentence of the other,
  the worst case for any step over pairs of sentences;
- many short reports: one event reported 10, 100, 250 and 1,000 times in five sentences
  drawn from a pool and reworded (a wire story rewritten across a crawl), all one story.

Seconds and peak memory of each run; `--baseline REF` runs a git worktree of that ref beside
this tree, on the same inputs, in the same run.

    python bench/scaling.py [--baseline REF] [--sizes 10,100,250,1000]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _harness import ROOT, save, table

# The pool a short report draws its sentences from (one event: a ship hits a bridge).
_POOL = (
    "A container ship lost power and struck the Alder Bay bridge on Monday morning.",
    "The bridge was closed to all traffic while engineers inspected the damage.",
    "City officials said repairs could take several weeks.",
    "About 28,000 vehicles cross the bridge on a normal weekday.",
    "The Harbor Safety Board said it had opened an inquiry into the engine failure.",
    "Two tugboats reached the vessel within minutes but could not hold it.",
    "No one was injured, the harbor master said.",
    "Buses have been rerouted through the tunnel, adding twenty minutes to trips.",
    "The shipping company said it was cooperating with investigators.",
    "The mayor called the collision a wake-up call for the port.",
    "Engineers found cracks in two of the bridge's support piers.",
    "Ferry services will run extra crossings until the bridge reopens.",
)
_SWAPS = (
    ("struck", "hit"), ("closed", "shut"), ("several", "a few"), ("said", "told reporters"),
    ("engineers", "inspectors"), ("damage", "harm"), ("vessel", "ship"), ("inquiry", "probe"),
)  # fmt: skip


def short_reports(count: int, folder: Path) -> None:
    rng = random.Random(count)
    for number in range(count):
        sentences = []
        for chosen in rng.sample(_POOL, 5):
            reworded = chosen
            for old, new in _SWAPS:
                if rng.random() < 0.3:
                    reworded = reworded.replace(old, new)
            sentences.append(reworded)
        text = f"Ship hits Alder Bay bridge (report {number})\n\n" + " ".join(sentences)
        (folder / f"r{number:05d}.txt").write_text(text + "\n", encoding="utf-8")


def near_copies(size: int, folder: Path) -> None:
    sentences, number = [], 0
    while sum(len(s) + 1 for s in sentences) < size:
        sentences.append(
            f"The minister said on Tuesday that {number + 2} more units would return to their"
            f" bases near the border, officials in district {number % 7} confirmed."
        )
        number += 1
    text = " ".join(sentences)
    words = text.split(" ")
    for position in range(17, len(words), 40):
        words[position] = words[position].upper()
    (folder / "a.txt").write_text(f"Troops return to bases\n\n{text}\n", encoding="utf-8")
    copy = " ".join(words)
    (folder / "b.txt").write_text(f"Troops return to bases\n\n{copy}\n", encoding="utf-8")


_DRIVER = """
import resource, sys, time
started = time.perf_counter()
from newsfuse import brief_paths, render_json
brief = brief_paths([sys.argv[1]])
render_json(brief)
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
      len(brief.stories))
"""


def timed(code: Path, folder: Path) -> tuple[float, float, int]:
    run = subprocess.run(
        [sys.executable, "-c", _DRIVER, str(folder)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(code / "src"), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
    )
    seconds, memory, stories = run.stdout.split()
    return float(seconds), float(memory), int(stories)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", help="a git ref to run beside this tree")
    parser.add_argument("--sizes", default="10,100,250,1000", help="short reports per story")
    parser.add_argument("--copies", default="4000,17000,60000", help="near-copy sizes (chars)")
    arguments = parser.parse_args()
    rows, results = [], {}
    with tempfile.TemporaryDirectory() as scratch:
        versions = {"this tree": ROOT}
        if arguments.baseline:
            where = Path(scratch) / "baseline"
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(where),
                 arguments.baseline],
                check=True, capture_output=True,
            )  # fmt: skip
            versions = {f"baseline {arguments.baseline}": where, **versions}
        cases = [(f"near-copies {int(s) // 1000} kB", int(s), near_copies)
                 for s in arguments.copies.split(",")]  # fmt: skip
        cases += [(f"{n} short reports", int(n), short_reports) for n in arguments.sizes.split(",")]
        for name, size, make in cases:
            folder = Path(scratch) / name.replace(" ", "-")
            folder.mkdir()
            make(size, folder)
            for version, code in versions.items():
                started = time.perf_counter()
                seconds, memory, stories = timed(code, folder)
                results[f"{version} / {name}"] = {
                    "seconds": round(seconds, 1), "peak_mib": round(memory), "stories": stories,
                    "wall": round(time.perf_counter() - started, 1),
                }  # fmt: skip
                rows.append((name, version, round(seconds, 1), round(memory), stories))
        if arguments.baseline:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force",
                 str(Path(scratch) / "baseline")],
                check=False,
            )  # fmt: skip
    print(table(["input", "version", "seconds", "peak MiB", "stories"], rows))
    print(f"bench process peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    save("scaling", results)


if __name__ == "__main__":
    main()
