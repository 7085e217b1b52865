"""The checker's SHA-256 is hashlib's, digest for digest."""

from __future__ import annotations


def test_the_digest_module_hashes_as_hashlib_does() -> None:
    import hashlib

    from checker.digest import sha256

    for data in (b"", b"abc", "报告".encode() * 1000):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        h = sha256()
        h.update(data)
        assert h.digest() == hashlib.sha256(data).digest()
