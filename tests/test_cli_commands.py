"""The smaller commands: rules, rule, completion, start-up cost, the progress bar."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import REPORTS, ROOT, SEED, env, invoke, run

HEAVY = ("rich", "jsonschema", "lxml", "yaml", "regex", "concurrent.futures.process")


def test_version_imports_nothing_heavy() -> None:
    """Start-up stays fast because the heavy modules load inside commands only."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "checker", "--version"],
        capture_output=True,
        text=True,
        env=env(),
        cwd=ROOT,
    )
    assert proc.stdout.startswith("checker ")
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
    assert "checker.cli" in imported
    for module in (*HEAVY, "checker.engine", "checker.readers"):
        assert module not in imported, module


def test_rules_list_as_json() -> None:
    proc = invoke("rules", "list", "--format", "json", "--lang", "en")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    ids = [r["id"] for r in data]
    assert ids == sorted(ids) and "A101" in ids and "E001" in ids
    assert all(r["severity"] in ("error", "warning", "info") and r["basis"] for r in data)
    assert invoke("rules").stdout.splitlines()[0].startswith(ids[0] + "\t")


@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh", ("依据", "正确示例", "错误示例")), ("en", ("basis", "passes", "fails"))],
)
def test_rule_explains_itself(lang: str, words: tuple[str, ...]) -> None:
    proc = invoke("rule", "c101", "--lang", lang)
    assert proc.returncode == 0 and proc.stdout.startswith("C101")
    for word in words:
        assert word in proc.stdout
    assert invoke("rule", "Z999").returncode == 2


def test_shell_completion_is_offered() -> None:
    helptext = run("--help").stdout
    assert "--install-completion" in helptext and "--show-completion" in helptext


def _with_tty_stderr(args: list[str], cwd: Path, **extra: str) -> tuple[int, str]:
    """Run with stderr on a pseudo-terminal (stdout a pipe); returns (exit code, stderr)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env(TERM="xterm", **extra),
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    code = proc.wait()
    os.close(master)
    return code, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals")
def test_progress_bar_only_for_people(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(8):
        shutil.copy(SEED if i % 2 else REPORTS / "qinghe-2018.txt", folder / f"r{i}.txt")
    code, shown = _with_tty_stderr(["check", "reports", "--jobs", "1"], tmp_path)
    assert code == 1 and re.search(r"checking.*\d+/8", shown)
    for args, extra in (
        (["check", "reports", "--jobs", "1", "-f", "json"], {}),  # a machine format
        (["check", "reports", "--jobs", "1"], {"CI": "true"}),  # a CI log
        (["check", "reports/r1.txt", "reports/r2.txt"], {}),  # a few files
    ):
        code, shown = _with_tty_stderr(args, tmp_path, **extra)
        assert code == 1 and "checking" not in shown, (args, extra)
