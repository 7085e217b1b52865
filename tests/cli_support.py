"""Running the command line from tests, the way a user or a CI job does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "ci"
REPORTS = DATA / "reports"
SEED = ROOT / "samples" / "seed-2018-xinxiang.txt"


def env(**extra: str) -> dict[str, str]:
    # the language follows CHECKER_LANG and the locale: pin both, so output is the same anywhere
    unset = ("FORCE_COLOR", "CI", "NO_COLOR", "CHECKER_LANG", "LC_ALL", "LC_MESSAGES")
    base = {k: v for k, v in os.environ.items() if k not in unset}
    base.update({"PYTHONIOENCODING": "utf-8", "COLUMNS": "120", "NO_COLOR": "1", "LANG": "C.UTF-8"})
    base.update(extra)
    return base


def run(
    *args: str,
    cwd: Path = ROOT,
    stdin: bytes | None = None,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "checker", *args],
        capture_output=True,
        input=stdin,
        cwd=cwd,
        env=env(**(extra_env or {})),
    )
    return subprocess.CompletedProcess(
        proc.args,
        proc.returncode,
        proc.stdout.decode("utf-8"),
        proc.stderr.decode("utf-8"),
    )


def copy_reports(dest: Path) -> Path:
    """The small test reports (not the seed) copied to ``dest``."""
    shutil.copytree(REPORTS, dest, dirs_exist_ok=True)
    return dest
