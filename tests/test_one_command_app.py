"""``checker check`` run with only its own command built reads exactly as with them all."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from checker import cli
from cli_support import ROOT

CLEAN = str(ROOT / "samples" / "edition2021-2023-clean.docx")

CASES = [
    ["check", "--help"],
    ["check", "-h"],
    ["check"],
    ["check", "--bogus", CLEAN],
    ["check", "--format", "nope", CLEAN],
    ["check", "--jobs", "0", CLEAN],
    ["check", "--version"],
    ["check", "--lang", "en", "--format", "concise", CLEAN],
    ["check", "--level", "city", CLEAN],
]


def _run(args: list[str], narrowed: bool) -> tuple[int, str]:
    runner = CliRunner()
    if narrowed:
        with cli.only_the_command_run(args):
            assert len(cli.app.registered_commands) == 1 and not cli.app.registered_groups
            result = runner.invoke(cli.app, args)
    else:
        result = runner.invoke(cli.app, args)
    return result.exit_code, result.output


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_the_narrowed_app_answers_as_the_whole_one(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    assert _run(args, narrowed=True) == _run(args, narrowed=False)


def test_every_command_is_back_afterwards() -> None:
    before = list(cli.app.registered_commands), list(cli.app.registered_groups)
    with cli.only_the_command_run(["check", CLEAN]):
        pass
    assert (cli.app.registered_commands, cli.app.registered_groups) == before
    assert len(before[0]) > 1 and before[1]


@pytest.mark.parametrize("first", ["rules", "rule", "--help", "chek", "config"])
def test_other_first_arguments_keep_every_command(first: str) -> None:
    with cli.only_the_command_run([first]):
        assert len(cli.app.registered_commands) > 1 and cli.app.registered_groups


def test_shell_completion_keeps_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_CHECKER_COMPLETE", "complete_bash")
    with cli.only_the_command_run(["check"]):
        assert len(cli.app.registered_commands) > 1
