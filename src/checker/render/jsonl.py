"""One JSON object per finding and line, for streaming into log pipelines.

Each line is the finding of the JSON contract plus the ``path`` of its file.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from checker.engine import display_path
from checker.render.json_out import finding_dict
from checker.render.words import pairs

if TYPE_CHECKING:
    from checker.postprocess import Outcome


def render(outcome: Outcome, lang: str) -> str:
    lines: list[str] = []
    for result in outcome.results:
        for finding, fingerprint in pairs(result):
            record: dict[str, Any] = {"path": display_path(result.path)}
            record.update(finding_dict(result, finding, lang, fingerprint))
            lines.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    return "".join(line + "\n" for line in lines)
