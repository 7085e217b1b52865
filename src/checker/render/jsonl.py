"""One JSON object per finding and line, for streaming into log pipelines.

Each line is the finding of the JSON contract plus the ``path`` of its file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from checker.render.json_out import finding_dict
from checker.render.safe import json_text
from checker.render.words import pairs
from checker.results import display_path

if TYPE_CHECKING:
    from checker.results import Outcome


def render(outcome: Outcome, lang: str) -> str:
    return "".join(chunks(outcome, lang))


def chunks(outcome: Outcome, lang: str) -> Iterator[str]:
    """Each file's lines as one piece."""
    for result in outcome.results:
        lines = []
        for finding, fingerprint in pairs(result):
            record: dict[str, Any] = {"path": display_path(result.path)}
            record.update(finding_dict(result, finding, lang, fingerprint))
            lines.append(json_text(record, separators=(",", ":")) + "\n")
        yield "".join(lines)
