"""Results kept across runs (``--cache``): the same output, and never a stale result."""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
import time
import zlib
from pathlib import Path

import pytest

from checker import resultcache
from checker.engine import Engine, Options
from checker.results import FileResult
from cli_support import ROOT, SEED, copy_reports, invoke

SAMPLES = ROOT / "samples"


def _engine(**options: object) -> Engine:
    return Engine(Options(**options))  # type: ignore[arg-type]


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "results").rglob("*") if p.is_file())


def _same(a: FileResult, b: FileResult) -> None:
    assert a.findings == b.findings
    assert (a.edition, a.year, a.source_kind) == (b.edition, b.year, b.source_kind)
    assert a.applied == b.applied
    assert a.not_evaluated == b.not_evaluated
    assert a.places == b.places and a.summary == b.summary and a.comments == b.comments
    assert a.rules is b.rules


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(folder))
    return folder


def _reports(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    picked = [SEED, *sorted(SAMPLES.glob("*.docx"))[:2], *sorted(SAMPLES.glob("*.html"))[:2]]
    for source in picked:
        shutil.copy(source, folder / source.name)
    return sorted(folder.iterdir())


def test_a_kept_result_is_the_checked_one_and_nothing_is_checked_again(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = _engine()
    reports = _reports(tmp_path)
    fresh = [engine.check_path(str(p)) for p in reports]
    first = [resultcache.check_cached(engine, str(p)) for p in reports]
    assert len(_entries(cache)) == len(reports)

    def refuse(*_args: object) -> FileResult:
        raise AssertionError("checked again")

    monkeypatch.setattr(engine, "check_document", refuse)
    again = [resultcache.check_cached(engine, str(p)) for p in reports]
    for a, b, c in zip(fresh, first, again, strict=True):
        _same(a, b)
        _same(a, c)


def test_a_changed_file_is_checked_again_and_replaces_its_entry(
    cache: Path, tmp_path: Path
) -> None:
    engine = _engine()
    report = tmp_path / "r.txt"
    text = SEED.read_text(encoding="utf-8")
    report.write_text(text, encoding="utf-8")
    resultcache.check_cached(engine, str(report))
    old = resultcache._digest(report.read_bytes())
    report.write_text(text + "\n二〇一九年一月一日\n", encoding="utf-8")
    new = resultcache._digest(report.read_bytes())
    after = resultcache.check_cached(engine, str(report))
    _same(after, engine.check_path(str(report)))
    (entry,) = _entries(cache)  # one entry per path, whatever its bytes were
    assert resultcache._load(entry, str(report), new) is not None
    assert resultcache._load(entry, str(report), old) is None


def test_the_same_bytes_under_another_path_are_another_entry(cache: Path, tmp_path: Path) -> None:
    engine = _engine()
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(SEED, a)
    shutil.copy(SEED, b)
    resultcache.check_cached(engine, str(a))
    result = resultcache.check_cached(engine, str(b))
    assert result.path == str(b)
    assert len(_entries(cache)) == 2


def test_other_options_or_an_edited_pack_make_another_key(cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text("pack: mine\nextends: common\n", encoding="utf-8")
    keys = {
        resultcache.run_key(_engine()),
        resultcache.run_key(_engine(level="department")),
        resultcache.run_key(_engine(extra_packs=(str(pack),))),
    }
    pack.write_text("pack: mine\nextends: common\n# edited\n", encoding="utf-8")
    keys.add(resultcache.run_key(_engine(extra_packs=(str(pack),))))
    assert len(keys) == 4


def test_an_edited_shipped_pack_makes_another_key(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", shipped)
    monkeypatch.setattr("checker.resources.rules_dir", lambda: shipped)
    before = resultcache.run_key(_engine())
    assert resultcache.run_key(_engine()) == before
    common = shipped / "common.yaml"
    common.write_text(common.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert resultcache.run_key(_engine()) != before


def test_the_key_holds_for_one_engine_and_is_the_same_for_a_new_one(cache: Path) -> None:
    engine = _engine()
    assert (
        resultcache.run_key(engine) == resultcache.run_key(engine) == resultcache.run_key(_engine())
    )


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short
        lambda raw: b"not compressed at all",
        lambda raw: zlib.compress(b"\x80\x05not a pickle"),
        lambda raw: zlib.compress(pickle.dumps((resultcache.FORMAT + 1, "?", "?", None))),
        lambda raw: b"",
    ],
)
def test_a_damaged_entry_is_a_miss_and_is_written_again(
    cache: Path, tmp_path: Path, damage: object
) -> None:
    engine = _engine()
    report = tmp_path / "r.txt"
    shutil.copy(SEED, report)
    fresh = resultcache.check_cached(engine, str(report))
    (entry,) = _entries(cache)
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    _same(resultcache.check_cached(engine, str(report)), fresh)
    assert resultcache._load(entry, str(report), resultcache._digest(report.read_bytes()))


class _Boom:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch pwned",))


def test_an_entry_that_would_run_code_is_refused(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    engine = _engine()
    report = tmp_path / "r.txt"
    shutil.copy(SEED, report)
    fresh = resultcache.check_cached(engine, str(report))
    (entry,) = _entries(cache)
    content = resultcache._digest(report.read_bytes())
    body = pickle.dumps((resultcache.FORMAT, str(report), content, _Boom()))
    entry.write_bytes(zlib.compress(body))
    _same(resultcache.check_cached(engine, str(report)), fresh)
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("why", ["pattern timed out", "internal error: KeyError"])
def test_results_that_may_come_out_otherwise_are_not_kept(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, why: str
) -> None:
    engine = _engine()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert not resultcache.check_cached(engine, str(broken)).readable
    missing = resultcache.check_cached(engine, str(tmp_path / "gone.txt"))
    assert not missing.readable
    report = tmp_path / "r.txt"
    shutil.copy(SEED, report)
    check = engine.check_document

    def starved(document: object) -> FileResult:
        result = check(document)  # type: ignore[arg-type]
        result.not_evaluated.append((result.applied[-1], why))
        return result

    monkeypatch.setattr(engine, "check_document", starved)
    assert resultcache.check_cached(engine, str(report)).not_evaluated[-1][1] == why
    assert _entries(cache) == []
    monkeypatch.setattr(engine, "check_document", check)
    resultcache.check_cached(engine, str(report))
    assert len(_entries(cache)) == 1  # the same file, settled, is kept


def test_a_cache_that_cannot_be_written_still_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(blocker / "cache"))
    engine = _engine()
    report = tmp_path / "r.txt"
    shutil.copy(SEED, report)
    _same(resultcache.check_cached(engine, str(report)), engine.check_path(str(report)))


def test_keys_unused_for_a_day_go_but_the_most_recent(cache: Path) -> None:
    root = cache / "results"
    for n in range(6):
        old = root / f"old{n}"
        old.mkdir(parents=True)
        (old / "entry").write_bytes(b"x")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    (root / "today").mkdir()  # another key of a run going on now: more than the kept few
    os.utime(root / "today", (time.time() - 60, time.time() - 60))
    folder = resultcache._run_folder(_engine())
    left = {p.name for p in root.iterdir()}
    assert left == {folder.name, "today", "old5", "old4"}
    assert resultcache.KEPT_KEYS == 4


def test_the_command_line_output_is_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    copy_reports(tmp_path / "reports")
    shutil.copy(SEED, tmp_path / "reports" / "seed.txt")
    for source in sorted(SAMPLES.glob("*.docx"))[:2]:
        shutil.copy(source, tmp_path / "reports" / source.name)
    env = {"CHECKER_CACHE_DIR": str(tmp_path / "cache")}
    before = {p: p.read_bytes() for p in (tmp_path / "reports").iterdir()}
    plain = invoke("check", "reports", "-f", "json", cwd=tmp_path, extra_env=env)
    runs = [  # filled by the first, taken by the others, in this process and in workers
        invoke("check", "reports", "-f", "json", "--cache", "-j", jobs, cwd=tmp_path, extra_env=env)
        for jobs in ("1", "1", "2")
    ]
    assert _entries(tmp_path / "cache")
    assert all(r.stdout == plain.stdout and r.returncode == plain.returncode for r in runs)
    assert json.loads(plain.stdout)["summary"]["files"] == len(before)
    assert {p: p.read_bytes() for p in (tmp_path / "reports").iterdir()} == before


def test_the_configuration_turns_it_on_and_the_flag_off(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "seed.txt")
    (tmp_path / "checker.toml").write_text("cache = true\n", encoding="utf-8")
    env = {"CHECKER_CACHE_DIR": str(tmp_path / "cache")}
    off = invoke("check", "seed.txt", "-f", "json", "--no-cache", cwd=tmp_path, extra_env=env)
    assert not (tmp_path / "cache" / "results").exists()
    on = invoke("check", "seed.txt", "-f", "json", cwd=tmp_path, extra_env=env)
    assert _entries(tmp_path / "cache") and on.stdout == off.stdout
    shown = invoke("config", "show", "seed.txt", "-f", "json", cwd=tmp_path, extra_env=env)
    assert json.loads(shown.stdout)["cache"] is True


def test_an_entry_is_read_with_the_checker_classes_only() -> None:
    refused = pickle.dumps(io.BytesIO(b""))
    with pytest.raises(pickle.UnpicklingError):
        resultcache._Checker(io.BytesIO(refused)).load()
