"""Build the second hostile folder: special files, links out of the tree,
inputs whose cost is in what they build, prose written to be slow, and names
and text that would be CI log commands.

    python3 scripts/hostile2.py DIR [--small]

Used by tests/test_hostile_round2.py and to measure a run over all of it:

    /usr/bin/time -v checker check DIR --format json > /dev/null

A FIFO, a socket and (as root) a character device sit among the reports;
nothing may block on them. Links point at /proc/self/environ and at a file
beside DIR. The adversarial prose is built from the words of rules/prose.yaml,
so that it follows the pack when the pack changes.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import stat
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from ooxml import docx_bytes  # noqa: E402

TITLE = "青禾市统计局2023年政府信息公开工作年度报告\n一、总体情况\n"
SENTENCE_LIMIT = 1000  # checker.extract.prose.MAX_SENTENCE
FIGURE_LIMIT = 60  # checker.extract.prose.MAX_FIGURES


def vocabulary() -> dict[str, object]:
    data = yaml.safe_load((ROOT / "rules" / "prose.yaml").read_text(encoding="utf-8"))
    for rule in data["rules"]:
        if "vocabulary" in rule:
            return dict(rule["vocabulary"])
    raise SystemExit("rules/prose.yaml has no vocabulary")


def adversarial_units() -> dict[str, str]:
    """One repeating unit per recogniser path: runs of cue words, of 分别为, of
    digits with separators, of percentages, of growth wording, and all mixed."""
    v = vocabulary()
    units = [u for group in v["units"] for u in group]  # type: ignore[attr-defined]
    growth = v["growth"]
    share = v["share"]
    assert isinstance(growth, dict) and isinstance(share, dict)
    return {
        "cues": "".join(f"{cue}1{units[0]}" for cue in v["cues"]),  # type: ignore[attr-defined]
        "respectively": "".join(
            f"甲、乙{word}1{units[1]}、2{units[1]}"
            for word in v["respectively"]  # type: ignore[attr-defined]
        ),
        "digits": "1,234,567，8.9、10" + "".join(f"1{u}" for u in units[:3]),
        "percents": "".join(f"{w}1.5%，2%" for w in share["words"]) + "百分之三十",
        "growth": "".join(
            f"{c}{inc}12.5%" for c in growth["compare"][:6] for inc in growth["increase"][:2]
        ),
        "mixed": f"{v['cues'][0]}1{units[0]}、{v['respectively'][0]}"  # type: ignore[index]
        + f"{share['words'][0]}5%{v['catch_all'][0]}2{units[0]}",  # type: ignore[index]
    }


def _at_limits(unit: str) -> str:
    """The longest repetition of ``unit`` that the recogniser still reads, with a stop."""
    text = unit
    while True:
        longer = text + unit
        digits = sum(
            1 for i, ch in enumerate(longer) if ch.isdigit() and not longer[i - 1 : i].isdigit()
        )
        if len(longer) >= SENTENCE_LIMIT or digits > FIGURE_LIMIT:
            return text + "。"
        text = longer


def adversarial_text(unit: str, size: int, sentences: bool) -> str:
    """``size`` characters: one endless sentence, or sentences just within the limits."""
    piece = _at_limits(unit) if sentences else unit
    return (piece * (size // len(piece) + 1))[:size]


def _html_cells(n: int) -> bytes:
    row = "<tr>" + "<td>1</td>" * 1000 + "</tr>"
    return ("<html><body><table>" + row * (n // 1000) + "</table></body></html>").encode()


def build(target: Path, outside: Path, small: bool = False) -> None:
    """Write every case into ``target``; ``outside`` is a folder beside it for link targets."""
    target.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text(TITLE + "外部文件，不应读取。\n", encoding="utf-8")
    size = 40_000 if small else 340_000  # characters: about 1 MB of UTF-8
    files: dict[str, bytes] = {
        "good.txt": (TITLE + "全年主动公开政府信息50条。\n").encode(),
        "::stop-commands::x.md": ("# " + TITLE + "\n正文。\n").encode(),
        "log-commands.md": (
            "# 青禾市2023年政府信息公开工作年度报告\n\n"
            "收到申请【请填写\n::error file=x::注入\n##[error]旧式命令 %0A::warning::x】件。\n"
        ).encode(),
        "html-million-cells.html": _html_cells(20_000 if small else 1_000_000),
    }
    paragraphs = 2_000 if small else 200_000
    files["docx-200k-paragraphs.docx"] = docx_bytes(
        [("paragraph", f"第{i}项工作。") for i in range(paragraphs)]
    )
    for name, unit in adversarial_units().items():
        for sentences in (False, True):
            shape = "sentences" if sentences else "run"
            body = adversarial_text(unit, size, sentences)
            files[f"prose-{name}-{shape}.txt"] = (TITLE + body + "\n").encode()
    for name, data in files.items():
        (target / name).write_bytes(data)
    fifo = target / "fifo.txt"
    if not fifo.exists():
        os.mkfifo(fifo)
    sock = target / "socket.md"
    if not sock.exists() and hasattr(socket, "AF_UNIX"):
        with contextlib.closing(socket.socket(socket.AF_UNIX)) as s:
            s.bind(str(sock))
    device = target / "zero-device.txt"
    if not device.exists():
        with contextlib.suppress(PermissionError):  # root only
            os.mknod(device, 0o644 | stat.S_IFCHR, os.makedev(1, 5))  # like /dev/zero
    links = {
        "environ.txt": "/proc/self/environ",
        "outside.txt": str(outside / "secret.txt"),
        "outside-folder": str(outside),
        "inside.txt": "good.txt",  # a link within the folder is followed
    }
    for name, to in links.items():
        link = target / name
        if not link.is_symlink():
            os.symlink(to, link)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--small", action="store_true", help="small sizes, for a quick look")
    args = parser.parse_args()
    outside = args.target.parent / (args.target.name + "-outside")
    build(args.target, outside, args.small)
    print(f"wrote {args.target} (link targets in {outside})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
