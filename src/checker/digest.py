"""SHA-256 without loading OpenSSL.

``hashlib`` loads libcrypto when imported, a few milliseconds of every cold
run, while the checker only hashes short texts (cache keys, pack texts,
finding fingerprints). CPython's own SHA-256 module gives the same digests
and loads in a fraction of that; ``hashlib`` is the fallback where it is absent.
"""

from __future__ import annotations

from typing import Protocol, cast

try:
    from _sha256 import sha256 as _sha256  # type: ignore[import-not-found]  # CPython <= 3.11
except ImportError:  # pragma: no cover - other versions and implementations
    try:
        from _sha2 import sha256 as _sha256  # type: ignore[import-not-found]  # 3.12 on
    except ImportError:
        from hashlib import sha256 as _sha256


class Hash(Protocol):
    def update(self, data: bytes, /) -> None: ...

    def digest(self) -> bytes: ...

    def hexdigest(self) -> str: ...


def sha256(data: bytes = b"") -> Hash:
    """A SHA-256 hash object, as ``hashlib.sha256`` makes one."""
    return cast(Hash, _sha256(data))
