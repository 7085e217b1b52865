"""Every sample exported the way offices export it (.pdf and .doc through
LibreOffice) gives the same findings as the .docx it came from: every planted
defect found, every clean report without an error.

The exported files are committed (LibreOffice output is not reproducible byte
for byte); ``samples/office-exports.json`` records the .docx each was made from,
so a changed .docx without a new export fails here, without needing LibreOffice.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.postprocess import as_reported
from checker.results import FileResult
from finding_keys import result_keys

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
MANIFEST = json.loads((SAMPLES / "office-exports.json").read_text(encoding="utf-8"))
EXPORTS = sorted(MANIFEST)


def _check(path: Path) -> FileResult:
    return as_reported(engine_for(Options()).check_path(str(path)))


def test_every_docx_sample_is_exported() -> None:
    stems = {p.stem for p in SAMPLES.glob("*.docx")}
    assert {name.rsplit(".", 1)[0] for name in EXPORTS} == stems
    assert {name.rsplit(".", 1)[1] for name in EXPORTS} == {"pdf", "doc"}


@pytest.mark.parametrize("name", EXPORTS)
def test_exports_are_made_from_the_current_docx(name: str) -> None:
    entry = MANIFEST[name]
    source = SAMPLES / entry["source"]
    assert (SAMPLES / name).is_file()
    current = hashlib.sha256(source.read_bytes()).hexdigest()
    assert current == entry["source_sha256"], (
        f"{source.name} changed: run scripts/make_office_samples.py"
    )


@pytest.mark.parametrize("name", EXPORTS)
def test_same_findings_as_the_docx(name: str) -> None:
    exported = _check(SAMPLES / name)
    original = _check(SAMPLES / MANIFEST[name]["source"])
    assert exported.readable, exported.findings
    assert exported.edition == original.edition
    assert result_keys(exported, sections=True) == result_keys(original, sections=True)
    assert exported.not_evaluated == original.not_evaluated


@pytest.mark.parametrize("name", [n for n in EXPORTS if "-clean" in n])
def test_clean_exports_have_no_error(name: str) -> None:
    result = _check(SAMPLES / name)
    assert [f.rule for f in result.findings if f.severity.value == "error"] == []


@pytest.mark.parametrize("name", [n for n in EXPORTS if "defective" in n])
def test_planted_defects_found_in_exports(name: str) -> None:
    rules = {f.rule for f in _check(SAMPLES / name).findings}
    if name.startswith("edition2021"):
        assert {"T300", "T304", "X402", "V301", "S305", "D101", "C101"} <= rules
    else:
        assert {"T300", "T304", "F101", "D201", "X403", "X404"} <= rules


def test_pdf_locations_carry_pages() -> None:
    result = _check(SAMPLES / "edition2021-2023-defective.pdf")
    cells = [f for f in result.findings if f.rule == "T300"]
    assert cells and all(f.location.page is not None for f in cells)
    pages = {f.location.page for f in cells}
    assert pages <= {2, 3, 4, 5} and len(pages) >= 2  # Table 3 runs over several pages
    assert all(f.location.to_dict()["page"] == f.location.page for f in cells)


def test_the_page_is_in_the_words_of_a_location() -> None:
    from checker.render.words import location

    result = _check(SAMPLES / "edition2021-2023-defective.pdf")
    (d101,) = [f for f in result.findings if f.rule == "D101"]
    assert location(d101.location, "zh").startswith("第1页")
    assert "page 1" in location(d101.location, "en")
