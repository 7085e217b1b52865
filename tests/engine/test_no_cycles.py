"""A checked report leaves no reference cycles behind.

A report's objects (blocks, cells, the table index, the prose read) are many;
freed by reference counting they go the moment a check returns, while a cycle
among them keeps them all until the interpreter's next collection of cycles,
which first walks every one of them. In a batch of thousands that walking was
a tenth of the time.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.engine import Engine

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(
    p
    for p in (ROOT / "samples").glob("*.*")
    if p.suffix in (".txt", ".md", ".docx", ".html", ".pdf") and p.name != "README.md"
)


@pytest.fixture()
def no_collector() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_a_check_leaves_nothing_for_the_cycle_collector(path: Path, no_collector: None) -> None:
    engine = Engine()
    engine.check_path(str(path))  # packs loaded, patterns compiled: those stay
    gc.collect()
    result = engine.check_path(str(path))
    assert result.findings is not None
    assert gc.collect() == 0  # nothing unreachable was left for it to find
