"""Ctrl-C during a batch: a prompt stop, a partial summary, exit 130, no truncated report."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli_support import REPORTS, SEED, env


def _many(folder: Path, n: int) -> None:
    folder.mkdir()
    seed = SEED.read_bytes()
    page = (REPORTS / "qinghe-2018.html").read_bytes()
    for i in range(n):
        (folder / f"r{i:04d}.txt").write_bytes(seed)
        (folder / f"p{i:04d}.html").write_bytes(page)


def _children(pid: int) -> bool:
    tasks = Path(f"/proc/{pid}/task")
    try:
        return any((t / "children").read_text().strip() for t in tasks.iterdir())
    except OSError:
        return False


def _started(proc: subprocess.Popen[bytes], jobs: str) -> None:
    """Wait until the run is checking files, not still starting up: with a pool,
    until its workers exist; in one process, until it has done ~0.8 s of work
    (start-up is far less once bytecode is compiled, see the warm-up below)."""
    stat = Path(f"/proc/{proc.pid}/stat")
    # generous: on a machine shared by many, 0.8 s of CPU can take a minute to come by,
    # and a signal sent while the run is still importing tests something else
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return
        if stat.exists():
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cpu_ticks = int(fields[11]) + int(fields[12])
            if _children(proc.pid) if jobs != "1" else cpu_ticks > 80:
                return
        time.sleep(0.05)
    raise AssertionError("the run did not start checking files within the wait")


def launch(tmp_path: Path, jobs: str, n: int = 400) -> tuple[subprocess.Popen[bytes], Path]:
    """A batch of ``2 * n`` files writing ``-o report.json`` (holding a previous report),
    in its own process group, once it is checking files."""
    _many(tmp_path / "reports", n)
    # compile bytecode and fill the pack cache first: a fresh install's first run
    # spends its first second there, not checking
    subprocess.run(
        [sys.executable, "-m", "checker", "check", str(SEED)], env=env(), capture_output=True
    )
    out = tmp_path / "report.json"
    out.write_text("previous report\n", encoding="utf-8")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "checker",
            "check",
            "reports",
            "-f",
            "json",
            "-o",
            str(out),
            "--jobs",
            jobs,
        ],
        cwd=tmp_path,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a process group, as a terminal's Ctrl-C reaches
    )
    _started(proc, jobs)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    return proc, out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and signals")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_the_run(tmp_path: Path, jobs: str) -> None:
    proc, out = launch(tmp_path, jobs)
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)  # a stuck pool would hang here
    text = stderr.decode("utf-8")
    assert proc.returncode == 130, text
    assert "已中断" in text  # notes come in the finding language, Chinese by default
    assert "共 800 个文件" in text
    assert "共检查" in text  # the partial summary
    assert "Traceback" not in text
    assert stdout == b""
    assert out.read_text(encoding="utf-8") == "previous report\n"  # never half-written
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_stopped_pool_leaves_nothing_for_the_exit_hook_to_wake() -> None:
    """The exit hook writes to every pool manager's wake-up pipe it still lists; a pipe
    whose thread is closing it gives "Bad file descriptor" at exit. A stopped pool's
    manager has ended and is off that list."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import process as pool_internals

    from checker import batch

    executor = ProcessPoolExecutor(max_workers=2)
    executor.submit(time.sleep, 30)
    manager = executor._executor_manager_thread  # type: ignore[attr-defined]
    assert manager is not None and manager in pool_internals._threads_wakeups
    batch._stop(executor)
    assert not manager.is_alive()
    assert manager not in pool_internals._threads_wakeups
