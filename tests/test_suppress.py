"""Inline suppression through the command line: Markdown, HTML and Word comments."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cli_support import ROOT, invoke

sys.path.insert(0, str(ROOT / "scripts"))
from ooxml import W_NS, package_bytes

TITLE = "青禾市生态环境局2023年政府信息公开工作年度报告"
HOLE = "本年度共收到申请【请填写】件。"
FILLED = "本年度共收到申请12件。"


def _rules(path: Path, *args: str) -> list[tuple[str, int | None]]:
    proc = invoke("check", str(path), "-f", "json", "--select", "C101,E101", *args)
    assert proc.returncode in (0, 1), proc.stderr
    (file,) = json.loads(proc.stdout)["files"]
    return [(f["rule"], f["location"].get("line")) for f in file["findings"]]


def _md(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "report.md"
    path.write_text("\n".join((f"# {TITLE}", "", *lines, "")), encoding="utf-8")
    return path


def test_ignore_before_a_block_silences_it_and_only_it(tmp_path: Path) -> None:
    path = _md(tmp_path, "<!-- checker: ignore C101 -->", HOLE, "", HOLE)
    assert _rules(path) == [("C101", 6)]


def test_disable_and_enable_bound_a_range(tmp_path: Path) -> None:
    path = _md(
        tmp_path,
        "<!-- checker: disable C1 -->",
        HOLE,
        HOLE,
        "<!-- checker: enable C1 -->",
        HOLE,
    )
    assert _rules(path) == [("C101", 7)]
    to_the_end = _md(tmp_path, "<!-- checker: disable C101 -->", HOLE, HOLE)
    assert _rules(to_the_end) == []


def test_a_suppression_that_silences_nothing_is_reported(tmp_path: Path) -> None:
    path = _md(tmp_path, "<!--", "checker: ignore C101, Z999", "-->", FILLED)
    assert _rules(path) == [("E101", 3), ("E101", 3)]
    proc = invoke("check", str(path), "-f", "json", "--select", "C101,E101", "--lang", "en")
    messages = [f["message"] for f in json.loads(proc.stdout)["files"][0]["findings"]]
    assert any("(C101: it silences no finding)" in m for m in messages), messages
    assert any("(Z999: no rule of that name is checked on this file)" in m for m in messages)
    # a rule switched off for the run cannot be silenced: that is not the comment's fault
    proc = invoke("check", str(path), "-f", "json", "--select", "E101")
    assert [f["args"]["rule"] for f in json.loads(proc.stdout)["files"][0]["findings"]] == ["Z999"]
    assert _rules(path, "--ignore", "E101") == []


def test_html_comment_before_a_paragraph(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(
        f"<html><body><h1>{TITLE}</h1><!-- checker: ignore C101 --><p>{HOLE}</p>"
        f"<p>{HOLE}</p><!-- 其他注释 --></body></html>",
        encoding="utf-8",
    )
    found = _rules(page)
    assert [rule for rule, _ in found] == ["C101"]


def _word(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def test_word_comment_on_a_paragraph(tmp_path: Path) -> None:
    commented = (
        '<w:p><w:commentRangeStart w:id="7"/>'
        f'<w:r><w:t xml:space="preserve">{HOLE}</w:t></w:r>'
        '<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p>'
    )
    comments = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W_NS}">'
        '<w:comment w:id="7" w:author="办公室"><w:p><w:r><w:t>checker: ignore C101</w:t>'
        "</w:r></w:p></w:comment></w:comments>"
    )
    body = _word(TITLE) + commented + _word(HOLE)
    path = tmp_path / "report.docx"
    path.write_bytes(package_bytes(body, extra=[("word/comments.xml", comments.encode())]))
    found = json.loads(invoke("check", str(path), "-f", "json", "--select", "C101,E101").stdout)
    (file,) = found["files"]
    assert [(f["rule"], f["location"]["paragraph"]) for f in file["findings"]] == [("C101", 3)]
    plain = tmp_path / "plain.docx"
    plain.write_bytes(package_bytes(body))
    assert (
        len(
            json.loads(invoke("check", str(plain), "-f", "json", "--select", "C101").stdout)["files"][
                0
            ]["findings"]
        )
        == 2
    )
