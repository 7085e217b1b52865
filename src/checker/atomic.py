"""Write a report file whole or not at all.

The text goes to a temporary file beside the target, is flushed to disk and
renamed over it, so an interrupted run or a full disk never leaves a
truncated report where a CI step expects a complete one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable


def write_text(path: str, text: str) -> None:
    write_chunks(path, [text])


def write_chunks(path: str, chunks: Iterable[str]) -> None:
    """``write_text`` of the concatenated chunks, without ever joining them."""
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    fd, temporary = tempfile.mkstemp(
        dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _mode_for(target: str) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (umask applied)."""
    try:
        return os.stat(target).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
