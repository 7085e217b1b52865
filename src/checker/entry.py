"""The ``checker`` command's entry point: plain ``check`` arguments skip the parser.

Importing typer (and click within it) is about a third of a one-file ``checker
check``. The usual call names files and at most a format and a language:
``checker check report.docx -f json``, and in a repository's CI workers, an
output file and the result cache (``-j 2 -o checker.sarif --cache``). Such a
call is read here, by rules that give exactly what click would give for it,
and run at once through ``checkrun.run_check``, the function the typer command
calls too. Anything else — another command, help, any other option, an option
spelt another way (``-fjson``, ``--lang=zh`` is fine, a repeated option is
not), an unknown value, no file, ``-`` or ``--``, shell completion, Windows
(where click expands wildcards) — goes to the typer command line
(``checker.cli``), unchanged, so its usage lines, errors and help are the
same. A test compares the two readings over generated argument lists.

What click's standalone mode does around a command is done here too: an
interrupt before the run's own handling exits 130, end of input prints
"Aborted!" and exits 1, a closed pipe exits 1 quietly.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Callable
from typing import Any

COMMANDS = frozenset({"check", "annotate", "rule", "rules", "config", "cache"})
ROOT_OPTIONS = frozenset({"--version", "-h", "--help", "--install-completion", "--show-completion"})

# the choices of cli.OutputFormat and cli.Lang (a test holds them equal)
FORMATS = frozenset(
    {"table", "concise", "json", "jsonl", "sarif", "junit", "github", "gitlab", "markdown", "html"}
)
LANGS = frozenset({"zh", "en"})
_JOBS = re.compile(r"[1-9][0-9]{0,3}")  # what click reads as the same int, at least 1
_PLAIN_FILE = re.compile(r"[^-\s][^\s]*")  # no option-like or blank name: left to click


def _one_of(choices: frozenset[str]) -> Callable[[str], str | None]:
    return lambda value: value if value in choices else None


def _jobs(value: str) -> int | None:
    return int(value) if _JOBS.fullmatch(value) else None


def _file(value: str) -> str | None:
    return value if _PLAIN_FILE.fullmatch(value) else None


# option -> (run_check's parameter, the value as click gives it, or None: left to click)
_OPTIONS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "--format": ("output_format", _one_of(FORMATS)),
    "--output-format": ("output_format", _one_of(FORMATS)),
    "-f": ("output_format", _one_of(FORMATS)),
    "--lang": ("lang", _one_of(LANGS)),
    # what a repository's CI adds: workers and an output file, in their plainest spelling
    "--jobs": ("jobs", _jobs),
    "-j": ("jobs", _jobs),
    "--output-file": ("output_file", _file),
    "-o": ("output_file", _file),
}
# flags (no value) -> (run_check's parameter, its value): the result cache, set by CI
_FLAGS: dict[str, tuple[str, bool]] = {"--cache": ("cache", True), "--no-cache": ("cache", False)}


def with_default_command(args: list[str]) -> list[str]:
    """``checker draft.docx`` means ``checker check draft.docx``: a file dropped on a
    shortcut, or a user who has not read the help, still gets the draft checked."""
    if args and args[0] not in COMMANDS and args[0] not in ROOT_OPTIONS:
        return ["check", *args]
    return args


def plain_check(args: list[str]) -> dict[str, Any] | None:
    """``run_check``'s arguments for ``check`` arguments read without the parser, or
    None when the parser must read them."""
    if not args or args[0] != "check" or os.name == "nt":
        return None
    if any("_COMPLETE" in key for key in os.environ):
        return None
    paths: list[str] = []
    given: dict[str, Any] = {}
    rest = iter(args[1:])
    for arg in rest:
        if not arg.startswith("-"):
            paths.append(arg)
            continue
        if arg in _FLAGS:
            key, flag = _FLAGS[arg]
            if key in given:
                return None
            given[key] = flag
            continue
        name, equals, value = arg.partition("=")
        if name not in _OPTIONS or (equals and not name.startswith("--")):
            return None
        if not equals:
            value = next(rest, "")
        key, read = _OPTIONS[name]
        read_value = read(value)
        if key in given or read_value is None:
            return None
        given[key] = read_value
    if not paths:
        return None
    return {"paths": paths, **given}


def _narrow_console_safe() -> None:
    """Text a console's encoding cannot show (GBK on a Chinese Windows console) is
    replaced, never fatal; machine formats are written as UTF-8 bytes anyway."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a detached stream
                reconfigure(errors="replace")


def main() -> None:
    _narrow_console_safe()
    call = plain_check(with_default_command(sys.argv[1:]))
    if call is None:
        from checker.cli import main as command_line

        command_line()
        return
    from checker import checkrun

    checkrun.hold_collection()
    sys.exit(_guarded(checkrun.run_check, call))


def _guarded(run: Any, call: dict[str, Any]) -> int:
    """``run(**call)`` with what click's standalone mode and ``cli.main`` do around a
    command: the same exit codes and the same words for what escapes it."""
    from checker.checkrun import last_words

    try:
        try:
            return int(run(**call))
        except EOFError:
            print(file=sys.stderr)
            print("Aborted!", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            return 130
        except OSError as exc:
            import errno

            if exc.errno != errno.EPIPE:
                raise
            from typer._click.utils import PacifyFlushWrapper

            sys.stdout = PacifyFlushWrapper(sys.stdout)
            sys.stderr = PacifyFlushWrapper(sys.stderr)
            return 1
    except Exception as exc:  # a broken rule pack, or a defect of ours
        print(last_words(exc), file=sys.stderr)
        return 2
