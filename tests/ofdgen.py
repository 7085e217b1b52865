"""A small OFD writer for tests: pages of positioned text and straight lines.

Text goes in as text objects with a start point and ``DeltaX`` advances (runs of
equal advances written ``g n d``, as OFD producers do); lines as path objects
with abbreviated data. Coordinates are taken in points, top-down, and written
in millimetres.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

MM = 25.4 / 72
NS = "http://www.ofdspec.org/2016"


def _mm(v: float) -> str:
    return f"{v * MM:.3f}"


def _advances(xs: Sequence[float]) -> str:
    steps = [b - a for a, b in itertools.pairwise(xs)]
    out: list[str] = []
    i = 0
    while i < len(steps):
        j = i
        while j < len(steps) and abs(steps[j] - steps[i]) < 1e-6:
            j += 1
        out.append(
            f"g {j - i} {_mm(steps[i])}" if j - i > 2 else " ".join(_mm(s) for s in steps[i:j])
        )
        i = j
    return " ".join(out)


def ofd_bytes(
    pages: Sequence[
        tuple[
            float,
            float,
            list[tuple[list[float], float, float, str]],
            list[tuple[float, float, float, float]],
        ]
    ],
) -> bytes:
    """``pages``: (width, height, runs, lines); a run is (glyph x positions, baseline,
    size, text), a line (x0, top, x1, bottom), all in points."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" DocType="OFD" Version="1.0">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>t</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        refs = "".join(
            f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
            for i in range(len(pages))
        )
        z.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
            "<ofd:MaxUnitID>1</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
            f"</ofd:PageArea></ofd:CommonData><ofd:Pages>{refs}</ofd:Pages></ofd:Document>",
        )
        for i, (width, height, runs, lines) in enumerate(pages):
            objs = []
            for n, (xs, baseline, size, text) in enumerate(runs):
                left, top = xs[0], baseline - size
                objs.append(
                    f'<ofd:TextObject ID="{1000 + n}" Boundary="{_mm(left)} {_mm(top)} {_mm(xs[-1] - left + size)} {_mm(size * 1.2)}"'
                    f' Font="1" Size="{_mm(size)}"><ofd:TextCode X="0" Y="{_mm(size)}"'
                    f' DeltaX="{_advances(xs)}">{escape(text)}</ofd:TextCode></ofd:TextObject>'
                )
            for n, (x0, top, x1, bottom) in enumerate(lines):
                objs.append(
                    f'<ofd:PathObject ID="{5000 + n}" Boundary="{_mm(x0)} {_mm(top)} {_mm(x1 - x0 + 1)} {_mm(bottom - top + 1)}"'
                    f' LineWidth="0.2"><ofd:AbbreviatedData>M 0 0 L {_mm(x1 - x0)} {_mm(bottom - top)}'
                    "</ofd:AbbreviatedData></ofd:PathObject>"
                )
            z.writestr(
                f"Doc_0/Pages/Page_{i}/Content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Area>'
                f"<ofd:PhysicalBox>0 0 {_mm(width)} {_mm(height)}</ofd:PhysicalBox></ofd:Area>"
                f'<ofd:Content><ofd:Layer ID="2">{"".join(objs)}</ofd:Layer></ofd:Content></ofd:Page>',
            )
    return out.getvalue()
