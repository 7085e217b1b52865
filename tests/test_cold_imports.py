"""A one-file check imports what it uses: no other readers, formats or validators.

Start-up is most of a one-file run, so modules that only some runs need are
imported where they are used. Each case runs the command in a fresh process
and reads ``sys.modules`` as the command ends; nothing here is timed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import ROOT, env

DOCX = ROOT / "samples" / "edition2021-2023-clean.docx"
DEFECTIVE = ROOT / "samples" / "edition2021-2023-defective.docx"

PROBE = """
import atexit, json, sys
atexit.register(lambda: sys.__stderr__.write("MODULES " + json.dumps(sorted(sys.modules)) + "\\n"))
sys.argv = ["checker", *sys.argv[1:]]
from checker.entry import main
main()
"""

NEVER = (
    "yaml",  # the packs come from their caches
    "jsonschema",
    "referencing",
    "pypdfium2",
    "olefile",
    "checker.readers.pdf",
    "checker.readers.doc",
    "checker.readers.ofd",
    "checker.readers.html",
    "checker.annotate",
    "checker.render.html",
    "checker.render.sarif",
    "checker.render.junit",
    "tempfile",  # only a run that writes a file
    "hashlib",  # OpenSSL's start-up: checker.digest hashes without it
    "tomllib",  # a pyproject.toml without [tool.checker] is not parsed
    "typer",  # plain check arguments are read by checker.entry
    "checker.cli",
    # a report alone is compared with nothing, and no baseline is named
    "checker.across.summary",
    "checker.across.sketch",
    "checker.across.stage",
    "checker.baseline",
)


def _modules(tmp_path: Path, *args: str, docx: Path = DOCX) -> set[str]:
    extra = {"CHECKER_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # the first run fills the caches, the second is the one a user repeats
        proc = subprocess.run(
            [sys.executable, "-c", PROBE, "check", str(docx), *args],
            capture_output=True,
            text=True,
            env=env(**extra),
            cwd=tmp_path,
        )
    assert proc.returncode in (0, 1), proc.stderr
    line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES ")))


@pytest.fixture(scope="module")
def machine(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    return _modules(tmp_path_factory.mktemp("json"), "--format", "json")


def test_a_machine_format_imports_no_rich(machine: set[str]) -> None:
    assert "checker.readers.docx" in machine and "checker.render.json_out" in machine
    assert not {m for m in machine if m == "rich" or m.startswith("rich.")}


def test_a_one_file_check_imports_no_other_reader_format_or_validator(machine: set[str]) -> None:
    assert not machine & set(NEVER)


def test_a_clean_report_in_the_table_format_piped_imports_no_rich(tmp_path: Path) -> None:
    loaded = _modules(tmp_path)
    assert "checker.render.table" in loaded
    assert not {m for m in loaded if m == "rich" or m.startswith("rich.")}
    assert not loaded & set(NEVER)


def test_a_findings_table_imports_rich_and_still_nothing_else(tmp_path: Path) -> None:
    loaded = _modules(tmp_path, docx=DEFECTIVE)
    assert "rich.console" in loaded and "rich.table" in loaded
    assert not loaded & set(NEVER)


GC_PROBE = """
import atexit, gc, sys
atexit.register(lambda: sys.__stderr__.write(f"GC {gc.isenabled()} {gc.get_freeze_count()}\\n"))
sys.argv = ["checker", *sys.argv[1:]]
from checker.entry import main
main()
"""


def test_the_collector_waits_for_start_up_then_runs(tmp_path: Path) -> None:
    """No collection while modules load; start-up's objects are set aside, then it runs."""
    proc = subprocess.run(
        [sys.executable, "-c", GC_PROBE, "check", str(DOCX), "--format", "json"],
        capture_output=True,
        text=True,
        env=env(CHECKER_CACHE_DIR=str(tmp_path / "cache")),
        cwd=tmp_path,
    )
    line = next(x for x in proc.stderr.splitlines() if x.startswith("GC "))
    _, enabled, frozen = line.split()
    assert enabled == "True" and int(frozen) > 10_000


def test_a_ci_call_with_workers_and_an_output_file_skips_the_command_line(
    tmp_path: Path,
) -> None:
    loaded = _modules(tmp_path, "--jobs", "2", "-f", "sarif", "-o", str(tmp_path / "out.sarif"))
    assert (tmp_path / "out.sarif").read_text(encoding="utf-8").lstrip().startswith("{")
    assert not {m for m in loaded if m in ("typer", "click", "checker.cli")}
