"""Shared wording for renderers: messages and locations in the chosen language."""

from __future__ import annotations

from checker.engine import FileResult
from checker.findings import Finding, render_message
from checker.model import Location

SEVERITY_WORDS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def message(result: FileResult, finding: Finding, lang: str) -> str:
    rule = result.rules.get(finding.rule)
    template = rule.message.get(lang) if rule else finding.rule
    text = render_message(template, finding, lang)
    if finding.rule == "E001" and finding.args.get("detail"):
        text += f" ({finding.args['detail']})"
    return text


def location(loc: Location, lang: str) -> str:
    zh = lang != "en"
    parts: list[str] = []
    if loc.section:
        parts.append(" › ".join(loc.section))
    if loc.table is not None:
        parts.append(f"表{loc.table}" if zh else f"table {loc.table}")
    if loc.row_label or loc.row is not None:
        label = loc.row_label or (f"第{loc.row}行" if zh else f"row {loc.row}")
        parts.append(label)
    if loc.column_label or loc.column is not None:
        label = loc.column_label or (f"第{loc.column}列" if zh else f"column {loc.column}")
        parts.append(label)
    if loc.line is not None:
        parts.append(f"第{loc.line}行" if zh else f"line {loc.line}")
    elif loc.paragraph is not None:
        parts.append(f"第{loc.paragraph}段" if zh else f"paragraph {loc.paragraph}")
    if not parts:
        return "全文" if zh else "whole document"
    return " · ".join(parts)
