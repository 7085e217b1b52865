"""The bundled samples stay in sync with their source, and the clean ones are clean.

Other tests use the files in samples/ as fixtures, so two things must never drift:
the committed files must be exactly what ``scripts/make_samples.py`` writes from
``scripts/sample_content.py``, and the clean reports must really satisfy the
table identities of docs/basis.md (I1–I6). The identities are re-derived here from the
source data structures (not by parsing the rendered files), so a bug in the
generator's own assertion cannot hide a broken sample.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
SAMPLES = ROOT / "samples"
SEED = "seed-2018-xinxiang.txt"


def _load(name: str) -> ModuleType:
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    return importlib.import_module(name)


content = _load("sample_content")
make_samples = _load("make_samples")

REPORTS = content.all_reports()
CLEAN = [r for r in REPORTS if not r.defects]
EDITION_CLEAN = [r for r in CLEAN if r.table3 is not None]
DEFECTIVE = [r for r in REPORTS if r.defects]
EDITION_DEFECTIVE = [r for r in DEFECTIVE if r.table3 is not None]


def _ids(reports: list[object]) -> list[str]:
    return [r.slug for r in reports]  # type: ignore[attr-defined]


# --------------------------------------------------------------------------
# The committed files are exactly the generator's output
# --------------------------------------------------------------------------


def test_generator_output_matches_committed_samples(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(SCRIPTS / "make_samples.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    generated = sorted(p.name for p in tmp_path.iterdir())
    assert SEED not in generated, "the generator must never write the seed"
    assert "README.md" in generated
    stale = [
        name
        for name in generated
        if not (SAMPLES / name).is_file()
        or (SAMPLES / name).read_bytes() != (tmp_path / name).read_bytes()
    ]
    assert not stale, f"samples/ out of date, run scripts/make_samples.py: {stale}"


def test_generation_is_deterministic() -> None:
    assert make_samples.render_all() == make_samples.render_all()


def test_every_report_file_is_listed_in_the_readme() -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for report in REPORTS:
        for kind in report.kinds:
            assert f"`{make_samples.file_name(report, kind)}`" in readme
    assert f"`{SEED}`" in readme


def test_gb18030_copy_holds_the_same_text() -> None:
    utf8 = (SAMPLES / "legacy-2018-clean.txt").read_bytes()
    gb = (SAMPLES / "legacy-2018-clean-gb18030.txt").read_bytes()
    assert utf8 != gb
    assert gb.decode("gb18030") == utf8.decode("utf-8")


# --------------------------------------------------------------------------
# Clean reports: identities re-derived from the source data
# --------------------------------------------------------------------------


@pytest.mark.parametrize("report", EDITION_CLEAN, ids=_ids(EDITION_CLEAN))
def test_clean_table3_identities(report: object) -> None:
    t3 = report.table3  # type: ignore[attr-defined]
    v = t3.values
    results = [key for key, _sub, _label in t3.results]
    rows = ["R1", "R2", *results, "R24", "R25"]
    assert sorted(v) == sorted(rows)
    for key in rows:
        assert len(v[key]) == 7
        assert all(isinstance(n, int) and n >= 0 for n in v[key]), key  # I5
        assert v[key][6] == sum(v[key][:6]), f"I2 row {key}"
    for c in range(7):
        assert v["R1"][c] + v["R2"][c] == v["R24"][c] + v["R25"][c], f"I1 column {c}"
        assert v["R24"][c] == sum(v[key][c] for key in results), f"I3 column {c}"
    # the edition's row set: 2021 has three (六) sub-rows, 2019 a single (六) row
    assert len(rows) == (25 if report.edition == "2021" else 23)  # type: ignore[attr-defined]


@pytest.mark.parametrize("report", EDITION_CLEAN, ids=_ids(EDITION_CLEAN))
def test_clean_table4_identities(report: object) -> None:
    t4 = report.table4  # type: ignore[attr-defined]
    assert list(t4.groups) == list(content.T4_GROUPS)
    for group, row in t4.groups.items():
        assert len(row) == 5
        assert all(isinstance(n, int) and n >= 0 for n in row)
        assert row[4] == sum(row[:4]), f"I6 {group}"


@pytest.mark.parametrize("report", EDITION_CLEAN, ids=_ids(EDITION_CLEAN))
def test_clean_tables_show_the_source_figures(report: object) -> None:
    """Every data cell of the built tables is the source figure, as text."""
    t3 = report.table3  # type: ignore[attr-defined]
    table3 = report.table(content.T3_NAME)  # type: ignore[attr-defined]
    labels = {
        "R1": content.T3_HEAD[0][1],
        "R2": content.T3_HEAD[1][1],
        "R24": content.T3_TOTAL[1],
        "R25": content.T3_CARRY[1],
    }
    for key, sub, label in t3.results:
        labels[key] = content.t3_row_label(sub, label)
    for key, label in labels.items():
        for c, column in enumerate(content.T3_COLUMNS):
            assert table3.get(label, column) == str(t3.values[key][c])
    t4 = report.table4  # type: ignore[attr-defined]
    table4 = report.table(content.T4_NAME)  # type: ignore[attr-defined]
    for group, row in t4.groups.items():
        for name, value in zip((*content.T4_RESULTS, "总计"), row, strict=True):
            assert table4.get(content.T4_ROW, f"{group} / {name}") == str(value)


def _text(report: object) -> str:
    return "\n".join(b.text for b in report.blocks if b.table is None)  # type: ignore[attr-defined]


@pytest.mark.parametrize("report", EDITION_CLEAN, ids=_ids(EDITION_CLEAN))
def test_clean_prose_quotes_the_tables(report: object) -> None:
    t3 = report.table3  # type: ignore[attr-defined]
    t4 = report.table4  # type: ignore[attr-defined]
    text = _text(report)
    for phrase in (
        f"全年共收到政府信息公开申请{t3.total('R1')}件",
        f"上年结转{t3.total('R2')}件",
        f"办理完毕{t3.total('R24')}件",
        f"结转下年度继续办理{t3.total('R25')}件",
        f"行政复议{t4.total(content.T4_GROUPS[0])}件",
        f"行政诉讼{t4.total(content.T4_GROUPS[1]) + t4.total(content.T4_GROUPS[2])}件",
    ):
        assert text.count(phrase) == 1, phrase
    # "其中……" breakdowns add up to the figure they break down
    breakdowns = re.findall(r"(\d+)[条件]，其中([^。；]*)", text)
    assert len(breakdowns) >= 2
    for total, parts in breakdowns:
        numbers = [int(n) for n in re.findall(r"(\d+)[条件]", parts)]
        assert sum(numbers) == int(total), (total, parts)


@pytest.mark.parametrize("report", CLEAN, ids=_ids(CLEAN))
def test_clean_dates_and_sections(report: object) -> None:
    text = _text(report)
    year = {"legacy": 2018, "2019": 2020, "2021": 2023}[report.edition]  # type: ignore[attr-defined]
    assert f"{year}年1月1日起至{year}年12月31日止" in text
    blocks = report.blocks  # type: ignore[attr-defined]
    signature = [b.text for b in blocks if b.kind == "signature"]
    assert len(signature) == 2
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", signature[1])
    assert m, signature
    y, month, day = (int(g) for g in m.groups())
    government = "人民政府" in signature[0]
    deadline = (3, 31) if government or report.edition == "legacy" else (1, 31)  # type: ignore[attr-defined]
    assert y == year + 1 and (month, day) <= deadline
    headings = [b.text for b in blocks if b.kind == "heading" and b.level == 1]
    assert [h[:2] for h in headings] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert headings[-1] == "六、其他需要报告的事项"
    for residue in ("XX", "某某", "【", "××"):
        assert residue not in text


def test_edition_tables_sit_under_their_sections() -> None:
    for report in EDITION_CLEAN:
        section = ""
        placed = {}
        for block in report.blocks:
            if block.kind == "heading" and block.level == 1:
                section = block.text[:2]
            elif block.table is not None:
                placed[block.table.name] = section
        assert placed == {content.T2_NAME: "二、", content.T3_NAME: "三、", content.T4_NAME: "四、"}


def test_government_report_covers_the_required_topics() -> None:
    report = next(r for r in EDITION_CLEAN if r.edition == "2021")
    text = _text(report)
    subheadings = [b.text for b in report.blocks if b.kind == "heading" and b.level == 2]
    for topic in ("主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"):
        assert any(topic in h for h in subheadings[:5]), topic
    for term in ("工作考核", "社会评议", "责任追究"):
        assert term in text
    assert "本年度未收取信息处理费。" in text


def test_legacy_figures_agree() -> None:
    report = next(r for r in CLEAN if r.edition == "legacy")
    d = report.legacy
    assert sum(d.channels.values()) >= d.total  # A1
    assert d.normative_disclosed <= d.normative_issued
    table = report.table(content.LEGACY_TABLE)
    assert table.get(
        "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "统计数"
    ) == str(d.total)
    text = _text(report)
    for name, n in d.channels.items():
        assert table.get(
            f"{list(d.channels).index(name) + 1}.{name}公开政府信息数", "统计数"
        ) == str(n)
        if n:
            assert f"{name}公开政府信息数{n}条" in text
    assert f"主动公开政府信息数{d.total}条" in text
    assert "关于2018年度政府信息公开工作情况的报告" in text
    for chrome in ("分享到", "首页"):
        assert chrome not in text


# --------------------------------------------------------------------------
# Defective reports: exactly the documented changes, and each one bites
# --------------------------------------------------------------------------


def _cells(report: object) -> dict[tuple[str, int, int], str]:
    out = {}
    for block in report.blocks:  # type: ignore[attr-defined]
        if block.table is not None:
            for r, row in enumerate(block.table.rows):
                for i, span in enumerate(row):
                    out[(block.table.name, r, i)] = span.text
    return out


def _labelled(report: object) -> dict[tuple[str, str, str], str]:
    """Data cells by (table, row label, column label), as the README names them."""
    out = {}
    for block in report.blocks:  # type: ignore[attr-defined]
        if block.table is not None:
            for (row, column), (r, i) in block.table.cells.items():
                out[(block.table.name, row, column)] = block.table.rows[r][i].text
    return out


def _section_bodies(report: object, heading: str) -> list[object]:
    """The blocks under a level-1 heading, read here without the generator's help."""
    blocks = report.blocks  # type: ignore[attr-defined]
    at = next(i for i, b in enumerate(blocks) if b.kind == "heading" and b.text == heading)
    body = []
    for block in blocks[at + 1 :]:
        if block.kind == "signature" or (block.kind == "heading" and block.level == 1):
            break
        body.append(block)
    return body


@pytest.mark.parametrize("report", DEFECTIVE, ids=_ids(DEFECTIVE))
def test_defective_differs_from_clean_only_by_its_defects(report: object) -> None:
    clean = next(r for r in REPORTS if r.slug == report.clean_of)  # type: ignore[attr-defined]
    defects = report.defects  # type: ignore[attr-defined]
    assert all(d.category in content.CATEGORIES for d in defects)
    assert all(d.action in content.DEFECT_ACTIONS for d in defects)
    # table cells: the edited ones changed, the deleted rows and columns gone, nothing else
    rows = {(d.table, d.row) for d in defects if d.action == "delete-row"}
    columns = {(d.table, d.column) for d in defects if d.action == "delete-column"}
    before, after = _labelled(clean), _labelled(report)
    gone = {k for k in before if (k[0], k[1]) in rows or (k[0], k[2]) in columns}
    assert {(k[0], k[1]) for k in gone} >= rows
    assert {(k[0], k[2]) for k in gone} >= columns
    assert set(after) == set(before) - gone
    edited = {(d.table, d.row, d.column) for d in defects if d.table and d.action == "edit"}
    assert {k for k in after if after[k] != before[k]} == edited
    cut = {d.table for d in defects if d.action in ("delete-row", "delete-column")}
    positional = {k: v for k, v in _cells(clean).items() if k[0] not in cut}
    changed_cells = [k for k, v in positional.items() if _cells(report)[k] != v]
    assert len(changed_cells) == sum(1 for k in edited if k[0] not in cut)
    # text blocks: each edit changes one block, each dropped heading and emptied body goes
    removed = Counter((b.kind, b.text) for b in clean.blocks if b.table is None)
    removed.subtract((b.kind, b.text) for b in report.blocks if b.table is None)  # type: ignore[attr-defined]
    expected: Counter[tuple[str, str]] = Counter()
    for d in defects:
        if d.action == "empty-section":
            body = _section_bodies(clean, d.old)
            assert body, d.old
            expected.update((b.kind, b.text) for b in body if b.table is None)  # type: ignore[attr-defined]
            if d.new:
                expected.subtract([("paragraph", d.new)])
            assert [b.text for b in _section_bodies(report, d.old)] == ([d.new] if d.new else [])
        elif d.new is None and not d.table:
            expected.update([("heading", d.old)])
    edits = [d for d in defects if d.action == "edit" and not d.table and d.new is not None]
    assert +removed == +expected + Counter(
        next((b.kind, b.text) for b in clean.blocks if b.table is None and d.old in b.text)
        for d in edits
    )
    text = [b.text for b in report.blocks if b.table is None]  # type: ignore[attr-defined]
    assert all(sum(d.new in t for t in text) == 1 for d in edits)


def _t3_grid(report: object) -> dict[str, list[int | None]]:
    """Table 3 of a report as numbers by source row key (None: not a count)."""
    t3 = report.table3  # type: ignore[attr-defined]
    table = report.table(content.T3_NAME)  # type: ignore[attr-defined]
    labels = {
        "R1": content.T3_HEAD[0][1],
        "R2": content.T3_HEAD[1][1],
        "R24": content.T3_TOTAL[1],
        "R25": content.T3_CARRY[1],
    }
    for key, sub, label in t3.results:
        labels[key] = content.t3_row_label(sub, label)
    out = {}
    for key, label in labels.items():
        # a deleted row or column counts 0: the samples delete only rows and columns of zeros
        texts = [
            table.get(label, column) if (label, column) in table.cells else "0"
            for column in content.T3_COLUMNS
        ]
        out[key] = [int(t) if t.isdigit() else None for t in texts]
    return out


@pytest.mark.parametrize("report", EDITION_DEFECTIVE, ids=_ids(EDITION_DEFECTIVE))
def test_planted_arithmetic_defects_break_their_identity(report: object) -> None:
    v = _t3_grid(report)
    results = [key for key, _sub, _label in report.table3.results]  # type: ignore[attr-defined]

    def n(key: str, c: int) -> int:
        return v[key][c] or 0

    broken = set()
    for c in range(7):
        if n("R1", c) + n("R2", c) != n("R24", c) + n("R25", c):
            broken.add("I1")
        if n("R24", c) != sum(n(k, c) for k in results):
            broken.add("I3")
    for key in v:
        if n(key, 6) != sum(n(key, c) for c in range(6)):
            broken.add("I2")
        if None in v[key]:
            broken.add("I5")
    table4 = report.table(content.T4_NAME)  # type: ignore[attr-defined]
    for group in content.T4_GROUPS:
        row = [
            int(table4.get(content.T4_ROW, f"{group} / {name}"))
            if (content.T4_ROW, f"{group} / {name}") in table4.cells
            else 0
            for name in (*content.T4_RESULTS, "总计")
        ]
        if row[4] != sum(row[:4]):
            broken.add("I6")
    planted = {d.rule for d in report.defects if d.rule in {"I1", "I2", "I3", "I5", "I6"}}  # type: ignore[attr-defined]
    assert planted <= broken


@pytest.mark.parametrize("report", DEFECTIVE, ids=_ids(DEFECTIVE))
def test_readme_lists_each_defect(report: object) -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"## {report.slug}\n", 1)[1].split("\n## ", 1)[0]  # type: ignore[attr-defined]
    rows = [line for line in section.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert len(rows) == len(report.defects)  # type: ignore[attr-defined]
    for row, defect in zip(rows, report.defects, strict=True):  # type: ignore[attr-defined]
        assert f"| {defect.category} |" in row
