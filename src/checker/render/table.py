"""The coloured findings table for people at a terminal."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from checker.messages import word
from checker.render.safe import for_rich
from checker.render.words import SEVERITY_WORDS, baseline_line, place, summary_line
from checker.results import display_path, message

if TYPE_CHECKING:
    from checker.results import FileResult, Outcome

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render_to(outcome: Outcome, lang: str, console: Any) -> None:
    """Print to a rich console (colours when it is a terminal and NO_COLOR is unset)."""
    for _ in printing(outcome, lang, console):
        pass


def printing(outcome: Outcome, lang: str, console: Any) -> Iterator[None]:
    """``render_to``, pausing after each file and after the summary."""
    for result in outcome.results:
        yield
        head = f"[bold]{for_rich(display_path(result.path))}[/bold]"
        if result.edition:
            edition = result.edition_reason.get(lang) if result.edition_reason else ""
            head += for_rich(f"  {word('table.format', lang)}: {result.edition} ({edition})")
        console.print(head)
        if not result.findings:
            console.print("  " + word("table.none", lang), style="green")
            _not_evaluated(console, result, lang)  # a clean look must not hide what was not checked
            continue
        from rich.table import Table  # only a file with findings needs a table

        table = Table(show_header=True, header_style="bold", expand=False, show_lines=False)
        table.add_column(word("column.location", lang), overflow="fold", max_width=40)
        table.add_column(word("column.severity", lang), no_wrap=True)
        table.add_column(word("column.rule", lang), no_wrap=True)
        table.add_column(word("column.message", lang), overflow="fold")
        for f in result.findings:
            sev = f.severity.value
            table.add_row(
                for_rich(place(result, f, lang)),
                f"[{STYLES[sev]}]{SEVERITY_WORDS[lang if lang == 'en' else 'zh'][sev]}[/]",
                f.rule,
                for_rich(message(result, f, lang)),
            )
        console.print(table)
        _not_evaluated(console, result, lang)
    yield
    if outcome.baseline is not None:
        text = baseline_line(outcome.suppressed, len(outcome.stale), lang)
        console.print(text, style="dim", markup=False)
    s = outcome.summary()
    console.print(
        summary_line(s, lang), style="bold red" if s["error"] else "bold green", markup=False
    )
    yield


def render(outcome: Outcome, lang: str) -> str:
    """The same table as plain text, for --output-file."""
    return "".join(chunks(outcome, lang))


def chunks(outcome: Outcome, lang: str) -> Iterator[str]:
    """``render`` in pieces: what each file printed, taken from the buffer as it comes."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=120, color_system=None, force_terminal=False, highlight=False
    )
    for _ in printing(outcome, lang, console):
        if buffer.tell():
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()


def _not_evaluated(console: Any, result: FileResult, lang: str) -> None:
    """The rules not evaluated, grouped by their reason in the chosen language."""
    if not result.not_evaluated:
        return
    from checker.messages import not_evaluated_code, not_evaluated_reason

    by_code: dict[str, list[str]] = {}
    words: dict[str, str] = {}
    for rule, why in result.not_evaluated:
        code = not_evaluated_code(why)
        by_code.setdefault(code, []).append(rule)
        words[code] = not_evaluated_reason(why).get(lang)
    sep = word("list.separator", lang)
    text = word("table.group-separator", lang).join(
        word("table.not-evaluated-group", lang, ids=sep.join(ids), reason=words[c])
        for c, ids in by_code.items()
    )
    console.print(for_rich("  " + word("table.not-evaluated", lang) + text), style="dim")
