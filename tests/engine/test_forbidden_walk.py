"""The forbidden-pattern walk visits only the blocks it can find something in: its
findings are those of the walk over every block, on every sample and on generated
reports (placeholders among plain paragraphs, tables, a table's text as a paragraph)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.checks import forbidden_pattern
from checker.engine import Engine
from checker.model import Block
from checker.readers import read_path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
KINDS = (".docx", ".html", ".md", ".txt")
RULES = {"C101", "C102", "D105"}


def _every_block(report: Any, found: list[int]) -> list[Block]:
    return list(report.blocks)  # the plain walk: every block, in order


def _findings(engine: Engine, path: str) -> list[tuple[object, ...]]:
    result = engine.check_document(read_path(path))
    return [
        (f.rule, f.location, sorted((k, repr(v)) for k, v in f.args.items()))
        for f in result.findings
        if f.rule in RULES
    ]


def _both(path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = Engine()
    fast = _findings(engine, path)
    with monkeypatch.context() as patched:
        patched.setattr(forbidden_pattern, "_visited", _every_block)
        plain = _findings(engine, path)
    assert fast == plain


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in SAMPLES.iterdir() if p.suffix in KINDS and p.name != "README.md"),
)
def test_the_walk_finds_what_the_walk_over_every_block_finds(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _both(str(SAMPLES / name), monkeypatch)


LINES = [
    "青禾市生态环境局2023年政府信息公开工作年度报告",
    "本机关XX年共收到申请12件。",
    "【请填写单位名称】",
    "○○县人民政府",
    "现将本机关2021年度政府信息公开工作情况报告如下",
    "本年度共主动公开政府信息1,234条。",
    "| 本年新收政府信息公开申请数量 | XX |",
    "| --- | --- |",
    "| 上年结转 | ×× |",
    "",
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(st.sampled_from(LINES), min_size=1, max_size=40))
def test_generated_reports_agree(
    lines: list[str], tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path_factory.mktemp("walk") / "report.md"
    # a file of blank lines only is refused by the reader, so every report has a title
    path.write_text("\n".join([LINES[0], *lines]), encoding="utf-8")
    _both(str(path), monkeypatch)
