"""Dataclass methods from the kept code behave as compiled ones; the store trusts little."""

from __future__ import annotations

import dataclasses
import inspect
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

from checker import classcode

SOURCE = textwrap.dedent(
    """
    from __future__ import annotations
    from dataclasses import dataclass, field

    @dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0
        tags: list[str] = field(default_factory=list)
    """
)


def _define(name: str) -> type:
    """The class of ``SOURCE``, created afresh in a module of its own."""
    module = ModuleType(name)
    sys.modules[name] = module  # dataclasses reads the module of string annotations
    try:
        exec(SOURCE, module.__dict__)
    finally:
        del sys.modules[name]
    return module.__dict__["Point"]  # type: ignore[no-any-return]


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    monkeypatch.setattr(classcode, "_codes", {})
    monkeypatch.setattr(classcode, "_used", set())
    monkeypatch.setattr(classcode, "_dirty", False)
    monkeypatch.setattr(dataclasses, "exec", classcode._exec, raising=False)
    return tmp_path / "packs"


def _restart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(classcode, "_codes", {})
    monkeypatch.setattr(classcode, "_used", set())
    monkeypatch.setattr(classcode, "_dirty", False)
    classcode._load()


def _plain() -> type:
    with pytest.MonkeyPatch.context() as m:
        m.delattr(dataclasses, "exec", raising=False)
        return _define("checker.plain_points_case")


def _behaviour(cls: type) -> tuple[object, ...]:
    p = cls(1, tags=["a"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 2  # type: ignore[attr-defined]
    init = inspect.signature(cls.__init__)
    return (
        repr(p),
        p == cls(1, 0, ["a"]),
        p == cls(2),
        cls(3).tags,
        hash(cls(1, 2, None)) == hash(cls(1, 2, None)),  # type: ignore[arg-type]
        [(n, str(q.annotation), q.default) for n, q in init.parameters.items()],
        cls.__doc__,
        cls.__match_args__,  # type: ignore[attr-defined]
    )


def test_kept_methods_behave_as_freshly_compiled_ones(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _behaviour(_plain())
    assert _behaviour(_define("checker.points_case")) == expected
    classcode.save()
    _restart(monkeypatch)
    monkeypatch.setattr(
        classcode, "compile", lambda *a, **k: pytest.fail("compiled again"), raising=False
    )
    assert _behaviour(_define("checker.points_case")) == expected


def test_a_damaged_store_is_ignored_and_written_afresh(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _define("checker.points_case")
    classcode.save()
    (kept,) = store.glob("classcode-*.marshal")
    kept.write_bytes(b"\x00garbage")
    _restart(monkeypatch)
    assert classcode._codes == {}
    assert _behaviour(_define("checker.points_case")) == _behaviour(_plain())
    classcode.save()
    _restart(monkeypatch)
    assert classcode._codes


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_store_others_may_write_is_not_read(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _define("checker.points_case")
    classcode.save()
    (kept,) = store.glob("classcode-*.marshal")
    assert kept.stat().st_mode & 0o077 == 0
    kept.chmod(0o666)
    _restart(monkeypatch)
    assert classcode._codes == {}


def test_no_cache_leaves_dataclasses_alone(tmp_path: Path) -> None:
    probe = "import checker.model, dataclasses; print(hasattr(dataclasses, 'exec'))"
    env = {**os.environ, "CHECKER_CACHE_DIR": str(tmp_path), "CHECKER_NO_CACHE": "1"}
    run = [sys.executable, "-c", probe]
    assert subprocess.run(run, env=env, capture_output=True, text=True).stdout.strip() == "False"
    assert not list(tmp_path.rglob("classcode-*"))
    del env["CHECKER_NO_CACHE"]
    assert subprocess.run(run, env=env, capture_output=True, text=True).stdout.strip() == "True"
    assert list(tmp_path.rglob("classcode-*"))


def test_classes_of_other_modules_are_left_to_the_builtin(store: Path) -> None:
    """A program importing the checker keeps its own classes out of the store."""
    assert _behaviour(_define("someone_elses_points")) == _behaviour(_plain())
    assert classcode._codes == {}
    _define("checker.points_case")
    assert classcode._codes


def test_a_docstring_made_on_reading_is_the_one_dataclasses_writes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lazy = classcode._lazy_doc(dataclasses._process_class)  # type: ignore[attr-defined]
    monkeypatch.setattr(dataclasses, "_process_class", lazy)
    ours = _define("checker.doc_probe")
    assert isinstance(ours.__dict__["__doc__"], classcode._SignatureDoc)
    theirs = _define("elsewhere.doc_probe")  # not the checker's: the builtin docstring
    assert isinstance(theirs.__dict__["__doc__"], str)
    made = "Point" + str(inspect.signature(theirs)).replace(" -> None", "")
    assert ours.__doc__ == theirs.__doc__ == made
    assert ours.__dict__["__doc__"] == ours.__doc__  # made once, then kept


def test_a_class_with_its_own_docstring_keeps_it() -> None:
    process = classcode._lazy_doc(lambda cls, *a, **k: cls)
    cls = process(type("Kept", (), {"__doc__": "Why it exists.", "__module__": "checker.x"}))
    assert cls.__doc__ == "Why it exists."
