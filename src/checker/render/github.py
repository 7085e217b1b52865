"""GitHub Actions workflow commands: one annotation per finding, within GitHub's cap.

GitHub shows at most 10 annotations of each type (error, warning, notice) per
step and drops the rest silently, so only the first 10 of each type are
emitted; the cut ones are listed as plain log lines with a note saying how
many were cut, so the log still holds every finding. Every line is an
annotation built here or a plain line that starts with text of ours, never
with a path: the runner trims spaces, and a file named ``::stop-commands::x``
at the start of a line would be a workflow command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.findings import Finding
from checker.render.json_out import summary
from checker.render.safe import for_github_message, for_github_property, one_line
from checker.render.words import position, summary_line, where
from checker.results import FileResult, display_path, message

if TYPE_CHECKING:
    from checker.results import Outcome

CAP = 10
COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _text(result: FileResult, finding: Finding, lang: str) -> str:
    text = message(result, finding, lang)
    context = where(finding.location, lang)
    return f"{text} ({context})" if context else text


def render(outcome: Outcome, lang: str) -> str:
    lines: list[str] = []
    cut: dict[str, list[str]] = {}
    emitted: dict[str, int] = {}
    for result in outcome.results:
        path = display_path(result.path)
        for f in result.findings:
            kind = COMMAND[f.severity.value]
            line, column = position(f.location)
            text = _text(result, f, lang)
            if emitted.get(kind, 0) >= CAP:
                cut.setdefault(kind, []).append(
                    f"- {one_line(path)}:{line}:{column}: {f.rule} [{f.severity.value}] "
                    + one_line(text)
                )
                continue
            emitted[kind] = emitted.get(kind, 0) + 1
            props = f"file={for_github_property(path)},line={line}"
            if f.location.offset is not None:
                props += f",col={column}"
            props += f",title={for_github_property(f'checker {f.rule}')}"
            lines.append(f"::{kind} {props}::{for_github_message(text)}")
    for kind in ("error", "warning", "notice"):
        if kind not in cut:
            continue
        n = len(cut[kind])
        if lang == "en":
            lines.append(
                f"{n} more {kind} finding(s) not annotated "
                f"(GitHub shows at most {CAP} {kind} annotations per step):"
            )
        else:
            word = {"error": "错误", "warning": "警告", "notice": "提示"}[kind]
            lines.append(
                f"另有 {n} 条{word}未作为注释显示（GitHub 每个步骤每类最多显示 {CAP} 条）："
            )
        lines.extend(cut[kind])  # "- path…": no line of the log can start with "::"
    lines.append(summary_line(summary(outcome.results), lang))
    return "\n".join(lines) + "\n"
