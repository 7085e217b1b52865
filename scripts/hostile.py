"""Build a directory of broken, mislabelled, enormous and hostile inputs.

    python3 scripts/hostile.py DIR [--good FILE]

Used by the test suite (tests/test_hostile_dir.py) and to measure a run over
all of them at once:

    /usr/bin/time -v checker check DIR --format json > /dev/null

Each file is named for what it is. Nothing here is a real report except the
good one copied in with --good.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ooxml import docx_bytes  # noqa: E402

REPORT_TEXT = (
    "青禾市统计局2023年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息50条。\n"
)
ATTACK = "[bold red]红色[/] \x1b[31m转义\x1b[0m \u202e倒序\u202c <script>alert(1)</script>"


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _docx_with(document_xml: bytes) -> bytes:
    """A package whose main part is ``document_xml``, other parts as a real docx has."""
    good = zipfile.ZipFile(io.BytesIO(docx_bytes([("paragraph", "正文")])))
    members = {name: good.read(name) for name in good.namelist()}
    members["word/document.xml"] = document_xml
    return _zip(members)


def _bomb(size: int) -> bytes:
    """A .docx whose document.xml inflates to ``size`` bytes of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)
    return out.getvalue()


def _lying_header(real: bytes) -> bytes:
    """Patch the central directory to claim document.xml is tiny."""
    data = bytearray(real)
    name = b"word/document.xml"
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = int.from_bytes(data[pos + 28 : pos + 30], "little")
        if bytes(data[pos + 46 : pos + 46 + name_len]) == name:
            data[pos + 24 : pos + 28] = (100).to_bytes(4, "little")  # uncompressed size
        pos = data.find(b"PK\x01\x02", pos + 4)
    return bytes(data)


def build(target: Path, good: Path | None = None, big: bool = True) -> list[Path]:
    """Write every case into ``target``; return the paths written."""
    target.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "whitespace-only.md": b"  \n\t\n   \n",
        "html-named.docx": b"<html><body><p>" + REPORT_TEXT.encode() + b"</p></body></html>",
        "zip-named.txt": _zip({"a.txt": b"hello"}),
        "legacy-word.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024,
        "pdf-named.txt": b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n",
        "truncated.docx": docx_bytes([("paragraph", REPORT_TEXT)])[:300],
        "no-document-xml.docx": _zip({"[Content_Types].xml": b"<Types/>"}),
        "invalid-xml.docx": _docx_with(b"<w:document><w:body><w:p>"),
        "doctype.docx": _docx_with(
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
        ),
        "xxe.docx": _docx_with(
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>"
        ),
        "lying-header.docx": _lying_header(docx_bytes([("paragraph", REPORT_TEXT * 200)])),
        "gb18030.txt": REPORT_TEXT.encode("gb18030"),
        "gbk.txt": REPORT_TEXT.encode("gbk"),
        "utf16-bom.txt": REPORT_TEXT.encode("utf-16"),
        "utf16le-no-bom.txt": REPORT_TEXT.encode("utf-16-le"),
        "big5.txt": "青禾市統計局2023年政府資訊公開工作年度報告\n一、總體情況\n".encode("big5"),
        "mixed-encodings.txt": REPORT_TEXT.encode("utf-8") + "二、其他\n".encode("gbk"),
        "nul-bytes.txt": REPORT_TEXT.encode().replace(b"\n", b"\0\n"),
        "invalid-utf8.txt": REPORT_TEXT.encode() + b"\xff\xfe\xfa broken\n",
        "gb2312-declared.html": (
            '<html><head><meta charset="gb2312"></head><body><p>朱镕基 堃 '
            + REPORT_TEXT
            + "</p></body></html>"
        ).encode("gb18030"),
        "scripts-and-nesting.html": (
            "<html><body><script>document.write('x')</script><style>p{}</style><!-- c -->"
            + "<div>" * 20
            + "<table><tr><td>"
            + "<table><tr><td>" * 20
            + "深层"
            + "</td></tr></table>" * 20
            + "</td></tr></table>"
            + "</div>" * 20
            + "<p>未闭合<b>标签<i>"
            + "</body></html>"
        ).encode(),
        "terminal-attack.md": (
            "# 青禾市统计局2023年政府信息公开工作年度报告\n\n"
            + ATTACK
            + "\n\n本年度收到申请【请填写[bold red]\x1b[31m\u202e】件。"
            + "\n\n| 信息内容 | 本年制发件数 |\n|---|---|\n| "
            + ATTACK
            + " | XX |\n| 长 | "
            + "长" * 20000
            + " |\n"
        ).encode(),
    }
    if big:
        files["bomb.docx"] = _bomb(300 << 20)
        files["one-10mb-line.txt"] = ("主动公开政府信息5条。" * 350_000).encode()  # 10.5 MB
    written = []
    for name, data in files.items():
        path = target / name
        path.write_bytes(data)
        written.append(path)
    if big:
        path = target / "fifty-mb.txt"
        line = ("全年共收到政府信息公开申请3件，均已按时答复。" * 20 + "\n").encode()
        with path.open("wb") as out:
            for _ in range((50 << 20) // len(line)):
                out.write(line)
        written.append(path)
    folder = target / "a-folder.docx"
    folder.mkdir(exist_ok=True)
    broken = target / "broken-link.txt"
    if not broken.is_symlink():
        os.symlink(target / "nowhere.txt", broken)
    loop = target / "loop"
    loop.mkdir(exist_ok=True)
    if not (loop / "back").is_symlink():
        os.symlink(loop, loop / "back")
    if good is not None:
        shutil.copy(good, target / f"good{good.suffix}")
        written.append(target / f"good{good.suffix}")
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--good", type=Path, help="a correct report to copy in")
    parser.add_argument(
        "--small", action="store_true", help="leave out the bomb and the 50 MB files"
    )
    args = parser.parse_args()
    written = build(args.target, args.good, big=not args.small)
    print(f"wrote {len(written)} files to {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
