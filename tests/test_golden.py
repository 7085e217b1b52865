"""Every output format against a golden file, and the machine formats against their schemas.

Regenerate the golden files after an intended change with
``CHECKER_UPDATE_GOLDEN=1 python3 -m pytest tests/test_golden.py``.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker import __version__
from cli_support import ROOT, env, run

GOLDEN = ROOT / "tests" / "golden"
INPUTS = ("samples/seed-2018-xinxiang.txt", "tests/data/ci/reports")
EXTENSIONS = {
    "table": "txt",
    "concise": "txt",
    "json": "json",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "junit": "xml",
    "github": "txt",
    "gitlab": "json",
    "markdown": "md",
    "html": "html",
}
UPDATE = os.environ.get("CHECKER_UPDATE_GOLDEN") == "1"


def normalise(text: str) -> str:
    """The version number changes with every release; nothing else may vary."""
    return (
        text.replace(f'"version": "{__version__}"', '"version": "<version>"')
        .replace(f'"semanticVersion": "{__version__}"', '"semanticVersion": "<version>"')
        .replace(f"checker {__version__}", "checker <version>")
    )


def produce(fmt: str) -> str:
    """One format through the command line, in this process: the rule packs load once
    for all nine formats instead of once per format (test_golden_cli_matches_a_subprocess
    keeps that honest)."""
    from typer.testing import CliRunner

    from checker.cli import app

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(
            app, ["check", *INPUTS, "--format", fmt, "--jobs", "1"], env=dict(env())
        )
    finally:
        os.chdir(here)
    assert result.exit_code == 1, result.output  # the inputs hold errors
    text = result.stdout_bytes.decode("utf-8")
    assert "\x1b[" not in text
    return normalise(text)


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    return {fmt: produce(fmt) for fmt in EXTENSIONS}


def test_golden_cli_matches_a_subprocess(outputs: dict[str, str]) -> None:
    """The in-process runs print what the command prints in a process of its own (the
    table, drawn by rich for a terminal, is the format where the two could differ)."""
    proc = run("check", *INPUTS, "--format", "table")
    assert proc.returncode == 1, proc.stderr
    assert normalise(proc.stdout) == outputs["table"]


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_golden(fmt: str, outputs: dict[str, str]) -> None:
    path = GOLDEN / f"{fmt}.{EXTENSIONS[fmt]}"
    if UPDATE:
        path.write_text(outputs[fmt], encoding="utf-8", newline="\n")
    assert path.exists(), f"missing {path.name}: run with CHECKER_UPDATE_GOLDEN=1"
    assert outputs[fmt] == path.read_text(encoding="utf-8")


def test_goldens_hold_no_machine_paths() -> None:
    for path in GOLDEN.iterdir():
        text = path.read_text(encoding="utf-8")
        assert str(ROOT) not in text and "/tmp/" not in text, path.name


def _schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / name).read_text(encoding="utf-8"))
    return data


def test_json_validates_against_the_output_schema(outputs: dict[str, str]) -> None:
    data = json.loads(outputs["json"])
    jsonschema.Draft202012Validator(_schema("schemas/output.schema.json")).validate(data)
    prints = [f["fingerprint"] for file in data["files"] for f in file["findings"]]
    assert len(prints) == len(set(prints)) > 0
    assert data["summary"]["unreadable"] == 1


def test_jsonl_has_one_finding_per_line(outputs: dict[str, str]) -> None:
    lines = outputs["jsonl"].splitlines()
    total = json.loads(outputs["json"])["summary"]["findings"]
    assert len(lines) == total
    for line in lines:
        record = json.loads(line)
        assert {"path", "rule", "severity", "message", "location"} <= set(record)


def test_sarif_validates_and_every_result_has_a_start_line(outputs: dict[str, str]) -> None:
    log = json.loads(outputs["sarif"])
    jsonschema.Draft7Validator(_schema("tests/schemas/sarif-schema-2.1.0.json")).validate(log)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(set(ids))
    for rule in rules:
        assert rule["help"]["text"] and "依据" in rule["help"]["text"]
        assert "Basis" in rule["help"]["text"]
    results = run_["results"]
    assert len(results) == json.loads(outputs["json"])["summary"]["findings"]
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert isinstance(region["startLine"], int) and region["startLine"] >= 1
        assert ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["partialFingerprints"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("/") and " " not in uri
    # a table cell in an HTML file: the paragraph ordinal as the line, the cell in the message
    cell = [r for r in results if "table" in r["properties"]]
    assert cell and all("column" in r["properties"] for r in cell)
    assert any("table 1" in r["message"]["text"] or "第1个表格" in r["message"]["text"] for r in cell)


def test_junit_lists_passing_cases_with_unique_names(outputs: dict[str, str]) -> None:
    root = ET.fromstring(outputs["junit"].encode("utf-8"))
    cases = root.findall(".//testcase")
    names = [c.get("name") for c in cases]
    assert len(names) == len(set(names))
    passing = [c for c in cases if not list(c)]
    failing = [c for c in cases if c.find("failure") is not None]
    assert passing and failing
    assert int(root.get("failures", "-1")) == len(failing)
    assert int(root.get("tests", "-1")) == len(cases)
    clean = [c for c in cases if c.get("classname") == "tests/data/ci/reports/clean-2018.md"]
    # its two siblings are the same body's reports on 2018: R401 names all three
    failed = [c.get("name", "").rsplit("::", 1)[-1] for c in clean if c.find("failure") is not None]
    assert clean and failed == ["R401"]


def test_gitlab_fingerprints_are_unique(outputs: dict[str, str]) -> None:
    issues = json.loads(outputs["gitlab"])
    prints = Counter(i["fingerprint"] for i in issues)
    assert prints and max(prints.values()) == 1
    for issue in issues:
        assert issue["location"]["lines"]["begin"] >= 1
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")


def test_markdown_escapes_document_text(outputs: dict[str, str]) -> None:
    text = outputs["markdown"]
    assert "&lt;b&gt;" in text and "<b>" not in text
    assert "&#64;" in text and "@单位" not in text
    assert "\\|" in text
    assert "\u202e" not in text


def test_github_annotations_escape_document_text() -> None:
    proc = run("check", "tests/data/ci/reports/qinghe-2018.html", "--format", "github")
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("::")]
    assert len(lines) == 2
    assert all(
        ln.startswith("::error file=tests/data/ci/reports/qinghe-2018.html,") for ln in lines
    )
    hostile = next(ln for ln in lines if "C101" in ln and "%25" in ln)  # the % of the placeholder
    assert "\u202e" not in hostile and "<U+202E>" in hostile


def test_github_cap_says_what_was_cut(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"copy{i}.txt").write_bytes((ROOT / INPUTS[0]).read_bytes())
    proc = run("check", str(tmp_path), "--format", "github", "--lang", "en")
    errors = [ln for ln in proc.stdout.splitlines() if ln.startswith("::error ")]
    assert len(errors) == 10
    assert "17 more error finding(s) not annotated" in proc.stdout
    assert proc.stdout.count("copy2.txt:") >= 9  # the cut ones are still in the log
