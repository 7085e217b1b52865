"""Readers: turn a .docx, HTML page, text or Markdown file into a ``Document``.

``read_path`` and ``read_bytes`` are the only entry points.  The extension
decides whether a file is accepted at all; its content decides which reader
runs.  Every failure is a ``ReadError`` with a stable ``code``.  Readers for
markup import lxml lazily so that importing this package stays cheap.
"""

from __future__ import annotations

import os
import stat

from checker.errors import ReadError
from checker.model import Document

from .limits import DEFAULT_LIMITS, ReadLimits
from .sniff import KNOWN_EXTENSIONS, Kind, check_extension, choose

__all__ = ["KNOWN_EXTENSIONS", "ReadError", "ReadLimits", "read_bytes", "read_path"]


def _stat(path: str) -> os.stat_result:
    try:
        return os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReadError(path, "broken-link", "symbolic link to a missing file") from None
        raise ReadError(path, "not-found", "no such file") from None
    except NotADirectoryError:
        raise ReadError(path, "not-found", "a parent of the path is not a directory") from None
    except PermissionError:
        raise ReadError(path, "permission-denied", "cannot inspect the file") from None
    except ValueError:  # embedded NUL, unencodable name
        raise ReadError(path, "not-found", "not a valid file name") from None
    except OSError as exc:
        if os.path.islink(path):
            raise ReadError(path, "broken-link", exc.strerror or "unresolvable link") from None
        raise ReadError(path, "unreadable", exc.strerror or str(exc)) from None


def _too_large(path: str, size: int, limits: ReadLimits) -> ReadError:
    return ReadError(
        path, "too-large", f"{size} bytes exceeds the limit of {limits.max_file_bytes} bytes"
    )


def read_path(
    path: str | os.PathLike[str],
    limits: ReadLimits | None = None,
    convert_with: str | None = None,
) -> Document:
    """Read the file at ``path`` (opened read-only, never modified).

    ``convert_with="soffice"`` reads .doc and .wps files through LibreOffice."""
    limits = limits or DEFAULT_LIMITS
    name = os.fspath(path)
    info = _stat(name)
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(name, "is-directory", "a directory, not a file")
    check_extension(name, name)
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(name, "not-a-file", "not a regular file (device, pipe or socket)")
    if info.st_size > limits.max_file_bytes:
        raise _too_large(name, info.st_size, limits)
    try:
        with open(name, "rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
    except PermissionError:
        raise ReadError(name, "permission-denied", "cannot open the file for reading") from None
    except IsADirectoryError:
        raise ReadError(name, "is-directory", "a directory, not a file") from None
    except OSError as exc:
        raise ReadError(name, "unreadable", exc.strerror or str(exc)) from None
    return read_bytes(data, name, limits, convert_with)


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
