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
import os
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from checker import __version__
from checker.entry import _narrow_console_safe, with_default_command
from checker.i18n import default_lang
from checker.messages import word

# Help is printed before --lang is parsed, so its language comes from the
# environment alone (CHECKER_LANG, else the locale, else Chinese), fixed at import.
HELP_LANG = default_lang()


def _h(code: str) -> str:
    return word(code, HELP_LANG)


if TYPE_CHECKING:
    from collections.abc import Iterator


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
cache_app = typer.Typer(help=_h("help.cache-app"), rich_markup_mode=None)
app.add_typer(rules_app, name="rules")
app.add_typer(config_app, name="config")
app.add_typer(cache_app, name="cache")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130  # 143: SIGTERM


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


def _say(message: str) -> None:
    """A run diagnostic: plain text on stderr."""
    print(message, file=sys.stderr)


def _fail(message: str) -> None:
    _say(message)
    raise typer.Exit(EXIT_USAGE)


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
    cache: Annotated[
        bool | None,
        typer.Option("--cache/--no-cache", help=_h("help.check.cache"), show_default=False),
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
    from checker.checkrun import run_check

    raise typer.Exit(
        run_check(
            paths,
            output_format=output_format.value if output_format else None,
            output_file=output_file,
            lang=lang.value if lang else None,
            edition=edition,
            rules=rules,
            level=level,
            fail_on=fail_on.value if fail_on else None,
            exit_zero=exit_zero,
            select=select,
            extend_select=extend_select,
            ignore=ignore,
            exclude=exclude,
            baseline=baseline,
            update_baseline=update_baseline,
            jobs=jobs,
            cache=cache,
            stdin_filename=stdin_filename,
            config=config,
            isolated=isolated,
            allow_empty=allow_empty,
            statistics=statistics,
            quiet=quiet,
            open_report=open_report,
            convert_with=convert_with,
            previous=previous,
        )
    )


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


@cache_app.command("dir", help=_h("help.cache-dir"))
def cache_show() -> None:
    from checker.cachedir import cache_dir

    sys.stdout.write(f"{cache_dir()}\n")


@cache_app.command("clean", help=_h("help.cache-clean"))
def cache_clean(
    lang: Annotated[Lang | None, typer.Option("--lang", help=LANG_HELP, show_default=False)] = None,
) -> None:
    from checker import classcode
    from checker.cachedir import cache_dir, clean

    removed = clean()
    classcode.discard()  # what this process compiled is not written back at its exit
    sys.stdout.write(word("cache.cleaned", _lang(lang), n=removed, path=cache_dir()) + "\n")


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


def main() -> None:
    """The whole command line (``checker.entry.main`` comes here for all but plain
    ``check`` arguments)."""
    _narrow_console_safe()
    args = with_default_command(sys.argv[1:])
    if args[:1] == ["check"]:  # no collection while modules load
        from checker.checkrun import hold_collection

        hold_collection()
    try:
        with only_the_command_run(args):
            app(args=args, standalone_mode=True)
    except Exception as exc:  # a broken rule pack, or a defect of ours
        from checker.checkrun import last_words

        print(last_words(exc), file=sys.stderr)
        sys.exit(EXIT_USAGE)
