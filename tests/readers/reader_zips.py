"""Helpers that build broken or hostile zip packages for the reader tests."""

from __future__ import annotations

import io
import struct
import zipfile

_LOCAL = b"PK\x03\x04"
_CENTRAL = b"PK\x01\x02"


def patch_member(
    data: bytes,
    name: str,
    *,
    crc: int | None = None,
    size: int | None = None,
    flags: int | None = None,
) -> bytes:
    """Rewrite the CRC and/or uncompressed size a zip declares for ``name``.

    Both the local header and the central directory are patched, so the zip
    still opens and only the lie remains.
    """
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
        start_dir = archive.start_dir  # type: ignore[attr-defined]
    local = info.header_offset
    assert out[local : local + 4] == _LOCAL
    if crc is not None:
        struct.pack_into("<I", out, local + 14, crc)
    if size is not None:
        struct.pack_into("<I", out, local + 22, size)
    if flags is not None:
        struct.pack_into("<H", out, local + 6, flags)
    pos = start_dir
    encoded = name.encode()
    while out[pos : pos + 4] == _CENTRAL:
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", out, pos + 28)
        if bytes(out[pos + 46 : pos + 46 + name_len]) == encoded:
            if crc is not None:
                struct.pack_into("<I", out, pos + 16, crc)
            if size is not None:
                struct.pack_into("<I", out, pos + 24, size)
            if flags is not None:
                struct.pack_into("<H", out, pos + 8, flags)
        pos += 46 + name_len + extra_len + comment_len
    return bytes(out)


def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    """A copy of the zip with member ``name`` replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for member in names:
            target.writestr(member, content if member == name else source.read(member))
        if name not in names:
            target.writestr(name, content)
    return buffer.getvalue()


def remove_member(data: bytes, name: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.namelist():
            if member != name:
                target.writestr(member, source.read(member))
    return buffer.getvalue()
