"""What ``checker check`` does once its arguments are read, without the parser.

The command line's ``check`` (typer) and the entry point's direct route for
plain arguments (``checker.entry``) both call ``run_check``, so a check runs the
same code whichever read its arguments. It returns the exit code; nothing here
imports typer, which is most of the start-up of a one-file check.
"""

from __future__ import annotations

import functools
import gc
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, ParamSpec

from checker.i18n import default_lang
from checker.messages import word

if TYPE_CHECKING:
    from checker.results import FileResult, Outcome

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
P = ParamSpec("P")
PROGRESS_MIN_FILES = 6


class _Stop(Exception):
    """The run ends here with this exit code (a usage error, an interruption)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _no_color() -> bool:
    return bool(os.environ.get("NO_COLOR"))


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(
        stderr=stderr,
        highlight=False,
        soft_wrap=False,
        color_system=None if _no_color() else "auto",
    )


def _say(message: str) -> None:
    """A run diagnostic: plain text on stderr."""
    print(message, file=sys.stderr)


def _fail(message: str) -> None:
    _say(message)
    raise _Stop(EXIT_USAGE)


def _jobs(requested: int | None) -> int:
    if requested is not None:
        return max(1, requested)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _read_stdin(limit: int) -> bytes:
    return sys.stdin.buffer.read(limit + 1)


def _show_progress(fmt: str, n_files: int) -> bool:
    from checker.render import HUMAN

    return (
        fmt in HUMAN
        and n_files >= PROGRESS_MIN_FILES
        and sys.stderr.isatty()
        and not os.environ.get("CI")
    )


class _Progress:
    """A rich progress bar on stderr, started on the first report (after workers exist)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int) -> None:
        if self.bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn("checking"),
                BarColumn(),
                MofNCompleteColumn(),
                console=_console(stderr=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("check", total=self.total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _emit(outcome: Outcome, fmt: str, lang: str, output_file: str | None) -> None:
    from checker import atomic
    from checker.render import render_chunks

    if output_file is not None:
        try:
            atomic.write_chunks(output_file, render_chunks(fmt, outcome, lang))
        except atomic.WriteError:  # the findings are not lost with the file
            _write_stdout(render_chunks(fmt, outcome, lang))
            raise
        return
    if fmt == "table":
        from checker.render.plainconsole import PlainConsole, is_plain_stream
        from checker.render.table import render_to

        render_to(outcome, lang, PlainConsole(_console) if is_plain_stream() else _console())
        return
    _write_stdout(render_chunks(fmt, outcome, lang))


def _write_stdout(chunks: Iterable[str]) -> None:
    sys.stdout.flush()
    for chunk in chunks:
        sys.stdout.buffer.write(chunk.encode("utf-8"))
    sys.stdout.buffer.flush()


def _emit_statistics(outcome: Outcome, fmt: str, lang: str, output_file: str | None) -> None:
    from checker import atomic
    from checker.render.statistics import render

    text = render(outcome, lang, as_json=fmt in ("json", "jsonl"))
    if output_file is not None:
        atomic.write_text(output_file, text)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def _quiet_summary(outcome: Outcome, lang: str, exit_zero: bool) -> None:
    """``-q``: the summary line on a failing run, silence on a passing one."""
    if not outcome.failed or exit_zero:
        return
    from checker.render.words import summary_line

    print(summary_line(outcome.summary(), lang))


def _report_file() -> str:
    """Where ``--open`` without ``-o`` puts the page: a new file that outlives the run."""
    import tempfile

    handle, name = tempfile.mkstemp(prefix="checker-", suffix=".html")
    os.close(handle)
    return name


def _open_in_browser(path: str, lang: str) -> None:
    import webbrowser
    from pathlib import Path

    uri = Path(path).resolve().as_uri()
    _say(uri)
    if not webbrowser.open(uri):
        _say(word("cli.no-browser", lang))


def _stopped(code: str) -> str:
    """The words for an interrupted run, or for one a SIGTERM ended."""
    from checker import stopping

    terminated = stopping.exit_code() == stopping.EXIT_TERMINATED
    return code.replace("interrupted", "terminated") if terminated else code


def _interrupted(outcome: Outcome, planned: int, lang: str) -> None:
    from checker import stopping
    from checker.render.words import summary_line

    done = len(outcome.results)
    _say(word(_stopped("cli.interrupted"), lang, done=done, planned=planned))
    _say(summary_line(outcome.summary(), lang))
    raise _Stop(stopping.exit_code())


def _ending_stops(run: Callable[P, int]) -> Callable[P, int]:
    """``run``, ended by a ``_Stop`` with its exit code."""

    @functools.wraps(run)
    def ended(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            return run(*args, **kwargs)
        except _Stop as stop:
            return stop.code

    return ended


@_ending_stops
def run_check(
    paths: Sequence[str],
    output_format: str | None = None,
    output_file: str | None = None,
    lang: str | None = None,
    edition: str | None = None,
    rules: list[str] | None = None,
    level: str | None = None,
    fail_on: str | None = None,
    exit_zero: bool = False,
    select: list[str] | None = None,
    extend_select: list[str] | None = None,
    ignore: list[str] | None = None,
    exclude: list[str] | None = None,
    baseline: str | None = None,
    update_baseline: bool = False,
    jobs: int | None = None,
    cache: bool | None = None,
    stdin_filename: str | None = None,
    config: str | None = None,
    isolated: bool = False,
    allow_empty: bool = False,
    statistics: bool = False,
    quiet: bool = False,
    open_report: bool = False,
    convert_with: str | None = None,
    previous: str | None = None,
) -> int:
    """Check ``paths`` as ``checker check`` does and return its exit code. Formats and
    fail-on levels are their values ("json", "error"); None means not given."""
    from checker.atomic import WriteError
    from checker.batch import WorkerError, run
    from checker.config import ConfigError, Overrides
    from checker.errors import RulePackError
    from checker.pipeline import Request, UsageError, finish, plan, selectors
    from checker.spool import Spool

    fmt = output_format or "table"
    lg = lang or default_lang()
    if level is not None and level not in ("government", "department"):
        _fail(word("cli.level", lg, value=repr(level)))
    if update_baseline and baseline is None:
        _fail(word("cli.update-baseline", lg))
    if open_report:
        if fmt != "html":
            _fail(word("cli.open-needs-html", lg))
        output_file = output_file or _report_file()
    if convert_with is not None and convert_with != "soffice":
        _fail(word("cli.convert-with", lg, value=repr(convert_with)))
    from checker import stopping

    stopping.install()
    planned_jobs = 0  # known once the files are found; for an early Ctrl-C's summary
    try:
        if edition is not None:
            from checker.rulepacks.editions import edition_by_id

            if edition_by_id(edition) is None:
                _fail(word("cli.unknown-edition", lg, value=repr(edition)))
        request = Request(
            paths=tuple(paths),
            overrides=Overrides(
                edition=edition,
                rules=tuple(rules or ()),
                level=level,
                select=selectors(select, "--select", lg),
                extend_select=selectors(extend_select, "--extend-select", lg) or (),
                ignore=selectors(ignore, "--ignore", lg) or (),
                exclude=tuple(exclude or ()),
                convert_with=convert_with,
            ),
            fail_on=fail_on,
            baseline=baseline,
            update_baseline=update_baseline,
            stdin_filename=stdin_filename,
            config=config,
            isolated=isolated,
            output_file=output_file,
            allow_empty=allow_empty,
            format=output_format,
            lang=lang,
            jobs=jobs,
            cache=cache,
            previous=previous,
        )
        planned = plan(request, _read_stdin)
        _started()
        planned_jobs = len(planned.jobs)
        fmt, lg = planned.run.format, planned.run.lang
        for note in planned.notes if not quiet else ():
            _say(note)
        progress = _Progress(len(planned.jobs)) if _show_progress(fmt, len(planned.jobs)) else None
        try:
            # results go to disk as they come, in input order: memory stays flat
            batch = run(planned.jobs, _jobs(planned.run.jobs), progress, into=Spool())
        finally:
            if progress is not None:
                progress.close()
        outcome, notes = finish(request, planned, batch)
        if batch.interrupted:
            _interrupted(outcome, len(planned.jobs), lg)
        if statistics:
            _emit_statistics(outcome, fmt, lg, planned.run.output_file)
        elif not quiet or planned.run.output_file is not None:
            _emit(outcome, fmt, lg, planned.run.output_file)
        if quiet:
            _quiet_summary(outcome, lg, exit_zero)
        for note in notes if not quiet else ():
            _say(note)
        if open_report and output_file is not None:
            _open_in_browser(output_file, lg)
    except RulePackError as exc:  # configuration and baseline errors are RulePackErrors too
        from checker.baseline import BaselineError

        label = "cli.label.rule-pack"
        if isinstance(exc, ConfigError):
            label = "cli.label.configuration"
        elif isinstance(exc, BaselineError):
            label = "cli.label.baseline"
        _fail(word("cli.error", lg, label=word(label, lg), detail=exc))
    except WriteError as exc:
        _fail(exc.words(lg))
    except (UsageError, WorkerError) as exc:
        _fail(str(exc))
    except KeyboardInterrupt:  # before the batch began, or after it ended
        if planned_jobs:
            from checker.render.json_out import summary
            from checker.render.words import summary_line

            _say(word(_stopped("cli.interrupted"), lg, done=0, planned=planned_jobs))
            _say(summary_line(summary([]), lg))
        else:
            _say(word(_stopped("cli.interrupted-early"), lg))
        raise _Stop(stopping.exit_code()) from None
    crashed = crashes(batch.results, lg)
    for line in crashed:
        _say(line)
    if crashed:  # a defect of ours is never a finding: exit 2, whatever was found
        return EXIT_USAGE
    if exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if outcome.failed else EXIT_OK


def last_words(exc: Exception) -> str:
    """The one line a command ends with (exit 2) when ``exc`` escapes it: a broken rule
    pack, else a defect of ours, never a traceback."""
    from checker.errors import RulePackError

    lang = default_lang()
    if isinstance(exc, RulePackError):
        label = word("cli.label.rule-pack", lang)
        return word("cli.error", lang, label=label, detail=exc)
    return word("cli.internal-error-bare", lang, error=f"{type(exc).__name__}: {exc}")


def crashes(results: Sequence[FileResult], lang: str) -> list[str]:
    """One line per file (and rule) where an exception of ours was caught."""
    from checker.spool import Spool

    lines = []
    # a spool reads back only the files that may hold one
    for result in results.with_internal_errors() if isinstance(results, Spool) else results:
        for f in result.findings:
            if f.rule == "E001" and f.args.get("code") == "internal-error":
                error = str(f.args.get("detail", "")).split(":", 1)[0] or "Exception"
                lines.append(word("cli.internal-error", lang, path=result.path, error=error))
        for rule_id, reason in result.not_evaluated:
            if reason.startswith("internal error"):
                error = reason.split(":", 1)[-1].strip() or "Exception"
                lines.append(
                    word(
                        "cli.internal-error-rule", lang, path=result.path, rule=rule_id, error=error
                    )
                )
    return lines


_quiet_start = False  # set by hold_collection: the collector waits until start-up is over


def hold_collection() -> None:
    """No collection while modules load: called by the entry point of a ``check`` run."""
    global _quiet_start
    if gc.isenabled():
        gc.disable()
        _quiet_start = True


def _started() -> None:
    """Start-up is over (modules imported, files found): what it made lives as long as
    the process, so the collector sets it aside (``gc.freeze``) instead of walking it
    again on every full collection, and runs from here on."""
    global _quiet_start
    if _quiet_start:
        _quiet_start = False
        gc.freeze()
        gc.enable()
