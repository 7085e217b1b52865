"""The store of compiled patterns survives a restart and trusts nothing but patterns."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from checker.rulepacks import compiled


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    monkeypatch.setattr(compiled, "_store", {})
    monkeypatch.setattr(compiled, "_kept", {})
    monkeypatch.setattr(compiled, "_notes", {})
    monkeypatch.setattr(compiled, "_loaded", False)
    monkeypatch.setattr(compiled, "_dirty", False)
    return tmp_path


def _restart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled, "_store", {})
    monkeypatch.setattr(compiled, "_kept", {})
    monkeypatch.setattr(compiled, "_notes", {})
    monkeypatch.setattr(compiled, "_loaded", False)


def test_a_saved_pattern_loads_without_compiling(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = compiled.cached(r"(?P<y>\d{4})年")
    compiled.save()
    _restart(monkeypatch)
    monkeypatch.setattr(compiled.regex, "compile", lambda *a: pytest.fail("compiled again"))
    again = compiled.cached(r"(?P<y>\d{4})年")
    assert again is not first and again.pattern == first.pattern
    assert again.search("2023年")["y"] == "2023"


def test_a_store_holding_anything_else_is_ignored(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled.cached("a+")
    compiled.save()
    (store,) = (fresh / "packs").glob("patterns-*.pickle")
    store.write_bytes(pickle.dumps({("a+", 0): Path("/")}))
    _restart(monkeypatch)
    assert compiled.cached("a+").search("caab")
    assert all(isinstance(v, compiled.regex.Pattern) for v in compiled._store.values())


def test_a_pattern_compiled_with_flag_constants_is_kept(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled.cached("[^。]*", compiled.regex.REVERSE)
    compiled.save()
    _restart(monkeypatch)
    monkeypatch.setattr(compiled.regex, "compile", lambda *a: pytest.fail("compiled again"))
    again = compiled.cached("[^。]*", compiled.regex.REVERSE)
    assert again.match("甲。乙丙", 0, 4).start() == 2


def test_only_the_patterns_a_run_asks_for_are_unpickled(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for source in ("a+", "b+", "c+"):
        compiled.cached(source)
    compiled.save()
    _restart(monkeypatch)
    assert compiled.cached("b+").search("abbc")
    assert set(compiled._store) == {("b+", 0)} and len(compiled._kept) == 3
    compiled.cached("d+")
    compiled.save()  # the entries not asked for are kept as they were
    _restart(monkeypatch)
    compiled.cached("a+")
    assert set(compiled._kept) == {("a+", 0), ("b+", 0), ("c+", 0), ("d+", 0)}


def test_a_damaged_entry_is_compiled_again(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled.cached("a+")
    compiled.save()
    (store,) = (fresh / "packs").glob("patterns-*.pickle")
    store.write_bytes(pickle.dumps({("a+", 0): b"not a pickle", ("b+", 0): pickle.dumps(Path("/"))}))
    _restart(monkeypatch)
    assert compiled.cached("a+").search("caab") and compiled.cached("b+").search("abb")
    assert all(isinstance(v, compiled.regex.Pattern) for v in compiled._store.values())


def _upper(source: str, flags: int) -> str | None:
    return None if source == "none" else f"{source.upper()}/{flags}"


def test_a_remembered_text_is_read_back_and_not_made_again(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert compiled.remembered("upper", "ab", 2, _upper) == "AB/2"
    assert compiled.remembered("upper", "none", 0, _upper) is None
    compiled.save()
    _restart(monkeypatch)

    def never(source: str, flags: int) -> str | None:
        pytest.fail("made again")

    assert compiled.remembered("upper", "ab", 2, never) == "AB/2"
    assert compiled.remembered("upper", "none", 0, never) is None
    assert compiled.remembered("other", "ab", 2, _upper) == "AB/2"  # its own name: made


def test_other_code_makes_its_own_texts_and_only_this_codes_are_kept(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker import codestamp

    monkeypatch.setattr(codestamp, "code_stamp", lambda: "before")
    assert compiled.remembered("upper", "ab", 0, _upper) == "AB/0"
    compiled.save()
    _restart(monkeypatch)
    monkeypatch.setattr(codestamp, "code_stamp", lambda: "after")  # an upgrade
    made: list[str] = []

    def counted(source: str, flags: int) -> str | None:
        made.append(source)
        return "new"

    assert compiled.remembered("upper", "ab", 0, counted) == "new" and made == ["ab"]
    compiled.save()
    (store,) = (fresh / "packs").glob("patterns-*.pickle")
    kept = pickle.loads(store.read_bytes())
    assert [k for k in kept if len(k) == 4] == [("upper", "after", "ab", 0)]


def test_a_malformed_text_entry_is_ignored(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.codestamp import code_stamp

    compiled.cached("a+")
    compiled.save()
    (store,) = (fresh / "packs").glob("patterns-*.pickle")
    entries = pickle.loads(store.read_bytes())
    entries[("upper", code_stamp(), "ab", 0)] = b"bytes, not a text"
    entries[("upper", code_stamp(), "cd")] = "three parts"
    store.write_bytes(pickle.dumps(entries))
    _restart(monkeypatch)
    assert compiled.remembered("upper", "ab", 0, _upper) == "AB/0"
    assert compiled._notes == {("upper", code_stamp(), "ab", 0): "AB/0"}
    assert compiled.cached("a+").search("caab")
