"""The methods ``dataclasses`` writes for each class, compiled once and kept across runs.

A dataclass's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and frozen
``__setattr__`` are generated as source text and compiled when the class is
created, on every start: the checker defines about a hundred dataclasses,
and compiling their methods was a fifth of a one-file ``checker check``.
The text generated for a class is the same from run to run, so its compiled
code is kept in one file per Python version beside the pack cache and
compiled again only when the text is new.

``dataclasses`` runs that text with the name ``exec``, looked up in its
module before the builtins; ``install`` puts a function there that runs the
kept code object for a known text of one of the checker's own classes,
compiles a new one exactly as the builtin would (same file name, no
inherited future flags), and leaves every other module's text to the builtin. If a later Python
stops calling ``exec`` that way, the function is simply never called. The
file is code, so it is read only when it belongs to this user and no one
else can write to it; a missing, damaged or foreign file costs the
compiling only. ``CHECKER_NO_CACHE`` turns it off.

A dataclass without a docstring also gets one made of its name and
``inspect.signature``, a fifth of the rest of the class's processing; for the
checker's own classes that text is made when ``__doc__`` is first read
instead, the same text (on the Pythons whose dataclasses make it that way).
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

_MAX_ENTRIES = 5_000  # past this (many versions in one cache), only this run's are kept
_MAX_BYTES = 16 * 1024 * 1024
_codes: dict[str, CodeType] = {}
_used: set[str] = set()
_dirty = False
_installed = False


def install() -> None:
    """Serve the generated methods' code from the store, from now on in this process."""
    global _installed
    if _installed or os.environ.get("CHECKER_NO_CACHE"):
        return
    _installed = True
    _load()
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    original = getattr(dataclasses, "_process_class", None)
    if callable(original) and sys.version_info < (3, 13):
        dataclasses._process_class = _lazy_doc(original)  # type: ignore[attr-defined]


_PLACEHOLDER = "(docstring made on first reading)"


class _SignatureDoc:
    """The docstring ``dataclasses`` writes for a class that has none, made when read."""

    def __get__(self, obj: Any, owner: type | None = None) -> str:
        import inspect

        cls = owner if owner is not None else type(obj)
        try:
            text_sig = str(inspect.signature(cls)).replace(" -> None", "")
        except (TypeError, ValueError):
            text_sig = ""
        doc = cls.__name__ + text_sig
        type.__setattr__(cls, "__doc__", doc)  # once: later readings find the text
        return doc


def _lazy_doc(original: Any) -> Any:
    def process(cls: type, *args: Any, **kwargs: Any) -> Any:
        if cls.__dict__.get("__doc__") or not _ours({"__name__": cls.__module__}):
            return original(cls, *args, **kwargs)
        cls.__doc__ = _PLACEHOLDER  # a docstring: dataclasses leaves it
        made = original(cls, *args, **kwargs)
        if isinstance(made, type) and made.__dict__.get("__doc__") is _PLACEHOLDER:
            type.__setattr__(made, "__doc__", _SignatureDoc())
        return made

    return process


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    global _dirty
    if not isinstance(source, str):
        return builtins.exec(source, globals, locals)
    if not _ours(globals):  # compiled here, but as the builtin would from dataclasses
        return builtins.exec(
            compile(source, "<string>", "exec", dont_inherit=True), globals, locals
        )
    code = _codes.get(source)
    if code is None:
        code = _codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
        if not _dirty:
            _dirty = True
            atexit.register(save)
    _used.add(source)
    return builtins.exec(code, globals, locals)


def _ours(globals: Any) -> bool:
    """Only the checker's own classes are served: a program that imports the checker
    as a library keeps the builtin behaviour for its classes and everyone else's."""
    name = globals.get("__name__", "") if isinstance(globals, dict) else ""
    return isinstance(name, str) and (name == "checker" or name.startswith("checker."))


def _path() -> Path:
    from checker.cachedir import cache_dir

    tag = sys.implementation.cache_tag or f"py{sys.version_info[0]}{sys.version_info[1]}"
    return cache_dir() / "packs" / f"classcode-{tag}.marshal"


def _trusted(fd: int) -> bool:
    """A regular file of this user's that nobody else may write."""
    st = os.fstat(fd)
    if not hasattr(os, "getuid"):  # Windows: the cache lives in the user's own profile
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022 and st.st_size <= _MAX_BYTES


def _load() -> None:
    try:
        fd = os.open(_path(), os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return
    try:
        import stat

        if not stat.S_ISREG(os.fstat(fd).st_mode) or not _trusted(fd):
            return
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = marshal.loads(handle.read(_MAX_BYTES + 1))
    except Exception:  # any unreadable store is only a cold start
        return
    finally:
        os.close(fd)
    if isinstance(data, dict):
        for source, code in data.items():
            if isinstance(source, str) and isinstance(code, CodeType):
                _codes.setdefault(source, code)


def discard() -> None:
    """Write nothing at exit: the store was just removed on purpose (``checker cache clean``)."""
    global _dirty
    _dirty = False


def save() -> None:
    """Write the store if this process compiled anything new; never fails a run."""
    global _dirty
    if not _dirty or os.environ.get("CHECKER_NO_CACHE"):
        return
    _dirty = False
    keep = _codes if len(_codes) <= _MAX_ENTRIES else {k: _codes[k] for k in _used}
    from checker.cachedir import keep as write

    try:
        data = marshal.dumps(dict(keep))
    except ValueError:
        return
    write(_path(), data, 0o600)
