"""Turn the bytes of a text or HTML file into ``str`` and say which encoding it was.

Government reports are saved by Chinese Windows tools (GB18030/GBK, sometimes
UTF-16 "Unicode" from Notepad), by web CMSs (UTF-8, pages declared gb2312 that
really hold GBK) and occasionally in Big5.  Detection is deliberately simple
and strict: a BOM wins, then the UTF-16 NUL pattern, then strict UTF-8, then
strict GB18030 checked for plausibility against Big5.  ``Decoded.encoding`` is
always a Python codec name that decodes the whole input.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

from checker.errors import ReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

_SAMPLE_BYTES = 64 * 1024
_SAMPLE_CHARS = 20_000
# Share of non-ASCII characters that must look like ordinary Chinese text for a
# legacy decoding to be believed without a contest.
_PLAUSIBLE = 0.8
_BIG5_MARGIN = 0.2
_MAX_CONTROL_SHARE = 0.05
_MAX_REPLACEMENT_SHARE = 0.25
# C0 controls other than tab, newline, CR, form feed and NUL; DEL and the C1 controls
_CONTROLS = re.compile("[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f]")

_GB_ALIASES = {"gb2312", "gbk", "gb18030", "cp936", "x-gbk", "gb_2312-80", "euc-cn", "x-euc-cn"}
_BIG5_ALIASES = {"big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5", "cp950"}
_LATIN1_ALIASES = {"iso-8859-1", "latin1", "latin-1", "ascii", "us-ascii", "iso8859-1"}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by the NUL high bytes of its ASCII characters."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= 0.2 * pairs and even_nuls <= 0.02 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.2 * pairs and odd_nuls <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _pairs_decoded(leads: range, trails: range, codec: str) -> frozenset[str]:
    """Decode every lead/trail byte pair of a range in one call (all pairs must be valid)."""
    blob = bytes(b for lead in leads for trail in trails for b in (lead, trail))
    return frozenset(blob.decode(codec))


@lru_cache(maxsize=1)
def _gb_common() -> frozenset[str]:
    """GB2312 level-1 hanzi: the 3755 characters that make up most Chinese text."""
    chars = _pairs_decoded(range(0xB0, 0xD8), range(0xA1, 0xFF), "gb18030")
    return frozenset(ch for ch in chars if not "\ue000" <= ch <= "\uf8ff")


@lru_cache(maxsize=1)
def _big5_common() -> frozenset[str]:
    """Big5 "frequently used" hanzi (A440–C67E), the Big5 counterpart of the set above."""
    return (
        _pairs_decoded(range(0xA4, 0xC6), range(0x40, 0x7F), "big5")
        | _pairs_decoded(range(0xA4, 0xC6), range(0xA1, 0xFF), "big5")
        | _pairs_decoded(range(0xC6, 0xC7), range(0x40, 0x7F), "big5")
    )


def _is_punct(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3000 <= code <= 0x303F  # CJK punctuation
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x2010 <= code <= 0x206F  # general punctuation: “ ” — …
        or 0x2460 <= code <= 0x24FF  # circled numbers
        or code in (0xA0, 0xB7, 0xD7)
    )


def plausibility(text: str, common: frozenset[str]) -> float:
    """Share of non-ASCII characters that are common hanzi or CJK punctuation."""
    sample = text[:_SAMPLE_CHARS]
    total = hits = 0
    for ch in sample:
        if ch < "\x80":
            continue
        total += 1
        if ch in common or _is_punct(ch):
            hits += 1
    return hits / total if total else 1.0


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _legacy_chinese(data: bytes) -> Decoded | None:
    """Strict GB18030, unless Big5 (or BOM-less UTF-16) is clearly the better reading."""
    gb = _strict(data, "gb18030")
    gb_score = plausibility(gb, _gb_common()) if gb is not None else -1.0
    if gb is not None and gb_score >= _PLAUSIBLE:
        return Decoded(gb, "gb18030")
    best: Decoded | None = Decoded(gb, "gb18030") if gb is not None else None
    best_score = gb_score
    for codec in ("big5", "cp950"):
        big5 = _strict(data, codec)
        if big5 is not None:
            score = plausibility(big5, _big5_common())
            if score > best_score + _BIG5_MARGIN or (best is None and score >= _PLAUSIBLE):
                best, best_score = Decoded(big5, codec), score
            break
    if len(data) % 2 == 0:
        for codec in ("utf-16-le", "utf-16-be"):
            wide = _strict(data, codec)
            if wide is not None:
                score = plausibility(wide, _gb_common() | _big5_common())
                if score >= _PLAUSIBLE and score > best_score + _BIG5_MARGIN:
                    best, best_score = Decoded(wide, codec), score
    return best


def _line_by_line(data: bytes) -> Decoded:
    """Last resort for mixed or damaged files: decode each line on its own.

    Files pasted together from UTF-8 and GBK sources are common; deciding per
    line keeps both halves readable.  Bytes no candidate accepts become U+FFFD.
    """
    pieces: list[str] = []
    used: dict[str, int] = {}
    replaced = 0
    for raw in data.split(b"\n"):
        text = None
        for codec in ("utf-8", "gb18030"):
            text = _strict(raw, codec)
            if text is not None:
                used[codec] = used.get(codec, 0) + len(raw)
                break
        if text is None:
            options = [raw.decode(codec, errors="replace") for codec in ("utf-8", "gb18030")]
            text = min(options, key=lambda option: option.count("\ufffd"))
            replaced += text.count("\ufffd")
        pieces.append(text)
    main = max(used, key=lambda codec: used[codec]) if used else "utf-8"
    notes = []
    if len(used) > 1:
        notes.append("lines in both UTF-8 and GB18030")
    if replaced:
        notes.append(f"{replaced} undecodable bytes replaced with U+FFFD")
    return Decoded("\n".join(pieces), main, "; ".join(notes) or "mixed encodings")


def _check_textual(path: str, decoded: Decoded) -> Decoded:
    """Refuse binary content that merely decoded into noise."""
    sample = decoded.text[:_SAMPLE_CHARS]
    if not sample:
        return decoded
    controls = _CONTROLS.subn("", sample)[1]  # counted in C, not per character in Python
    replaced = sample.count("\ufffd")
    if controls > _MAX_CONTROL_SHARE * len(sample) or replaced > _MAX_REPLACEMENT_SHARE * len(
        sample
    ):
        raise ReadError(
            path, "undecodable", f"content looks binary, not text ({decoded.encoding} tried)"
        )
    return decoded


def _decode_bom(data: bytes, codec: str) -> Decoded:
    text = _strict(data, codec)
    if text is not None:
        return Decoded(text, codec)
    return Decoded(
        data.decode(codec, errors="replace"), codec, f"invalid {codec} sequences replaced"
    )


def detect(data: bytes) -> Decoded:
    """Decode bytes of unknown encoding (see the module docstring for the order)."""
    bom = bom_encoding(data)
    if bom is not None:
        return _decode_bom(data, bom)
    wide = utf16_without_bom(data)
    if wide is not None:
        return _decode_bom(data, wide)
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    legacy = _legacy_chinese(data)
    if legacy is not None:
        return legacy
    return _line_by_line(data)


def decode_text(data: bytes, path: str) -> Decoded:
    """Decode a plain text or Markdown file, refusing binary noise."""
    return _check_textual(path, detect(data))


_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def normalise_charset(label: str) -> str | None:
    """Map a declared charset label to the codec a browser would really use."""
    name = label.strip().lower()
    if name in _GB_ALIASES:
        return "gb18030"  # pages declared gb2312 routinely hold GBK-only characters
    if name in _BIG5_ALIASES:
        return "big5hkscs"
    if name in _LATIN1_ALIASES:
        return "cp1252"
    if name.startswith(("utf-16", "utf-32", "ucs")):
        return None  # a BOM-less page cannot really be UTF-16 if it declares it in ASCII
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, if any."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    return match.group(1).decode("ascii", errors="replace")


def decode_html(data: bytes, path: str) -> tuple[Decoded, str | None]:
    """Decode an HTML page; returns the result and the charset the page declared.

    Valid UTF-8 with multi-byte characters beats the declaration: pages saved
    as UTF-8 but still declaring gb2312 are common, while GBK text that is also
    valid UTF-8 is vanishingly rare.
    """
    declared = declared_charset(data)
    bom = bom_encoding(data)
    if bom is not None:
        return _check_textual(path, _decode_bom(data, bom)), declared
    if utf16_without_bom(data) is None and not data.isascii():
        text = _strict(data, "utf-8")
        if text is not None:
            return Decoded(text, "utf-8"), declared
    codec = normalise_charset(declared) if declared else None
    if codec is not None:
        text = _strict(data, codec)
        if text is not None:
            return _check_textual(path, Decoded(text, codec)), declared
    return _check_textual(path, detect(data)), declared
