"""Results of files checked before, kept across runs (``checker check --cache``).

A document repository checks thousands of reports on every change, and most
of them did not change. With the cache on, each file's result is kept after
it is checked, and the next run that meets the same bytes under the same path,
checked the same way, takes the kept result instead of checking again.

"The same way" is the run key: the checker's version and the stamp of its
modules and schemas, the Python and library versions, the engine's options
(edition, level, limits, deadlines, the user's packs) and the digest of every
pack file's text. Anything else changed makes another key, and a key's entries
live in a folder of their own; a key's folder unused for a day goes, but for
the few most recently used. Within a key there is one entry per path, so the
folder does not grow as files change: an entry holds the digest of the bytes
it was made from and is used only while the file still has them.

Only what the same input always gives is kept: not an unreadable file (its
reason may pass: a permission, a conversion's time limit), not a result with
a rule that ran out of pattern time or met an internal error, not a file read
through LibreOffice (whose version is not in the key). An entry is read with
an unpickler that builds nothing but the checker's own classes and plain
values; a damaged, foreign or unreadable entry is a miss, and a cache folder
that cannot be written only means nothing is kept.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import shutil
import sys
import weakref
import zlib
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.cachedir import cache_dir, keep
from checker.errors import ReadError
from checker.safeopen import read_regular

try:
    from _blake2 import blake2b  # built into CPython: no OpenSSL to load
except ImportError:  # pragma: no cover - other implementations
    from hashlib import blake2b

if TYPE_CHECKING:
    from checker.engine import Engine, Options
    from checker.results import FileResult

FORMAT = 1  # bump when an entry's layout or FileResult's fields change
KEPT_KEYS = 4  # run keys whose folders are kept however long unused (the most recent)
KEPT_SECONDS = 24 * 3600  # and any other key's folder used within this time
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # compressed, and again once decompressed
# the libraries a result depends on (parsing, patterns, PDF text), by import name
_LIBRARIES = ("lxml", "regex", "pypdfium2", "pypdfium2_raw", "olefile", "yaml")

# per engine, as its packs were when it first checked a file with the cache on
_RUN_KEYS: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()
_FOLDERS: weakref.WeakKeyDictionary[Engine, tuple[Path, Path]] = weakref.WeakKeyDictionary()


def check_cached(engine: Engine, path: str) -> FileResult:
    """``engine.check_path(path)``, from the cache when the file was checked so before."""
    from checker.readers import read_bytes, read_file

    options = engine.options
    try:
        data = read_file(path, options.limits)
    except ReadError as exc:
        return engine.unreadable(path, exc)
    folder = _run_folder(engine)
    entry = folder / _name(path)
    content = _digest(data)
    found = _load(entry, path, content)
    if found is not None:
        return _bound(engine, found)
    try:
        document = read_bytes(data, path, options.limits, options.convert_with)
    except ReadError as exc:
        return engine.unreadable(path, exc)
    result = engine.check_document(document)
    if _keepable(result, data, path, options):
        _store(entry, path, content, result)
    return result


def _digest(data: bytes) -> str:
    """A digest of a file's bytes, fast for large ones."""
    return blake2b(data, digest_size=32).hexdigest()


def _name(path: str) -> str:
    key = _digest(path.encode("utf-8", "surrogatepass"))
    return f"{key[:2]}/{key}"


def run_key(engine: Engine) -> str:
    """What, besides the file, a result depends on: see the module's words."""
    found = _RUN_KEYS.get(engine)
    if found is None:
        text = "\n".join(_key_parts(engine)).encode("utf-8", "surrogatepass")
        found = _RUN_KEYS[engine] = _digest(text)[:32]
    return found


def _key_parts(engine: Engine) -> list[str]:
    from checker import __version__
    from checker.codestamp import code_stamp

    parts = [
        f"format {FORMAT}",
        f"checker {__version__}",
        f"code {code_stamp()}",
        f"python {sys.version}",
        f"options {engine.options!r}",
    ]
    parts.extend(f"library {name} {_library_stamp(name)}" for name in _LIBRARIES)
    for file in _pack_files(engine):
        try:
            text = read_regular(file, MAX_ENTRY_BYTES)
        except OSError:
            text = b"unreadable"
        parts.append(f"pack {file} {_digest(text)}")
    return parts


def _pack_files(engine: Engine) -> list[str]:
    """Every pack file a result may have read: the shipped folder's, and the chains of
    the user's packs (which only loading them finds: a one-file run without them need
    not load every edition's set to make its key)."""
    from checker.resources import rules_dir

    files = {str(p) for p in rules_dir().rglob("*") if p.suffix in (".yaml", ".yml")}
    if engine.options.extra_packs:
        from checker.rulepacks.editions import editions

        for pack in ["common", *(edition.pack for edition in editions())]:
            files.update(engine.packset(pack).files)
    return sorted(files)


def _library_stamp(name: str) -> str:
    """The files at the top of an installed library's folder, by name, size and time:
    an upgrade rewrites them. Found without importing it (asking its metadata for a
    version would cost a one-file run more than a tenth of a second)."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        return "absent"
    where = os.path.dirname(spec.origin) if spec.submodule_search_locations else spec.origin
    lines = []
    try:
        if os.path.isdir(where):
            with os.scandir(where) as found:
                for entry in sorted(found, key=lambda e: e.name):
                    if entry.is_file(follow_symlinks=False):
                        st = entry.stat(follow_symlinks=False)
                        lines.append(f"{entry.name} {st.st_size} {st.st_mtime_ns}")
        else:
            st = os.stat(where)
            lines.append(f"{where} {st.st_size} {st.st_mtime_ns}")
    except OSError:
        return "unreadable"
    return _digest("\n".join(lines).encode("utf-8", "surrogatepass"))[:16]


def _run_folder(engine: Engine) -> Path:
    """This run key's folder, marked as used (once per engine); when it is new, the
    folders of other keys unused for a day go (``_prune``)."""
    root = cache_dir() / "results"
    found = _FOLDERS.get(engine)
    if found is not None and found[0] == root:
        return found[1]
    folder = root / run_key(engine)
    _FOLDERS[engine] = (root, folder)
    if folder.is_dir():
        with contextlib.suppress(OSError):
            os.utime(folder)
        return folder
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        _prune(root, keep=folder)
    return folder


def _prune(root: Path, keep: Path) -> None:
    """Key folders unused for a day go, but for the ``KEPT_KEYS`` most recently used
    (``keep`` among them). A run whose folders' settings differ uses several keys at
    once: none of them is in use and a day old."""
    import time

    others = []
    for entry in os.scandir(root):
        if entry.is_dir(follow_symlinks=False) and entry.path != str(keep):
            with contextlib.suppress(OSError):
                others.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
    others.sort(reverse=True)
    old = time.time() - KEPT_SECONDS
    for mtime, stale in others[KEPT_KEYS - 1 :]:
        if mtime < old:
            shutil.rmtree(stale, ignore_errors=True)


# reasons a rule is not evaluated that are not the input's own: such a result is not kept
_PASSING = ("pattern timed out", "internal error")


def _keepable(result: FileResult, data: bytes, path: str, options: Options) -> bool:
    if not result.readable or result.edition is None:
        return False
    if any(why.startswith(_PASSING) for _rule, why in result.not_evaluated):
        return False
    if options.convert_with is not None:
        from checker.readers.sniff import Kind, check_extension, choose

        if choose(path, data, check_extension(path, path)) is Kind.DOC:
            return False
    return True


def _store(entry: Path, path: str, content: str, result: FileResult) -> None:
    try:
        body = pickle.dumps(
            (FORMAT, path, content, replace(result, rules={})), protocol=pickle.HIGHEST_PROTOCOL
        )
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return  # nothing kept: the file is checked again next time
    raw = zlib.compress(body, 1)
    if len(raw) <= MAX_ENTRY_BYTES:
        keep(entry, raw)


def _load(entry: Path, path: str, content: str) -> FileResult | None:
    from checker.results import FileResult

    try:
        raw = read_regular(entry, MAX_ENTRY_BYTES)
    except OSError:
        return None
    try:
        inflate = zlib.decompressobj()
        body = inflate.decompress(raw, MAX_ENTRY_BYTES)
        if inflate.unconsumed_tail:
            return None
        fmt, kept_path, kept_content, result = _Checker(io.BytesIO(body)).load()
    except Exception:  # damaged or foreign: checked again
        return None
    if fmt != FORMAT or kept_path != path or kept_content != content:
        return None
    return result if isinstance(result, FileResult) else None


def _bound(engine: Engine, result: FileResult) -> FileResult:
    """A kept result with its edition's rule table, as the check gave it."""
    from checker.rulepacks.editions import pack_of

    result.take_rules(engine.packset(pack_of(result.edition)).rules)
    return result


_ALLOWED = {
    # what the cross-report summary pickles itself with (a few labels shared once loaded)
    ("checker.across.summary", "_summary"),
    ("checker.across.summary", "_cell_note"),
    ("decimal", "Decimal"),
    ("builtins", "frozenset"),
    ("builtins", "set"),
    ("copyreg", "_reconstructor"),
    ("builtins", "object"),
}


class _Checker(pickle.Unpickler):
    """A kept result: the checker's own classes and plain values; of functions, only
    the summary's two constructors."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if module == "checker" or module.startswith("checker."):
            found = super().find_class(module, name)
            if isinstance(found, type):  # a class, never a function
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a result")
