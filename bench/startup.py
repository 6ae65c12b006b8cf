"""Install size and cold start.

Builds a fresh virtual environment with the default install (no dev tools), reports its
size on disk and whether torch came in, then times cold commands (median of 5 runs, each a
new process): `import newsfuse`, the models a brief needs loaded alone, `newsfuse
--version`, briefs of examples/ and of the seed reports, and `brief --story` of the seeds
ingested into a store, with the readings `ingest` keeps and with none (every report read
again, as before they were kept), with their peak memory.

    python bench/startup.py [--venv /tmp/newsfuse-bench-venv]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import ROOT, save, table


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1024 / 1024


def build_venv(venv: Path) -> float:
    if not (venv / "bin" / "newsfuse").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [
                str(venv / "bin" / "pip"),
                "install",
                "-q",
                "-c",
                str(ROOT / "constraints.txt"),
                str(ROOT),
            ],
            check=True,
        )
    site = next((venv / "lib").glob("python3*/site-packages"))
    if (site / "torch").exists():
        raise SystemExit("the default install pulled torch")
    return _size_mb(site)


_MEASURE = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


# What a brief cannot do without: spaCy and its model, the sentence encoder, language id,
# each loaded and used once. A brief's start-up is judged against this.
_MODELS_ALONE = (
    "from newsfuse.text.nlp import read; read('Ready.'); "
    "from newsfuse.text.embed import default_encoder; default_encoder().encode(['Ready.']); "
    "from newsfuse.text.language import identify; identify('Ready to go now.')"
)


def cold(command: list[str], repeats: int = 5) -> tuple[float, float]:
    """Median wall seconds and peak memory (MiB) of `command`, each run in a new process
    started by a fresh wrapper, so that no earlier child counts towards the peak."""
    times, peaks = [], []
    for _ in range(repeats):
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, *command],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        seconds, peak_kib = done.stdout.split()
        times.append(float(seconds))
        peaks.append(int(peak_kib) / 1024)
    return sorted(times)[len(times) // 2], max(peaks)


def stored_story(newsfuse: str, folder: Path, reports: list[str]) -> dict[str, list[str]]:
    """`brief --story` of `reports` ingested as one story: from a store keeping their
    readings, and from a copy keeping none."""
    kept, bare = folder / "kept.db", folder / "bare.db"
    subprocess.run([newsfuse, "ingest", "-q", "--db", str(kept), *reports], check=True)
    listed = subprocess.run(
        [newsfuse, "stories", "--db", str(kept), "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
    )
    story = json.loads(listed.stdout)[0]["id"]
    with sqlite3.connect(kept) as source, sqlite3.connect(bare) as copy:
        source.backup(copy)
        copy.execute("DELETE FROM readings")
    brief = [newsfuse, "brief", "--story", story, "--db"]
    return {
        "brief --story seeds, readings kept": [*brief, str(kept)],
        "brief --story seeds, read again": [*brief, str(bare)],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--venv", default="/tmp/newsfuse-bench-venv")
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    arguments = parser.parse_args()
    venv = Path(arguments.venv)
    size = build_venv(venv)
    python, newsfuse = str(venv / "bin" / "python"), str(venv / "bin" / "newsfuse")
    commands = {
        "import newsfuse": [python, "-c", "import newsfuse"],
        "load the models alone": [python, "-c", _MODELS_ALONE],
        "newsfuse --version": [newsfuse, "--version"],
        "brief examples/ (6 reports)": [newsfuse, "brief", "examples/"],
    }
    seeds = sorted(Path(arguments.seeds).glob("*.txt"))
    stores = tempfile.TemporaryDirectory()
    if seeds:
        commands["brief seeds (5 reports)"] = [newsfuse, "brief", *map(str, seeds)]
        commands |= stored_story(newsfuse, Path(stores.name), [str(path) for path in seeds])
    rows = []
    for name, command in commands.items():
        seconds, peak = cold(command)
        rows.append([name, seconds, round(peak)])
    stores.cleanup()
    print(f"default install: {size:.0f} MiB in site-packages (no torch)\n")
    print(table(["cold command", "median s", "peak MiB"], rows))
    save(
        "startup",
        {
            "site_packages_mib": round(size),
            "cold": {r[0]: {"seconds": r[1], "peak_mib": r[2]} for r in rows},
        },
    )


if __name__ == "__main__":
    main()
