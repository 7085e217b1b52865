"""One JSON object per finding and line, for streaming into log pipelines.

Each line is the finding of the JSON contract plus the ``path`` of its file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checker.render.json_out import finding_dict
from checker.render.safe import json_text
from checker.render.words import pairs
from checker.results import display_path

if TYPE_CHECKING:
    from checker.results import Outcome


def render(outcome: Outcome, lang: str) -> str:
    lines: list[str] = []
    for result in outcome.results:
        for finding, fingerprint in pairs(result):
            record: dict[str, Any] = {"path": display_path(result.path)}
            record.update(finding_dict(result, finding, lang, fingerprint))
            lines.append(json_text(record, separators=(",", ":")))
    return "".join(line + "\n" for line in lines)
