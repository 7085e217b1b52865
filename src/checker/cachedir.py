"""Where the checker keeps what it may rebuild at any time (packs, patterns, class code)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

# the folders the checker writes below the cache folder: pack sets, compiled patterns and
# class code in one, kept results in the other; nothing else there is the checker's
OWN = ("packs", "results")


def cache_dir() -> Path:
    base = os.environ.get("CHECKER_CACHE_DIR")
    if base:
        return Path(base)
    if os.name == "nt":
        root = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    else:
        root = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return root / "checker"


def keep(target: Path, data: bytes, mode: int = 0o666) -> None:
    """Write a cache file whole or not at all, through a temporary file beside it: a
    reader finds the old file or the new one, never a part. A failure (a full disk, a
    folder that cannot be written; on Windows, a file another run has open) only
    means nothing is kept, and leaves no temporary file behind. ``mode``: the new
    file's permissions before the umask (class code is this user's alone)."""
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def clean() -> int:
    """Remove what the checker keeps (its own folders only); the number of files removed."""
    import shutil

    removed = 0
    for name in OWN:
        folder = cache_dir() / name
        if folder.is_symlink() or not folder.is_dir():
            continue
        removed += sum(1 for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        shutil.rmtree(folder, ignore_errors=True)
    return removed
