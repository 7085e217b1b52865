"""Many files at once: discovery, parallel runs, hostile trees, standard input."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from checker.batch import Job, check_remote
from checker.discover import discover
from cli_support import REPORTS, ROOT, SEED, copy_reports, invoke, run


def _tree(tmp_path: Path) -> Path:
    """A folder of mixed reports, nested, with names that sort differently than they walk."""
    top = tmp_path / "reports"
    copy_reports(top / "b")
    shutil.copy(SEED, top / "a-seed.txt")
    (top / "c" / "deeper").mkdir(parents=True)
    shutil.copy(REPORTS / "qinghe-2018.txt", top / "c" / "deeper" / "Z.txt")
    shutil.copy(REPORTS / "clean-2018.md", top / "c" / "a.md")
    (top / "c" / "notes.csv").write_text("not a report", encoding="utf-8")
    (top / ".hidden").mkdir()
    shutil.copy(SEED, top / ".hidden" / "skipped.txt")
    return top


def test_jobs_do_not_change_the_output(tmp_path: Path) -> None:
    top = _tree(tmp_path)
    one = invoke("check", "reports", "--format", "json", "--jobs", "1", cwd=tmp_path)
    two = invoke("check", "reports", "--format", "json", "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    paths = [f["path"] for f in json.loads(one.stdout)["files"]]
    assert paths == sorted(paths)
    assert "reports/c/notes.csv" not in paths and not any(".hidden" in p for p in paths)
    assert "reports/c/deeper/Z.txt" in paths
    assert len(paths) == 7
    assert top.exists()


def test_folders_globs_and_files_are_merged_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    targets = discover(["reports/c", "reports/**/*.md", "reports/c/a.md", "./reports/a-seed.txt"])
    assert [t.path for t in targets] == [
        "reports/a-seed.txt",
        "reports/b/clean-2018.md",
        "reports/c/a.md",
        "reports/c/deeper/Z.txt",
    ]
    assert [t.explicit for t in targets] == [True, False, True, False]


def test_a_glob_matching_nothing_is_noted_and_checks_nothing(tmp_path: Path) -> None:
    proc = invoke("check", "nothing/*.docx", "--format", "json", "--allow-empty", cwd=tmp_path)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["files"] == []
    assert "没有与 'nothing/*.docx' 匹配的文件" in proc.stderr


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def _without_file_permission_override() -> None:  # pragma: no cover - runs in the child
    """Root reads any file: drop that power so that chmod 0 means unreadable, as for a user."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def test_hostile_tree_gives_one_input_finding_each(tmp_path: Path) -> None:
    """A link loop, broken links and unreadable entries: one E001 each, the rest checked."""
    import subprocess

    top = tmp_path / "tree"
    top.mkdir()
    shutil.copy(REPORTS / "qinghe-2018.txt", top / "good.txt")
    (top / "loop").symlink_to(top)  # a folder linking back to its parent
    (top / "self.txt").symlink_to(top / "self.txt")  # a link to itself
    (top / "gone.docx").symlink_to(top / "missing.docx")
    secret = top / "secret.txt"
    shutil.copy(REPORTS / "qinghe-2018.txt", secret)
    locked = top / "locked"
    locked.mkdir()
    shutil.copy(REPORTS / "clean-2018.md", locked / "inside.md")
    before = _digest(top)
    secret.chmod(0)
    locked.chmod(0)
    as_root = sys.platform == "linux" and os.geteuid() == 0
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "checker", "check", str(top), "--format", "json"],
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, "NO_COLOR": "1"},
            preexec_fn=_without_file_permission_override if as_root else None,
        )
    except subprocess.SubprocessError:
        pytest.skip("cannot make files unreadable for this user")
    finally:
        secret.chmod(0o644)
        locked.chmod(0o755)
    assert proc.returncode == 1, proc.stderr.decode()
    data = json.loads(proc.stdout)
    codes = {
        Path(f["path"]).name: [x["args"]["code"] for x in f["findings"] if x["rule"] == "E001"]
        for f in data["files"]
    }
    assert codes == {
        "gone.docx": ["broken-link"],
        "good.txt": [],
        "locked": ["permission-denied"],
        "loop": ["symlink-loop"],
        "secret.txt": ["permission-denied"],
        "self.txt": ["symlink-loop"],
    }
    good = next(f for f in data["files"] if f["path"].endswith("good.txt"))
    assert good["readable"] and good["findings"]  # still checked
    assert data["summary"]["unreadable"] == 5
    assert _digest(top) == before


def test_inputs_are_never_written(tmp_path: Path) -> None:
    top = copy_reports(tmp_path / "r")
    before = _digest(top)
    proc = invoke("check", str(top), "--output-file", str(top / "qinghe-2018.txt"))
    assert proc.returncode == 2
    assert "不会写入被检查的文件" in proc.stderr
    out = tmp_path / "out.sarif"
    assert invoke("check", str(top), "-f", "sarif", "-o", str(out)).returncode == 1
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert _digest(top) == before


def test_stdin_with_a_file_name() -> None:
    data = (REPORTS / "qinghe-2018.txt").read_bytes()
    proc = invoke(
        "check", "-", "--stdin-filename", "drafts/qinghe.txt", "-f", "concise", stdin=data
    )
    assert proc.returncode == 1
    assert proc.stdout.startswith("drafts/qinghe.txt:7:28: C101 [error]")
    html = (REPORTS / "qinghe-2018.html").read_bytes()
    proc = invoke("check", "-", "--stdin-filename", "page.html", "-f", "json", stdin=html)
    assert json.loads(proc.stdout)["files"][0]["input_kind"] == "html"


def test_stdin_without_a_name_is_shown_as_dash() -> None:
    # a process of its own: standard input is a real pipe here
    proc = run("check", "-", "-f", "concise", stdin=(REPORTS / "qinghe-2018.txt").read_bytes())
    assert proc.returncode == 1
    assert proc.stdout.startswith("-:7:28: C101")


def test_summary_counts_unreadable_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    shutil.copy(REPORTS / "clean-2018.md", tmp_path / "ok.md")
    proc = invoke("check", str(tmp_path), "--lang", "en")
    assert "2 file(s) checked: 1 error(s), 0 warning(s), 0 info, 1 unreadable" in proc.stdout


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "gitlab", "markdown"])
def test_machine_formats_never_carry_colour(fmt: str) -> None:
    proc = invoke("check", str(SEED), "-f", fmt, extra_env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert proc.returncode == 1
    assert "\x1b[" not in proc.stdout and "\x1b[" not in proc.stderr


def test_no_color_is_honoured_by_the_table() -> None:
    coloured = invoke("check", str(SEED), extra_env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[" in coloured.stdout
    plain = invoke("check", str(SEED), extra_env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in plain.stdout and "A101" in plain.stdout


def _dies_on_broken(job: Job) -> object:  # pragma: no cover - runs in a worker
    if job.target.path.endswith("broken.docx"):
        os._exit(9)  # as if killed by the out-of-memory killer
    return check_remote(job)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="relies on fork")
def test_a_dead_worker_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import batch
    from checker.batch import WorkerError, run
    from checker.engine import Options

    monkeypatch.setattr(batch, "check_remote", _dies_on_broken)
    jobs = [Job(t, Options()) for t in discover([str(REPORTS)])]
    with pytest.raises(WorkerError, match="not checked"):
        run(jobs, workers=2)


def test_a_packed_result_reads_back_as_the_result_itself() -> None:
    """What a worker ships pickled comes out of the spool (and of a list) unchanged."""
    from dataclasses import replace

    from checker.batch import _receive, check_job
    from checker.engine import Options
    from checker.results import FileResult
    from checker.spool import Packed, Spool

    path = str(ROOT / "samples" / "across" / "jiangquan-2023-copied-section.md")
    job = Job(discover([path])[0], Options())
    plain = check_job(job)
    assert isinstance(plain, FileResult) and plain.summary is not None
    assert plain.summary.cells and plain.summary.sections  # the deferred parts are exercised
    shipped = check_remote(job)
    assert isinstance(shipped, Packed)
    direct, packed = Spool(), Spool()
    direct.append(plain)
    packed.append(_receive(check_remote(job), job, keep_packed=True))
    assert packed[0] == direct[0] == replace(plain, summary=None)  # summaries stay apart
    assert packed.summaries[0] == direct.summaries[0] == plain.summary
    unpacked = _receive(check_remote(job), job)  # for a sink that is a plain list
    assert isinstance(unpacked, FileResult) and unpacked == plain


def test_the_preload_puts_what_the_workers_share_out_of_the_collectors_sight() -> None:
    import gc

    from checker.batch import _preload
    from checker.engine import Engine

    gc.unfreeze()
    try:
        engine = Engine()
        _preload(engine)
        assert gc.get_freeze_count() > 1000  # the packs, patterns and modules loaded
        assert gc.get_objects(generation=2).count(engine) == 0  # frozen: in no generation
    finally:
        gc.unfreeze()
