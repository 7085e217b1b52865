"""The table format's plain console writes exactly what rich would, line for line."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from checker.render import plainconsole
from checker.render.plainconsole import PlainConsole

PIECES = [
    "a",
    "Z",
    " ",
    "  ",
    "格式",
    "报告年度2023（取自标题）",
    ":",
    ":smile:",
    ":x",
    "[bold]",
    "[/bold]",
    "[red]",
    "[",
    "]",
    "\\",
    "\t",
    "\n",
    "\x1b",
    "\u200e",
    "\u3000",
    "e\u0301",
    "😀",
    "ｱ",
    "samples/edition2021-2023-clean.docx",
    "/home/user/reports/2023/edition2021-2023-clean.docx",
    "abcdefghijklmnopqrstuvwxyz0123456789",
    "政府信息公开工作年度报告",
    "\ufe0f",
    "\u2764",
    "\u0301",
    "\u00a0",
    "  格式: 2021 ",
    "(报告年度2023（取自标题）)",
]


def _both(text: str, style: str | None, markup: bool, width: int) -> tuple[str, str]:
    def make() -> Console:
        return Console(highlight=False, soft_wrap=False, color_system="auto", width=width)

    outs = []
    for console in (PlainConsole(make, width=width), make()):
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            try:
                console.print(text, style=style, markup=markup)
                console.print("  tail line", style="dim")
            except Exception as exc:  # bad markup: both must refuse it alike
                print(type(exc).__name__)
        outs.append(buffer.getvalue())
    return outs[0], outs[1]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=16).map("".join),
    st.sampled_from([None, "green", "bold red", "dim"]),
    st.booleans(),
    st.integers(min_value=1, max_value=120),
)
def test_any_line_comes_out_as_rich_prints_it(
    text: str, style: str | None, markup: bool, width: int
) -> None:
    plain, rich = _both(text, style, markup, width)
    assert plain == rich


HEADING_PARTS = st.lists(st.sampled_from([*PIECES[20:], "a", " ", "格式", ":", "]"]), max_size=10)


@settings(max_examples=300, deadline=None)
@given(
    HEADING_PARTS.map("".join),
    HEADING_PARTS.map("".join),
    st.integers(min_value=1, max_value=90),
)
def test_a_file_heading_wider_than_the_console_breaks_as_rich_breaks_it(
    path: str, rest: str, width: int
) -> None:
    plain, rich = _both(f"[bold]{path}[/bold]{rest}", None, True, width)
    assert plain == rich


def test_a_long_heading_is_broken_without_rich() -> None:
    made: list[int] = []
    console = PlainConsole(lambda: made.append(1), width=40)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        console.print(
            "[bold]/home/user/reports/2023/a-long-name.docx[/bold]  格式: 2021 (报告年度)"
        )
    assert buffer.getvalue() == "/home/user/reports/2023/a-long-name.docx\n格式: 2021 (报告年度)\n"
    assert not made


def test_a_simple_line_is_written_without_rich() -> None:
    made: list[int] = []
    console = PlainConsole(lambda: made.append(1), width=80)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        console.print("[bold]a.docx[/bold]  格式: 2021 (报告年度2023)")
    assert buffer.getvalue() == "a.docx  格式: 2021 (报告年度2023)\n" and not made


@pytest.mark.parametrize("name", ["FORCE_COLOR", "TTY_COMPATIBLE"])
def test_a_forced_terminal_goes_to_rich(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv(name, "1")
    assert not plainconsole.is_plain_stream()


def test_the_width_is_the_one_rich_takes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "37")
    assert plainconsole.console_width() == 37 == Console(file=io.StringIO()).width
    monkeypatch.delenv("COLUMNS")
    assert plainconsole.console_width() == Console(file=io.StringIO()).width
