"""Word 97–2003 .doc and WPS .wps of the same binary family (an OLE compound file).

The text of a binary Word file is not stored in reading order: the piece table
(the CLX in the table stream) says which runs of the WordDocument stream make
up the document, each in UTF-16 or in a one-byte code page.  Paragraph
properties (in the FKP pages the PlcBtePapx points to) say which paragraphs
stand in a table and which mark a row's end; the row-end paragraph carries the
row's cell boundaries and vertical merges (sprmTDefTable, sprmTVertMerge), from
which the grid and its spans are rebuilt as Word lays them out.  Field codes,
and text a tracked change deletes (its character properties say so), are
dropped and field results kept, as Word shows them; automatic list labels,
which are not in the text, are rebuilt from the list tables.
"""

from __future__ import annotations

import io
import struct
import time
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from checker.errors import ReadError
from checker.model import Document

from .blocks import MAX_SPAN, BlockSink, SourceCell, is_frame
from .limits import ReadLimits
from .numbering import Level, Numbering
from .styles import Styles

_MAGIC = 0xA5EC
_WORD97 = 0xC1  # nFib of Word 97; Word 6/95 files have a different FIB
_F_ENCRYPTED = 0x0100
_F_OBFUSCATED = 0x8000
_F_1TABLE = 0x0200

# the sprms this reader needs (MS-DOC 2.6)
_IN_TABLE = 0x2416
_TTP = 0x2417
_ITAP = 0x6649
_INNER_TTP = 0x244C
_INNER_CELL = 0x244B  # the paragraph mark ends a cell of a nested table
_MARK_DEL = 0x0800  # sprmCFRMarkDel: the text is deleted by a tracked change
_DEF_TABLE = 0xD608
_VERT_MERGE = 0xD62B
_HUGE_PAPX = (0x6646, 0x6645)  # the properties are too long for the page: in the Data stream
_ILFO = 0x460B  # the paragraph's list (1-based index of its LFO)
_ILVL = 0x260A  # the paragraph's list level
_NO_LIST = (0, 0xF801)

# number formats (MS-DOC nfc) by their OOXML names, which ``numfmt`` knows
_NFC = {
    0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter",
    5: "ordinal", 10: "ideographDigital", 14: "decimalFullWidth", 15: "decimalHalfWidth",
    18: "decimalEnclosedCircle", 19: "decimalFullWidth2", 22: "decimalZero", 23: "bullet",
    26: "decimalEnclosedFullstop", 27: "decimalEnclosedParen",
    28: "decimalEnclosedCircleChinese", 29: "ideographEnclosedCircle",
    30: "ideographTraditional", 33: "taiwaneseCounting", 34: "ideographLegalTraditional",
    35: "taiwaneseCountingThousand", 36: "taiwaneseDigital", 37: "chineseCounting",
    38: "chineseLegalSimplified", 39: "chineseCountingThousand", 255: "none",
}  # fmt: skip
_FOLLOW = {0: "tab", 1: "space", 2: "nothing"}

_TC_FIRST_MERGED = 0x0001
_TC_MERGED = 0x0002
_TC_VERT_MERGE = 0x0020
_TC_VERT_RESTART = 0x0040

_SPECIALS = str.maketrans(
    {
        "\x0b": "\n",  # line break inside a paragraph
        "\x1e": "-",  # non-breaking hyphen
        "\x1f": None,  # optional hyphen
        "\xa0": " ",
        "\x01": None,  # picture anchor
        "\x02": None,  # footnote reference
        "\x05": None,  # comment reference
        "\x08": None,  # drawn object anchor
        "\t": "\t",
    }
)


def _bad(path: str, detail: str) -> ReadError:
    return ReadError(path, "corrupt-doc", detail)


@dataclass
class _Props:
    depth: int = 0  # table nesting depth, 0 outside tables
    row_end: bool = False
    inner_cell: bool = False  # the mark ends a cell of a nested table
    bounds: tuple[int, ...] = ()  # cell boundaries in twips, from the row-end paragraph
    flags: tuple[int, ...] = ()  # each cell's TC flags
    vert: dict[int, int] = field(default_factory=dict)  # cell -> vertical merge flag
    ilfo: int = 0  # list (0: none)
    ilvl: int = 0  # list level


def _sprms(grpprl: bytes) -> list[tuple[int, bytes]]:
    """The (sprm, operand) pairs of a property list; a truncated tail is ignored."""
    out = []
    i, n = 0, len(grpprl)
    while i + 2 <= n:
        sprm = struct.unpack_from("<H", grpprl, i)[0]
        i += 2
        spra = sprm >> 13
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        elif sprm == _DEF_TABLE:
            if i + 2 > n:
                break
            size = struct.unpack_from("<H", grpprl, i)[0] + 1
        else:
            if i >= n:
                break
            size = grpprl[i] + 1
        out.append((sprm, grpprl[i : i + size]))
        i += size
    return out


def _props(grpprl: bytes) -> _Props:
    props = _Props()
    in_table = False
    for sprm, op in _sprms(grpprl):
        if sprm == _IN_TABLE and op:
            in_table = op[0] != 0
        elif sprm == _ITAP and len(op) == 4:
            props.depth = struct.unpack_from("<i", op)[0]
        elif sprm == _TTP and op:
            props.row_end = props.row_end or op[0] != 0
        elif sprm == _INNER_TTP and op and op[0]:
            props.row_end = True
        elif sprm == _INNER_CELL and op and op[0]:
            props.inner_cell = True
        elif sprm == _DEF_TABLE and len(op) >= 3:
            n = op[2]
            need = 3 + (n + 1) * 2
            if len(op) >= need:
                props.bounds = struct.unpack_from(f"<{n + 1}h", op, 3)
                tcs = op[need:]
                props.flags = tuple(
                    struct.unpack_from("<H", tcs, 20 * k)[0] if len(tcs) >= 20 * k + 2 else 0
                    for k in range(n)
                )
        elif sprm == _VERT_MERGE and len(op) >= 3:
            props.vert[op[1]] = op[2]
        elif sprm == _ILFO and len(op) == 2:
            props.ilfo = struct.unpack_from("<H", op)[0]
        elif sprm == _ILVL and op:
            props.ilvl = op[0]
    if in_table and props.depth == 0:
        props.depth = 1
    if not in_table and props.depth <= 0:
        props.depth = 0
    return props


class _Reader:
    def __init__(self, data: bytes, path: str, limits: ReadLimits) -> None:
        self.path = path
        self.limits = limits
        self.deadline = time.monotonic() + limits.max_read_seconds
        self.word, self.table, self.data = self._streams(data)
        self._papx_fcs: list[int] = []
        self._papx: list[bytes] = []

    # ---- the compound file ---------------------------------------------------------

    def _streams(self, data: bytes) -> tuple[bytes, bytes, bytes]:
        import olefile

        path = self.path
        try:
            ole = olefile.OleFileIO(io.BytesIO(data))
        except Exception as exc:
            raise _bad(path, f"not a readable OLE compound file ({exc})") from None
        try:
            entries = ole.listdir(streams=True, storages=True)
            if len(entries) > self.limits.max_objects:
                raise ReadError(
                    path,
                    "too-complex",
                    f"{len(entries)} OLE entries (limit {self.limits.max_objects})",
                )
            names = {"/".join(e) for e in entries}
            if "WordDocument" not in names:
                raise ReadError(
                    path,
                    "unsupported-format",
                    "an OLE file without a Word document (an older WPS or Works format?);"
                    " save it as .docx",
                )
            if "EncryptionInfo" in names or "EncryptedPackage" in names:
                raise ReadError(path, "encrypted", "password-protected Office document")
            word = self._stream(ole, "WordDocument", len(data))
            if len(word) < 0x200 or struct.unpack_from("<H", word, 0)[0] != _MAGIC:
                raise _bad(path, "the WordDocument stream has no Word header")
            nfib, flags = (
                struct.unpack_from("<H", word, 2)[0],
                struct.unpack_from("<H", word, 0xA)[0],
            )
            if flags & (_F_ENCRYPTED | _F_OBFUSCATED):
                raise ReadError(path, "encrypted", "password-protected Word document")
            if nfib < _WORD97:
                raise ReadError(
                    path, "unsupported-format", "a Word 6/95 document; save it as .docx"
                )
            name = "1Table" if flags & _F_1TABLE else "0Table"
            if name not in names:
                raise _bad(path, f"the {name} stream is missing")
            extra = self._stream(ole, "Data", len(data)) if "Data" in names else b""
            return word, self._stream(ole, name, len(data)), extra
        except ReadError:
            raise
        except Exception as exc:
            raise _bad(path, f"damaged compound file ({type(exc).__name__}: {exc})") from None
        finally:
            ole.close()

    def _stream(self, ole: object, name: str, file_size: int) -> bytes:
        size = ole.get_size(name)  # type: ignore[attr-defined]
        if size > file_size:  # an OLE stream is stored, never compressed
            raise ReadError(
                self.path,
                "decompression-bomb",
                f"stream {name} declares {size} bytes in a {file_size}-byte file",
            )
        with ole.openstream(name) as handle:  # type: ignore[attr-defined]
            data: bytes = handle.read(size + 1)
        return data

    # ---- the FIB and the piece table ----------------------------------------------

    def _fc_lcb(self, index: int) -> tuple[int, int]:
        w = self.word
        csw = struct.unpack_from("<H", w, 32)[0]
        lw = 34 + csw * 2
        cslw = struct.unpack_from("<H", w, lw)[0]
        base = lw + 2 + cslw * 4
        count = struct.unpack_from("<H", w, base)[0]
        if index >= count or base + 2 + index * 8 + 8 > len(w):
            raise _bad(self.path, "the file information block is truncated")
        fc, lcb = struct.unpack_from("<II", w, base + 2 + index * 8)
        if fc + lcb > len(self.table):
            raise _bad(self.path, "a table-stream structure points past the stream's end")
        return fc, lcb

    def _ccp_text(self) -> int:
        w = self.word
        csw = struct.unpack_from("<H", w, 32)[0]
        lw = 34 + csw * 2 + 2
        ccp: int = struct.unpack_from("<i", w, lw + 12)[0]
        if ccp < 0:
            raise _bad(self.path, "negative text length")
        if ccp > self.limits.max_text_chars:
            raise ReadError(
                self.path, "too-large", f"{ccp} characters (limit {self.limits.max_text_chars})"
            )
        return ccp

    def pieces(self) -> list[tuple[int, int, int, bool]]:
        """(first cp, end cp, fc of the first character, one byte per character)."""
        fc, lcb = self._fc_lcb(33)
        clx = self.table[fc : fc + lcb]
        i = 0
        while i < len(clx) and clx[i] == 0x01:  # Prc: property modifiers, skipped
            if i + 3 > len(clx):
                raise _bad(self.path, "truncated piece table")
            i += 3 + struct.unpack_from("<h", clx, i + 1)[0]
        if i + 5 > len(clx) or clx[i] != 0x02:
            raise _bad(self.path, "no piece table")
        size = struct.unpack_from("<I", clx, i + 1)[0]
        plc = clx[i + 5 : i + 5 + size]
        n = (len(plc) - 4) // 12
        if n <= 0 or n > self.limits.max_objects:
            raise _bad(self.path, f"a piece table of {n} pieces")
        cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
        out = []
        for k in range(n):
            raw = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0]
            compressed = bool(raw & 0x40000000)
            start = (raw & 0x3FFFFFFF) // 2 if compressed else raw & 0x3FFFFFFF
            out.append((cps[k], cps[k + 1], start, compressed))
        return out

    def text(self) -> tuple[str, list[int]]:
        """The main document's characters, and each character's file position."""
        ccp = self._ccp_text()
        parts: list[str] = []
        fcs: list[int] = []
        done = 0
        for cp0, cp1, fc, compressed in self.pieces():
            if cp0 >= ccp:
                break
            cp1 = min(cp1, ccp)
            n = cp1 - cp0
            if n <= 0:
                continue
            width = 1 if compressed else 2
            raw = self.word[fc : fc + n * width]
            if len(raw) < n * width:
                raise _bad(self.path, "the text runs past the end of the WordDocument stream")
            parts.append(
                raw.decode("cp1252", "replace")
                if compressed
                else raw.decode("utf-16-le", "replace")
            )
            fcs.extend(range(fc, fc + n * width, width))
            done += n
        text = "".join(parts)
        deleted = self._deleted_runs()
        if not deleted:
            return text, fcs
        # text a tracked change deletes is not what Word shows; the marks that
        # end paragraphs, cells and rows stay, so the tables keep their shape
        starts = [a for a, _b in deleted]
        kept_text: list[str] = []
        kept_fcs: list[int] = []
        for ch, at in zip(text, fcs, strict=True):
            k = bisect_right(starts, at) - 1
            if k >= 0 and at < deleted[k][1] and ch not in "\r\x07\x0c":
                continue
            kept_text.append(ch)
            kept_fcs.append(at)
        return "".join(kept_text), kept_fcs

    def _deleted_runs(self) -> list[tuple[int, int]]:
        """The file ranges whose character properties mark them deleted by a tracked
        change (sprmCFRMarkDel), from the character property pages (PlcBteChpx);
        damaged pages are passed over: the text is then read as it stands."""
        out: list[tuple[int, int]] = []
        try:
            for page, crun, rgfc in self._fkp_pages(12, 1, "character", strict=False):
                for k in range(crun):
                    offset = page[4 * (crun + 1) + k] * 2
                    if not offset or offset >= 511:
                        continue
                    grpprl = page[offset + 1 : offset + 1 + page[offset]]
                    if any(sprm == _MARK_DEL and op[:1] == b"\x01" for sprm, op in _sprms(grpprl)):
                        out.append((rgfc[k], rgfc[k + 1]))
        except (struct.error, ReadError):
            return []
        out.sort()
        return out

    # ---- paragraph properties -------------------------------------------------------

    def _fkp_pages(
        self, index: int, entry: int, what: str, strict: bool
    ) -> Iterator[tuple[bytes, int, tuple[int, ...]]]:
        """The property pages (FKPs) a bin table of the FIB (``index``) points to:
        each page, its run count and the runs' file positions. ``entry``: the
        bytes each run's offset takes (13 for paragraphs, 1 for characters).
        ``strict``: a missing or damaged page is an error, not passed over."""
        fc, lcb = self._fc_lcb(index)
        n = (lcb - 4) // 8
        if n <= 0:
            return
        if n > self.limits.max_objects:
            raise ReadError(self.path, "too-complex", f"{n} {what} property pages")
        for pn in struct.unpack_from(f"<{n}I", self.table, fc + 4 * (n + 1)):
            page = self.word[(pn & 0x3FFFFF) * 512 : (pn & 0x3FFFFF) * 512 + 512]
            if len(page) < 512:
                if strict:
                    raise _bad(self.path, f"a {what} property page is missing")
                continue
            crun = page[511]
            if 4 * (crun + 1) + entry * crun > 511:
                if strict:
                    raise _bad(self.path, f"a damaged {what} property page")
                continue
            yield page, crun, struct.unpack_from(f"<{crun + 1}I", page, 0)

    def load_papx(self) -> None:
        runs: list[tuple[int, bytes]] = []
        for page, crun, rgfc in self._fkp_pages(13, 13, "paragraph", strict=True):
            for k in range(crun):
                offset = page[4 * (crun + 1) + 13 * k] * 2
                grpprl = b""
                if offset:
                    cb = page[offset]
                    if cb:
                        start, size = offset + 1, 2 * cb - 1
                    else:
                        start, size = offset + 2, 2 * page[offset + 1]
                    grpprl = page[start + 2 : start + size]  # after the style index
                runs.append((rgfc[k], grpprl))
        runs.sort(key=lambda run: run[0])
        self._papx_fcs = [fc for fc, _ in runs]
        self._papx = [g for _, g in runs]

    def numbering(self) -> Numbering:
        """Word's list definitions (PlfLst) and instances (PlfLfo) as the .docx reader's
        numbering model, so that labels count the same way; damaged ones give none."""
        numbering = Numbering(None, Styles(None, ""), "")
        try:
            self._lists(numbering)
        except (struct.error, ReadError):
            numbering.abstract.clear()
            numbering.nums.clear()
        return numbering

    def _lists(self, numbering: Numbering) -> None:
        t = self.table
        fc, lcb = self._fc_lcb(73)
        if lcb < 2:
            return
        count = struct.unpack_from("<h", t, fc)[0]
        if not 0 < count <= 10_000:
            return
        at = fc + 2
        heads = []
        for _ in range(count):
            lsid = struct.unpack_from("<i", t, at)[0]
            heads.append((lsid, 1 if t[at + 26] & 0x01 else 9))  # fSimpleList: one level
            at += 28
        for lsid, n_levels in heads:
            levels: dict[int, Level] = {}
            for ilvl in range(n_levels):
                start, nfc, flags = struct.unpack_from("<iBB", t, at)
                follow, cb_chpx, cb_papx = t[at + 15], t[at + 24], t[at + 25]
                at += 28 + cb_papx + cb_chpx
                cch = struct.unpack_from("<H", t, at)[0]
                xst = t[at + 2 : at + 2 + 2 * cch].decode("utf-16-le", "replace")
                if len(xst) != cch:
                    raise struct.error("truncated level text")
                at += 2 + 2 * cch
                text = "".join(f"%{ord(ch) + 1}" if ord(ch) < 9 else ch for ch in xst)
                levels[ilvl] = Level(
                    start=max(0, min(start, 1_000_000)),
                    fmt=_NFC.get(nfc, "decimal"),
                    text=text or None,
                    restart=0 if flags & 0x08 else None,  # fNoRestart
                    legal=bool(flags & 0x04),
                    suffix=_FOLLOW.get(follow, "tab"),
                )
            numbering.abstract[str(lsid)] = levels
        fc, lcb = self._fc_lcb(74)
        if lcb < 4:
            return
        n_lfo = struct.unpack_from("<i", t, fc)[0]
        for k in range(max(0, min(n_lfo, 10_000))):
            lsid = struct.unpack_from("<i", t, fc + 4 + 16 * k)[0]
            numbering.nums[str(k + 1)] = (str(lsid), {}, set())

    def props_at(self, fc: int) -> _Props:
        i = bisect_right(self._papx_fcs, fc) - 1
        if i < 0:
            return _Props()
        grpprl = self._papx[i]
        for sprm, op in _sprms(grpprl):
            if sprm in _HUGE_PAPX and len(op) == 4:
                at = struct.unpack_from("<I", op)[0]
                if at + 2 <= len(self.data):
                    size = struct.unpack_from("<H", self.data, at)[0]
                    grpprl = grpprl + self.data[at + 2 : at + 2 + size]
        return _props(grpprl)


# ---- text into blocks ---------------------------------------------------------------------


def _visible(text: str) -> str:
    """Field results without their codes (\\x13 code \\x14 result \\x15)."""
    if "\x13" not in text:
        return text.translate(_SPECIALS)
    out: list[str] = []
    stack: list[bool] = []  # per open field: are we in its result yet?
    for ch in text:
        if ch == "\x13":
            stack.append(False)
        elif ch == "\x14":
            if stack:
                stack[-1] = True
        elif ch == "\x15":
            if stack:
                stack.pop()
        elif all(stack):
            out.append(ch)
    return "".join(out).translate(_SPECIALS)


@dataclass
class _Row:
    cells: list[str]
    bounds: tuple[int, ...]
    flags: tuple[int, ...]
    vert: dict[int, int]


def _grid(rows: list[_Row]) -> list[list[SourceCell]]:
    """Source rows with spans: boundaries of every row make the grid's columns;
    a cell continuing a vertical merge widens the span of the cell above it."""
    edges: list[int] = []
    for row in rows:
        for b in row.bounds:
            if not any(abs(b - e) <= 20 for e in edges):  # within 1 pt
                edges.append(b)
    edges.sort()

    def col(x: int) -> int:
        return min(range(len(edges)), key=lambda i: abs(edges[i] - x))

    out: list[list[list[object]]] = []
    open_cells: dict[int, list[object]] = {}  # grid column -> the cell a merge continues
    for row in rows:
        source: list[list[object]] = []
        k = 0
        while k < len(row.cells):
            text = row.cells[k]
            flags = row.flags[k] if k < len(row.flags) else 0
            vert = row.vert.get(k)
            if len(row.bounds) == len(row.cells) + 1:
                c0, c1 = col(row.bounds[k]), col(row.bounds[k + 1])
            else:  # no boundaries: one grid column per cell
                c0, c1 = k, k + 1
            span = max(1, min(MAX_SPAN, c1 - c0))
            if flags & _TC_FIRST_MERGED:  # old-style horizontal merge: absorb the merged cells
                while (
                    k + 1 < len(row.cells)
                    and (row.flags[k + 1] if k + 1 < len(row.flags) else 0) & _TC_MERGED
                ):
                    k += 1
                    if len(row.bounds) > k + 1:
                        span = max(1, min(MAX_SPAN, col(row.bounds[k + 1]) - c0))
            continues = (vert == 1) or (
                vert is None and flags & _TC_VERT_MERGE and not flags & _TC_VERT_RESTART
            )
            above = open_cells.get(c0)
            if continues and above is not None and above[2] == span:
                above[1] = int(above[1]) + 1  # type: ignore[call-overload]
            else:
                cell: list[object] = [text, 1, span]
                source.append(cell)
                open_cells[c0] = cell
            k += 1
        out.append(source)
    return [[(str(t), int(rs), int(cs)) for t, rs, cs in row] for row in out]  # type: ignore[call-overload]


def _labelled(numbering: Numbering, props: _Props, text: str) -> str:
    """The paragraph with the list label Word shows before it (as the .docx reader puts it)."""
    found = numbering.label(str(props.ilfo), props.ilvl)
    if found is None or not text:
        return text
    label, suffix = found
    return label + text if suffix == "nothing" or not label[-1].isascii() else f"{label} {text}"


def _rows_at(marks: list[tuple[str, _Props, str]], depth: int) -> list[_Row]:
    """The rows of the table at nesting ``depth`` among ``marks``; the text of
    tables nested deeper joins the cell that holds them."""
    rows: list[_Row] = []
    cells: list[str] = []
    cell: list[str] = []
    for piece, props, ch in marks:
        if props.depth > depth:
            if piece:
                cell.append(piece)
            continue
        if props.row_end:
            if cell:
                cells.append("\n".join(cell))
            rows.append(_Row(cells, props.bounds, props.flags, props.vert))
            cells, cell = [], []
            continue
        if piece:
            cell.append(piece)
        if (ch == "\x07") if depth == 1 else props.inner_cell:  # the end of a cell
            cells.append("\n".join(cell))
            cell = []
    if cells or cell:  # cell marks without a row end: keep them as a last row
        rows.append(_Row(cells + (["\n".join(cell)] if cell else []), (), (), {}))
    return rows


def _emit_table(sink: BlockSink, marks: list[tuple[str, _Props, str]]) -> None:
    rows = _rows_at(marks, 1)
    if not rows:
        return
    frame = is_frame(
        [len(row.cells) for row in rows],
        any(props.depth > 1 for _, props, _ in marks),
        max((cell.count("\n") + 1 for row in rows for cell in row.cells), default=0),
    )
    if not frame:
        sink.table(_grid(rows))
        return
    inner: list[tuple[str, _Props, str]] = []  # the marks of a table the frame holds
    for mark in marks:
        piece, props, _ = mark
        if props.depth > 1:
            inner.append(mark)
            continue
        if inner:
            sink.table(_grid(_rows_at(inner, 2)))
            inner = []
        if piece and not props.row_end:
            sink.paragraph(piece)
    if inner:
        sink.table(_grid(_rows_at(inner, 2)))


def read_doc(data: bytes, path: str, limits: ReadLimits) -> Document:
    """Paragraphs and tables of a Word 97–2003 (or WPS) binary document."""
    reader = _Reader(data, path, limits)
    text, fcs = reader.text()
    reader.load_papx()
    numbering = reader.numbering()
    sink = BlockSink(path, limits)
    marks: list[tuple[str, _Props, str]] = []  # the paragraph marks of the table being read
    start = 0
    checked = 0
    for i, ch in enumerate(text):
        if ch not in "\r\x07\x0c":
            continue
        if i - checked > 20_000:
            checked = i
            if time.monotonic() > reader.deadline:
                raise ReadError(
                    path, "too-complex", f"reading took over {limits.max_read_seconds} s"
                )
        piece = _visible(text[start:i]).strip()
        start = i + 1
        props = reader.props_at(fcs[i]) if i < len(fcs) else _Props()
        if props.ilfo not in _NO_LIST and not (props.row_end and ch == "\x07"):
            piece = _labelled(numbering, props, piece)
        if props.depth > 0:
            marks.append((piece, props, ch))
            continue
        if marks:
            _emit_table(sink, marks)
            marks = []
        if piece:
            sink.paragraph(piece)
    if marks:
        _emit_table(sink, marks)
    tail = _visible(text[start:]).strip()
    if tail:
        sink.paragraph(tail)
    return sink.document("doc")
