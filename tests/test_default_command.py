"""``checker draft.docx`` checks the draft: no subcommand needed."""

from __future__ import annotations

import json

import pytest

from checker.cli import with_default_command
from cli_support import SEED, invoke


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["draft.docx"], ["check", "draft.docx"]),
        (["--format", "html", "d.docx"], ["check", "--format", "html", "d.docx"]),
        (["check", "d.docx"], ["check", "d.docx"]),
        (["annotate", "d.docx"], ["annotate", "d.docx"]),
        (["rules"], ["rules"]),
        (["--version"], ["--version"]),
        (["-h"], ["-h"]),
        ([], []),
    ],
)
def test_check_is_the_default_command(args: list[str], expected: list[str]) -> None:
    assert with_default_command(args) == expected


def test_a_path_alone_is_checked() -> None:
    plain = invoke(str(SEED))
    assert plain.returncode == 1 and "共检查 1 个文件" in plain.stdout
    data = json.loads(invoke("--format", "json", str(SEED)).stdout)
    assert data["summary"]["files"] == 1
