"""The one form table labels are compared in, for packs and documents alike."""

from __future__ import annotations

from functools import lru_cache

from checker.numbers import HEADING_NUMERALS, to_halfwidth
from checker.rulepacks import compiled

_BRACKETS = str.maketrans(
    {"【": "(", "】": ")", "〔": "(", "〕": ")", "［": "(", "］": ")", "[": "(", "]": ")"}
)
_SPACE = compiled.cached(r"\s+")
_PARENS = compiled.cached(r"\([^()]*\)")
_ENUM = compiled.cached(rf"^(?:[{HEADING_NUMERALS}]+[、.]|\d+[.、]|[①-⑳])")
_PUNCT = compiled.cached(r"[\s\p{P}\p{S}]+")
_VARIANTS = (("情形", "情况"), ("其它", "其他"))


@lru_cache(maxsize=8192)
def normalise_label(text: str) -> str:
    """Fold a label to the form labels are compared in."""
    s: str = _SPACE.sub("", to_halfwidth(text).translate(_BRACKETS))
    previous = None
    while previous != s:  # nested remarks: drop innermost first
        previous = s
        s = str(_PARENS.sub("", s))
    s = str(_ENUM.sub("", s))
    s = str(_PUNCT.sub("", s))
    for old, new in _VARIANTS:
        s = s.replace(old, new)
    return s
