"""Write a report file whole or not at all, and never damage what is already there.

A regular file (or a new one) is written through a temporary file beside it,
flushed to disk and renamed over it, so an interrupted run or a full disk never
leaves a truncated report where a CI step expects a complete one. A link is
followed to the file it names, so the link stays a link. Something that is not
a regular file is never renamed over: a character device (``/dev/null``,
``/dev/stdout``) or a FIFO with a reader is written to directly, anything else
(a folder, a block device, a socket, a FIFO nobody reads) is refused. Every
failure is one ``WriteError`` naming the path and the reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable

from checker.errors import CheckerError


class WriteError(CheckerError):
    """The output could not be written; nothing was left half-written."""

    def __init__(self, path: str, code: str, detail: str = "") -> None:
        from checker.messages import WRITE_REASONS

        self.path = path
        self.code = code  # a key of messages.WRITE_REASONS; "os-error" carries the OS's words
        self.detail = detail
        self.reason = WRITE_REASONS[code].en.format(detail=detail)
        super().__init__(f"cannot write {path}: {self.reason}")

    def words(self, lang: str) -> str:
        from checker.messages import WRITE_REASONS, word

        reason = WRITE_REASONS[self.code].get(lang).format(detail=self.detail)
        return word("write.error", lang, path=self.path, reason=reason)


def _error(path: str, exc: OSError) -> WriteError:
    codes = {
        errno.ENOSPC: "no-space",
        errno.EROFS: "read-only",
        errno.EACCES: "permission-denied",
        errno.EPERM: "permission-denied",
        errno.ENOENT: "no-folder",
        errno.ENOTDIR: "parent-not-folder",
        errno.EISDIR: "is-folder",
    }
    code = codes.get(exc.errno or 0)
    if code is not None:
        return WriteError(path, code)
    return WriteError(path, "os-error", exc.strerror or type(exc).__name__)


def write_text(path: str, text: str) -> None:
    write_chunks(path, [text])


def write_chunks(path: str, chunks: Iterable[str]) -> None:
    """``write_text`` of the concatenated chunks, written as they come, never joined."""
    data = (chunk.encode("utf-8") for chunk in chunks)
    target = os.path.realpath(os.path.abspath(path))  # through links: the link survives
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _error(path, exc) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_special(path, target, info.st_mode, data)
        return
    _write_replacing(path, target, data)


def _write_special(path: str, target: str, mode: int, data: Iterable[bytes]) -> None:
    if stat.S_ISDIR(mode):
        raise WriteError(path, "is-folder")
    if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        from checker.safeopen import kind_of

        raise WriteError(path, "not-regular", kind_of(mode))
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(target, flags)  # no O_CREAT, no O_TRUNC: the node stays as it is
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise WriteError(path, "unread-pipe") from None
        raise _error(path, exc) from None
    try:
        os.set_blocking(fd, True)
        for piece in data:
            view = memoryview(piece)
            while view:
                view = view[os.write(fd, view) :]
    except OSError as exc:
        raise _error(path, exc) from None
    finally:
        os.close(fd)


def _write_replacing(path: str, target: str, data: Iterable[bytes]) -> None:
    import tempfile  # only a run that writes a file pays for it (and for random)

    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise WriteError(path, "no-folder")
    try:
        fd, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp"
        )
    except OSError as exc:
        raise _error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in data:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(target))
        _still_replaceable(path, target)
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise _error(path, exc) from None
        raise


def _still_replaceable(path: str, target: str) -> None:
    """Look again just before the rename: a node that appeared meanwhile is not replaced."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise WriteError(path, "changed")


def _mode_for(target: str) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (umask applied)."""
    try:
        return os.stat(target).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
