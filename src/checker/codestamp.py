"""A stamp of the checker's own code: what a cache of things this code made is keyed by.

Made of the name, size and modification time of every module and schema of the
install, so an upgrade or an edited checkout gets a stamp of its own, and
nothing is read to find out: stat calls only, once per process.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from checker.digest import sha256
from checker.resources import schemas_dir


@cache
def code_stamp() -> str:
    """The modules' and the schemas' stamp: what the pack-set and pattern caches key by."""
    return folder_stamp(str(Path(__file__).resolve().parent), str(schemas_dir()))


@cache
def folder_stamp(*folders: str) -> str:
    """The ``.py`` and ``.json`` files below ``folders``, by path, size and time."""
    lines: list[str] = []
    for folder in folders:
        _stamp_lines(folder, lines)
    return sha256("".join(lines).encode(errors="replace")).hexdigest()[:16]


def _stamp_lines(folder: str, lines: list[str]) -> None:
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    _stamp_lines(entry.path, lines)
            elif entry.name.endswith((".py", ".json")):
                st = entry.stat()
                lines.append(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}\n")
        except OSError:
            continue
