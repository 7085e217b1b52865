"""SIGTERM ends a run the way Ctrl-C does.

A CI runner cancelling a job, ``timeout`` or a container stop send SIGTERM.
Turned into an exception of the Ctrl-C family, it takes the path an interrupt
already takes: queued work is cancelled, workers are ended, a partial summary
is printed and no report file is left half-written. Only the exit code
differs: 143 (128 + SIGTERM), as a shell reports a process ended by it.
"""

from __future__ import annotations

import signal
from types import FrameType

EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_TERMINATED = 143  # 128 + SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived; caught wherever Ctrl-C is."""


_state = {"terminated": False}


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    if _state["terminated"]:
        return  # a second SIGTERM while stopping: the first one is being handled
    _state["terminated"] = True
    raise Terminated()


def install() -> None:
    """Handle SIGTERM in this (the main) process; workers reset it (see ``batch``)."""
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _on_sigterm)


def exit_code() -> int:
    return EXIT_TERMINATED if _state["terminated"] else EXIT_INTERRUPTED


def word() -> str:
    return "terminated" if _state["terminated"] else "interrupted"
