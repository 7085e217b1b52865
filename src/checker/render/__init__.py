"""One renderer per output format; each is a pure function of the outcome and a language."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.results import Outcome

# format name -> module in this package; each module has ``render(outcome, lang) -> str``
# and ``chunks(outcome, lang)``: the same text in pieces, at most a file's worth each
MODULES = {
    "table": "table",
    "concise": "concise",
    "json": "json_out",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
    "markdown": "markdown",
    "html": "html",
}
FORMATS = tuple(MODULES)
# Formats read by people at a terminal: the only ones that may show a progress bar.
HUMAN = frozenset({"table", "concise"})


def render(fmt: str, outcome: Outcome, lang: str) -> str:
    module = import_module(f"checker.render.{MODULES[fmt]}")
    text: str = module.render(outcome, lang)
    return text


def render_chunks(fmt: str, outcome: Outcome, lang: str) -> Iterable[str]:
    """The same text as ``render``, in pieces: a header, a piece per file, a footer."""
    module = import_module(f"checker.render.{MODULES[fmt]}")
    if hasattr(module, "chunks"):
        pieces: Iterable[str] = module.chunks(outcome, lang)
        return pieces
    return [render(fmt, outcome, lang)]
