"""Compiled patterns kept across runs, beside the pack cache.

``regex`` compiles in Python and takes milliseconds per pattern; a pack set
holds hundreds, so compiling them was most of a one-file run. A compiled
pattern pickles with its compiled code and loads about a hundred times
faster, so every pattern compiled here is kept, by source and flags, in one
file per ``regex`` and Python version. Each pattern is kept pickled on its
own and unpickled only when a run asks for it: the file holds every pattern
any pack ever compiled, most runs use a few hundred. The file is read with
an unpickler that accepts nothing but bytes, and each pattern with one that
accepts nothing but ``regex`` patterns; a missing, stale or unreadable file
or entry only costs the compiling. Beside the patterns it keeps a few texts
the checker derives from their sources (``remembered``), each under the stamp
of the code that made it.
"""

from __future__ import annotations

import io
import os
import pickle
import sys
from collections.abc import Callable
from typing import Any

import regex

from checker.cachedir import cache_dir, keep

FORMAT = 2  # each pattern pickled on its own
_MAX_ENTRIES = 20_000  # a store grown past this (many user packs) starts afresh
_store: dict[tuple[str, int], Any] = {}
_kept: dict[tuple[str, int], bytes] = {}  # the file's patterns, each still pickled
_keys: dict[int, tuple[str, int]] = {}  # id of a pattern in the store -> its key
# texts this code derives from a pattern's source (``remembered``), as read from the file:
# (what, code stamp, source, flags) -> the text, or None
_notes: dict[tuple[str, str, str, int], str | None] = {}
_loaded = False
_dirty = False


def cached(source: str, flags: int = 0) -> Any:
    """``regex.compile``, from the store when this source was compiled before."""
    global _dirty
    if not _loaded:
        _load()
    key = (source, int(flags))  # a RegexFlag would not pass the store's unpickler
    found = _store.get(key)
    if found is None:
        found = _unpickled(key)
        if found is None:
            found = regex.compile(source, key[1])
            _dirty = True
        _store[key] = found
        _keys[id(found)] = key
    return found


def _unpickled(key: tuple[str, int]) -> Any:
    raw = _kept.get(key)
    if raw is None:
        return None
    try:
        found = _OnlyPatterns(io.BytesIO(raw)).load()
    except Exception:  # a damaged entry is compiled again
        return None
    return found if isinstance(found, regex.Pattern) else None


def remembered(
    what: str, source: str, flags: int, make: Callable[[str, int], str | None]
) -> str | None:
    """``make(source, flags)``, kept in the store beside the patterns: a text derived
    from a pattern's source that costs more to make than to read (the joined search's
    widening of it). Each is stamped with the code that made it, so other code (an
    upgrade, an edited checkout) makes its own, and only this code's are written back."""
    global _dirty
    if not _loaded:
        _load()
    from checker.codestamp import code_stamp

    key = (what, code_stamp(), source, int(flags))
    if key in _notes:
        return _notes[key]
    made = _notes[key] = make(source, key[3])
    _dirty = True
    return made


def key_of(pattern: Any) -> tuple[str, int] | None:
    """The key under which the store handed out ``pattern``; None for any other pattern.

    A pickle of something holding store patterns (a pack set) can refer to them
    by key instead of carrying each pattern's compiled code again."""
    key = _keys.get(id(pattern))
    return key if key is not None and _store.get(key) is pattern else None


def save() -> None:
    """Write the store if this process compiled anything new; never fails a run."""
    global _dirty
    if not _dirty or os.environ.get("CHECKER_NO_CACHE"):
        return
    _dirty = False
    entries: dict[Any, Any] = dict(_kept)
    for key, pattern in _store.items():
        if key not in entries:
            entries[key] = pickle.dumps(pattern, protocol=pickle.HIGHEST_PROTOCOL)
    if _notes:
        from checker.codestamp import code_stamp

        stamp = code_stamp()
        entries.update((key, text) for key, text in _notes.items() if key[1] == stamp)
    if len(entries) > _MAX_ENTRIES:
        entries = {}
    try:
        data = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError):
        return
    keep(_path(), data)


def _path() -> Any:
    version = f"{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    return cache_dir() / "packs" / f"patterns-{FORMAT}-{version}.pickle"


class _OnlyPatterns(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a pattern")


class _OnlyBytes(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} in the pattern store")


def _load() -> None:
    global _loaded
    _loaded = True
    if os.environ.get("CHECKER_NO_CACHE"):
        return
    try:
        data = _OnlyBytes(io.BytesIO(_path().read_bytes())).load()
    except Exception:  # any unreadable store is only a cold start
        return
    if isinstance(data, dict):
        for key, raw in data.items():
            is_entry = isinstance(key, tuple) and len(key) == 2 and isinstance(raw, bytes)
            if is_entry and isinstance(key[0], str) and isinstance(key[1], int):
                _kept.setdefault(key, raw)
            elif _is_note(key, raw):
                _notes.setdefault(key, raw)


def _is_note(key: Any, text: Any) -> bool:
    return (
        isinstance(key, tuple)
        and len(key) == 4
        and all(isinstance(part, str) for part in key[:3])
        and isinstance(key[3], int)
        and (text is None or isinstance(text, str))
    )
