"""One time budget for the patterns of one document, cheap to keep.

A bound per search lets thirty slow patterns in a user's pack cost thirty
times the bound per file, and passing ``timeout=`` to every search makes the
regex module read the clock on each call (measured: 3.5 times the cost of a
short search). Instead the budget is a CPU-time timer armed once per document
(``setitimer(ITIMER_PROF)``): searches run with no timeout of their own, and
when the document's time is spent the timer's signal raises ``BudgetSpent``
inside whatever search is running (the regex module checks for signals while
it matches). Once spent, the timer keeps firing every few milliseconds, so the
rules left cannot run long either; the engine reports them as not evaluated.

CPU time, not wall time: a loaded machine does not make a report time out.
Where there is no such timer (Windows) or outside the main thread, each search
gets what is left of the budget as its own timeout instead.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from types import FrameType

DEFAULT_SECONDS = 10.0  # CPU seconds for one document; a real report needs well under 0.1
_AFTER = 0.005  # once spent: the interval at which whatever still runs is stopped


class BudgetSpent(TimeoutError):
    """The document's pattern budget is spent."""


_state: dict[str, float | None] = {"deadline": None, "spent": None}
_SIGNAL = getattr(signal, "SIGPROF", None)


def _on_timer(signum: int, frame: FrameType | None) -> None:
    _state["spent"] = 1.0
    raise BudgetSpent("the pattern budget for this document is spent")


def _can_signal() -> bool:
    return (
        _SIGNAL is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )


@contextlib.contextmanager
def document(seconds: float | None) -> Iterator[None]:
    """Run the block with ``seconds`` of CPU time for its patterns."""
    limit = DEFAULT_SECONDS if seconds is None else seconds
    _state["spent"] = None
    if not _can_signal():
        _state["deadline"] = time.monotonic() + limit
        try:
            yield
        finally:
            _state["deadline"] = None
        return
    assert _SIGNAL is not None
    previous = signal.signal(_SIGNAL, _on_timer)
    signal.setitimer(signal.ITIMER_PROF, limit, _AFTER)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(_SIGNAL, previous)
        _state["spent"] = None


def timeout() -> float | None:
    """The ``timeout=`` for one search: None when the timer guards it (the usual case)."""
    deadline = _state["deadline"]
    if deadline is None:
        if _state["spent"] is not None:
            raise BudgetSpent("the pattern budget for this document is spent")
        return None
    return max(deadline - time.monotonic(), 0.001)


def spent() -> bool:
    return _state["spent"] is not None
