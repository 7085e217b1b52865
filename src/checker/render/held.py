"""Text a format writes before the part that must come first is known.

JUnit's totals open its report and SARIF's rules open its log, yet both are
known only once every file has been read; reading a spooled run's files back a
second time was a good part of either format's cost. So the rest is written
in the one walk and held: in memory up to about ``IN_MEMORY`` bytes, in a
temporary file past that, so a run of any size holds a few megabytes at most.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO

IN_MEMORY = 8 << 20
PIECE = 1 << 16  # characters handed out at a time


def holding() -> IO[str]:
    """A text file to hold what is written, removed when it is closed."""
    return tempfile.SpooledTemporaryFile(IN_MEMORY, mode="w+", encoding="utf-8", newline="")


def pieces(held: IO[str]) -> Iterator[str]:
    """Everything written to ``held``, from its start, in pieces of ``PIECE``."""
    held.seek(0)
    while piece := held.read(PIECE):
        yield piece


def split(text: str) -> Iterator[str]:
    """``text`` in pieces of ``PIECE``."""
    return (text[at : at + PIECE] for at in range(0, len(text), PIECE))
