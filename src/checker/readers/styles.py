"""Paragraph styles of a .docx, resolved through ``basedOn`` chains.

Whether a paragraph is a heading, and whether it is numbered, is usually
decided by its style rather than by the paragraph itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "标题"})
_TOC_NAME = re.compile(r"^(?:toc|目录)\s*[1-9]$", re.IGNORECASE)
_MAX_CHAIN = 32
_NO_OUTLINE = 9  # outline level 9 means body text


@dataclass(frozen=True)
class Style:
    name: str
    based_on: str | None
    outline: int | None
    num_id: str | None
    ilvl: int | None


def int_attr(value: str | None, default: int | None = None) -> int | None:
    """Parse an integer attribute leniently; junk gives ``default``."""
    if value is None:
        return default
    try:
        return int(value.strip())
    except ValueError:
        return default


class Styles:
    """Heading levels and numbering inherited from styles, with memoised lookups.

    A real styles.xml defines hundreds of styles of which a document uses a
    few, so a style is read from its element only when a paragraph asks.
    """

    def __init__(self, root: etree._Element | None, w: str) -> None:
        self.w = w
        self.default_paragraph: str | None = None
        self._elements: dict[str, etree._Element] = {}
        self._styles: dict[str, Style | None] = {}
        self._kinds: dict[str, tuple[int | None, bool]] = {}
        self._numbering: dict[str, tuple[str, int | None] | None] = {}
        if root is None:
            return
        default = f"{w}default"
        for el in root.iter(f"{w}style"):
            style_id = el.get(f"{w}styleId")
            if style_id is None:
                continue
            self._elements[style_id] = el  # a later definition replaces an earlier one
            if el.get(default) in ("1", "true", "on") and el.get(f"{w}type", "paragraph") == (
                "paragraph"
            ):
                self.default_paragraph = style_id

    def get(self, style_id: str) -> Style | None:
        if style_id not in self._styles:
            el = self._elements.get(style_id)
            self._styles[style_id] = None if el is None else self._read(el)
        return self._styles[style_id]

    def _read(self, el: etree._Element) -> Style:
        w = self.w
        val = f"{w}val"
        name_el = el.find(f"{w}name")
        based_el = el.find(f"{w}basedOn")
        outline = num_id = ilvl = None
        ppr = el.find(f"{w}pPr")
        if ppr is not None:
            outline_el = ppr.find(f"{w}outlineLvl")
            if outline_el is not None:
                outline = int_attr(outline_el.get(val))
            numpr = ppr.find(f"{w}numPr")
            if numpr is not None:
                num_el = numpr.find(f"{w}numId")
                ilvl_el = numpr.find(f"{w}ilvl")
                num_id = num_el.get(val) if num_el is not None else None
                ilvl = int_attr(ilvl_el.get(val)) if ilvl_el is not None else None
        return Style(
            name=(name_el.get(val, "") if name_el is not None else "").strip(),
            based_on=based_el.get(val) if based_el is not None else None,
            outline=outline,
            num_id=num_id,
            ilvl=ilvl,
        )

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its ancestors, nearest first, stopping at cycles."""
        out: list[Style] = []
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and len(out) < _MAX_CHAIN:
            seen.add(style_id)
            style = self.get(style_id)
            if style is None:
                break
            out.append(style)
            style_id = style.based_on
        return out

    def paragraph_kind(self, style_id: str | None) -> tuple[int | None, bool]:
        """``(heading level or None, is a table-of-contents entry)`` for a paragraph style."""
        if style_id is None:
            return None, False
        found = self._kinds.get(style_id)
        if found is None:
            found = self._kinds[style_id] = (self.heading_level(style_id), self.is_toc(style_id))
        return found

    def heading_level(self, style_id: str) -> int | None:
        """Heading level of a style: "heading N" → N, Title → 0, outline level L → L+1."""

        for style in self.chain(style_id):
            match = _HEADING_NAME.match(style.name)
            if match:
                return int(match.group(1))
            if style.name.lower() in _TITLE_NAMES:
                return 0
            if style.outline is not None and 0 <= style.outline < _NO_OUTLINE:
                return style.outline + 1
        return None

    def is_toc(self, style_id: str) -> bool:
        """Table-of-contents entries repeat the headings; readers skip them."""
        style = self.get(style_id)
        return style is not None and _TOC_NAME.match(style.name) is not None

    def numbering(self, style_id: str | None) -> tuple[str, int | None] | None:
        """``(numId, ilvl)`` a style gives its paragraphs, through ``basedOn``."""
        if style_id is None:
            return None
        if style_id not in self._numbering:
            found: tuple[str, int | None] | None = None
            for style in self.chain(style_id):
                if style.num_id is not None:
                    found = (style.num_id, style.ilvl)
                    break
            self._numbering[style_id] = found
        return self._numbering[style_id]
