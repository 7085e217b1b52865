"""Near-duplicate text: masked character shingles, MinHash signatures, LSH bands.

Years, dates and figures are masked first (a copied report differs from its
model in those only), punctuation and spaces dropped, then every run of
``shingle`` characters is hashed once. One-permutation MinHash (Li, Owen and
Zhang 2012) puts each hash in one of ``bins`` bins by its top bits and keeps
the smallest value per bin; empty bins borrow their right neighbour's value
(rotation densification, Shrivastava and Li 2014) so that short texts still
compare. The share of equal bins estimates the Jaccard similarity of the two
shingle sets. One hash per shingle (CRC-32, then a multiplicative mix) keeps a
report's signatures at about a millisecond, and needs neither numpy nor a
per-process hash seed: signatures made in different worker processes agree.
"""

from __future__ import annotations

import operator
import zlib
from array import array
from collections.abc import Iterable
from typing import Any

from checker.rulepacks import compiled

_GOLDEN = 0x9E3779B97F4A7C15
_EMPTY = 0xFFFFFFFF
_DROP = compiled.cached(r"[\s\p{P}\p{S}]+")

SKETCH_CHARS = 200_000  # prose characters sketched per report; the longest real ones hold ~50,000
_PIECE = 1_000  # a longer paragraph is sampled in pieces of this length


def mask(text: str, patterns: Iterable[Any], names: Iterable[str] = ()) -> str:
    """The text as compared: figures and the body's own name masked, no punctuation."""
    for name in names:
        if name:
            text = text.replace(name, "B")  # letters survive the punctuation drop
    for pattern in patterns:
        text = pattern.sub("X", text)
    return str(_DROP.sub("", text))


def shingle_hashes(text: str, shingle: int) -> set[int]:
    """The CRC-32 of every run of ``shingle`` characters, each once."""
    if len(text) < shingle:
        return set()
    data = text.encode("utf-32-le")  # four bytes a character: slices are shingles
    width = 4 * shingle
    crc = zlib.crc32
    # slices of the bytes, not of a memoryview: a short bytes copy is cheaper to make
    return {crc(data[i : i + width]) for i in range(0, len(data) - width + 4, 4)}


def minima(hashes: Iterable[int], bins: int) -> list[int]:
    """The smallest mixed value per bin; ``_EMPTY`` where no shingle fell."""
    shift = 64 - (bins - 1).bit_length()
    # the mixed hash cut to its bin (the top bits) and its value (bits 17 to 47, made
    # even below: odd values are borrowed ones, see finish); in one bin these compare
    # as the values do, so each shingle is masked once, and values are made of winners
    keep = ((bins - 1) << shift) | (0x7FFFFFFF << 17)
    none = 1 << 64  # above any cut hash
    best = [none] * bins
    golden = _GOLDEN
    for c in hashes:
        h = (c * golden + 1) & keep
        b = h >> shift
        if h < best[b]:
            best[b] = h
    return [_EMPTY if h == none else (h >> 16) & 0xFFFFFFFE for h in best]


def combine(parts: Iterable[list[int]], bins: int) -> list[int]:
    """The minima of the parts together: one text's signature from its sections'."""
    columns = list(parts)
    if any(len(mins) != bins for mins in columns):
        raise ValueError("minima of another size")
    if not columns:
        return [_EMPTY] * bins
    # one min per bin over all parts (no value is above _EMPTY), not one per bin and part
    return list(map(min, zip(*columns, strict=True)))


def finish(mins: list[int]) -> bytes:
    """Densify (an empty bin takes the next filled bin's value) and pack the minima."""
    if _EMPTY not in mins:  # every bin filled, as in any text of a few hundred characters
        return array("I", mins).tobytes()
    bins = len(mins)
    if all(v == _EMPTY for v in mins):
        return b""
    # In bin order, each empty bin takes the nearest filled bin to its right; past the
    # last filled bin that search wraps round to the bins already set. The nearest
    # filled bins are found in one walk from the end, not by a search per empty bin
    # (a short section's signature is mostly empty bins).
    after = [-1] * bins
    nearest = -1
    for b in range(bins - 1, -1, -1):
        after[b] = nearest
        if mins[b] != _EMPTY:
            nearest = b
    out = list(mins)
    for b in range(bins):
        if out[b] != _EMPTY:
            continue
        source = after[b]
        if source < 0:
            source = 0
            while out[source] == _EMPTY:
                source += 1
            step = bins - b + source
        else:
            step = source - b
        out[b] = (out[source] + 2 * step + 1) & 0xFFFFFFFF
    return array("I", out).tobytes()


def signature(text: str, shingle: int, bins: int) -> bytes:
    """The MinHash signature of ``text`` (already masked): ``bins`` 32-bit values.

    ``bins`` is a power of two (the schema allows 16 to 256).
    """
    return finish(minima(shingle_hashes(text, shingle), bins))


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures of the same size (0 when unknown)."""
    if not a or len(a) != len(b):
        return 0.0
    left, right = array("I", a), array("I", b)
    same: int = sum(map(operator.eq, left, right))
    return same / len(left)


def bands(sig: bytes, count: int) -> list[int]:
    """LSH keys: the signature cut into ``count`` bands, each band hashed with its number.

    Two texts share a key with probability 1 - (1 - J**r)**b for r rows per band;
    with 128 bins in 16 bands of 8 that is 0.9999 at J = 0.9 and 0.06 at J = 0.5.
    """
    if not sig or count < 1:
        return []
    width = len(sig) // count
    if width == 0:
        return []
    return [hash((i, sig[i * width : (i + 1) * width])) for i in range(count)]


def bounded(parts: list[list[str]], limit: int = SKETCH_CHARS) -> list[list[str]]:
    """Each part's paragraphs, about ``limit`` characters in all at most.

    A report within the limit is sketched whole: nothing changes for it.
    Past the limit (a document of a hundred thousand paragraphs), the parts
    smaller than their fair share of ``limit`` stay whole and every larger
    part keeps about its share of paragraphs, picked by each paragraph's own
    hash: content, not position, decides, so two copies of a huge report keep
    the same paragraphs, and the MinHash of the kept shingles estimates the
    likeness of the whole. A paragraph kept twice adds no shingle and is kept
    once; a part never keeps more than twice its share.
    """
    sizes = [sum(map(len, texts)) for texts in parts]
    if sum(sizes) <= limit:
        return parts
    shares = [0.0] * len(parts)
    left = float(limit)
    for n, i in enumerate(sorted(range(len(parts)), key=sizes.__getitem__)):
        shares[i] = min(float(sizes[i]), left / (len(parts) - n))
        left -= shares[i]
    return [
        texts if size <= share else _sample(texts, share / size, 2 * share)
        for texts, size, share in zip(parts, sizes, shares, strict=True)
    ]


def _sample(texts: list[str], rate: float, most: float) -> list[str]:
    threshold = int(rate * (1 << 32))
    kept: list[str] = []
    seen: set[str] = set()
    size = 0
    for text in texts:
        for at in range(0, len(text), _PIECE):
            piece = text[at : at + _PIECE]
            if zlib.crc32(piece[:32].encode("utf-8")) >= threshold or piece in seen:
                continue
            seen.add(piece)
            kept.append(piece)
            size += len(piece)
            if size >= most:
                return kept
    return kept
