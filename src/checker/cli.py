"""Command line: parse options, call the library, pick a renderer, exit.

Exit codes: 0 no finding at or above the fail-on threshold; 1 findings at or
above it; 2 usage, configuration or rule-file error; 130 interrupted (Ctrl-C).
``sys.exit`` lives here only. Heavy modules are imported inside the commands
so that ``checker --version`` and shell completion stay fast.

No ``from __future__ import annotations`` here: typer reads each command's
``Annotated[..., typer.Option(...)]`` parameters, and as strings it would
evaluate every one of them twice on every run.
"""

import contextlib
import gc
import os
import sys
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from checker import __version__
from checker.i18n import default_lang
from checker.messages import word

# Help is printed before --lang is parsed, so its language comes from the
# environment alone (CHECKER_LANG, else the locale, else Chinese), fixed at import.
HELP_LANG = default_lang()


def _h(code: str) -> str:
    return word(code, HELP_LANG)


if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from checker.results import FileResult, Outcome

app = typer.Typer(
    name="checker",
    help=_h("help.app"),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
rules_app = typer.Typer(help=_h("help.rules-app"), rich_markup_mode=None)
config_app = typer.Typer(help=_h("help.config-app"), rich_markup_mode=None)
app.add_typer(rules_app, name="rules")
app.add_typer(config_app, name="config")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130  # 143: SIGTERM
PROGRESS_MIN_FILES = 6


class OutputFormat(StrEnum):
    table = "table"
    concise = "concise"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    gitlab = "gitlab"
    markdown = "markdown"
    html = "html"


class ListFormat(StrEnum):
    table = "table"
    json = "json"


class RuleFormat(StrEnum):
    text = "text"
    markdown = "markdown"


class ConfigFormat(StrEnum):
    toml = "toml"
    json = "json"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


LANG_HELP = _h("help.lang")


def _lang(lang: Lang | None) -> str:
    return lang.value if lang is not None else default_lang()


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _version(value: bool) -> None:
    if value:
        print(f"checker {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback(help=_h("help.root"))
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_h("help.version")),
    ] = False,
) -> None:
    pass


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
    raise typer.Exit(EXIT_USAGE)


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


def _emit(outcome: "Outcome", fmt: str, lang: str, output_file: str | None) -> None:
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


def _emit_statistics(outcome: "Outcome", fmt: str, lang: str, output_file: str | None) -> None:
    from checker import atomic
    from checker.render.statistics import render

    text = render(outcome, lang, as_json=fmt in ("json", "jsonl"))
    if output_file is not None:
        atomic.write_text(output_file, text)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def _quiet_summary(outcome: "Outcome", lang: str, exit_zero: bool) -> None:
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

    from checker.messages import word

    uri = Path(path).resolve().as_uri()
    _say(uri)
    if not webbrowser.open(uri):
        _say(word("cli.no-browser", lang))


def _stopped(code: str) -> str:
    """The words for an interrupted run, or for one a SIGTERM ended."""
    from checker import stopping

    terminated = stopping.exit_code() == stopping.EXIT_TERMINATED
    return code.replace("interrupted", "terminated") if terminated else code


def _interrupted(outcome: "Outcome", planned: int, lang: str) -> None:
    from checker import stopping
    from checker.messages import word
    from checker.render.words import summary_line

    done = len(outcome.results)
    _say(word(_stopped("cli.interrupted"), lang, done=done, planned=planned))
    _say(summary_line(outcome.summary(), lang))
    raise typer.Exit(stopping.exit_code())


@app.command(help=_h("help.check"))
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            help=_h("help.check.paths"),
            show_default=False,
        ),
    ],
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "--output-format",
            "-f",
            help=_h("help.check.format"),
            show_default=False,
        ),
    ] = None,
    output_file: Annotated[
        str | None,
        typer.Option("--output-file", "-o", help=_h("help.check.output-file")),
    ] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help=LANG_HELP, show_default=False)] = None,
    edition: Annotated[
        str | None,
        typer.Option(
            "--edition",
            help=_h("help.check.edition"),
        ),
    ] = None,
    rules: Annotated[
        list[str] | None,
        typer.Option("--rules", help=_h("help.check.rules")),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            help=_h("help.check.level"),
        ),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help=_h("help.check.fail-on"),
            show_default=False,
        ),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help=_h("help.check.exit-zero"))
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help=_h("help.check.select")),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option("--extend-select", help=_h("help.check.extend-select")),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help=_h("help.check.ignore")),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", help=_h("help.check.exclude")),
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option("--baseline", help=_h("help.check.baseline")),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option("--update-baseline", help=_h("help.check.update-baseline")),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help=_h("help.check.jobs"), min=1),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", help=_h("help.check.stdin-filename")),
    ] = None,
    config: Annotated[
        str | None,
        typer.Option("--config", help=_h("help.check.config")),
    ] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help=_h("help.isolated"))] = False,
    allow_empty: Annotated[
        bool,
        typer.Option("--allow-empty", help=_h("help.check.allow-empty")),
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help=_h("help.check.statistics"),
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help=_h("help.check.quiet"),
        ),
    ] = False,
    open_report: Annotated[
        bool,
        typer.Option("--open", help=_h("help.check.open")),
    ] = False,
    convert_with: Annotated[
        str | None,
        typer.Option(
            "--convert-with",
            help=_h("help.check.convert-with"),
        ),
    ] = None,
    previous: Annotated[
        str | None,
        typer.Option(
            "--previous",
            help=_h("help.check.previous"),
        ),
    ] = None,
) -> None:
    from checker.atomic import WriteError
    from checker.baseline import BaselineError
    from checker.batch import WorkerError, run
    from checker.config import ConfigError, Overrides
    from checker.errors import RulePackError
    from checker.messages import word
    from checker.pipeline import Request, UsageError, finish, plan, selectors
    from checker.spool import Spool

    fmt = output_format.value if output_format else "table"
    lg = _lang(lang)
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
            fail_on=fail_on.value if fail_on else None,
            baseline=baseline,
            update_baseline=update_baseline,
            stdin_filename=stdin_filename,
            config=config,
            isolated=isolated,
            output_file=output_file,
            allow_empty=allow_empty,
            format=output_format.value if output_format else None,
            lang=lang.value if lang else None,
            jobs=jobs,
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
        label = "cli.label.rule-pack"
        if isinstance(exc, ConfigError):
            label = "cli.label.configuration"
        elif isinstance(exc, BaselineError):
            label = "cli.label.baseline"
        _fail(word("cli.error", lg, label=word(label, lg), detail=exc))
        return
    except WriteError as exc:
        _fail(exc.words(lg))
        return
    except (UsageError, WorkerError) as exc:
        _fail(str(exc))
        return
    except KeyboardInterrupt:  # before the batch began, or after it ended
        from checker import stopping

        if planned_jobs:
            from checker.render.json_out import summary
            from checker.render.words import summary_line

            _say(word(_stopped("cli.interrupted"), lg, done=0, planned=planned_jobs))
            _say(summary_line(summary([]), lg))
        else:
            _say(word(_stopped("cli.interrupted-early"), lg))
        raise typer.Exit(stopping.exit_code()) from None
    crashed = _crashes(batch.results, lg)
    for line in crashed:
        _say(line)
    if crashed:  # a defect of ours is never a finding: exit 2, whatever was found
        raise typer.Exit(EXIT_USAGE)
    if exit_zero:
        raise typer.Exit(EXIT_OK)
    raise typer.Exit(EXIT_FINDINGS if outcome.failed else EXIT_OK)


@app.command(help=_h("help.annotate"))
def annotate(
    draft: Annotated[str, typer.Argument(help=_h("help.annotate.draft"))],
    output_file: Annotated[
        str | None,
        typer.Option("--output-file", "-o", help=_h("help.annotate.output-file")),
    ] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help=LANG_HELP, show_default=False)] = None,
    edition: Annotated[
        str | None, typer.Option("--edition", help=_h("help.annotate.edition"))
    ] = None,
    rules: Annotated[
        list[str] | None, typer.Option("--rules", help=_h("help.annotate.rules"))
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help=_h("help.annotate.fail-on"))
    ] = FailOn.error,
) -> None:
    from checker.annotate.command import run_annotate

    code, lines = run_annotate(
        draft, output_file, _lang(lang), edition, tuple(rules or ()), fail_on.value
    )
    for line in lines:
        _say(line)
    raise typer.Exit(code)


def _crashes(results: "Sequence[FileResult]", lang: str) -> list[str]:
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


@app.command("rule", help=_h("help.rule"))
def rule_cmd(
    rule_id: Annotated[str, typer.Argument(help=_h("help.rule.id"))],
    lang: Annotated[Lang | None, typer.Option("--lang", help=LANG_HELP, show_default=False)] = None,
    output_format: Annotated[
        RuleFormat,
        typer.Option("--format", "-f", help=_h("help.rule.format")),
    ] = RuleFormat.text,
) -> None:
    from checker.messages import word
    from checker.rulepacks.catalogue import all_rules

    lg = _lang(lang)
    found = all_rules().get(rule_id.upper())
    if found is None:
        _fail(word("cli.unknown-rule", lg, value=repr(rule_id)))
        return
    rule, editions = found
    if output_format == RuleFormat.markdown:
        from checker.ruledoc import markdown

        sys.stdout.write(markdown(rule, editions))
        return
    print(f"{rule.id}  [{rule.severity.value}] [{rule.category}]  {rule.kind}")
    print(word("rule.editions", lg) + ", ".join(editions))
    print(word("rule.checks", lg) + rule.explain.get(lg, ""))
    print(word("rule.basis", lg) + rule.basis.get(lg))
    print(word("rule.message", lg) + rule.message.get(lg))
    print(word("rule.pass", lg) + rule.explain.get("pass", ""))
    print(word("rule.fail", lg) + rule.explain.get("fail", ""))
    from checker.ruledoc import basis_document

    print(word("rule.sources", lg) + str(basis_document()))


def _list_rules(fmt: ListFormat, lang: str) -> None:
    import json

    from checker.rulepacks.catalogue import all_rules

    rows = sorted(all_rules().items())
    if fmt == ListFormat.json:
        data = [
            {
                "id": rid,
                "kind": rule.kind,
                "severity": rule.severity.value,
                "category": rule.category,
                "editions": eds,
                "message": rule.message.get(lang),
                "basis": rule.basis.get(lang),
                "explain": rule.explain.get(lang, ""),
            }
            for rid, (rule, eds) in rows
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for rid, (rule, eds) in rows:
        what = rule.explain.get(lang, "")
        print(f"{rid}\t{rule.severity.value}\t{rule.category}\t{','.join(eds)}\t{what}")


@rules_app.callback(invoke_without_command=True, help=_h("help.rules"))
def rules_root(
    ctx: typer.Context,
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help=_h("help.rules.format"))
    ] = ListFormat.table,
    lang: Annotated[Lang | None, typer.Option("--lang", help=LANG_HELP, show_default=False)] = None,
) -> None:
    if ctx.invoked_subcommand is None:
        _list_rules(output_format, _lang(lang))


@rules_app.command("list", help=_h("help.rules"))
def rules_list(
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help=_h("help.rules.format"))
    ] = ListFormat.table,
    lang: Annotated[Lang | None, typer.Option("--lang", help=LANG_HELP, show_default=False)] = None,
) -> None:
    _list_rules(output_format, _lang(lang))


@config_app.command("show", help=_h("help.config-show"))
def config_show(
    path: Annotated[str, typer.Argument(help=_h("help.config-show.path"))] = ".",
    output_format: Annotated[
        ConfigFormat, typer.Option("--format", "-f", help=_h("help.config-show.format"))
    ] = ConfigFormat.toml,
    config: Annotated[
        str | None, typer.Option("--config", help=_h("help.config-show.config"))
    ] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help=_h("help.isolated"))] = False,
) -> None:
    import json
    from pathlib import Path

    from checker.config import ConfigError, Resolver, check_selectors, describe, known_rule_ids

    try:
        resolver = Resolver(config, isolated)
        target = Path(path)
        found = resolver.for_dir(target.resolve()) if target.is_dir() else resolver.for_file(path)
        if found.selectors() or found.rules:
            check_selectors(found.selectors(), known_rule_ids(found.rules), found.source or "")
    except ConfigError as exc:
        lg = default_lang()
        label = word("cli.label.configuration", lg)
        _fail(word("cli.error", lg, label=label, detail=exc))
        return
    data = describe(found)
    if found.source is not None:
        data["source"] = os.path.relpath(found.source)
    data["extend"] = [os.path.relpath(p) for p in data["extend"]]
    if data["output-file"] is not None:
        data["output-file"] = os.path.relpath(data["output-file"])
    if output_format == ConfigFormat.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    from checker.tomlout import dumps

    sys.stdout.write(dumps(data))


def _narrow_console_safe() -> None:
    """Text a console's encoding cannot show (GBK on a Chinese Windows console) is
    replaced, never fatal; machine formats are written as UTF-8 bytes anyway."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a detached stream
                reconfigure(errors="replace")


COMMANDS = frozenset({"check", "annotate", "rule", "rules", "config"})
ROOT_OPTIONS = frozenset({"--version", "-h", "--help", "--install-completion", "--show-completion"})


def with_default_command(args: list[str]) -> list[str]:
    """``checker draft.docx`` means ``checker check draft.docx``: a file dropped on a
    shortcut, or a user who has not read the help, still gets the draft checked."""
    if args and args[0] not in COMMANDS and args[0] not in ROOT_OPTIONS:
        return ["check", *args]
    return args


@contextlib.contextmanager
def only_the_command_run(args: list[str]) -> "Iterator[None]":
    """For ``checker check …``, the app holds that one command while it runs.

    typer turns every registered command into its click form on each run, about a
    tenth of which is needed for a check. The root group, its callback and options,
    and the check command are the same objects, so usage lines, errors and help
    read as they do with every command there; anything but ``check`` as the first
    argument (help, other commands, a misspelt one, shell completion) gets them all."""
    completing = any("_COMPLETE" in key for key in os.environ)
    if not args or args[0] != "check" or completing:
        yield
        return
    commands, groups = app.registered_commands, app.registered_groups
    app.registered_commands = [c for c in commands if c.callback is check]
    app.registered_groups = []
    try:
        yield
    finally:
        app.registered_commands, app.registered_groups = commands, groups


_quiet_start = False  # set by main: the collector waits until start-up is over


def _started() -> None:
    """Start-up is over (modules imported, files found): what it made lives as long as
    the process, so the collector sets it aside (``gc.freeze``) instead of walking it
    again on every full collection, and runs from here on."""
    global _quiet_start
    if _quiet_start:
        _quiet_start = False
        gc.freeze()
        gc.enable()


def main() -> None:
    from checker.errors import RulePackError

    global _quiet_start
    _narrow_console_safe()
    args = with_default_command(sys.argv[1:])
    if args[:1] == ["check"] and gc.isenabled():  # no collection while modules load
        gc.disable()
        _quiet_start = True
    try:
        with only_the_command_run(args):
            app(args=args, standalone_mode=True)
    except RulePackError as exc:
        lang = default_lang()
        label = word("cli.label.rule-pack", lang)
        print(word("cli.error", lang, label=label, detail=exc), file=sys.stderr)
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # a defect of ours: one line, exit 2, never a traceback
        error = f"{type(exc).__name__}: {exc}"
        print(word("cli.internal-error-bare", default_lang(), error=error), file=sys.stderr)
        sys.exit(EXIT_USAGE)
