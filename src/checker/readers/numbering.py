"""Word automatic list numbering: definitions from numbering.xml plus running counters.

Counters belong to the abstract definition, as in Word: several ``w:num``
instances of one definition continue one sequence, and a ``startOverride``
restarts it the first time that instance is used.  Using a level restarts the
deeper levels (unless their ``lvlRestart`` says otherwise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree

from .numfmt import format_number
from .styles import Styles, int_attr

_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_MAX_START = 1_000_000


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # lvlRestart: restart after this 1-based level; 0 = never
    legal: bool = False  # isLgl: show every level as decimal
    suffix: str = "tab"


def _level(el: etree._Element, w: str) -> Level:
    """A ``w:lvl``; a property given twice takes its last value. One ``Level`` is
    built at the end, not one per property."""
    val = f"{w}val"
    start, fmt, text, restart, legal, suffix = 1, "decimal", None, None, False, "tab"
    for child in el:
        tag = child.tag
        if tag == f"{w}start":
            value = int_attr(child.get(val), 1) or 0
            start = max(0, min(value, _MAX_START))
        elif tag == f"{w}numFmt":
            fmt = child.get(val, "decimal")
        elif tag == f"{w}lvlText":
            nulled = child.get(f"{w}null") in ("1", "true", "on")
            text = None if nulled else child.get(val)
        elif tag == f"{w}lvlRestart":
            restart = int_attr(child.get(val))
        elif tag == f"{w}isLgl":
            legal = child.get(val, "1") not in ("0", "false", "off")
        elif tag == f"{w}suff":
            suffix = child.get(val, "tab")
    return Level(start, fmt, text, restart, legal, suffix)


def _ilvl(el: etree._Element, w: str) -> int | None:
    ilvl = int_attr(el.get(f"{w}ilvl"))
    return ilvl if ilvl is not None and 0 <= ilvl < _LEVELS else None


class Numbering:
    """Turns ``(numId, ilvl)`` of successive paragraphs into their visible labels."""

    def __init__(self, root: etree._Element | None, styles: Styles, w: str) -> None:
        self.w = w
        self.abstract: dict[str, dict[int, Level]] = {}
        # abstractNumId -> its element, read into ``abstract`` on first use: a
        # numbering.xml defines dozens of lists of nine levels, a report uses a few
        self._unread: dict[str, etree._Element] = {}
        self.style_links: dict[str, str] = {}  # abstractNumId -> numbering style id
        self.nums: dict[str, tuple[str, dict[int, Level], set[int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[str] = set()
        self.styles = styles
        if root is None:
            return
        val = f"{w}val"
        for el in root.iter(f"{w}abstractNum"):
            abstract_id = el.get(f"{w}abstractNumId")
            if abstract_id is None:
                continue
            self._unread[abstract_id] = el  # a later definition replaces an earlier one
            link = el.find(f"{w}numStyleLink")
            if link is not None and link.get(val):
                self.style_links[abstract_id] = link.get(val, "")
        for el in root.iter(f"{w}num"):
            num_id = el.get(f"{w}numId")
            ref = el.find(f"{w}abstractNumId")
            if num_id is None or ref is None or ref.get(val) is None:
                continue
            overrides: dict[int, Level] = {}
            restarts: set[int] = set()
            for override in el.iter(f"{w}lvlOverride"):
                ilvl = _ilvl(override, w)
                if ilvl is None:
                    continue
                replacement = override.find(f"{w}lvl")
                if replacement is not None:
                    overrides[ilvl] = _level(replacement, w)
                start = override.find(f"{w}startOverride")
                if start is not None:
                    restarts.add(ilvl)
                    value = max(0, min(int_attr(start.get(val), 1) or 0, _MAX_START))
                    base = overrides.get(ilvl) or Level()
                    overrides[ilvl] = replace(base, start=value)
            self.nums[num_id] = (ref.get(val, ""), overrides, restarts)

    def _levels(self, abstract_id: str) -> dict[int, Level] | None:
        found = self.abstract.get(abstract_id)
        if found is None:
            el = self._unread.pop(abstract_id, None)
            if el is None:
                return None
            w = self.w
            found = self.abstract[abstract_id] = {}
            for lvl in el.iter(f"{w}lvl"):
                ilvl = _ilvl(lvl, w)
                if ilvl is not None:
                    found[ilvl] = _level(lvl, w)
        return found

    def _definition(self, num_id: str) -> tuple[str, dict[int, Level]] | None:
        """The abstract id and effective levels of a num, following one numStyleLink hop."""
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        abstract_id, overrides, _restarts = entry
        if abstract_id in self.style_links:
            linked = self.styles.numbering(self.style_links[abstract_id])
            target = self.nums.get(linked[0]) if linked else None
            if target is not None and target[0] not in self.style_links:
                abstract_id = target[0]
        base = self._levels(abstract_id)
        if base is None:
            return None
        if not overrides:
            return abstract_id, base
        levels = dict(base)
        for ilvl, level in overrides.items():
            if level.text is None and ilvl in base:
                level = replace(base[ilvl], start=level.start)
            levels[ilvl] = level
        return abstract_id, levels

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the counters for one numbered paragraph; ``(label, suffix)`` or None."""
        if num_id == "0" or not 0 <= ilvl < _LEVELS:
            return None
        definition = self._definition(num_id)
        if definition is None:
            return None
        abstract_id, levels = definition
        counters = self.counters.setdefault(abstract_id, [None] * _LEVELS)
        if num_id not in self.used:
            self.used.add(num_id)
            for restarted in self.nums[num_id][2]:
                counters[restarted] = None
        level = levels.get(ilvl, Level())
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet" or not level.text:
            return None

        def render(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            ref = levels.get(k, Level())
            value = counters[k]
            number = ref.start if value is None else value
            fmt = "decimal" if level.legal and ref.fmt not in ("none", "bullet") else ref.fmt
            return format_number(number, fmt)

        text = _PLACEHOLDER.sub(render, level.text).strip()
        return (text, level.suffix) if text else None
