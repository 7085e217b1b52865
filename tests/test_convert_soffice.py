"""``--convert-with soffice``: .doc and .wps read through LibreOffice. The tests
that run LibreOffice are skipped where it is not installed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.engine import Engine, Options
from checker.errors import ReadError
from checker.readers import convert, read_bytes
from cli_support import invoke

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice (soffice) is not installed",
)


def _signature(path: Path, convert_with: str | None = None) -> list[tuple[object, ...]]:
    result = Engine(Options(convert_with=convert_with)).check_path(str(path))
    return sorted(
        (f.rule, f.severity.value, str(f.expected), str(f.actual), f.location.row_label)
        for f in result.findings
    )


def test_without_soffice_the_conversion_fails_with_a_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(convert, "soffice_path", lambda: None)
    data = (SAMPLES / "legacy-2018-clean.doc").read_bytes()
    with pytest.raises(ReadError) as info:
        read_bytes(data, "report.doc", convert_with="soffice")
    assert info.value.code == "conversion-failed" and "not installed" in info.value.detail


def test_the_option_only_touches_binary_word_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "soffice_path", lambda: None)  # would fail if it were called
    data = (SAMPLES / "legacy-2018-clean.docx").read_bytes()
    assert read_bytes(data, "report.docx", convert_with="soffice").source_kind == "docx"


def test_an_unknown_converter_is_a_usage_error() -> None:
    proc = invoke("check", str(SAMPLES / "legacy-2018-clean.doc"), "--convert-with", "word")
    assert proc.returncode == 2


@needs_soffice
def test_converted_doc_gives_the_docx_findings() -> None:
    doc = SAMPLES / "edition2021-2023-defective.doc"
    assert _signature(doc, "soffice") == _signature(SAMPLES / "edition2021-2023-defective.docx")
    assert _signature(doc, "soffice") == _signature(doc)  # the own reader agrees


@needs_soffice
def test_cli_converts_on_request(tmp_path: Path) -> None:
    target = tmp_path / "report.wps"
    target.write_bytes((SAMPLES / "legacy-2018-clean.doc").read_bytes())
    before = target.read_bytes()
    proc = invoke("check", str(target), "--convert-with", "soffice", "-f", "concise")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert target.read_bytes() == before  # the input is never written to
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.wps"]
