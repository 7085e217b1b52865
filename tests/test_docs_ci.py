"""The CI documentation's command lines, run as written on test reports."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from cli_support import ROOT, copy_reports, env, invoke

DOC = ROOT / "docs" / "ci.md"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.S)
COMMAND = re.compile(r"^\s*(?:-\s+|run:\s+)?(checker\s.*)$")


def blocks(kind: str | None = None) -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    return [body for lang, body in BLOCK.findall(text) if kind is None or lang == kind]


def commands() -> list[str]:
    out = []
    for body in blocks():
        for line in body.splitlines():
            m = COMMAND.match(line)
            if m:
                out.append(m.group(1).strip())
    return out


def test_the_docs_have_commands_for_both_ci_systems() -> None:
    found = commands()
    assert any("--format github" in c for c in found)
    assert any("--format sarif" in c for c in found)
    assert any("--format gitlab" in c for c in found)
    assert any("--format junit" in c for c in found)
    assert any("--update-baseline" in c for c in found)


def test_the_yaml_examples_parse() -> None:
    for body in blocks("yaml"):
        assert yaml.safe_load(body)


def _bash(command: str, cwd: Path, summary: Path) -> subprocess.CompletedProcess[str]:
    """Run a documented line in bash, with ``checker`` standing for this checkout's checker."""
    script = f'checker() {{ "{sys.executable}" -m checker "$@"; }}\n{command}\n'
    return subprocess.run(
        ["bash", "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env(GITHUB_STEP_SUMMARY=str(summary)),
    )


SHELL_SYNTAX = re.compile(r"[|&;<>$`(){}]")


def _documented(command: str, cwd: Path, summary: Path) -> subprocess.CompletedProcess[str]:
    """A documented line: in bash where it uses the shell (a redirection, a variable);
    otherwise split into words as the shell splits them and run in this process."""
    if SHELL_SYNTAX.search(command):
        return _bash(command, cwd, summary)
    program, *words = shlex.split(command)
    assert program == "checker", command
    return invoke(*words, cwd=cwd, extra_env={"GITHUB_STEP_SUMMARY": str(summary)})


def _outputs(command: str) -> list[str]:
    words = shlex.split(command)
    return [words[i + 1] for i, w in enumerate(words) if w in ("--output-file", "-o")]


def test_every_documented_command_runs(tmp_path: Path) -> None:
    copy_reports(tmp_path / "reports")
    summary = tmp_path / "step-summary.md"
    summary.write_text("", encoding="utf-8")
    ran_in_bash = 0
    for command in commands():
        proc = _documented(command, tmp_path, summary)
        ran_in_bash += bool(SHELL_SYNTAX.search(command))
        expected = {0} if "--exit-zero" in command else {0, 1}
        if "--baseline" in command:
            expected = {0}  # right after the baseline was recorded, nothing is new
        assert proc.returncode in expected, (command, proc.stderr)
        assert "Traceback" not in proc.stderr
        for output in _outputs(command):
            produced = tmp_path / output
            assert produced.stat().st_size > 0, command
            if output.endswith(".sarif"):
                assert json.loads(produced.read_text(encoding="utf-8"))["version"] == "2.1.0"
            elif output.endswith(".xml"):
                assert ET.parse(produced).getroot().tag == "testsuites"
            elif output.endswith(".json"):
                assert isinstance(json.loads(produced.read_text(encoding="utf-8")), list)
    assert summary.read_text(encoding="utf-8").startswith("## ")  # written by bash's >>
    assert ran_in_bash


def test_the_documented_configuration_is_valid(tmp_path: Path) -> None:
    (toml,) = blocks("toml")
    (tmp_path / "checker.toml").write_text(toml, encoding="utf-8")
    pack = tmp_path / "packs" / "province.yaml"
    pack.parent.mkdir()
    pack.write_text("pack: province\nextends: legacy\n", encoding="utf-8")
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "checker.toml").write_text('ignore = ["C"]\n', encoding="utf-8")
    copy_reports(tmp_path / "reports")
    shown = invoke("config", "show", "reports", "-f", "json", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["deadline"] == {"government": "03-15", "department": "03-31"}
    assert data["limits"]["max-file-bytes"] == 33554432
    assert data["extend"] == ["org/checker.toml"] and data["ignore"] == ["A102"]
    assert (data["fail-on"], data["format"], data["jobs"], data["lang"]) == ("error", "concise", 2, "zh")
    assert data["cache"] is True
    assert data["per-file-ignores"] == {"drafts/**": ["C101"], "*-draft.docx": ["D"]}


@pytest.mark.parametrize("hook", yaml.safe_load(HOOKS.read_text(encoding="utf-8")))
def test_the_pre_commit_hook_runs(tmp_path: Path, hook: dict[str, str]) -> None:
    copy_reports(tmp_path / "reports")
    files = sorted(
        str(p.relative_to(tmp_path))
        for p in (tmp_path / "reports").iterdir()
        if re.search(hook["files"], p.name)
    )
    assert files
    # as pre-commit runs it: the entry's words, then the file names (the real pre-commit
    # runs it in tests/test_precommit.py)
    entry = f"{hook['entry']} {' '.join(files)}"
    proc = _documented(entry, tmp_path, tmp_path / "unused")
    assert proc.returncode == 1, proc.stderr  # the test reports hold errors
    clean = [f for f in files if f.endswith("clean-2018.md")]
    assert _documented(f"{hook['entry']} {clean[0]}", tmp_path, tmp_path / "x").returncode == 0


def _distribution_name() -> str:
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    name: str = data["project"]["name"]
    return name


def test_the_docs_install_this_project_by_its_own_name() -> None:
    """PyPI's ``checker`` is someone else's: every install line names our distribution."""
    name = _distribution_name()
    assert name != "checker"
    text = DOC.read_text(encoding="utf-8")
    specs = re.findall(r"CHECKER_SPEC:\s*\"?([^\"\n]+)", text)
    specs += re.findall(r"python -m pip install \"?([^\"$\n][^\"\n]*)", text)
    assert specs
    for spec in specs:
        assert re.match(rf"{re.escape(name)}\b", spec), spec


def test_the_installed_distribution_provides_the_checker_command() -> None:
    from importlib import metadata

    name = _distribution_name()
    scripts = {e.name: e.value for e in metadata.distribution(name).entry_points}
    assert scripts.get("checker") == "checker.entry:main"
    command = Path(sys.executable).with_name("checker.exe" if sys.platform == "win32" else "checker")
    proc = subprocess.run([str(command), "--version"], capture_output=True, text=True, env=env())
    assert proc.returncode == 0 and proc.stdout.startswith("checker ")


def test_the_hook_excludes_what_the_folder_walk_skips() -> None:
    from checker.discover import _REPOSITORY_DOCS

    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    exclude = re.compile(hook["exclude"])
    for name in _REPOSITORY_DOCS:
        for path in (f"{name.upper()}.md", f"sub/dir/{name.capitalize()}.txt", f"{name}.html"):
            assert exclude.search(path), path
    for report in ("2023/readme-notes.md", "reports/license-office-2023.docx", "a/qinghe.md"):
        assert not exclude.search(report), report
    assert exclude.search(".github/pull_request_template.md")
