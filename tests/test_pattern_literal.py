"""A pack word enters a pattern exactly as ``regex.escape`` would write it."""

from __future__ import annotations

import regex

from checker.rulepacks.patterns import literal


def test_every_character_is_escaped_as_regex_escapes_it() -> None:
    for code in range(0x10000):
        char = chr(code)
        assert literal(char) == regex.escape(char), hex(code)


def test_words_are_escaped_as_regex_escapes_them() -> None:
    for word in ("", "主动公开", "a.b", "（含 附件）", "1+1", "x\u3000y", "#&~", "件\\次"):
        assert literal(word) == regex.escape(word)
