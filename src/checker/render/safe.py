"""Document text is data: make it safe for a terminal or a markup language."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidirectional
# overrides and isolates that can make a line read differently than it is.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Replace control and bidi-override characters by a visible escape."""
    return _UNSAFE.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", text)


def for_rich(text: str) -> str:
    """Visible controls, and rich markup shown literally."""
    from rich.markup import escape

    return escape(visible(text))
