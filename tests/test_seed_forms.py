"""The seed report gives the same findings whatever form it arrives in:
UTF-8 or GB18030 text, a Word document, a web page."""

from __future__ import annotations

import html
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from ooxml import docx_bytes  # noqa: E402

from checker.batch import engine_for  # noqa: E402
from checker.engine import Options  # noqa: E402
from checker.readers import read_bytes  # noqa: E402

SEED = (ROOT / "samples" / "seed-2018-xinxiang.txt").read_text(encoding="utf-8")
LINES = [line.strip() for line in SEED.splitlines() if line.strip()]


def forms() -> dict[str, tuple[bytes, str]]:
    page = "".join(f"<p>{html.escape(line)}</p>" for line in LINES)
    return {
        "utf-8": (SEED.encode("utf-8"), "seed.txt"),
        "gb18030": (SEED.encode("gb18030"), "seed.txt"),
        "utf-16": (SEED.encode("utf-16"), "seed.txt"),
        "docx": (docx_bytes([("paragraph", line) for line in LINES]), "seed.docx"),
        "html": (
            f"<html><head><meta charset='utf-8'></head><body>{page}</body></html>".encode(),
            "seed.html",
        ),
        "html-gbk": (
            f"<html><head><meta charset='gbk'></head><body>{page}</body></html>".encode("gbk"),
            "seed.html",
        ),
    }


def signature(data: bytes, name: str) -> list[tuple[object, ...]]:
    result = engine_for(Options()).check_document(read_bytes(data, name))
    return sorted(
        (
            f.rule,
            str(f.expected),
            str(f.actual),
            tuple(sorted((k, str(v)) for k, v in f.args.items())),
        )
        for f in result.findings
    )


@pytest.mark.parametrize("form", ["gb18030", "utf-16", "docx", "html", "html-gbk"])
def test_same_findings_in_every_form(form: str) -> None:
    reference = signature(*forms()["utf-8"])
    assert len(reference) == 9
    assert signature(*forms()[form]) == reference
