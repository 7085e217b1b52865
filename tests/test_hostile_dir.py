"""A folder of broken, mislabelled, enormous and hostile files plus one good
report: every bad file is one clear input finding, the good one is checked,
nothing crashes, nothing is written to any input."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from hostile import build  # noqa: E402

from cli_support import invoke  # noqa: E402

EXPECTED_CODES = {
    "bomb.docx": "decompression-bomb",
    "broken-link.txt": "broken-link",
    "doctype.docx": "forbidden-dtd",
    "xxe.docx": "forbidden-dtd",
    "empty.txt": "empty",
    "whitespace-only.md": "empty",
    "invalid-xml.docx": "corrupt-docx",
    "truncated.docx": "corrupt-docx",
    "legacy-word.docx": "corrupt-doc",
    "pdf-named.txt": "truncated",
    "no-document-xml.docx": "not-a-word-document",
    "zip-named.txt": "not-a-word-document",
    "fifty-mb.txt": "too-large",
    "one-10mb-line.txt": "too-large",
}
READABLE = [
    "big5.txt",
    "gb18030.txt",
    "gbk.txt",
    "utf16-bom.txt",
    "utf16le-no-bom.txt",
    "mixed-encodings.txt",
    "nul-bytes.txt",
    "invalid-utf8.txt",
    "gb2312-declared.html",
    "scripts-and-nesting.html",
    "html-named.docx",
    "terminal-attack.md",
    "good.docx",
]


def digest(folder: Path) -> dict[str, str]:
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "checker", "check", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("hostile")
    build(target, ROOT / "samples" / "edition2021-2023-clean.docx")
    return target


def test_every_bad_file_is_one_input_finding_and_the_rest_is_checked(folder: Path) -> None:
    before = digest(folder)
    proc = run(str(folder), "--format", "json", "--jobs", "2")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    data = json.loads(proc.stdout)
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    for name, code in EXPECTED_CODES.items():
        findings = by_name[name]["findings"]
        assert [(f["rule"], f["args"]["code"]) for f in findings] == [("E001", code)], name
        assert name in findings[0]["message"] or findings[0]["message"]  # a clear line
    for name in READABLE:
        assert by_name[name]["readable"], name
        assert all(f["rule"] != "E001" for f in by_name[name]["findings"]), name
    assert [f for f in by_name["good.docx"]["findings"] if f["severity"] == "error"] == []
    loops = [
        f
        for f in data["files"]
        if f["findings"] and f["findings"][0]["args"].get("code") == "symlink-loop"
    ]
    assert loops
    assert digest(folder) == before, "an input file was changed"


def inline(*args: str) -> subprocess.CompletedProcess[str]:
    """A small hostile file through the command line in this process (the bad files
    above, which could hang or exhaust a reader, keep a process of their own)."""
    return invoke("check", *args, extra_env={"COLUMNS": "200"})


def test_attacks_on_the_terminal_print_literally(folder: Path) -> None:
    proc = inline(str(folder / "terminal-attack.md"))
    assert "\x1b" not in proc.stdout and "\u202e" not in proc.stdout
    assert "<U+001B>" in proc.stdout  # the escape is shown, not obeyed
    assert "[bold red]" in proc.stdout  # markup in a document is text, not style


@pytest.mark.parametrize("fmt", ["concise", "json", "jsonl", "sarif", "junit", "github", "gitlab", "markdown"])
def test_attacks_are_inert_in_every_machine_format(folder: Path, fmt: str) -> None:
    proc = inline(str(folder / "terminal-attack.md"), "--format", fmt)
    assert proc.returncode == 1, proc.stderr
    assert "\x1b" not in proc.stdout and "\u202e" not in proc.stdout
    assert "<script>" not in proc.stdout or fmt in ("json", "jsonl", "sarif", "gitlab")
