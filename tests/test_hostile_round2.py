"""The second hostile folder (scripts/hostile2.py), one test per class of failure:
special files, links out of the tree, inputs bounded before their cost, the
pattern budget, output targets, log-command injection, crashes, SIGTERM and a
GBK console. Each asserts the exit code, the one-line reason, generous time and
memory bounds (memory measured by ``resource`` in a wrapper process) and that
the input folder is byte-identical afterwards."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli_support import ROOT, SEED, env, invoke

sys.path.insert(0, str(ROOT / "scripts"))

from hostile2 import build

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="FIFOs, sockets, device nodes, signals"
)

SECONDS = 180  # generous: the machine is shared; a hang or a blow-up is far beyond
MEMORY_KB = 1_000_000
_WRAP = (
    "import resource, subprocess, sys\n"
    "p = subprocess.run(sys.argv[1:])\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "sys.stderr.write('\\nPEAK-KB %d\\n' % peak)\n"
    "sys.exit(p.returncode)\n"
)


class Run:
    def __init__(self, proc: subprocess.CompletedProcess[bytes], seconds: float) -> None:
        self.code = proc.returncode
        self.stdout = proc.stdout.decode("utf-8", "replace")
        err = proc.stderr.decode("utf-8", "replace").rstrip().rsplit("\n", 1)
        self.peak_kb = int(err[-1].split()[-1])
        self.stderr = err[0].rstrip("\n") if len(err) > 1 else ""
        self.seconds = seconds

    def bounded(self, memory_kb: int = MEMORY_KB) -> None:
        assert self.seconds < SECONDS, self.seconds
        assert self.peak_kb < memory_kb, self.peak_kb
        assert "Traceback" not in self.stderr, self.stderr


def check(*args: str, cwd: Path = ROOT, **extra: str) -> Run:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", _WRAP, sys.executable, "-m", "checker", "check", *args],
        capture_output=True,
        cwd=cwd,
        env=env(**extra),
        timeout=SECONDS * 2,
    )
    return Run(proc, time.monotonic() - started)


def digest(folder: Path) -> dict[str, str]:
    out = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            out[str(path)] = "link:" + os.readlink(path)
        elif stat.S_ISREG(info.st_mode):
            out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[str(path)] = f"mode:{stat.S_IFMT(info.st_mode)}"
    return out


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("hostile2")
    target = base / "reports"
    build(target, base / "outside", small=True)
    before = digest(base)
    yield target
    assert digest(base) == before, "an input file was changed"


def by_name(run: Run) -> dict[str, dict[str, object]]:
    data = json.loads(run.stdout)
    return {Path(str(f["path"])).name: f for f in data["files"]}


def e001(entry: dict[str, object]) -> tuple[str, str]:
    findings = entry["findings"]
    assert isinstance(findings, list) and len(findings) == 1, findings
    finding = findings[0]
    return finding["rule"], finding["args"]["code"]


# 1. only regular files are read -------------------------------------------


@pytest.fixture(scope="module")
def folder_run(folder: Path) -> Run:
    """The whole folder, in two workers: special files, links and the adversarial prose."""
    return check(str(folder), "-f", "json", "--jobs", "2")


def test_special_files_are_one_finding_each_and_the_batch_goes_on(
    folder: Path, folder_run: Run
) -> None:
    run = folder_run
    run.bounded()
    assert run.code == 1, run.stderr
    files = by_name(run)
    assert e001(files["fifo.txt"]) == ("E001", "not-a-file")
    assert e001(files["socket.md"]) == ("E001", "not-a-file")
    if (folder / "zero-device.txt").exists():
        assert e001(files["zero-device.txt"]) == ("E001", "not-a-file")
    assert files["good.txt"]["readable"] and files["inside.txt"]["readable"]
    message = files["fifo.txt"]["findings"][0]["message"]  # type: ignore[index]
    assert "\n" not in message


@pytest.mark.parametrize("option", ["--rules", "--config", "--baseline"])
@pytest.mark.parametrize("special", ["fifo", "device"])
def test_a_special_file_as_pack_config_or_baseline_is_refused(
    tmp_path: Path, option: str, special: str
) -> None:
    path = tmp_path / ("special.yaml" if option == "--rules" else "special.toml")
    if special == "fifo":
        os.mkfifo(path)
    else:
        try:
            os.mknod(path, 0o644 | stat.S_IFCHR, os.makedev(1, 5))  # reads like /dev/zero
        except PermissionError:
            pytest.skip("making a device node needs root")
    run = check(str(SEED), option, str(path))
    run.bounded(memory_kb=400_000)
    assert run.code == 2, run.stderr
    assert run.stderr.count("\n") == 0 and "not a regular file" in run.stderr, run.stderr
    assert str(path) in run.stderr


# 2. links do not lead out of the folder ------------------------------------


def test_links_out_of_the_folder_are_not_followed(folder: Path) -> None:
    run = check(str(folder), "-f", "json", "--jobs", "1")
    run.bounded()
    files = by_name(run)
    for name in ("environ.txt", "outside.txt", "outside-folder"):
        assert e001(files[name]) == ("E001", "link-outside"), name
        assert files[name]["findings"][0]["message"].endswith(  # type: ignore[index]
            "(link leaves the checked folder)"
        ) or "link leaves the checked folder" in json.dumps(files[name], ensure_ascii=False)
    assert "secret.txt" not in run.stdout  # the file behind the link was never listed
    assert "PATH=" not in run.stdout and "HOME=" not in run.stdout  # no environment leaks
    named = check(str(folder / "outside.txt"), "-f", "json")  # named: the user's choice
    assert by_name(named)["outside.txt"]["readable"]


# 3. every input is bounded before its cost is paid ------------------------


def test_a_million_cell_page_and_a_200k_paragraph_docx_are_refused_cheaply(
    tmp_path: Path,
) -> None:
    big = tmp_path / "big"
    build(big, tmp_path / "outside", small=False)
    for name, code in (
        ("html-million-cells.html", "too-large"),
        ("docx-200k-paragraphs.docx", "too-large"),
    ):
        run = check(str(big / name), "-f", "json")
        run.bounded(memory_kb=400_000)
        assert run.code == 1
        assert e001(by_name(run)[name]) == ("E001", code)


def _pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("pack: x\nrules: !!python/object/apply:os.system ['true']\n", "!!python/object"),
        (
            "pack: x\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n"
                for p, n in zip("abcdefgh", "bcdefghi", strict=True)
            ),
            "YAML nodes",
        ),
        ("pack: x\n" + "# padding\n" * 600_000, "exceeds the limit"),
    ],
    ids=["python-tag", "billion-laughs", "oversized"],
)
def test_hostile_packs_are_rule_pack_errors(tmp_path: Path, body: str, reason: str) -> None:
    run = check(str(SEED), "--rules", str(_pack(tmp_path, body)), "--lang", "en")
    run.bounded(memory_kb=400_000)
    assert run.code == 2, run.stderr
    assert run.stderr.startswith("rule pack error:") and reason in run.stderr, run.stderr
    assert run.stderr.count("\n") == 0


# 4. one pattern budget per document ----------------------------------------


def test_thirty_slow_patterns_share_one_budget(tmp_path: Path) -> None:
    rules = "".join(
        f"""  - id: Z{100 + i}
    kind: forbidden-pattern
    severity: warning
    category: content
    patterns: ['(a|aa)+$']
    message: {{zh: 慢, en: slow}}
    basis: {{zh: 依据, en: basis}}
    explain: {{zh: 说明, en: explains, pass: 好, fail: 坏}}
"""
        for i in range(30)
    )
    pack = _pack(tmp_path, "pack: slow\nextends: edition2021\nrules:\n" + rules)
    (tmp_path / "checker.toml").write_text("[limits]\npattern-timeout-ms = 1000\n")
    report = tmp_path / "r.md"
    report.write_text("# 报告\n\n" + "a" * 60 + "!\n", encoding="utf-8")
    run = check(str(report), "--rules", str(pack), "-f", "json", cwd=tmp_path)
    run.bounded()
    assert run.seconds < 60  # thirty searches of a second each would be 30 s of CPU alone
    skipped = json.loads(run.stdout)["files"][0]["not_evaluated"]
    timed_out = [e["rule"] for e in skipped if e["reason"] == "pattern timed out"]
    # one budget: all thirty stop (with whatever rules come after them)
    assert {f"Z{100 + i}" for i in range(30)} <= set(timed_out)


def test_adversarial_prose_files_finish_within_the_bounds(folder: Path, folder_run: Run) -> None:
    # read in the folder's run: the bounds hold for it with every other file as well
    run = folder_run
    run.bounded()
    assert run.code == 1
    prose = {p.name for p in folder.glob("prose-*.txt")}
    files = by_name(run)
    assert len(prose) == 12 and prose <= set(files)
    assert all(files[name]["readable"] for name in prose)


# 5. output targets are never damaged ---------------------------------------


def test_output_onto_a_device_writes_to_it_and_leaves_it_a_device(tmp_path: Path) -> None:
    null = tmp_path / "null"
    try:
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    run = check(str(SEED), "-f", "json", "-o", str(null))
    run.bounded()
    assert run.code == 1, run.stderr
    assert stat.S_ISCHR(null.lstat().st_mode) and os.major(null.lstat().st_rdev) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]  # no temporary left


def _full(tmp_path: Path) -> Path:
    full = tmp_path / "full.json"
    try:
        os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # like /dev/full
    except PermissionError:
        pytest.skip("making a device node needs root")
    return full


@pytest.mark.parametrize("case", ["missing-folder", "folder", "fifo", "full-disk", "read-only"])
def test_unwritable_targets_are_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    if case == "missing-folder":
        target, reason = tmp_path / "no" / "such" / "out.json", "文件夹不存在"
    elif case == "folder":
        target, reason = tmp_path, "这是一个文件夹"
    elif case == "fifo":
        target, reason = tmp_path / "pipe.json", "没有程序读取的管道"
        os.mkfifo(target)
    elif case == "full-disk":
        target, reason = _full(tmp_path), "磁盘空间不足"
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes into read-only folders")
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        target, reason = locked / "out.json", "没有写入权限"
    before = sorted(p.name for p in tmp_path.iterdir())
    run = check(str(SEED), "-f", "json", "-o", str(target))
    run.bounded()
    assert run.code == 2, run.stderr
    assert run.stderr.count("\n") == 0 and reason in run.stderr and str(target) in run.stderr
    assert json.loads(run.stdout)["files"]  # the findings are still on stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no half-written file


def test_update_baseline_onto_a_full_disk_is_one_line(tmp_path: Path) -> None:
    run = check(str(SEED), "--baseline", str(_full(tmp_path)), "--update-baseline")
    run.bounded()
    assert run.code == 2 and run.stderr.count("\n") == 0, run.stderr
    assert "full.json" in run.stderr


# 6. machine formats cannot be turned into log commands ---------------------

ANNOTATION = ("::error file=", "::warning file=", "::notice file=")


@pytest.mark.parametrize(
    "fmt", ["github", "concise", "junit", "markdown", "gitlab", "json", "jsonl", "sarif"]
)
def test_no_output_line_is_a_log_command(folder: Path, fmt: str) -> None:
    names = ["::stop-commands::x.md", "log-commands.md"]
    run = check(*names, "-f", fmt, cwd=folder)
    run.bounded()
    assert run.code == 1, run.stderr
    for line in run.stdout.splitlines():
        trimmed = line.strip()
        if fmt == "github" and trimmed.startswith(ANNOTATION):
            continue  # ours: the document's text is escaped inside it
        assert not trimmed.startswith("::"), line
        assert "##[" not in trimmed, line
    if fmt == "github":
        annotations = [ln for ln in run.stdout.splitlines() if ln.startswith("::")]
        assert annotations and all(ln.startswith(ANNOTATION) for ln in annotations)
        assert all("##[" not in ln for ln in annotations)


def test_github_overflow_lines_never_start_with_a_path(folder: Path) -> None:
    run = invoke("check", "::stop-commands::x.md", "-f", "github", cwd=folder)
    plain = [ln for ln in run.stdout.splitlines() if not ln.startswith(ANNOTATION)]
    assert plain and all(not ln.lstrip().startswith(":") for ln in plain)


# 7. a crash is never a finding ----------------------------------------------

_CRASH = (
    "import sys\n"
    "import checker.engine as engine\n"
    "def broken(self, document):\n"
    "    raise ZeroDivisionError('a defect of ours')\n"
    "engine.Engine._check_document = broken\n"
    "sys.argv = ['checker', 'check', *sys.argv[1:]]\n"
    "from checker.cli import main\n"
    "main()\n"
)


def test_an_exception_of_ours_is_one_line_and_exit_2() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _CRASH, str(SEED), "-f", "json"],
        capture_output=True,
        env=env(),
        cwd=ROOT,
        timeout=SECONDS,
    )
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    assert (
        err.strip() == f"checker：检查 {SEED.relative_to(ROOT)} 时发生内部错误：ZeroDivisionError"
        or (err.count("\n") == 1 and "ZeroDivisionError" in err and "seed-2018" in err)
    ), err


def test_a_cache_entry_of_the_wrong_shape_is_rebuilt(tmp_path: Path) -> None:
    import marshal

    from checker.rulepacks.validate import _key

    pack = _pack(tmp_path, "pack: mine\nextends: edition2021\n")
    cache = tmp_path / "cache"
    fresh = check(str(SEED), "--rules", str(pack), "-f", "json", CHECKER_CACHE_DIR=str(cache))
    entry = cache / "packs" / f"{_key(pack.read_text(encoding='utf-8'))}.bin"
    assert entry.exists()
    entry.write_bytes(marshal.dumps(([1, 2, 3], {"not": "lines"})))  # well-formed, wrong shape
    again = check(str(SEED), "--rules", str(pack), "-f", "json", CHECKER_CACHE_DIR=str(cache))
    again.bounded()
    assert again.code == fresh.code == 1, again.stderr
    assert again.stdout == fresh.stdout
    assert marshal.loads(entry.read_bytes())[0]["pack"] == "mine"  # rewritten whole


# 8. SIGTERM is handled like SIGINT -----------------------------------------


def test_sigterm_stops_the_run_like_ctrl_c(tmp_path: Path) -> None:
    from test_interrupt import launch

    proc, out = launch(tmp_path, "2", 300)
    os.killpg(proc.pid, signal.SIGTERM)  # as a CI runner cancelling the job does
    stdout, stderr = proc.communicate(timeout=120)
    text = stderr.decode("utf-8")
    assert proc.returncode == 143, text
    assert "已终止" in text and "共 600 个文件" in text and "共检查" in text
    assert "Traceback" not in text and stdout == b""
    assert out.read_text(encoding="utf-8") == "previous report\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    with pytest.raises(ProcessLookupError):  # no worker outlived the run
        os.killpg(proc.pid, 0)


# 9. a GBK console -----------------------------------------------------------


def test_a_gbk_console_prints_the_table(folder: Path) -> None:
    run = check(str(folder), "--jobs", "2", PYTHONIOENCODING="gbk")
    run.bounded()
    assert run.code == 1, run.stderr


def test_every_character_of_ours_exists_in_gbk(tmp_path: Path) -> None:
    """A report in GBK-only text: whatever the output adds must encode in GBK too (the
    output is made in this process; the GBK console itself is the test above)."""
    text = SEED.read_text(encoding="utf-8").encode("gbk", "ignore").decode("gbk")
    report = tmp_path / "gbk-clean.txt"
    report.write_text(text, encoding="utf-8")
    for lang in ("zh", "en"):
        for fmt in ("table", "concise", "markdown", "github"):
            run = invoke("check", str(report), "-f", fmt, "--lang", lang)
            assert run.returncode == 1, run.stderr
            run.stdout.encode("gbk")
            run.stderr.encode("gbk")
        listed = invoke("rules", "--lang", lang)
        assert listed.returncode == 0, listed.stderr
        listed.stdout.encode("gbk")
