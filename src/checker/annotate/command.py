"""``checker annotate DRAFT.docx``: check the draft as ``check`` does, then write the copy.

The check goes through the same pipeline (configuration, selection, severity
overrides), so the comments say exactly what ``checker check`` would report.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from checker.messages import read_reason, word

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def default_output(draft: str) -> str:
    path = Path(draft)
    return str(path.with_name(path.stem + ".checked" + path.suffix))


def run_annotate(
    draft: str,
    output: str | None,
    lang: str,
    edition: str | None,
    rules: tuple[str, ...],
    fail_on: str,
) -> tuple[int, list[str]]:
    """Exit code and the lines for stderr."""
    from checker.annotate import annotate
    from checker.batch import WorkerError, run
    from checker.config import Overrides
    from checker.errors import ReadError, RulePackError
    from checker.pipeline import Request, UsageError, finish, plan

    if Path(draft).suffix.lower() != ".docx":
        return EXIT_USAGE, [word("annotate.needs-docx", lang, path=draft)]
    target = output or default_output(draft)
    if _same_file(draft, target):
        return EXIT_USAGE, [word("annotate.same-file", lang, path=target)]
    try:
        request = Request(
            paths=(draft,), overrides=Overrides(edition=edition, rules=rules), fail_on=fail_on
        )
        planned = plan(request, lambda limit: b"")
        outcome, notes = finish(request, planned, run(planned.jobs, 1, None))
    except (RulePackError, UsageError, WorkerError) as exc:
        return EXIT_USAGE, [str(exc)]
    if not outcome.results:
        return EXIT_USAGE, list(planned.notes)
    result = outcome.results[0]
    if not result.readable:
        reason = result.findings[0].args.get("reason") if result.findings else None
        text = reason.get(lang) if hasattr(reason, "get") else str(reason)
        return EXIT_USAGE, [word("annotate.unreadable", lang, path=draft, reason=text)]
    try:
        with open(draft, "rb") as handle:
            data = handle.read()
        annotated = annotate(data, draft, result, lang)
    except ReadError as exc:
        reason = read_reason(exc.code).get(lang)
        return EXIT_USAGE, [word("annotate.unreadable", lang, path=draft, reason=reason)]
    _write(target, annotated.data)
    lines = [
        *notes,
        word(
            "annotate.written",
            lang,
            path=target,
            placed=annotated.placed,
            general=annotated.general,
        ),
    ]
    return (EXIT_FINDINGS if outcome.failed else EXIT_OK), lines


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _write(path: str, data: bytes) -> None:
    """Whole or not at all: a temporary file beside the target, renamed over it."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".checker-", suffix=".docx.tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
