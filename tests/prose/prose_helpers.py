"""Run small reports through the engine, or through the recogniser alone."""

from __future__ import annotations

from functools import cache

from checker.engine import Engine, Options
from checker.extract.prose import Prose, recognise
from checker.extract.prose_vocab import Vocabulary
from checker.extract.report import build_report
from checker.findings import Finding
from checker.readers import read_bytes
from checker.rulepacks.loader import PackSet, load_packset

TITLE = "# 2018年度政府信息公开工作年度报告\n\n"


@cache
def _engine() -> Engine:
    return Engine(Options(edition="legacy"))


@cache
def packset() -> PackSet:
    return load_packset("legacy")


def vocab() -> Vocabulary:
    vocabulary: Vocabulary = packset().rules["P101"].spec.vocabulary
    return vocabulary


def prose_findings(text: str) -> list[Finding]:
    """Findings of the prose rules (P1xx) on a Markdown report with a 2018 title."""
    document = read_bytes((TITLE + text).encode("utf-8"), "case.md")
    result = _engine().check_document(document)
    return [f for f in result.findings if f.rule.startswith("P1")]


def read(text: str) -> Prose:
    """What the recogniser understood in a Markdown report with a 2018 title."""
    document = read_bytes((TITLE + text).encode("utf-8"), "case.md")
    return recognise(build_report(document, packset()), vocab())
