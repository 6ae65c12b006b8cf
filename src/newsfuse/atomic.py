"""Output files written whole or not at all.

A brief or a table is written to a temporary file beside its target and renamed over it,
so a reader never sees half of one. The file gets the target's permissions when it
replaces one, else what the umask gives a new file (not the 0600 of a temporary file); a
symbolic link is written through, not replaced. A temporary file left by a run that was
killed is removed by the next run that writes the same target.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

_SUFFIX = ".newsfuse-partial"
# A partial file older than this is a killed run's, not a run writing at the same time.
_STALE_SECONDS = 3600.0


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path to write `target`'s new content to; it becomes `target` when the
    block ends and is removed if the block fails (or the run is stopped)."""
    target = Path(os.path.realpath(target)) if target.is_symlink() else target
    folder = target.parent
    _remove_stale(folder, target.name)
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=_SUFFIX)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        temporary.chmod(_mode_for(target))
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)  # reading the umask means setting it: set straight back
        os.umask(umask)
        return 0o666 & ~umask


def _remove_stale(folder: Path, name: str) -> None:
    now = time.time()
    with contextlib.suppress(OSError):
        for partial in folder.glob(f".{glob.escape(name)}.*{_SUFFIX}"):
            with contextlib.suppress(OSError):
                if now - partial.stat().st_mtime > _STALE_SECONDS:
                    partial.unlink()
