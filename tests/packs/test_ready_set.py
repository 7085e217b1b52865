"""A pack set kept ready across runs: used while its files are unchanged, rebuilt otherwise."""

from __future__ import annotations

import io
import os
import pickle
from pathlib import Path

import pytest

from checker.errors import RulePackError
from checker.rulepacks import loader, readyset
from checker.rulepacks.loader import load_packset

RULE = """\
pack: mine
extends: common
rules:
  - id: Z101
    kind: forbidden-pattern
    severity: warning
    category: content
    patterns: ['某某']
    message: {zh: '出现“{match}”', en: '{word} found'}
    basis: {zh: 本省要求, en: a provincial rule}
"""


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "cache" / "packs"


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("set-*.pickle"))


def _no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "merge", lambda *a, **k: pytest.fail("the set was built again"))


def test_a_second_load_is_the_kept_set_and_not_a_build(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_packset("edition2021")
    assert len(_entries(cache)) == 1
    _no_building(monkeypatch)
    again = load_packset("edition2021")
    assert again is not first
    assert sorted(again.rules) == sorted(first.rules)
    assert again.rules["D201"] == first.rules["D201"]
    assert again.table_defs.keys() == first.table_defs.keys()
    assert [p.pattern for p in again.document["year_marker"]] == [
        p.pattern for p in first.document["year_marker"]
    ]
    assert again.document["year_marker"][0].search("2023年度") is not None


def test_an_edited_pack_is_picked_up_on_the_next_load(cache: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(RULE, encoding="utf-8")
    assert load_packset("edition2021", ["mine.yaml"]).rules["Z101"].severity.value == "warning"
    mine.write_text(RULE.replace("severity: warning", "severity: error"), encoding="utf-8")
    assert load_packset("edition2021", ["mine.yaml"]).rules["Z101"].severity.value == "error"
    mine.write_text(RULE.replace("severity: warning", "severity: fatal"), encoding="utf-8")
    with pytest.raises(RulePackError):  # an invalid edit is an error, never the kept set
        load_packset("edition2021", ["mine.yaml"])


def test_an_edit_of_the_same_size_is_picked_up(cache: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(RULE, encoding="utf-8")
    assert load_packset("edition2021", ["mine.yaml"]).rules["Z101"].severity.value == "warning"
    st = mine.stat()
    mine.write_text(RULE.replace("某某", "某甲"), encoding="utf-8")
    assert mine.stat().st_size == st.st_size
    os.utime(mine, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    patterns = load_packset("edition2021", ["mine.yaml"]).rules["Z101"].spec.patterns
    assert [p.pattern for p in patterns] == ["某甲"]


def test_a_file_as_it_was_is_not_read_again_and_one_only_touched_is_the_same(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(RULE, encoding="utf-8")
    load_packset("edition2021", ["mine.yaml"])
    _no_building(monkeypatch)
    with monkeypatch.context() as m:  # same size and time: taken as read, not read again
        m.setattr(loader, "read_text", lambda *a, **k: pytest.fail("read again"))
        assert "Z101" in load_packset("edition2021", ["mine.yaml"]).rules
    st = mine.stat()
    os.utime(mine, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert "Z101" in load_packset("edition2021", ["mine.yaml"]).rules  # read: the same text


def test_a_pack_that_now_resolves_elsewhere_is_not_the_kept_one(
    cache: Path, tmp_path: Path
) -> None:
    (tmp_path / "mine.yaml").write_text(RULE, encoding="utf-8")
    assert "Z102" not in load_packset("edition2021", ["mine.yaml"]).rules
    # a common.yaml beside the user's pack is what its ``extends: common`` means from now on
    local = RULE.replace("pack: mine\nextends: common\n", "pack: common\n").replace("Z101", "Z102")
    (tmp_path / "common.yaml").write_text(local, encoding="utf-8")
    assert "Z102" in load_packset("edition2021", ["mine.yaml"]).rules
    (tmp_path / "common.yaml").unlink()
    assert "Z102" not in load_packset("edition2021", ["mine.yaml"]).rules


def test_a_removed_pack_is_an_error_and_not_the_kept_set(cache: Path, tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(RULE, encoding="utf-8")
    load_packset("edition2021", ["mine.yaml"])
    (tmp_path / "mine.yaml").unlink()
    with pytest.raises(RulePackError, match="not found"):
        load_packset("edition2021", ["mine.yaml"])


def test_a_damaged_entry_is_rebuilt(cache: Path) -> None:
    load_packset("common")
    (entry,) = _entries(cache)
    entry.write_bytes(entry.read_bytes()[:200])
    assert "E001" in load_packset("common").rules
    assert readyset._read(entry, loader._still_current) is not None  # written afresh


def test_an_entry_holding_anything_but_pack_types_is_refused(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_packset("common")
    (entry,) = _entries(cache)
    fmt, visits, digests, stamps, _ = readyset._Plain(io.BytesIO(entry.read_bytes())).load()
    foreign = pickle.dumps(os.system)  # a function to call is never looked up
    entry.write_bytes(pickle.dumps((fmt, visits, digests, stamps, foreign)))
    assert readyset._read(entry, loader._still_current) is None
    entry.write_bytes(pickle.dumps((fmt, visits, digests, stamps, pickle.dumps(Path("/")))))
    assert readyset._read(entry, loader._still_current) is None
    assert "E001" in load_packset("common").rules


def test_no_cache_builds_every_time_and_keeps_nothing(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    load_packset("common")
    assert not _entries(cache)


def test_other_code_never_loads_the_entry(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_packset("common")
    monkeypatch.setattr(readyset, "_code_stamp", lambda: "an upgrade")
    load_packset("common")
    assert len(_entries(cache)) == 2


def test_patterns_of_the_pattern_store_are_shared_not_copied(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.rulepacks import compiled

    load_packset("common"), load_packset("edition2021")
    _no_building(monkeypatch)
    common, edition = load_packset("common"), load_packset("edition2021")
    marker = common.document["year_marker"][0]
    assert compiled.key_of(marker) is not None  # the store's own object, not a second copy
    assert edition.document["year_marker"][0] is marker


def test_the_reading_view_is_the_set_without_its_rules(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = load_packset("common")
    view = loader.load_reading("common")
    assert view.rules == {} and view.plan is None and whole.rules
    for part in ("document", "outline", "screens", "facts", "tables", "deadline"):
        assert getattr(view, part).keys() == getattr(whole, part).keys(), part
    assert view.signatures == whole.signatures and view.title == whole.title
    assert [p.pattern for p in view.document["year_marker"]] == [
        p.pattern for p in whole.document["year_marker"]
    ]
    assert len(_entries(cache)) == 2  # an entry of its own, a tenth of the whole one's size
    small, big = sorted(_entries(cache), key=lambda p: p.stat().st_size)
    assert small.stat().st_size * 4 < big.stat().st_size
    _no_building(monkeypatch)
    assert loader.load_reading("common").rules == {}


def test_a_report_is_checked_alike_from_the_view_and_from_the_whole_common_set() -> None:
    from checker.engine import Engine
    from checker.readers import read_path

    root = Path(__file__).resolve().parents[2] / "samples"
    for name in ("edition2021-2023-defective.docx", "legacy-2018-clean.cells.txt"):
        viewed, whole = Engine(), Engine()
        whole.common()  # as a batch preloads it: the whole set serves as the view
        a = viewed.check_document(read_path(str(root / name)))
        b = whole.check_document(read_path(str(root / name)))
        assert "common" not in viewed._packs and viewed._reading is not None
        assert whole._reading is whole._packs["common"]
        assert (a.findings, a.edition, a.edition_reason, a.year) == (
            b.findings,
            b.edition,
            b.edition_reason,
            b.year,
        )
        assert a.findings or name.startswith("legacy")
