"""The seed report fails exactly where it should, through the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "seed-2018-xinxiang.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"},
    )


@pytest.fixture(scope="module")
def seed_json() -> dict[str, object]:
    proc = run("check", str(SEED), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    data: dict[str, object] = json.loads(proc.stdout)
    return data


def _findings(data: dict[str, object]) -> list[dict[str, object]]:
    files = data["files"]
    assert isinstance(files, list)
    return list(files[0]["findings"])


def test_seed_json_validates_against_schema(seed_json: dict[str, object]) -> None:
    schema = json.loads((ROOT / "schemas" / "output.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(seed_json)


def test_seed_is_legacy_2018(seed_json: dict[str, object]) -> None:
    files = seed_json["files"]
    assert isinstance(files, list)
    assert files[0]["format"] == "legacy"
    assert files[0]["year"] == 2018


def test_seed_yields_the_six_known_defects(seed_json: dict[str, object]) -> None:
    findings = _findings(seed_json)
    by_rule: dict[str, list[dict[str, object]]] = {}
    for f in findings:
        by_rule.setdefault(str(f["rule"]), []).append(f)
    # 1 arithmetic: channels 1615 against the stated 1626
    arithmetic = [f for f in findings if f["category"] == "arithmetic"]
    assert len(arithmetic) == 1
    assert arithmetic[0]["actual"] == "1615" and arithmetic[0]["expected"] == "1626"
    assert {item["value"] for item in arithmetic[0]["items"]} == {"1102", "259", "254", "1626"}
    # 2 numbering: the lost number and the skip from 一 to 六
    assert {str(f["rule"]) for f in findings if f["category"] == "numbering"} == {"N101", "N102"}
    # 3 dates: 20181月1日, 201812月31日 and 2019115
    dates = sorted(f["args"]["match"] for f in by_rule["D101"])
    assert dates == sorted(["2019115", "20181月1日", "201812月31日"])
    # 4 the attachment table that is not there; 5 no 其他需要报告的事项
    assert {str(f["rule"]) for f in findings if f["category"] == "structure"} == {"S201", "S106"}
    # 6 the title cut short
    assert [f["rule"] for f in findings if f["category"] == "content"] == ["C102"]


def test_seed_has_nothing_else(seed_json: dict[str, object]) -> None:
    findings = _findings(seed_json)
    assert len(findings) == 9
    for f in findings:
        assert "分享" not in str(f.get("snippet", "")) and "首页" not in str(f.get("snippet", ""))


def test_table_output_and_exit_code() -> None:
    proc = run("check", str(SEED))
    assert proc.returncode == 1
    assert "A101" in proc.stdout and "1615" in proc.stdout
    assert "错误 9" in proc.stdout


def test_english_messages() -> None:
    proc = run("check", str(SEED), "--lang", "en")
    assert proc.returncode == 1
    assert "the channels add up to 1615" in proc.stdout
    assert "9 error(s)" in proc.stdout


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("checker ")
    helptext = run("check", "--help").stdout
    for option in ("--format", "--lang", "--edition", "--rules", "--fail-on", "--level"):
        assert option in helptext


def test_unknown_edition_is_a_usage_error() -> None:
    proc = run("check", str(SEED), "--edition", "1999")
    assert proc.returncode == 2
    assert "1999" in proc.stderr


def test_rule_explains_itself() -> None:
    proc = run("rule", "A101", "--lang", "en")
    assert proc.returncode == 0
    assert "basis" in proc.stdout and "passes" in proc.stdout and "fails" in proc.stdout
