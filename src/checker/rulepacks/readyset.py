"""Pack sets kept ready across runs: one pickle per pack request.

Loading a pack set reads every pack of its chain, parses each rule's spec,
builds the table definitions and screens, and a one-file run loads two sets;
that was a third of a cold ``checker check``. A set, once built, is pickled
beside the pack cache under a key made of what was asked (the edition's pack,
the user's packs and the folder they are named from) and of the code that
built it (the checker's version, the stamps of its modules and schemas, the
Python and ``regex`` versions). The entry records each pack reference of the
chain and the digest of each pack file's text; it is used only while every
reference still resolves to the same file and every file has the same
bytes, so an edited, added or removed pack is picked up on the very next run.

The entry is read with an unpickler that builds nothing but the checker's own
classes, compiled patterns and plain values. Patterns that came from the
compiled-pattern store are written as references to it (source and flags) and
taken from the store again when the set is read, so the two sets of a run
share them and nothing is unpickled twice. A missing, stale, damaged or
foreign entry is only a cold start: the set is built and the entry
rewritten. ``CHECKER_NO_CACHE`` turns it off.
"""

from __future__ import annotations

import io
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex

from checker import __version__
from checker.cachedir import cache_dir, keep
from checker.codestamp import code_stamp
from checker.digest import sha256
from checker.rulepacks import compiled
from checker.rulepacks.pack import PackSet
from checker.safeopen import read_regular

FORMAT = 3  # bump when the entry's layout changes
MAX_ENTRY_BYTES = 64 * 1024 * 1024

# (reference as written, folder it is relative to or None, the file it resolved to)
Visit = tuple[str, str | None, str]


class Trail:
    """What a build read: every reference it resolved, each file's text digest, and
    each file's size and modification time as they were before it was read."""

    def __init__(self) -> None:
        self.visits: list[Visit] = []
        self.digests: dict[str, str] = {}
        self.stamps: dict[str, Stamp] = {}

    def visit(self, ref: str, base: Path | None, path: Path) -> None:
        self.visits.append((ref, None if base is None else str(base), str(path)))

    def look(self, path: Path) -> None:
        """Before the file is read: a change after this shows in the next stamp."""
        found = stamp(str(path))
        if found is not None:
            self.stamps[str(path)] = found

    def read(self, path: Path, text: str) -> None:
        self.digests[str(path)] = digest(text)


Stamp = tuple[int, int]  # size, modification time in nanoseconds


def stamp(path: str) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def digest(text: str) -> str:
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def load(
    name: str,
    extra: list[str],
    build: Callable[[Trail], PackSet],
    current: Callable[[Trail], bool],
    part: str = "",
) -> PackSet:
    """The pack set from its entry when ``current`` says the entry's trail still holds,
    else ``build(trail)`` and a new entry. ``part`` names a view of the set that is
    kept in an entry of its own."""
    if os.environ.get("CHECKER_NO_CACHE"):
        return build(Trail())
    target = _path(name, extra, part)
    found = _read(target, current)
    if found is not None:
        return found
    trail = Trail()
    packset = build(trail)
    _write(target, trail, packset)
    return packset


def _path(name: str, extra: list[str], part: str = "") -> Path:
    parts = [
        f"format {FORMAT}",
        *([f"part {part}"] if part else []),
        f"checker {__version__}",
        f"code {_code_stamp()}",
        f"python {sys.version}",
        f"regex {_regex_version()}",
        f"pack {name}",
        *(f"extra {ref}" for ref in extra),
        f"cwd {Path.cwd()}" if extra else "",
    ]
    key = sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return cache_dir() / "packs" / f"set-{key}.pickle"


def _regex_version() -> str:
    return str(regex.__version__)


def _code_stamp() -> str:
    """A set pickled by other code (an upgrade, an edited checkout) is never loaded."""
    return code_stamp()


class _Plain(pickle.Unpickler):
    """The entry's header: strings, tuples, lists, dicts and bytes only."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} in a pack-set header")


_ALLOWED = {
    ("regex._regex", "compile"),  # a compiled pattern, as the pattern store keeps it
    ("decimal", "Decimal"),
    ("builtins", "frozenset"),
    ("builtins", "set"),
    ("copyreg", "_reconstructor"),
    ("builtins", "object"),
}


class _Writer(pickle.Pickler):
    def persistent_id(self, obj: Any) -> Any:
        if isinstance(obj, regex.Pattern):
            key = compiled.key_of(obj)
            if key is not None:
                return ("pattern", *key)
        return None


class _PackTypes(pickle.Unpickler):
    """The set itself: the checker's own classes, patterns and plain values."""

    def persistent_load(self, pid: Any) -> Any:
        match pid:
            case ("pattern", str(source), int(flags)):
                return compiled.cached(source, flags)
        raise pickle.UnpicklingError("not a pattern reference")

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if module == "checker" or module.startswith("checker."):
            found = super().find_class(module, name)
            if isinstance(found, type):  # a class, never a function to call
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a pack set")


def _read(target: Path, current: Callable[[Trail], bool]) -> PackSet | None:
    try:
        raw = read_regular(target, MAX_ENTRY_BYTES)
    except OSError:
        return None
    try:
        header = _Plain(io.BytesIO(raw)).load()
        fmt, visits, digests, stamps, body = header
        if fmt != FORMAT or not isinstance(body, bytes):
            return None
        trail = Trail()
        trail.visits = [tuple(v) for v in visits]
        trail.digests = dict(digests)
        trail.stamps = {str(k): (int(v[0]), int(v[1])) for k, v in dict(stamps).items()}
        if not current(trail):
            return None
        packset = _PackTypes(io.BytesIO(body)).load()
    except Exception:  # damaged or foreign: built again
        return None
    return packset if isinstance(packset, PackSet) else None


def _write(target: Path, trail: Trail, packset: PackSet) -> None:
    try:
        buffer = io.BytesIO()
        _Writer(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(packset)
        body = buffer.getvalue()
        raw = pickle.dumps(
            (FORMAT, trail.visits, trail.digests, trail.stamps, body),
            protocol=pickle.HIGHEST_PROTOCOL,
        )
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return  # no entry: the next run builds the set again
    keep(target, raw)
