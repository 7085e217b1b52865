"""Command line: parse options, call the library, pick a renderer, exit.

Exit codes: 0 no finding at or above the fail-on threshold; 1 findings at or
above it; 2 usage, configuration or rule-file error. ``sys.exit`` lives here only.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from checker import __version__

app = typer.Typer(
    name="checker",
    help=(
        "检查政府信息公开工作年度报告的合规性。Check government information-disclosure "
        "annual reports (政府信息公开工作年度报告) against the official formats."
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _version(value: bool) -> None:
    if value:
        print(f"checker {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Check annual reports on government information disclosure."""


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _fail(message: str) -> None:
    _console(stderr=True).print(message, markup=False, style="bold red")
    raise typer.Exit(EXIT_USAGE)


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Report files to check: .docx, .html/.htm, .txt, .md.", show_default=False
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format", "--output-format", "-f", help="Output: a table for people, or JSON."
        ),
    ] = OutputFormat.table,
    lang: Annotated[
        Lang, typer.Option("--lang", help="Language of messages: zh (default) or en.")
    ] = Lang.zh,
    edition: Annotated[
        str | None,
        typer.Option(
            "--edition",
            help=(
                "Force the format edition (legacy, 2019, 2021) instead of detecting it "
                "from the report year."
            ),
        ),
    ] = None,
    rules: Annotated[
        list[str] | None,
        typer.Option(
            "--rules", help="An extra rule pack (YAML) on top of the edition's; repeatable."
        ),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            help=(
                "The issuing body's level, government or department, instead of detecting "
                "it from the title."
            ),
        ),
    ] = None,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on", help="Lowest severity that makes the exit code 1; 'never' always exits 0."
        ),
    ] = FailOn.error,
) -> None:
    """Check report files and print the findings. Exit 1 when a finding reaches --fail-on."""
    from checker.engine import Engine, Options
    from checker.errors import RulePackError

    if level is not None and level not in ("government", "department"):
        _fail(f"--level must be government or department, not {level!r}")
    try:
        engine = Engine(Options(edition=edition, extra_packs=tuple(rules or ()), level=level))
        results = [engine.check_path(path) for path in paths]
    except RulePackError as exc:
        _fail(f"rule pack error: {exc}")
        return
    except ValueError as exc:
        _fail(str(exc))
        return
    if output_format == OutputFormat.json:
        from checker.render import json_out

        sys.stdout.write(json_out.render(results, lang.value))
    else:
        from checker.render import table

        table.render(results, lang.value, _console())
    threshold = {"error": 3, "warning": 2, "info": 1, "never": 99}[fail_on.value]
    worst = max((f.severity.rank for r in results for f in r.findings), default=0)
    raise typer.Exit(EXIT_FINDINGS if worst >= threshold else EXIT_OK)


@app.command("rule")
def rule_cmd(
    rule_id: Annotated[str, typer.Argument(help="A rule ID such as A101.")],
    lang: Annotated[Lang, typer.Option("--lang", help="Language: zh or en.")] = Lang.zh,
) -> None:
    """Explain one rule: what it checks, its basis, a passing and a failing example."""
    from checker.rulepacks.catalogue import all_rules

    found = all_rules().get(rule_id.upper())
    if found is None:
        _fail(f"unknown rule {rule_id!r}")
        return
    rule, editions = found
    lg = lang.value
    zh = lg == "zh"
    print(f"{rule.id}  [{rule.severity.value}] [{rule.category}]  {rule.kind}")
    print(("适用格式: " if zh else "editions: ") + ", ".join(editions))
    print(("说明: " if zh else "checks: ") + rule.explain.get(lg, ""))
    print(("依据: " if zh else "basis: ") + rule.basis.get(lg))
    print(("消息: " if zh else "message: ") + rule.message.get(lg))
    print(("正确示例: " if zh else "passes: ") + rule.explain.get("pass", ""))
    print(("错误示例: " if zh else "fails: ") + rule.explain.get("fail", ""))


@app.command("rules")
def rules_cmd(
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table or json.")
    ] = OutputFormat.table,
    lang: Annotated[Lang, typer.Option("--lang", help="Language: zh or en.")] = Lang.zh,
) -> None:
    """List every shipped rule with its severity, category and editions."""
    import json

    from checker.rulepacks.catalogue import all_rules

    rows = sorted(all_rules().items())
    if output_format == OutputFormat.json:
        data = [
            {
                "id": rid,
                "kind": rule.kind,
                "severity": rule.severity.value,
                "category": rule.category,
                "editions": eds,
                "message": rule.message.get(lang.value),
                "basis": rule.basis.get(lang.value),
            }
            for rid, (rule, eds) in rows
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for rid, (rule, eds) in rows:
        what = rule.explain.get(lang.value, "")
        print(f"{rid}\t{rule.severity.value}\t{rule.category}\t{','.join(eds)}\t{what}")


def main() -> None:
    from checker.errors import RulePackError

    try:
        app()
    except RulePackError as exc:  # pragma: no cover - safety net
        print(f"rule pack error: {exc}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
