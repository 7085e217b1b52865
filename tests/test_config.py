"""Configuration files: the nearest one wins, every key does what it says, typos are errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checker.postprocess import Policy
from cli_support import REPORTS, invoke

DRAFT = REPORTS / "qinghe-2018.txt"  # C101 A101 A102 N102 S106
TWICE = "R401"  # copies of one draft in one run: one body's report twice, on each copy


def _rules(stdout: str) -> dict[str, list[str]]:
    """File name -> the rules of its findings, from JSON output (R401 aside)."""
    data = json.loads(stdout)
    return {
        Path(f["path"]).name: [x["rule"] for x in f["findings"] if x["rule"] != TWICE]
        for f in data["files"]
    }


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _draft(folder: Path, name: str = "draft.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(DRAFT, folder / name))


def test_the_nearest_configuration_wins(tmp_path: Path) -> None:
    _write(tmp_path / "checker.toml", 'ignore = ["C"]\n')
    _write(tmp_path / "city" / "pyproject.toml", '[tool.checker]\nignore = ["A"]\n')
    _write(tmp_path / "plain" / "pyproject.toml", '[project]\nname = "x"\n')  # not ours: skipped
    _draft(tmp_path, "top.txt")
    _draft(tmp_path / "city", "city.txt")
    _draft(tmp_path / "plain", "plain.txt")
    proc = invoke("check", ".", "-f", "json", cwd=tmp_path)
    rules = _rules(proc.stdout)
    assert rules["top.txt"] == ["A101", "A102", "N102", "S106"]
    assert rules["city.txt"] == ["C101", "N102", "S106"]
    assert rules["plain.txt"] == rules["top.txt"]


def test_checker_toml_beats_pyproject_in_one_folder(tmp_path: Path) -> None:
    _write(tmp_path / "checker.toml", 'ignore = ["S"]\n')
    _write(tmp_path / "pyproject.toml", '[tool.checker]\nignore = ["A"]\n')
    _draft(tmp_path)
    assert _rules(invoke("check", ".", "-f", "json", cwd=tmp_path).stdout)["draft.txt"] == [
        "C101",
        "A101",
        "A102",
        "N102",
    ]


def test_per_path_ignores_and_severity(tmp_path: Path) -> None:
    _write(
        tmp_path / "checker.toml",
        '[per-path-ignores]\n"drafts/*" = ["C101", "N"]\n\n[severity]\nA = "warning"\nA102 = "info"\n',
    )
    _draft(tmp_path / "drafts")
    _draft(tmp_path / "final")
    data = json.loads(invoke("check", ".", "-f", "json", cwd=tmp_path).stdout)
    by_file = {
        Path(f["path"]).parent.name: [x for x in f["findings"] if x["rule"] != TWICE]
        for f in data["files"]
    }
    assert [f["rule"] for f in by_file["drafts"]] == ["A101", "A102", "S106"]
    assert [f["rule"] for f in by_file["final"]] == ["C101", "A101", "A102", "N102", "S106"]
    severity = {f["rule"]: f["severity"] for f in by_file["final"]}
    assert severity == {
        "C101": "error",
        "A101": "warning",
        "A102": "info",
        "N102": "error",
        "S106": "error",
    }


def test_select_extend_select_and_command_line_precedence(tmp_path: Path) -> None:
    _write(tmp_path / "checker.toml", 'select = ["S"]\nextend-select = ["N"]\n')
    _draft(tmp_path)
    assert _rules(invoke("check", ".", "-f", "json", cwd=tmp_path).stdout)["draft.txt"] == [
        "N102",
        "S106",
    ]
    cli = invoke("check", ".", "-f", "json", "--select", "A", "--ignore", "A102", cwd=tmp_path)
    assert _rules(cli.stdout)["draft.txt"] == ["A101", "N102"]


def test_policy_prefixes() -> None:
    policy = Policy(select=("A", "S1"), extend_select=("N102",), ignore=("A102",))
    assert [r for r in ("A101", "A102", "S106", "S201", "N102", "N101") if policy.selects(r)] == [
        "A101",
        "S106",
        "N102",
    ]
    levels = Policy(severity=(("A", "warning"), ("A1", "info")))
    from checker.findings import Severity

    assert levels.severity_for("A101", Severity.ERROR) is Severity.INFO
    assert levels.severity_for("A201", Severity.ERROR) is Severity.WARNING
    assert levels.severity_for("C101", Severity.ERROR) is Severity.ERROR


def test_deadline_and_level(tmp_path: Path) -> None:
    """A province sets an earlier date; 'government' dates apply to governments only."""
    _draft(tmp_path)  # signed 2019年1月20日, by a bureau (a department)
    base = ("check", ".", "-f", "json", "--select", "D201")
    assert _rules(invoke(*base, cwd=tmp_path).stdout)["draft.txt"] == []
    _write(tmp_path / "checker.toml", '[deadline]\ngovernment = "01-10"\n')
    assert _rules(invoke(*base, cwd=tmp_path).stdout)["draft.txt"] == []
    _write(tmp_path / "checker.toml", 'level = "government"\n[deadline]\ngovernment = "01-10"\n')
    assert _rules(invoke(*base, cwd=tmp_path).stdout)["draft.txt"] == ["D201"]
    _write(tmp_path / "checker.toml", '[deadline]\nall = "01-10"\n')
    found = json.loads(invoke(*base, cwd=tmp_path).stdout)["files"][0]["findings"]
    assert [(f["rule"], f["expected"]) for f in found] == [("D201", "2019-01-10")]


def test_edition_and_extra_packs_relative_to_the_file(tmp_path: Path) -> None:
    _write(
        tmp_path / "packs" / "province.yaml", "pack: province\nextends: legacy\ndisable: [C101]\n"
    )
    _write(tmp_path / "reports" / "checker.toml", 'rules = ["../packs/province.yaml"]\n')
    _draft(tmp_path / "reports")
    rules = _rules(invoke("check", "reports", "-f", "json", cwd=tmp_path).stdout)
    assert "C101" not in rules["draft.txt"] and "A101" in rules["draft.txt"]
    _write(tmp_path / "reports" / "checker.toml", 'edition = "2021"\n')
    data = json.loads(invoke("check", "reports", "-f", "json", cwd=tmp_path).stdout)
    assert data["files"][0]["format"] == "2021"


def test_limits_are_passed_to_the_readers(tmp_path: Path) -> None:
    _write(tmp_path / "checker.toml", "[limits]\nmax-file-bytes = 100\n")
    _draft(tmp_path)
    data = json.loads(invoke("check", ".", "-f", "json", cwd=tmp_path).stdout)
    (finding,) = data["files"][0]["findings"]
    assert finding["rule"] == "E001" and finding["args"]["code"] == "too-large"


def test_pattern_timeout_is_configuration(tmp_path: Path) -> None:
    _write(tmp_path / "checker.toml", "[limits]\npattern-timeout-ms = 250\n")
    _draft(tmp_path)
    shown = invoke("config", "show", ".", "--format", "json", cwd=tmp_path).stdout
    assert json.loads(shown)["limits"]["pattern-timeout-ms"] == 250
    from checker.config import Overrides, parse, settings_for

    config = parse(tmp_path / "checker.toml")
    assert config is not None
    options = settings_for(str(tmp_path / "draft.txt"), config, Overrides()).options
    assert options.pattern_timeout == 0.25
    bad = _write(tmp_path / "sub" / "checker.toml", "[limits]\npattern-timeout-ms = 0\n")
    _draft(bad.parent)
    assert invoke("check", str(bad.parent), cwd=tmp_path).returncode == 2


def test_exclude_skips_walked_files_only(tmp_path: Path) -> None:
    _write(tmp_path / "checker.toml", 'exclude = ["archive", "*.md"]\n')
    _draft(tmp_path / "archive")
    _draft(tmp_path / "current")
    shutil.copy(REPORTS / "clean-2018.md", tmp_path / "summary.md")
    walked = json.loads(invoke("check", ".", "-f", "json", cwd=tmp_path).stdout)
    assert [f["path"] for f in walked["files"]] == ["current/draft.txt"]
    named = json.loads(invoke("check", "archive/draft.txt", "-f", "json", cwd=tmp_path).stdout)
    assert [f["path"] for f in named["files"]] == ["archive/draft.txt"]
    cli = invoke("check", ".", "-f", "json", "--exclude", "current", "--isolated", cwd=tmp_path)
    assert [f["path"] for f in json.loads(cli.stdout)["files"]] == [
        "archive/draft.txt",
        "summary.md",
    ]


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ('edition = "legacy"\nsevertiy = {A101 = "info"}\n', ["checker.toml:2", "severtiy"]),
        ("[limits]\nmax-file-size = 10\n", ["checker.toml:2", "max-file-size", "[limits]"]),
        ('[deadline]\nprovince = "03-01"\n', ["province"]),
        ('[deadline]\nall = "02-30"\n', ["02-30"]),
        ('ignore = ["A101", "Q101"]\n', ["checker.toml:1", "Q101"]),
        ('[severity]\nX999 = "info"\n', ["X999"]),
        ('[per-path-ignores]\n"*.txt" = ["C9"]\n', ["checker.toml:2", "C9"]),
        ('edition = "1999"\n', ["1999"]),
        ('level = "city"\n', ["city"]),
        ('select = "A101"\n', ["select"]),
        ("select = [\n", ["not valid TOML"]),
    ],
)
def test_configuration_errors_exit_2_naming_file_and_key(
    tmp_path: Path, text: str, needles: list[str]
) -> None:
    _write(tmp_path / "checker.toml", text)
    _draft(tmp_path)
    proc = invoke("check", ".", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout
    assert proc.stdout == ""
    assert "配置错误" in proc.stderr  # Chinese unless asked otherwise
    for needle in needles:
        assert needle in proc.stderr


def test_unknown_key_in_pyproject_names_the_table(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.checker]\nfail_on = 1\n')
    _draft(tmp_path)
    proc = invoke("check", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert "pyproject.toml:5" in proc.stderr and "'fail_on'" in proc.stderr
    assert "[tool.checker]" in proc.stderr


def test_config_show(tmp_path: Path) -> None:
    _write(tmp_path / "checker.toml", 'level = "government"\n[deadline]\nall = "03-15"\n')
    _draft(tmp_path / "sub")
    shown = invoke("config", "show", "sub/draft.txt", cwd=tmp_path)
    assert shown.returncode == 0
    assert "# from checker.toml" in shown.stdout
    assert 'level = "government"' in shown.stdout and 'all = "03-15"' in shown.stdout
    assert "max-file-bytes = " in shown.stdout  # defaults shown too
    data = json.loads(invoke("config", "show", "-f", "json", cwd=tmp_path).stdout)
    assert data["level"] == "government" and data["deadline"] == {"all": "03-15"}
    isolated = json.loads(invoke("config", "show", "--isolated", "-f", "json", cwd=tmp_path).stdout)
    assert isolated["level"] is None and isolated["source"] is None
    _write(tmp_path / "checker.toml", "colour = 1\n")
    assert invoke("config", "show", cwd=tmp_path).returncode == 2


def test_explicit_config_applies_to_every_file(tmp_path: Path) -> None:
    _write(tmp_path / "elsewhere.toml", 'select = ["S"]\n')
    _write(tmp_path / "checker.toml", 'select = ["A"]\n')
    _draft(tmp_path)
    proc = invoke("check", ".", "-f", "json", "--config", "elsewhere.toml", cwd=tmp_path)
    assert _rules(proc.stdout)["draft.txt"] == ["S106"]


def test_run_settings_come_from_the_configuration(tmp_path: Path) -> None:
    """fail-on, format, output-file, jobs and lang in the file; the flags still win."""
    _write(
        tmp_path / "checker.toml",
        'fail-on = "never"\nformat = "json"\noutput-file = "out/checker.json"\njobs = 2\nlang = "en"\n',
    )
    _draft(tmp_path / "reports", "a.txt")
    _draft(tmp_path / "reports", "b.txt")
    (tmp_path / "out").mkdir()
    proc = invoke("check", "reports", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr  # fail-on never
    assert proc.stdout == ""
    data = json.loads((tmp_path / "out" / "checker.json").read_text(encoding="utf-8"))
    assert [Path(f["path"]).name for f in data["files"]] == ["a.txt", "b.txt"]
    message = data["files"][0]["findings"][0]["message"]
    assert message.startswith("template placeholder"), message  # lang = "en"
    flags = invoke(
        "check", "reports", "--fail-on", "error", "-f", "concise", "-o", "flags.txt", "--lang", "zh",
        cwd=tmp_path,
    )
    assert flags.returncode == 1
    assert (tmp_path / "flags.txt").read_text(encoding="utf-8").startswith("reports/a.txt:")
    assert "模板" in (tmp_path / "flags.txt").read_text(encoding="utf-8")


def test_extend_inherits_and_overrides_key_by_key(tmp_path: Path) -> None:
    _write(
        tmp_path / "shared" / "base.toml",
        'ignore = ["C"]\nrules = []\n[severity]\nA102 = "info"\nN102 = "warning"\n',
    )
    _write(
        tmp_path / "city" / "checker.toml",
        'extend = "../shared/base.toml"\n[severity]\nN102 = "info"\n',
    )
    _draft(tmp_path / "city")
    proc = invoke("check", "city", "-f", "json", cwd=tmp_path)
    (file,) = json.loads(proc.stdout)["files"]
    levels = {f["rule"]: f["severity"] for f in file["findings"]}
    assert "C101" not in levels  # inherited ignore
    assert levels["A102"] == "info" and levels["N102"] == "info"  # merged, the child wins
    shown = json.loads(invoke("config", "show", "city", "-f", "json", cwd=tmp_path).stdout)
    assert shown["extend"] == ["shared/base.toml"]
    _write(tmp_path / "shared" / "base.toml", 'extend = "../city/checker.toml"\n')
    loop = invoke("check", "city", cwd=tmp_path)
    assert loop.returncode == 2 and "comes back" in loop.stderr
    _write(tmp_path / "shared" / "base.toml", 'ignroe = ["C"]\n')
    typo = invoke("check", "city", cwd=tmp_path)
    assert typo.returncode == 2 and "base.toml:1" in typo.stderr and "ignroe" in typo.stderr


def test_per_file_ignores_with_globs_as_in_ruff(tmp_path: Path) -> None:
    _write(
        tmp_path / "checker.toml",
        '[per-file-ignores]\n"drafts/**" = ["C101"]\n"*-2018.txt" = ["N"]\n',
    )
    _draft(tmp_path / "drafts" / "deep", "x.txt")
    _draft(tmp_path / "final", "y-2018.txt")
    rules = _rules(invoke("check", ".", "-f", "json", cwd=tmp_path).stdout)
    assert rules["x.txt"] == ["A101", "A102", "N102", "S106"]
    assert rules["y-2018.txt"] == ["C101", "A101", "A102", "S106"]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('format = "pdf"\n', "unknown format 'pdf'"),
        ("jobs = 0\n", "jobs"),
        ('lang = "fr"\n', "lang"),
        ('fail-on = "sometimes"\n', "fail-on"),
    ],
)
def test_bad_run_settings_are_errors(tmp_path: Path, text: str, needle: str) -> None:
    _write(tmp_path / "checker.toml", text)
    _draft(tmp_path)
    proc = invoke("check", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert needle in proc.stderr and "checker.toml:1" in proc.stderr
