"""The shipped pre-commit hook, driven by the real ``pre-commit`` in a scratch repository.

The hook's own ``entry``, ``files`` and ``exclude`` are used as written in
.pre-commit-hooks.yaml; only its environment is this test's (``language:
system`` with this checkout's ``checker`` on PATH), so that no hook virtualenv
has to be built.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cli_support import REPORTS, ROOT, env, invoke

pytest.importorskip("pre_commit", reason="pre-commit is not installed (test extra)")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

HOOKS = ROOT / ".pre-commit-hooks.yaml"
NOT_A_REPORT = "# Project notes\n\nNothing here is an annual report.\n"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    bin_dir = str(Path(sys.executable).parent)
    extra = {
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env(**extra),
    )


def _scratch_repo(tmp_path: Path) -> Path:
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    local = {k: v for k, v in hook.items() if k not in ("language",)}
    config = {"repos": [{"repo": "local", "hooks": [{**local, "language": "system"}]}]}
    repo = tmp_path / "reports-repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "staff@example.invalid")
    _git(repo, "config", "user.name", "staff")
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "2018").mkdir()
    shutil.copy(REPORTS / "clean-2018.md", repo / "2018" / "clean-2018.md")
    for doc in ("README.md", "CHANGELOG.md", "2018/README.md", "docs/LICENSE.txt", ".github/x.md"):
        (repo / doc).parent.mkdir(parents=True, exist_ok=True)
        (repo / doc).write_text(NOT_A_REPORT, encoding="utf-8")
    _git(repo, "add", "-A")
    return repo


def test_the_manifest_is_valid_for_pre_commit() -> None:
    proc = _pre_commit(ROOT, "validate-manifest", str(HOOKS))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_hook_skips_repository_documents_and_checks_reports(tmp_path: Path) -> None:
    repo = _scratch_repo(tmp_path)
    # the documents alone would fail as reports: the hook must not be given them
    assert invoke("check", "README.md", cwd=repo).returncode == 1
    passed = _pre_commit(repo, "run", "--all-files", "--verbose")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "1 file(s) checked" in passed.stdout or "共检查 1 个文件" in passed.stdout
    shutil.copy(REPORTS / "qinghe-2018.txt", repo / "2018" / "qinghe-2018.txt")
    _git(repo, "add", "-A")
    failed = _pre_commit(repo, "run", "--all-files")
    assert failed.returncode == 1, failed.stdout + failed.stderr
