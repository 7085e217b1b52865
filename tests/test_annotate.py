"""``checker annotate``: one Word comment per located finding, on its paragraph or
cell; the rest in one comment at the title; the draft never written; the copy
readable by python-docx and surviving a LibreOffice round trip."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from checker.numbers import to_halfwidth
from cli_support import ROOT, invoke

sys.path.insert(0, str(ROOT / "scripts"))
from ooxml import docx_bytes

docx = pytest.importorskip("docx")  # python-docx, from the test extra

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DRAFTS = sorted((ROOT / "samples").glob("*.docx"))


def findings_of(path: Path) -> list[dict[str, object]]:
    data = json.loads(invoke("check", str(path), "--format", "json").stdout)
    found: list[dict[str, object]] = data["files"][0]["findings"]
    return found


def anchored_texts(copy: Path) -> dict[str, str]:
    """Comment id -> the text its range covers (paragraph or cell)."""
    with zipfile.ZipFile(copy) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = {}
    for start in root.iter(f"{W}commentRangeStart"):
        cid = start.get(f"{W}id")
        p = start.getparent()
        cell = next((a for a in p.iterancestors(f"{W}tc")), None)
        scope = cell if cell is not None else p
        out[cid] = "".join(t.text or "" for t in scope.iter(f"{W}t"))
    return out


def annotate(draft: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return invoke("annotate", str(draft), "-o", str(out), *extra)


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.name)
def test_one_comment_per_located_finding(draft: Path, tmp_path: Path) -> None:
    source = tmp_path / draft.name
    shutil.copy(draft, source)
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    out = tmp_path / "copy.docx"
    proc = annotate(source, out)
    assert proc.returncode in (0, 1), proc.stderr
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before  # the draft is only read
    findings = findings_of(source)
    located = [f for f in findings if "paragraph" in f["location"]]  # type: ignore[operator]
    general = len(findings) - len(located)
    comments = list(docx.Document(str(out)).comments)
    assert len(comments) == len(located) + (1 if general else 0)
    assert all(c.author == "checker" for c in comments)
    texts = [c.text for c in comments]
    for f in located:
        assert sum(f"[{f['rule']} " in t for t in texts) >= 1
    anchors = anchored_texts(out)
    assert len(anchors) == len(comments)
    squash = lambda s: re.sub(r"\s", "", to_halfwidth(s))  # noqa: E731  snippets are folded
    for f in located:
        snippet = f.get("snippet")
        if isinstance(snippet, str) and snippet:
            assert any(squash(snippet) in squash(a) for a in anchors.values()), f["rule"]


def test_comment_says_what_the_figure_should_be(tmp_path: Path) -> None:
    out = tmp_path / "copy.docx"
    annotate(ROOT / "samples" / "edition2021-2023-defective.docx", out)
    comments = {c.text.split("]")[0]: c.text for c in docx.Document(str(out)).comments}
    t304 = next(t for k, t in comments.items() if "T304" in k)
    assert "应为：2" in t304 and "依据：" in t304
    general = next(t for t in comments.values() if "没有具体位置" in t)
    assert "S305" in general
    # the general comment sits on the title
    anchors = anchored_texts(out)
    assert "江泉县人民政府2023年政府信息公开工作年度报告" in anchors.values()


def test_english_comments(tmp_path: Path) -> None:
    out = tmp_path / "copy.docx"
    annotate(ROOT / "samples" / "edition2021-2023-defective.docx", out, "--lang", "en")
    texts = [c.text for c in docx.Document(str(out)).comments]
    assert any("should be: 2" in t for t in texts)


def test_default_output_beside_the_draft_and_never_the_draft(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.docx"
    shutil.copy(ROOT / "samples" / "edition2021-2023-defective.docx", draft)
    before = draft.read_bytes()
    proc = invoke("annotate", str(draft))
    assert proc.returncode == 1, proc.stderr
    assert (tmp_path / "草稿.checked.docx").exists()
    assert "已写入" in proc.stderr
    same = invoke("annotate", str(draft), "-o", str(draft))
    assert same.returncode == 2 and "原文件" in same.stderr
    assert draft.read_bytes() == before
    text = tmp_path / "report.txt"
    text.write_text("报告", encoding="utf-8")
    assert invoke("annotate", str(text)).returncode == 2


def test_document_text_in_comments_is_data(tmp_path: Path) -> None:
    draft = tmp_path / "hostile.docx"
    draft.write_bytes(
        docx_bytes(
            [
                ("title", "测试局2018年政府信息公开工作年度报告"),
                ("paragraph", "一、概述"),
                ("paragraph", "2018年，我局明确【请填写<script>x()</script>】负责。"),
                ("paragraph", "表格内容【补充<img onerror=f()>&amp;】待定。"),
            ]
        )
    )
    out = tmp_path / "copy.docx"
    proc = annotate(draft, out)
    assert proc.returncode == 1, proc.stderr
    texts = "\n".join(c.text for c in docx.Document(str(out)).comments)
    assert "<script>x()</script>" in texts  # kept as text, escaped in the XML
    with zipfile.ZipFile(out) as z:
        raw = z.read("word/comments.xml").decode("utf-8")
    assert "<script>" not in raw and "&lt;script&gt;" in raw


def test_annotating_an_annotated_copy_keeps_both_sets(tmp_path: Path) -> None:
    once, twice = tmp_path / "once.docx", tmp_path / "twice.docx"
    annotate(ROOT / "samples" / "edition2021-2023-defective.docx", once)
    annotate(once, twice)
    first = list(docx.Document(str(once)).comments)
    second = list(docx.Document(str(twice)).comments)
    assert len(second) == 2 * len(first)
    ids = [c.comment_id for c in second]
    assert len(set(ids)) == len(ids)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_round_trip_keeps_every_comment(tmp_path: Path) -> None:
    out = tmp_path / "copy.docx"
    annotate(ROOT / "samples" / "edition2021-2023-defective.docx", out)
    back = tmp_path / "back"
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(back),
            str(out),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    original = [(c.author, c.text) for c in docx.Document(str(out)).comments]
    returned = [(c.author, c.text) for c in docx.Document(str(back / "copy.docx")).comments]
    assert returned == original
    assert len(anchored_texts(back / "copy.docx")) == len(original)
