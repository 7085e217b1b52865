"""Turn the command line's paths into the list of files to check.

Files are taken as given; directories are walked for known report extensions
(hidden entries and a repository's README, CHANGELOG, LICENSE… skipped); globs
are expanded; ``-`` is standard input. What
cannot be walked — a symbolic-link loop, a broken link, a directory that cannot
be listed, a glob that matches nothing, a link that leads out of the folder
being walked — becomes a target that carries its reason, so that it turns
into one input finding and the rest of the run goes on.
The list is sorted by path so that output does not depend on the file system.
"""

from __future__ import annotations

import errno
import glob
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

STDIN = "-"


@dataclass(frozen=True)
class Target:
    path: str  # as shown: given or discovered, normalised, POSIX separators
    explicit: bool = True  # named on the command line (not found by walking or a glob)
    problem: tuple[str, str] | None = None  # (reason code, detail) when it cannot be read


def display(path: str) -> str:
    if path == STDIN:
        return path
    return os.path.normpath(path).replace(os.sep, "/")


# A repository of reports documents itself in these; walking a folder never
# takes them for reports (naming one on the command line still checks it).
_REPOSITORY_DOCS = (
    "readme",
    "changelog",
    "changes",
    "license",
    "licence",
    "contributing",
    "authors",
)


def _known(name: str, extensions: frozenset[str]) -> bool:
    stem, ext = os.path.splitext(os.path.basename(name))
    return ext.lower() in extensions and stem.lower() not in _REPOSITORY_DOCS


def _link_problem(path: str) -> tuple[str, str] | None:
    """Why a symbolic link cannot be followed, or None when it can."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return ("symlink-loop", "symbolic links point at each other")
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return ("broken-link", "symbolic link to a missing file")
        return ("unreadable", exc.strerror or str(exc))
    return None


# Pseudo file systems whose files describe the machine, never a report.
_SYSTEM_TREES = ("/proc", "/sys", "/dev")


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _leaves(path: str, root: str) -> bool:
    """True when the link at ``path`` resolves outside ``root`` (a real path) or into
    the system's pseudo file systems: walking a folder reads only what lies in it."""
    real = os.path.realpath(path)
    if os.name != "nt" and any(_inside(real, tree) for tree in _SYSTEM_TREES):
        return True
    return not _inside(real, root)


def _walk(
    top: str,
    extensions: frozenset[str],
    out: list[Target],
    ancestors: tuple[tuple[int, int], ...],
    visited: set[tuple[int, int]],
    root: str | None = None,
) -> None:
    root = os.path.realpath(top) if root is None else root
    try:
        info = os.stat(top)
    except OSError as exc:
        out.append(Target(display(top), False, ("unreadable", exc.strerror or str(exc))))
        return
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        out.append(Target(display(top), False, ("symlink-loop", "link back to a parent folder")))
        return
    if key in visited:  # reached twice through links: already listed
        return
    visited.add(key)
    try:
        with os.scandir(top) as it:
            entries = sorted(it, key=lambda e: e.name)
    except PermissionError:
        out.append(Target(display(top), False, ("permission-denied", "cannot list the folder")))
        return
    except OSError as exc:
        out.append(Target(display(top), False, ("unreadable", exc.strerror or str(exc))))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(top, entry.name)
        if entry.is_symlink():
            problem = _link_problem(path)
            if problem is None and _leaves(path, root):
                problem = ("link-outside", "link leaves the checked folder")
            if problem is not None:
                if problem[0] != "link-outside" or entry.is_dir() or _known(entry.name, extensions):
                    out.append(Target(display(path), False, problem))
                continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            _walk(path, extensions, out, (*ancestors, key), visited, root)
        elif _known(entry.name, extensions):
            out.append(Target(display(path), False))


def _expand(arg: str, extensions: frozenset[str], out: list[Target]) -> None:
    if arg == STDIN:
        out.append(Target(STDIN))
        return
    if not os.path.lexists(arg) and glob.has_magic(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            out.append(Target(display(arg), True, ("not-found", "no file matches the pattern")))
        for match in matches:
            if os.path.isdir(match):
                _walk(match, extensions, out, (), set())
            elif _known(match, extensions):
                out.append(Target(display(match), False))
        return
    if os.path.isdir(arg):
        _walk(arg, extensions, out, (), set())
        return
    if os.path.islink(arg):
        problem = _link_problem(arg)
        if problem is not None:
            out.append(Target(display(arg), True, problem))
            return
    out.append(Target(display(arg), True))


def discover(args: Sequence[str], extensions: Iterable[str] | None = None) -> list[Target]:
    """The files named by ``args``, each once, sorted by path."""
    if extensions is None:
        from checker.readers import KNOWN_EXTENSIONS

        extensions = KNOWN_EXTENSIONS
    known = frozenset(extensions)
    found: list[Target] = []
    for arg in args:
        _expand(arg, known, found)
    unique: dict[str, Target] = {}
    for target in found:
        current = unique.get(target.path)
        # a file both named and found by walking counts as named
        if current is None or (target.explicit and not current.explicit):
            unique[target.path] = target
    return [unique[p] for p in sorted(unique)]
