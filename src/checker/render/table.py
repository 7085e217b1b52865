"""The coloured findings table for people at a terminal."""

from __future__ import annotations

from typing import Any

from checker.engine import FileResult, display_path
from checker.render.json_out import summary
from checker.render.safe import for_rich
from checker.render.words import SEVERITY_WORDS, location, message

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(results: list[FileResult], lang: str, console: Any) -> None:
    from rich.table import Table

    zh = lang != "en"
    for result in results:
        head = f"[bold]{for_rich(display_path(result.path))}[/bold]"
        if result.edition:
            edition = result.edition_reason.get(lang) if result.edition_reason else ""
            head += for_rich(f"  {'格式' if zh else 'format'}: {result.edition} ({edition})")
        console.print(head)
        if not result.findings:
            console.print("  " + ("未发现问题" if zh else "no findings"), style="green")
            continue
        table = Table(show_header=True, header_style="bold", expand=False, show_lines=False)
        table.add_column("位置" if zh else "Location", overflow="fold", max_width=40)
        table.add_column("级别" if zh else "Severity", no_wrap=True)
        table.add_column("规则" if zh else "Rule", no_wrap=True)
        table.add_column("说明" if zh else "Message", overflow="fold")
        for f in result.findings:
            sev = f.severity.value
            table.add_row(
                for_rich(location(f.location, lang)),
                f"[{STYLES[sev]}]{SEVERITY_WORDS[lang if lang == 'en' else 'zh'][sev]}[/]",
                f.rule,
                for_rich(message(result, f, lang)),
            )
        console.print(table)
        if result.not_evaluated:
            ids = ", ".join(r for r, _ in result.not_evaluated)
            console.print(
                for_rich(("  未能评估的规则：" if zh else "  rules not evaluated: ") + ids),
                style="dim",
            )
    s = summary(results)
    if zh:
        line = (
            f"共检查 {s['files']} 个文件：错误 {s['error']}，警告 {s['warning']}，提示 {s['info']}"
            + (f"，无法读取 {s['unreadable']}" if s["unreadable"] else "")
        )
    else:
        line = (
            f"{s['files']} file(s) checked: {s['error']} error(s), {s['warning']} warning(s), "
            f"{s['info']} info" + (f", {s['unreadable']} unreadable" if s["unreadable"] else "")
        )
    console.print(line, style="bold red" if s["error"] else "bold green", markup=False)
