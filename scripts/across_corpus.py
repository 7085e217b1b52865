"""A folder of reports for timing the cross-report stage: many bodies, half in pairs.

Every body gets its own name (four characters from a fixed alphabet) and its
own prose: each paragraph's Chinese characters are shifted, one in three, by a
key drawn from the body's number, so that different bodies' reports do not
look like copies of one another (they would all trip R203 otherwise) while the
headings, tables, dates and figures stay as the samples have them. A pair is
the body's report on 2022 and on 2023 (samples/across/jiangquan-2022.md and
jiangquan-2023.md); the rest are single 2023 reports.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACROSS = ROOT / "samples" / "across"
NAME_CHARS = "青石禾泉河山林川平安宁和新丰华兴东西南北"
BODY = "江泉县"


def body_name(i: int) -> str:
    n = len(NAME_CHARS)
    return "".join(NAME_CHARS[(i // n**k) % n] for k in range(4)) + "县"


def _perturb(line: str, rng: random.Random) -> str:
    if line.startswith(("#", "|")) or not line.strip():
        return line
    out = []
    for ch in line:
        if "\u4e00" <= ch <= "\u9fff" and rng.random() < 0.34:
            ch = chr(0x4E00 + (ord(ch) - 0x4E00 + rng.randrange(1, 2000)) % 0x5000)
        out.append(ch)
    return "".join(out)


def report_text(template: str, i: int) -> str:
    """The template as body ``i``'s report."""
    rng = random.Random(i)
    text = template.replace(BODY, body_name(i))
    return "\n".join(_perturb(line, rng) for line in text.split("\n"))


def build(folder: Path, count: int, pairs: int) -> list[Path]:
    """``count`` reports in ``folder``, ``pairs`` of them pairs of one body's 2022 and 2023."""
    if 2 * pairs > count:
        raise ValueError("a pair is two reports: --pairs at most --count / 2")
    earlier = (ACROSS / "jiangquan-2022.md").read_text(encoding="utf-8")
    later = (ACROSS / "jiangquan-2023.md").read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(count - pairs):
        texts = [("2023", later)] + ([("2022", earlier)] if i < pairs else [])
        for year, template in texts:
            path = folder / f"{i:05d}-{year}.md"
            # the same key for both years of a body: its two reports differ as the samples do
            path.write_text(report_text(template, i), encoding="utf-8")
            made.append(path)
    return made
