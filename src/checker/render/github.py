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

from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

from checker.findings import Finding
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
    return "".join(chunks(outcome, lang))


def chunks(outcome: Outcome, lang: str) -> Iterator[str]:
    """Each file's annotations as one piece; the lines cut from them are spooled to a
    temporary file per type (there may be many) and follow, then the summary."""
    import tempfile

    cut: dict[str, IO[str]] = {}
    counts: dict[str, int] = {}
    emitted: dict[str, int] = {}
    try:
        for result in outcome.results:
            path = display_path(result.path)
            lines = []
            for f in result.findings:
                kind = COMMAND[f.severity.value]
                line, column = position(f.location)
                text = _text(result, f, lang)
                if emitted.get(kind, 0) >= CAP:
                    if kind not in cut:
                        cut[kind] = tempfile.SpooledTemporaryFile(  # noqa: SIM115
                            max_size=1 << 20, mode="w+", encoding="utf-8", newline=""
                        )
                    cut[kind].write(
                        f"- {one_line(path)}:{line}:{column}: {f.rule} [{f.severity.value}] "
                        + one_line(text)
                        + "\n"
                    )
                    counts[kind] = counts.get(kind, 0) + 1
                    continue
                emitted[kind] = emitted.get(kind, 0) + 1
                props = f"file={for_github_property(path)},line={line}"
                if f.location.offset is not None:
                    props += f",col={column}"
                props += f",title={for_github_property(f'checker {f.rule}')}"
                lines.append(f"::{kind} {props}::{for_github_message(text)}\n")
            yield "".join(lines)
        for kind in ("error", "warning", "notice"):
            if kind not in cut:
                continue
            n = counts[kind]
            if lang == "en":
                yield (
                    f"{n} more {kind} finding(s) not annotated "
                    f"(GitHub shows at most {CAP} {kind} annotations per step):\n"
                )
            else:
                word = {"error": "错误", "warning": "警告", "notice": "提示"}[kind]
                yield f"另有 {n} 条{word}未作为注释显示（GitHub 每个步骤每类最多显示 {CAP} 条）：\n"
            spooled = cut[kind]
            spooled.seek(0)
            while piece := spooled.read(65536):
                yield piece  # "- path…": no line of the log can start with "::"
        yield summary_line(outcome.summary(), lang) + "\n"
    finally:
        for spooled in cut.values():
            spooled.close()
