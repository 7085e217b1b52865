"""A pack's patterns: placeholders, compilation with the line it came from, the search budget."""

from __future__ import annotations

from typing import Any

import regex

from checker.budget import DEFAULT_SECONDS
from checker.errors import RulePackError
from checker.numbers import NUMBER_PATTERN
from checker.rulepacks.yamlines import Path_, line_for

DATE_PATTERN = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
PLACEHOLDERS = {"{NUM}": NUMBER_PATTERN, "{DATE}": DATE_PATTERN}
PATTERN_TIMEOUT = DEFAULT_SECONDS  # one document's pattern budget: see budget.py


def compile_pattern(source: str, text: str, lines: dict[Path_, int], path: Path_) -> Any:
    expanded = text
    for name, fragment in PLACEHOLDERS.items():
        expanded = expanded.replace(name, fragment)
    try:
        return regex.compile(expanded)
    except regex.error as exc:
        raise RulePackError(
            source,
            f"pattern does not compile: {exc}",
            line=line_for(lines, path),
            key=str(path[-2]) if len(path) > 1 else None,
        ) from None
