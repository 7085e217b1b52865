"""The HTML report: one entry per finding, document text escaped, nothing fetched,
and a real browser renders it (headless Chromium, skipped where it is absent)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cli_support import REPORTS, ROOT, SEED, invoke, run

SAMPLES = sorted(
    p for p in (ROOT / "samples").iterdir() if p.suffix in (".docx", ".html", ".md", ".txt")
)
HOSTILE = (
    "测试局2018年政府信息公开工作年度报告\n\n"
    "一、总体情况\n\n"
    "2018年，我局明确【请填写<script>x()</script>】负责政府信息公开工作。\n\n"
    "我局主动公开【补充<img onerror=f()>】条信息。\n"
)


class _Tags(HTMLParser):
    """The page as a browser's parser sees it: tags, attributes and text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Tags:
    tags = _Tags()
    tags.feed(page)
    return tags


def html_of(*args: str) -> str:
    proc = invoke("check", *args, "--format", "html")
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def findings_of(*args: str) -> list[dict[str, object]]:
    data = json.loads(invoke("check", *args, "--format", "json").stdout)
    return [f for file in data["files"] for f in file["findings"]]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_one_entry_per_finding_on_every_sample(sample: Path) -> None:
    page = parse(html_of(str(sample)))
    entries = [a["data-rule"] for tag, a in page.tags if tag == "article"]
    assert entries == [f["rule"] for f in findings_of(str(sample))]


def test_self_contained_and_script_free() -> None:
    page = html_of(str(SEED), str(REPORTS))
    tags = parse(page).tags
    assert not [t for t, _ in tags if t in ("script", "link", "img", "iframe", "object")]
    for _, attrs in tags:
        for name, value in attrs.items():
            assert not name.startswith("on")
            assert not (value or "").startswith(("http:", "https:", "//")), (name, value)
    assert "@page" in page and "size: A4" in page and "@media print" in page


def test_document_text_is_escaped(tmp_path: Path) -> None:
    draft = tmp_path / "hostile.txt"
    draft.write_text(HOSTILE, encoding="utf-8")
    page = html_of(str(draft))
    parsed = parse(page)
    assert not [t for t, _ in parsed.tags if t in ("script", "img")]
    assert "&lt;script&gt;x()&lt;/script&gt;" in page
    assert "&lt;img onerror=f()&gt;" in page
    assert page.count("<mark>") == 2  # the placeholder is marked inside its quoted paragraph
    assert draft.read_text(encoding="utf-8") == HOSTILE


def test_several_files_get_a_summary_linking_each_part() -> None:
    page = html_of(str(SEED), str(REPORTS))
    parsed = parse(page)
    links = [
        a["href"] for t, a in parsed.tags if t == "a" and (a.get("href") or "").startswith("#file-")
    ]
    ids = [a["id"] for t, a in parsed.tags if t == "section" and a.get("id")]
    assert links == ["#" + i for i in ids] and len(ids) == 5


def test_header_and_contributors() -> None:
    page = html_of("samples/edition2021-2023-defective.docx")
    text = "".join(parse(page).text)
    assert "江泉县人民政府" in text and "2023" in text and "错误 8" in text
    assert "参与计算的数字" in text and "差额" in text
    assert "未能评估的规则" in text
    assert 'lang="zh-CN"' in page
    assert not re.search(r"第\d+段|第\d+行", text.replace("第3行", ""))


def test_english_on_request() -> None:
    page = html_of(str(SEED), "--lang", "en")
    assert 'lang="en"' in page and "Annual report check" in page and "Findings" in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_chromium_renders_every_entry(tmp_path: Path) -> None:
    report = tmp_path / "报告.html"
    proc = invoke("check", str(SEED), str(REPORTS), "--format", "html", "-o", str(report))
    assert proc.returncode == 1, proc.stderr
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    assert CHROMIUM is not None
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", report.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    ).stdout.decode("utf-8")
    rendered = [a["data-rule"] for t, a in parse(dom).tags if t == "article"]
    assert rendered == [f["rule"] for f in findings_of(str(SEED), str(REPORTS))]
    assert "<script" not in dom
    shot = tmp_path / "shot.png"
    subprocess.run(
        [CHROMIUM, *flags, "--window-size=1000,1400", f"--screenshot={shot}", report.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1000, 1400)
    assert len(png) > 20_000  # a blank page compresses to a few hundred bytes


def test_open_writes_a_page_and_hands_it_to_the_browser(tmp_path: Path) -> None:
    # a process of its own: webbrowser reads BROWSER once per process
    target = tmp_path / "报告.html"
    proc = run(
        "check",
        str(SEED),
        "--format",
        "html",
        "--open",
        "-o",
        str(target),
        extra_env={"BROWSER": "true"},
    )
    assert proc.returncode == 1, proc.stderr
    assert target.as_uri() in proc.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert invoke("check", str(SEED), "--open").returncode == 2  # only with --format html
