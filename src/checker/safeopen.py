"""Read a file only if it is a regular one, and never more of it than a bound.

Every file the checker reads (documents, rule packs, configuration, baselines,
caches) comes through here. The file is opened first and the *open descriptor*
is inspected, so a file swapped for a FIFO between a look and an open cannot
hang the run; the open itself uses ``O_NONBLOCK`` so that opening a FIFO with
no writer returns at once instead of waiting for one. A device, a pipe or a
socket is refused before a byte is read, and a regular file is read in chunks
up to its bound, so ``/dev/zero`` or a file that grows while it is read cannot
fill the memory.
"""

from __future__ import annotations

import errno
import os
import stat

CHUNK = 1 << 20


class Refused(OSError):
    """The path is not something the checker reads: ``code`` says why.

    Codes: ``not-a-file`` (device, FIFO, socket), ``is-directory``, ``too-large``.
    """

    def __init__(self, path: str, code: str, detail: str) -> None:
        super().__init__(errno.EINVAL, detail, path)
        self.path = path
        self.code = code
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.path}: {self.detail}"


_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path``; ``Refused`` if it is not one or too large.

    Other ``OSError`` (missing, permission, link loop) pass through unchanged.
    """
    name = os.fspath(path)
    try:
        fd = os.open(name, _FLAGS)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a FIFO opened for writing elsewhere
            raise Refused(name, "not-a-file", "not a regular file (a socket)") from None
        raise
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise Refused(name, "is-directory", "a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            what = kind_of(info.st_mode)
            raise Refused(name, "not-a-file", f"not a regular file ({what})")
        if info.st_size > limit:
            raise Refused(name, "too-large", f"{info.st_size} bytes exceeds the limit of {limit}")
        return _read_bounded(fd, name, limit, info.st_size)
    finally:
        os.close(fd)


def _read_bounded(fd: int, name: str, limit: int, size: int = 0) -> bytes:
    """At most ``limit`` bytes. A file's stated ``size`` is asked for in one read, so a
    large file is held once and not again as chunks being joined."""
    first = os.read(fd, min(size, limit) + 1) if size else b""
    if len(first) > limit:
        raise Refused(name, "too-large", f"more than {limit} bytes")
    parts: list[bytes] = [first] if first else []  # joining one part returns it, uncopied
    total = len(first)
    while True:
        chunk = os.read(fd, min(CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
        if total > limit:  # the file grew after fstat
            raise Refused(name, "too-large", f"more than {limit} bytes")


def read_text(path: str | os.PathLike[str], limit: int, encoding: str = "utf-8-sig") -> str:
    """``read_regular`` decoded; ``UnicodeDecodeError`` passes through."""
    return read_regular(path, limit).decode(encoding)
