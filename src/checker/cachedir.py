"""Where the checker keeps what it may rebuild at any time (packs, patterns, class code)."""

from __future__ import annotations

import os
import shutil
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


def clean() -> int:
    """Remove what the checker keeps (its own folders only); the number of files removed."""
    removed = 0
    for name in OWN:
        folder = cache_dir() / name
        if folder.is_symlink() or not folder.is_dir():
            continue
        removed += sum(1 for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        shutil.rmtree(folder, ignore_errors=True)
    return removed
