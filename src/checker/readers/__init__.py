"""Readers: turn a .docx, HTML page, text or Markdown file into a ``Document``.

``read_path`` and ``read_bytes`` are the entry points (``read_file`` is the first
half of ``read_path``: the bytes, refused as it refuses them).  The extension
decides whether a file is accepted at all; its content decides which reader
runs.  Every failure is a ``ReadError`` with a stable ``code``.  Readers for
markup import lxml lazily so that importing this package stays cheap.
"""

from __future__ import annotations

import errno
import os

from checker.errors import ReadError
from checker.model import Document
from checker.safeopen import Refused, read_regular

from .limits import DEFAULT_LIMITS, ReadLimits
from .sniff import KNOWN_EXTENSIONS, Kind, check_extension, choose

__all__ = ["KNOWN_EXTENSIONS", "ReadError", "ReadLimits", "read_bytes", "read_file", "read_path"]


def _open_problem(path: str, exc: OSError) -> ReadError:
    """The reason code for a failed open, naming links that lead nowhere."""
    if isinstance(exc, Refused):
        return ReadError(path, exc.code, exc.detail)
    if exc.errno == errno.ELOOP:
        return ReadError(path, "symlink-loop", "symbolic links point at each other")
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return ReadError(path, "broken-link", "symbolic link to a missing file")
        return ReadError(path, "not-found", "no such file")
    if isinstance(exc, NotADirectoryError):
        return ReadError(path, "not-found", "a parent of the path is not a directory")
    if isinstance(exc, PermissionError):
        return ReadError(path, "permission-denied", "cannot open the file for reading")
    if isinstance(exc, IsADirectoryError):
        return ReadError(path, "is-directory", "a directory, not a file")
    return ReadError(path, "unreadable", exc.strerror or str(exc))


def _too_large(path: str, size: int, limits: ReadLimits) -> ReadError:
    return ReadError(
        path, "too-large", f"{size} bytes exceeds the limit of {limits.max_file_bytes} bytes"
    )


def read_path(
    path: str | os.PathLike[str],
    limits: ReadLimits | None = None,
    convert_with: str | None = None,
) -> Document:
    """Read the regular file at ``path`` (opened read-only, never modified).

    The descriptor is opened first and inspected after (see ``safeopen``): a
    pipe or device is refused without a read, whatever it was when the folder
    was walked. ``convert_with="soffice"`` reads .doc and .wps files through
    LibreOffice.
    """
    limits = limits or DEFAULT_LIMITS
    name = os.fspath(path)
    return read_bytes(read_file(name, limits), name, limits, convert_with)


def read_file(name: str, limits: ReadLimits | None = None) -> bytes:
    """The bytes of the regular file ``name``, refused with the ``ReadError`` that
    ``read_path`` gives for it (a directory, a link to nowhere, a pipe, too large)."""
    limits = limits or DEFAULT_LIMITS
    try:
        if os.path.isdir(name):  # a look by name only picks the message; the open decides
            raise ReadError(name, "is-directory", "a directory, not a file")
        check_extension(name, name)
        data = read_regular(name, limits.max_file_bytes)
    except ValueError:  # embedded NUL, unencodable name
        raise ReadError(name, "not-found", "not a valid file name") from None
    except OSError as exc:
        if isinstance(exc, Refused) and exc.code == "too-large":
            raise ReadError(name, "too-large", f"{exc.detail} bytes") from None
        raise _open_problem(name, exc) from None
    return data


def read_bytes(
    data: bytes, name: str, limits: ReadLimits | None = None, convert_with: str | None = None
) -> Document:
    """Read ``data`` as if it were the file ``name`` (the extension matters)."""
    limits = limits or DEFAULT_LIMITS
    ext = check_extension(name, name)
    if len(data) > limits.max_file_bytes:
        raise _too_large(name, len(data), limits)
    kind = choose(name, data, ext)
    if kind is Kind.DOC and convert_with == "soffice":
        from .convert import to_docx

        data, kind = to_docx(bytes(data), name, ext, limits.max_read_seconds), Kind.DOCX
    try:
        return _dispatch(kind, bytes(data), name, limits)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError(name, "too-complex", "structure nested too deeply") from None
    except MemoryError:
        raise ReadError(name, "too-large", "out of memory while reading") from None
    except Exception as exc:  # a reader bug must still surface as a clean ReadError
        raise ReadError(name, "internal-error", f"{type(exc).__name__}: {exc}") from exc


def _dispatch(kind: Kind, data: bytes, name: str, limits: ReadLimits) -> Document:
    if kind not in (Kind.DOCX, Kind.PDF, Kind.DOC, Kind.OFD) and len(data) > limits.max_text_bytes:
        raise ReadError(
            name,
            "too-large",
            f"{len(data)} bytes of text exceeds the limit of {limits.max_text_bytes} bytes"
            " (an annual report is well under 1 MB)",
        )
    if kind is Kind.DOCX:
        from .docx import read_docx

        return read_docx(data, name, limits)
    if kind is Kind.PDF:
        from .pdf import read_pdf

        return read_pdf(data, name, limits)
    if kind is Kind.DOC:
        from .doc import read_doc

        return read_doc(data, name, limits)
    if kind is Kind.OFD:
        from .ofd import read_ofd

        return read_ofd(data, name, limits)
    if kind is Kind.HTML:
        from .html import read_html

        return read_html(data, name, limits)
    if kind is Kind.MARKDOWN:
        from .markdown import read_markdown

        return read_markdown(data, name, limits)
    from .text import read_text

    return read_text(data, name, limits)
