"""One line per finding, ``path:line:col: ID [severity] message``, for editors and grep.

For .docx and HTML the "line" is the paragraph's ordinal, so the section,
table, row and column are added to the message.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.render.safe import log_path, one_line
from checker.render.words import is_line_based, position, summary_line, where
from checker.results import display_path, message

if TYPE_CHECKING:
    from checker.results import Outcome


def render(outcome: Outcome, lang: str) -> str:
    return "".join(chunks(outcome, lang))


def chunks(outcome: Outcome, lang: str) -> Iterator[str]:
    """The lines of each file as one piece, then the summary line."""
    for result in outcome.results:
        path = log_path(display_path(result.path))
        lines = []
        for f in result.findings:
            line, column = position(f.location)
            text = message(result, f, lang)
            context = where(f.location, lang, with_section=not is_line_based(result))
            if context:
                text += f" ({context})"
            head = f"{path}:{line}:{column}: {f.rule} [{f.severity.value}]"
            lines.append(f"{head} {one_line(text)}\n")
        yield "".join(lines)
    yield summary_line(outcome.summary(), lang) + "\n"
