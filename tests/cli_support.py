"""Running the command line from tests, the way a user or a CI job does.

``run`` starts ``python -m checker`` in a process of its own; ``invoke`` runs the same
command line in this process, with the same environment, folder and streams, and
returns the same result. ``invoke`` saves an interpreter start and a rule-pack load
per call (a few tenths of a second each); tests where the process is the point --
signals, exit status of a real process, the encoding of a real console, start-up,
memory -- use ``run``.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "ci"
REPORTS = DATA / "reports"
SEED = ROOT / "samples" / "seed-2018-xinxiang.txt"


def env(**extra: str) -> dict[str, str]:
    # the language follows CHECKER_LANG and the locale: pin both, so output is the same anywhere
    unset = ("FORCE_COLOR", "CI", "NO_COLOR", "CHECKER_LANG", "LC_ALL", "LC_MESSAGES")
    base = {k: v for k, v in os.environ.items() if k not in unset}
    base.update({"PYTHONIOENCODING": "utf-8", "COLUMNS": "120", "NO_COLOR": "1", "LANG": "C.UTF-8"})
    base.update(extra)
    return base


def run(
    *args: str,
    cwd: Path = ROOT,
    stdin: bytes | None = None,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "checker", *args],
        capture_output=True,
        input=stdin,
        cwd=cwd,
        env=env(**(extra_env or {})),
    )
    return subprocess.CompletedProcess(
        proc.args,
        proc.returncode,
        proc.stdout.decode("utf-8"),
        proc.stderr.decode("utf-8"),
    )


HELP = frozenset({"-h", "--help"})


@contextlib.contextmanager
def _isolated(
    cwd: Path, environ: dict[str, str], stdin: bytes
) -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    """This process as a fresh one would be: environment, folder, streams and signal
    handlers replaced for the call and put back afterwards."""
    from checker import stopping

    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_streams = (sys.stdin, sys.stdout, sys.stderr)
    saved_argv = sys.argv
    saved_signals = {n: signal.getsignal(n) for n in (signal.SIGINT, signal.SIGTERM)}
    saved_state = dict(stopping._state)
    out, err = io.BytesIO(), io.BytesIO()
    # write_through: print() and writes to .buffer land in order, as on a real pipe
    streams = (
        io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", write_through=True),
    )
    os.environ.clear()
    os.environ.update(environ)
    os.chdir(cwd)
    sys.stdin, sys.stdout, sys.stderr = streams
    try:
        yield out, err
    finally:
        for stream in streams:
            stream.flush()
            stream.detach()  # the buffers outlive their wrappers
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        sys.argv = saved_argv
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        for number, handler in saved_signals.items():
            signal.signal(number, handler)
        stopping._state.update(saved_state)


def invoke(
    *args: str,
    cwd: Path = ROOT,
    stdin: bytes | None = None,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``run`` in this process: ``checker.entry.main`` with ``sys.argv`` set, its exit code
    taken from ``SystemExit``. Help is left to ``run``: its language is fixed when
    ``checker.cli`` is imported, not read from the call's environment."""
    if HELP & set(args):
        raise ValueError("help is printed in the language of the importing process: use run()")
    from checker import batch
    from checker.entry import main

    # engines for the shipped packs are kept, as a long-lived worker keeps them; those with
    # a user's packs are dropped, since a test may rewrite a pack file between two calls
    for options in [o for o in batch._ENGINES if o.extra_packs]:
        del batch._ENGINES[options]
    code: int = 0
    with _isolated(cwd, env(**(extra_env or {})), stdin or b"") as (out, err):
        sys.argv = ["checker", *args]
        try:
            main()
        except SystemExit as exc:
            if isinstance(exc.code, str):
                print(exc.code, file=sys.stderr)
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return subprocess.CompletedProcess(
        ["checker", *args],
        code,
        out.getvalue().decode("utf-8"),
        err.getvalue().decode("utf-8"),
    )


def copy_reports(dest: Path) -> Path:
    """The small test reports (not the seed) copied to ``dest``."""
    shutil.copytree(REPORTS, dest, dirs_exist_ok=True)
    return dest


def checked_copies(paths: list[Path], copies: int) -> list[Any]:
    """Each file checked once, its result given ``copies`` times under folders copy0/…,
    so that a run holds several files of each kind (and copies for the cross-report stage)."""
    from dataclasses import replace

    from checker.batch import Job, check_job
    from checker.discover import Target
    from checker.engine import Options
    from checker.results import FileResult

    checked = []
    for path in paths:
        outcome = check_job(Job(Target(str(path), explicit=True), Options()))
        assert isinstance(outcome, FileResult)
        checked.append(outcome)
    return [replace(r, path=f"copy{n}/{Path(r.path).name}") for n in range(copies) for r in checked]
