"""A pack's patterns: placeholders, compilation with the line it came from, the search budget."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import regex

from checker.budget import DEFAULT_SECONDS
from checker.errors import RulePackError
from checker.numbers import NUMBER_PATTERN
from checker.rulepacks import compiled
from checker.rulepacks.yamlines import Path_, line_for

DATE_PATTERN = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
PLACEHOLDERS = {"{NUM}": NUMBER_PATTERN, "{DATE}": DATE_PATTERN}
PATTERN_TIMEOUT = DEFAULT_SECONDS  # one document's pattern budget: see budget.py
# what ``regex.escape`` puts a backslash before: its metacharacters and any whitespace
# (``\s`` of ``re`` is ``str.isspace``)
_NEEDS_ESCAPE = re.compile(r"[()\[\]{}?*+|^$\\.\-#&~\s]")


def literal(word: str) -> str:
    """``regex.escape(word)``: most pack words are plain Chinese and come back as they
    are, without its character-by-character loop (hundreds of words per process)."""
    return regex.escape(word) if _NEEDS_ESCAPE.search(word) else word


def compile_pattern(source: str, text: str, lines: dict[Path_, int], path: Path_) -> Any:
    expanded = text
    for name, fragment in PLACEHOLDERS.items():
        expanded = expanded.replace(name, fragment)
    try:
        return compiled.cached(expanded)
    except regex.error as exc:
        raise RulePackError(
            source,
            f"pattern does not compile: {exc}",
            line=line_for(lines, path),
            key=str(path[-2]) if len(path) > 1 else None,
        ) from None


# references between groups (by number, by name, recursion) cannot survive the joining
_REFERENCE = compiled.cached(r"\\[1-9]|\\g<|\(\?P=|\(\?&|\(\?R|\(\?[+-]?\d")
_NAMED_GROUP = compiled.cached(r"(?<!\\)\(\?P?<([A-Za-z_]\w*)>")


def screen(patterns: Sequence[Any]) -> Any:
    """One pattern that matches a text exactly when one of ``patterns`` does.

    Most texts match none of a list, so one search with the screen rules a
    text out instead of one search per pattern; only a text it matches is
    searched pattern by pattern for what matched. None when the patterns
    cannot be joined (a reference to a group, different flags): then search
    them one by one.
    """
    if not patterns or len({p.flags for p in patterns}) > 1:
        return None
    if any(_REFERENCE.search(p.pattern) for p in patterns):
        return None
    sources = [_NAMED_GROUP.sub("(?:", p.pattern) for p in patterns]
    try:
        return compiled.cached("|".join(f"(?:{s})" for s in sources), patterns[0].flags)
    except regex.error:
        return None
