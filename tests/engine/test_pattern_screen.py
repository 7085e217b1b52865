"""A screen (all of a list of patterns as one) finds a text exactly when a pattern does."""

from __future__ import annotations

import regex

from checker.checks.forbidden_pattern import ForbiddenSpec
from checker.rulepacks.editions import editions
from checker.rulepacks.loader import load_packset
from checker.rulepacks.patterns import screen

TEXTS = [
    "",
    "本机关XX年共收到申请",
    "ＸＸ局",
    "XXL尺码",
    "二〇〇八年度报告",
    "○○县人民政府",
    "【请填写单位名称】",
    "[在此填写]",
    "此处填写数据",
    "××局××年",
    "{{ name }}",
    "关于2023年政府信息公开的",
    "关于本年度工作情况",
    "本年度共主动公开政府信息1,234条。",
]


def _specs() -> list[ForbiddenSpec]:
    found = []
    for edition in editions():
        for rule in load_packset(edition.pack).rules.values():
            if rule.kind == "forbidden-pattern":
                found.append(rule.spec)
    return found


def test_the_screen_agrees_with_the_patterns_on_every_shipped_rule() -> None:
    specs = _specs()
    assert specs and all(s.any is not None for s in specs)
    for spec in specs:
        for text in TEXTS:
            expected = any(p.search(text) for p in spec.patterns)
            assert bool(spec.any.search(text)) == expected, (spec.patterns, text)


def test_patterns_that_refer_to_their_groups_are_not_joined() -> None:
    assert screen((regex.compile(r"(a)\1"), regex.compile("b"))) is None
    assert screen((regex.compile(r"(?P<x>a)(?P=x)"),)) is None
    joined = screen((regex.compile(r"(?P<y>a)b"), regex.compile(r"(?P<y>c)")))
    assert joined is not None and joined.search("zcz")
