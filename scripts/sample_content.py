"""The content of the bundled sample reports: one source per report.

Every sample exists in several input kinds (.txt, .docx, .html, .md) so that the
readers can be tested on identical content; that only works if each report is
written once and rendered many times. This module holds that single source: a
small document model (titles, headings, paragraphs, tables with real row and
column spans), the statistics of each report, and the planted defects of the
defective variants. ``make_samples.py`` renders it.

Why the numbers are computed rather than typed: a clean sample is only useful if
its tables satisfy every identity of docs/basis.md exactly. The table builders
take the *parts* (applicant columns, result rows, the four results of each
Table 4 group) and derive every 总计, every (七)总计 and every carry-over from
them, then assert I1–I3 and I6 before anything is written. Prose quotes the same
computed figures, so text and tables cannot drift apart.

Why defects are edits: each defective sample is the clean report plus a
documented list of one-cell or one-word changes, so a failing check points at
exactly one planted cause and the expected/actual values in the README are
checked when the edit is applied (the old text must be what the README says).

Names of bodies in the edition samples are invented (青禾市, 江泉县); the legacy
sample keeps the seed report's own body, which is the project's to use.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# the finding categories are the checker's own; run from a checkout, src/ may not be installed
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from checker.findings import CATEGORIES

# --------------------------------------------------------------------------
# Document model
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """One source cell as HTML writes it: covered grid positions are omitted."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    value: bool = False  # a figure, not a label: never repeated into covered cells


@dataclass
class Table:
    """A table laid out like HTML rows, plus an index of its data cells.

    ``cells`` maps ``(row label, column label)`` to ``(row, position in that row's
    span list)`` so that defects and tests can address a cell by the labels a
    reader of the report would use. ``docx_vmerge`` picks how the .docx spells
    covered cells of a vertical merge, so both spellings are exercised.
    """

    name: str
    rows: list[list[Span]]
    docx_vmerge: str = "continue"
    cells: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)

    def get(self, row: str, column: str) -> str:
        r, i = self.cells[(row, column)]
        return self.rows[r][i].text

    def set(self, row: str, column: str, text: str) -> None:
        r, i = self.cells[(row, column)]
        old = self.rows[r][i]
        self.rows[r][i] = Span(text, old.rowspan, old.colspan, old.value)

    def n_columns(self) -> int:
        return sum(span.colspan for span in self.rows[0])

    def grid(self) -> list[list[tuple[Span, int, int]]]:
        """Resolve spans into a full grid of ``(span, origin row, origin column)``.

        Lays cells out the way a browser does, so the Markdown and .docx forms
        are derived from exactly the structure the HTML form declares.
        """
        n_cols = self.n_columns()
        placed: dict[tuple[int, int], tuple[Span, int, int]] = {}
        for (r, i), c in self._origins().items():
            span = self.rows[r][i]
            for dr in range(span.rowspan):
                for dc in range(span.colspan):
                    placed[(r + dr, c + dc)] = (span, r, c)
        grid = []
        for r in range(len(self.rows)):
            line = []
            for c in range(n_cols):
                if (r, c) not in placed:
                    raise ValueError(f"{self.name}: grid position {(r, c)} is not covered")
                line.append(placed[(r, c)])
            grid.append(line)
        if any(key[0] >= len(self.rows) for key in placed):
            raise ValueError(f"{self.name}: a rowspan reaches past the last row")
        return grid

    def _origins(self) -> dict[tuple[int, int], int]:
        """The grid column where each source cell ``(row, position)`` starts,
        laid out the way a browser does (cells covered from above are skipped)."""
        taken: set[tuple[int, int]] = set()
        origins: dict[tuple[int, int], int] = {}
        for r, row in enumerate(self.rows):
            c = 0
            for i, span in enumerate(row):
                while (r, c) in taken:
                    c += 1
                origins[(r, i)] = c
                taken.update(
                    (r + dr, c + dc) for dr in range(span.rowspan) for dc in range(span.colspan)
                )
                c += span.colspan
        return origins

    def delete_row(self, label: str) -> None:
        """Drop the grid row labelled ``label``, as a draft that deletes a format row does."""
        rows = {r for (row, _column), (r, _i) in self.cells.items() if row == label}
        if len(rows) != 1:
            raise ValueError(f"{self.name}: row {label!r} found {len(rows)} times")
        self._cut(row=rows.pop())

    def delete_column(self, label: str) -> None:
        """Drop the grid column labelled ``label`` (e.g. "行政复议 / 尚未审结")."""
        origins = self._origins()
        columns = {
            origins[where] for (_row, column), where in self.cells.items() if column == label
        }
        if len(columns) != 1:
            raise ValueError(f"{self.name}: column {label!r} found {len(columns)} times")
        self._cut(column=columns.pop())

    def _cut(self, row: int | None = None, column: int | None = None) -> None:
        """Remove one grid row or column: a span crossing it shrinks, a span
        inside it goes, and a span that started on it starts on the next one."""
        kept: list[tuple[int, int, Span, tuple[int, int]]] = []
        for (r, i), c in self._origins().items():
            span = self.rows[r][i]
            rows = [x for x in range(r, r + span.rowspan) if x != row]
            cols = [x for x in range(c, c + span.colspan) if x != column]
            if not rows or not cols:
                continue
            top = rows[0] - int(row is not None and rows[0] > row)
            left = cols[0] - int(column is not None and cols[0] > column)
            kept.append((top, left, Span(span.text, len(rows), len(cols), span.value), (r, i)))
        new_rows: list[list[Span]] = [[] for _ in range(len(self.rows) - (row is not None))]
        moved: dict[tuple[int, int], tuple[int, int]] = {}
        for top, _left, span, old in sorted(kept, key=lambda k: (k[0], k[1])):
            moved[old] = (top, len(new_rows[top]))
            new_rows[top].append(span)
        self.rows = new_rows
        self.cells = {key: moved[at] for key, at in self.cells.items() if at in moved}


@dataclass
class Block:
    """A block of a report.

    ``kind`` is "title", "heading" (level 1 一、, level 2 （一）), "paragraph",
    "signature" (a closing body-name or date line) or "table".
    """

    kind: str
    text: str = ""
    level: int = 0
    table: Table | None = None


@dataclass(frozen=True)
class Portal:
    """The government web page a saved .html report sits in (chrome, not report)."""

    site: str
    channel: str
    source: str
    nav: tuple[str, ...]


@dataclass(frozen=True)
class Defect:
    """One planted defect: a single change to the clean report.

    With ``action`` "edit", ``old`` → ``new`` is applied to the table cell
    ``(row, column)`` of the table named ``table``, or (without a table) to the
    one block whose text contains ``old``; ``new`` = None drops the heading whose
    text is ``old``. The other actions are what drafts do to the format as a
    whole: "delete-row" and "delete-column" drop the table's row ``row`` or
    column ``column`` (``old`` names it too), and "empty-section" removes
    everything under the level-1 heading ``old`` up to the next one, leaving
    ``new`` as its only paragraph when ``new`` is given. ``published`` replaces
    the page's publication date in the .html wrapper, for a defect that is about
    the publication date.

    A ``decoy`` is no defect: a correct passage planted because a naive reader
    would misread it (a figure of last year taken as this year's). ``decoy``
    holds the passage as that reader takes it (the year words dropped), so a
    test can show the misreading would give a finding while the planted text
    gives none.
    """

    category: str
    rule: str
    what: str
    section: str
    old: str
    new: str | None
    expected: str
    actual: str
    table: str = ""
    row: str = ""
    column: str = ""
    also: str = ""
    published: str | None = None
    action: str = "edit"
    decoy: str = ""


DEFECT_ACTIONS = ("edit", "delete-row", "delete-column", "empty-section")


@dataclass
class Report:
    """One sample report: its blocks, how it is rendered, and its statistics."""

    slug: str
    kinds: tuple[str, ...]
    description: str
    blocks: list[Block]
    html_title: str
    portal: Portal | None = None
    html_style: str = "plain"  # "plain": h1/h2/h3; "cms": <p> paragraphs as portals store them
    published: str | None = None  # the page's 发布时间 in the .html wrapper
    edition: str = ""
    table3: Table3Data | None = None
    table4: Table4Data | None = None
    legacy: LegacyData | None = None
    defects: tuple[Defect, ...] = ()
    clean_of: str = ""
    # also written as flattened text (flat_forms.py); False where the flattened
    # forms cannot give the findings of the .docx (see sample_planted.py)
    flattened: bool = True

    def table(self, name: str) -> Table:
        for block in self.blocks:
            if block.table is not None and block.table.name == name:
                return block.table
        raise KeyError(name)


# --------------------------------------------------------------------------
# Table 3 — 收到和处理政府信息公开申请情况
# --------------------------------------------------------------------------

T3_NAME = "收到和处理政府信息公开申请情况"
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
T3_LEGAL = "法人或其他组织"
T3_LEGAL_KINDS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
T3_COLUMNS = (
    "自然人",
    *(f"{T3_LEGAL} / {kind}" for kind in T3_LEGAL_KINDS),
    "总计",
)
T3_GROUP = "三、本年度办理结果"

_WITHHELD = "（三）不予公开"
_UNABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"

# (key, sub-group label or None, printed label); keys follow the 2021 format's Table 3.
_T3_RESULTS_COMMON: tuple[tuple[str, str | None, str], ...] = (
    ("R3", None, "（一）予以公开"),
    ("R4", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("R5", _WITHHELD, "1.属于国家秘密"),
    ("R6", _WITHHELD, "2.其他法律行政法规禁止公开"),
    ("R7", _WITHHELD, "3.危及“三安全一稳定”"),
    ("R8", _WITHHELD, "4.保护第三方合法权益"),
    ("R9", _WITHHELD, "5.属于三类内部事务信息"),
    ("R10", _WITHHELD, "6.属于四类过程性信息"),
    ("R11", _WITHHELD, "7.属于行政执法案卷"),
    ("R12", _WITHHELD, "8.属于行政查询事项"),
    ("R13", _UNABLE, "1.本机关不掌握相关政府信息"),
    ("R14", _UNABLE, "2.没有现成信息需要另行制作"),
    ("R15", _UNABLE, "3.补正后申请内容仍不明确"),
    ("R16", _NOT_PROCESSED, "1.信访举报投诉类申请"),
    ("R17", _NOT_PROCESSED, "2.重复申请"),
    ("R18", _NOT_PROCESSED, "3.要求提供公开出版物"),
    ("R19", _NOT_PROCESSED, "4.无正当理由大量反复申请"),
    ("R20", _NOT_PROCESSED, "5.要求行政机关确认或重新出具已获取信息"),
)
T3_RESULTS_2021: tuple[tuple[str, str | None, str], ...] = (
    *_T3_RESULTS_COMMON,
    (
        "R21",
        _OTHER,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "R22",
        _OTHER,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("R23", _OTHER, "3.其他"),
)
# The 2019 trial format has a single (六)其他处理 row (the 2019 trial format).
T3_RESULTS_2019: tuple[tuple[str, str | None, str], ...] = (
    *_T3_RESULTS_COMMON,
    ("R21", None, _OTHER),
)
T3_HEAD = (
    ("R1", "一、本年新收政府信息公开申请数量"),
    ("R2", "二、上年结转政府信息公开申请数量"),
)
T3_TOTAL = ("R24", "（七）总计")
T3_CARRY = ("R25", "四、结转下年度继续办理")

# The groups quoted in prose breakdowns ("其中予以公开N件……").
T3_RESULT_GROUPS: tuple[tuple[str, str], ...] = (
    ("予以公开", "（一）予以公开"),
    ("部分公开", "（二）部分公开"),
    ("不予公开", _WITHHELD),
    ("无法提供", _UNABLE),
    ("不予处理", _NOT_PROCESSED),
    ("其他处理", _OTHER),
)


def t3_row_label(subgroup: str | None, label: str) -> str:
    """How a Table 3 row is named in defects and the README."""
    return label if subgroup is None or subgroup == label else f"{subgroup} / {label}"


@dataclass
class Table3Data:
    """Table 3 figures: seven values per row (six applicant columns + 总计)."""

    results: tuple[tuple[str, str | None, str], ...]
    values: dict[str, tuple[int, ...]]

    @property
    def result_keys(self) -> list[str]:
        return [key for key, _sub, _label in self.results]

    def total(self, key: str) -> int:
        return self.values[key][-1]

    def group_total(self, prefix: str) -> int:
        """总计 of the result rows whose label or sub-group starts with ``prefix``."""
        return sum(
            self.values[key][-1]
            for key, sub, label in self.results
            if (sub or label).startswith(prefix)
        )

    def legal_persons(self, key: str) -> int:
        return sum(self.values[key][1:6])


def table3_data(
    results: tuple[tuple[str, str | None, str], ...], parts: dict[str, Sequence[int]]
) -> Table3Data:
    """Complete Table 3 from its parts and assert the identities.

    ``parts`` gives the six applicant columns of 本年新收 (R1), 上年结转 (R2)
    and every result row; (七)总计 is their sum, the carry-over is what remains,
    and each 总计 column is the row sum.
    """
    keys = ["R1", "R2", *(key for key, _sub, _label in results)]
    if sorted(parts) != sorted(keys):
        raise ValueError(f"Table 3 parts must cover exactly {keys}")
    six: dict[str, list[int]] = {key: list(parts[key]) for key in keys}
    if any(len(v) != 6 or min(v) < 0 for v in six.values()):
        raise ValueError("each Table 3 row needs six non-negative applicant counts")
    result_keys = [key for key, _sub, _label in results]
    six["R24"] = [sum(six[key][c] for key in result_keys) for c in range(6)]
    six["R25"] = [six["R1"][c] + six["R2"][c] - six["R24"][c] for c in range(6)]
    if min(six["R25"]) < 0:
        raise ValueError("more applications handled than received plus carried over")
    values = {key: (*row, sum(row)) for key, row in six.items()}
    data = Table3Data(results=results, values=values)
    problems = table3_violations(data)
    assert not problems, problems
    return data


def table3_violations(data: Table3Data) -> list[str]:
    """Every failed identity I1, I2, I3 (docs/basis.md) with its column or row."""
    v = data.values
    out = []
    for c, column in enumerate(T3_COLUMNS):
        if v["R1"][c] + v["R2"][c] != v["R24"][c] + v["R25"][c]:
            out.append(f"I1 {column}")
        if v["R24"][c] != sum(v[key][c] for key in data.result_keys):
            out.append(f"I3 {column}")
    for key, row in v.items():
        if row[-1] != sum(row[:-1]):
            out.append(f"I2 {key}")
        if min(row) < 0:
            out.append(f"I5 {key}")
    return out


def build_table3(data: Table3Data, docx_vmerge: str) -> Table:
    """Table 3 with the printed three-row header and merged group labels."""
    table = Table(name=T3_NAME, rows=[], docx_vmerge=docx_vmerge)
    table.rows.append([Span(T3_NOTE, rowspan=3, colspan=3), Span(T3_APPLICANTS, colspan=7)])
    table.rows.append(
        [Span("自然人", rowspan=2), Span(T3_LEGAL, colspan=5), Span("总计", rowspan=2)]
    )
    table.rows.append([Span(kind) for kind in T3_LEGAL_KINDS])

    def add_values(row: list[Span], key: str, label: str) -> None:
        for column, value in zip(T3_COLUMNS, data.values[key], strict=True):
            table.cells[(label, column)] = (len(table.rows), len(row))
            row.append(Span(str(value), value=True))
        table.rows.append(row)

    for key, label in T3_HEAD:
        add_values([Span(label, colspan=3)], key, label)
    in_group = [*data.results, (T3_TOTAL[0], None, T3_TOTAL[1])]
    subgroup_sizes: dict[str, int] = {}
    for _key, sub, _label in data.results:
        if sub is not None:
            subgroup_sizes[sub] = subgroup_sizes.get(sub, 0) + 1
    seen: set[str] = set()
    for i, (key, sub, label) in enumerate(in_group):
        row: list[Span] = []
        if i == 0:
            row.append(Span(T3_GROUP, rowspan=len(in_group)))
        if sub is None:
            row.append(Span(label, colspan=2))
        else:
            if sub not in seen:
                row.append(Span(sub, rowspan=subgroup_sizes[sub]))
                seen.add(sub)
            row.append(Span(label))
        add_values(row, key, t3_row_label(sub, label))
    add_values([Span(T3_CARRY[1], colspan=3)], T3_CARRY[0], T3_CARRY[1])
    return table


# --------------------------------------------------------------------------
# Table 4 — 政府信息公开行政复议、行政诉讼情况
# --------------------------------------------------------------------------

T4_NAME = "政府信息公开行政复议、行政诉讼情况"
T4_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结")
T4_GROUPS = ("行政复议", "行政诉讼 / 未经复议直接起诉", "行政诉讼 / 复议后起诉")
T4_ROW = "data row"


@dataclass
class Table4Data:
    """Four results and the computed 总计 for each of the three groups."""

    groups: dict[str, tuple[int, ...]]

    def total(self, group: str) -> int:
        return self.groups[group][-1]

    @property
    def litigation(self) -> int:
        """行政诉讼 as prose quotes it: direct suits plus suits after reconsideration (I7)."""
        return self.total(T4_GROUPS[1]) + self.total(T4_GROUPS[2])


def table4_data(parts: dict[str, Sequence[int]]) -> Table4Data:
    """Complete Table 4 from the four results of each group and assert I6."""
    if sorted(parts) != sorted(T4_GROUPS):
        raise ValueError(f"Table 4 needs exactly the groups {T4_GROUPS}")
    groups = {g: (*parts[g], sum(parts[g])) for g in T4_GROUPS}
    data = Table4Data(groups=groups)
    problems = table4_violations(data)
    assert not problems, problems
    return data


def table4_violations(data: Table4Data) -> list[str]:
    """Every group whose 总计 is not the sum of its four results (I6)."""
    return [
        f"I6 {g}"
        for g, row in data.groups.items()
        if len(row) != 5 or row[4] != sum(row[:4]) or min(row) < 0
    ]


def build_table4(data: Table4Data, docx_vmerge: str) -> Table:
    """Table 4: 行政复议 spans two header rows; one data row of 15 counts."""
    table = Table(name=T4_NAME, rows=[], docx_vmerge=docx_vmerge)
    table.rows.append([Span("行政复议", rowspan=2, colspan=5), Span("行政诉讼", colspan=10)])
    table.rows.append([Span("未经复议直接起诉", colspan=5), Span("复议后起诉", colspan=5)])
    table.rows.append([Span(name) for _ in range(3) for name in (*T4_RESULTS, "总计")])
    row: list[Span] = []
    for group in T4_GROUPS:
        for name, value in zip((*T4_RESULTS, "总计"), data.groups[group], strict=True):
            table.cells[(T4_ROW, f"{group} / {name}")] = (len(table.rows), len(row))
            row.append(Span(str(value), value=True))
    table.rows.append(row)
    return table


# --------------------------------------------------------------------------
# Table 2 — 主动公开政府信息情况
# --------------------------------------------------------------------------

T2_NAME = "主动公开政府信息情况"
_T2_CONTENT = "信息内容"


def _t2_block(
    table: Table, article: str, header: Sequence[str], items: Sequence[tuple[str, Sequence[str]]]
) -> None:
    """One 第二十条 block: a spanning item row, a header row and value rows.

    The table is four columns wide; a header or value row with fewer cells lets
    its last cell span the rest, as the printed format does.
    """
    width = 4
    table.rows.append([Span(article, colspan=width)])

    def spans(texts: Sequence[str], values: bool) -> list[Span]:
        out = [Span(t, value=values and i > 0) for i, t in enumerate(texts)]
        out[-1] = Span(texts[-1], colspan=width - len(texts) + 1, value=out[-1].value)
        return out

    for i in range(1, len(header) + 1):
        table.cells[(f"{article} / {_T2_CONTENT}", f"column {i + 1}")] = (len(table.rows), i)
    table.rows.append(spans([_T2_CONTENT, *header], values=False))
    for label, values in items:
        row = spans([label, *values], values=True)
        for i, column in enumerate(header, start=1):
            table.cells[(label, column)] = (len(table.rows), i)
        table.rows.append(row)


def build_table2_2021(
    made: Sequence[int], licences: int, penalties: int, coercion: int, fees: str
) -> Table:
    """Table 2 of the 2021 format; ``made`` = 规章 and 行政规范性文件 (制发, 废止, 现行有效)."""
    table = Table(name=T2_NAME, rows=[])
    columns = ("本年制发件数", "本年废止件数", "现行有效件数")
    _t2_block(
        table,
        "第二十条第（一）项",
        columns,
        [("规章", ("0", "0", "0")), ("行政规范性文件", tuple(str(n) for n in made))],
    )
    _t2_block(table, "第二十条第（五）项", ("本年处理决定数量",), [("行政许可", (str(licences),))])
    _t2_block(
        table,
        "第二十条第（六）项",
        ("本年处理决定数量",),
        [("行政处罚", (str(penalties),)), ("行政强制", (str(coercion),))],
    )
    _t2_block(
        table,
        "第二十条第（八）项",
        ("本年收费金额（单位：万元）",),
        [("行政事业性收费", (fees,))],
    )
    return table


def build_table2_2019(
    normative: Sequence[int],
    items: dict[str, tuple[str, str, str]],
    fee_items: tuple[str, str],
    procurement: tuple[str, str],
) -> Table:
    """Table 2 of the 2019 trial format, including 第二十条第（九）项 政府集中采购."""
    table = Table(name=T2_NAME, rows=[])
    _t2_block(
        table,
        "第二十条第（一）项",
        ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        [("规章", ("0", "0", "0")), ("规范性文件", tuple(str(n) for n in normative))],
    )
    counted = ("上一年项目数量", "本年增/减", "处理决定数量")
    _t2_block(
        table,
        "第二十条第（五）项",
        counted,
        [(name, items[name]) for name in ("行政许可", "其他对外管理服务事项")],
    )
    _t2_block(
        table,
        "第二十条第（六）项",
        counted,
        [(name, items[name]) for name in ("行政处罚", "行政强制")],
    )
    _t2_block(
        table,
        "第二十条第（八）项",
        ("上一年项目数量", "本年增/减"),
        [("行政事业性收费", fee_items)],
    )
    _t2_block(
        table, "第二十条第（九）项", ("采购项目数量", "采购总金额"), [("政府集中采购", procurement)]
    )
    return table


# --------------------------------------------------------------------------
# Helpers for writing reports
# --------------------------------------------------------------------------


def _title(text: str) -> Block:
    return Block("title", text)


def _h1(text: str) -> Block:
    return Block("heading", text, 1)


def _h2(text: str) -> Block:
    return Block("heading", text, 2)


def _p(text: str) -> Block:
    return Block("paragraph", text)


def _sig(text: str) -> Block:
    """A signature line (body name or date); a page shows it right-aligned."""
    return Block("signature", text)


def _t(table: Table) -> Block:
    return Block("table", table.name, table=table)


def breakdown(parts: Sequence[tuple[str, int]], unit: str, sep: str = "、") -> tuple[int, str]:
    """A prose breakdown "A12条、B30条" and its total, so 其中… always adds up."""
    return sum(n for _name, n in parts), sep.join(f"{name}{n}{unit}" for name, n in parts)


def result_breakdown(data: Table3Data) -> str:
    """The (一)…(六) groups of Table 3 in words; they add up to (七)总计."""
    parts = [(name, data.group_total(prefix)) for name, prefix in T3_RESULT_GROUPS]
    total, text = breakdown(parts, "件", "，")
    assert total == data.total("R24")
    return text


# --------------------------------------------------------------------------
# Legacy (2018) — the seed report, corrected
# --------------------------------------------------------------------------

LEGACY_TABLE = "新乡经济技术开发区政府信息公开工作情况统计表"


@dataclass
class LegacyData:
    """The figures of the corrected seed report; the statistics table shows the same."""

    total: int
    normative_disclosed: int
    normative_issued: int
    channels: dict[str, int]
    staff_full_time: int
    staff_part_time: int


def legacy_data() -> LegacyData:
    """Seed figures with the WeChat count corrected so that Σ channels ≥ total (A1)."""
    data = LegacyData(
        total=1626,
        normative_disclosed=10,
        normative_issued=11,
        channels={"政府公报": 0, "政府网站": 1102, "政务微博": 0, "政务微信": 270, "其他方式": 254},
        staff_full_time=0,
        staff_part_time=1,
    )
    assert sum(data.channels.values()) >= data.total
    assert data.normative_disclosed <= data.normative_issued
    return data


def build_legacy_table(d: LegacyData) -> Table:
    """The legacy statistics table (国办发〔2014〕32号 layout), trimmed to the rows that apply."""
    table = Table(name=LEGACY_TABLE, rows=[])
    table.rows.append([Span("统计指标"), Span("单位"), Span("统计数")])

    def section(label: str) -> None:
        table.rows.append([Span(label, colspan=3)])

    def item(label: str, unit: str, value: int | str) -> None:
        table.cells[(label, "统计数")] = (len(table.rows), 2)
        table.rows.append([Span(label), Span(unit), Span(str(value), value=True)])

    section("一、主动公开情况")
    item("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", d.total)
    item("其中：主动公开规范性文件数", "条", d.normative_disclosed)
    item("制发规范性文件总数", "件", d.normative_issued)
    section("（二）通过不同渠道和方式公开政府信息的情况")
    for i, (name, value) in enumerate(d.channels.items(), start=1):
        item(f"{i}.{name}公开政府信息数", "条", value)
    section("二、依申请公开情况")
    item("（一）收到申请数", "件", 0)
    item("（二）申请办结数", "件", 0)
    item("（三）申请答复数", "件", 0)
    section("三、行政复议、行政诉讼和举报投诉情况")
    item("（一）行政复议数量", "件", 0)
    item("（二）行政诉讼数量", "件", 0)
    item("（三）举报投诉数量", "件", 0)
    section("四、依申请公开信息收取的费用")
    item("依申请公开信息收取的费用", "万元", 0)
    section("五、机构建设情况")
    item("（一）政府信息公开工作从事人员数", "人", d.staff_full_time + d.staff_part_time)
    item("1.专职人员数", "人", d.staff_full_time)
    item("2.兼职人员数", "人", d.staff_part_time)
    return table


def legacy_2018_clean() -> Report:
    """The seed report with its six defects corrected (see samples/README.md)."""
    d = legacy_data()
    ch = d.channels
    blocks = [
        _title("新乡经济技术开发区管理委员会"),
        _title("关于2018年度政府信息公开工作情况的报告"),
        _p(
            "根据《新乡市人民政府办公室关于做好2018年政府信息与政务公开工作总结报送及年度报告编制和发布工作的通知》的要求，"
            "特编制2018年度新乡经济技术开发区政府信息公开工作报告。"
            "本报告中各项数据统计期限自2018年1月1日起至2018年12月31日止。"
            "现将2018年度政府信息公开工作情况报告如下："
        ),
        _h1("一、政府信息公开组织领导情况"),
        _p(
            "经开区管委会高度重视政府信息公开工作，配备了1名兼职人员和必要的办公条件，"
            "区党政办作为政府信息公开工作的具体工作机构，对相关部门工作信息进行收集、梳理并及时发布。"
            "信息分为三类：一是主动公开的信息；二是依申请公开的信息；三是不予公开的信息。"
            "经开区政府信息公开目录分为12类，均设置相应信息公开目录，依据类别及时更新公开内容。"
        ),
        _h1("二、主动公开政府信息情况"),
        _h2("（一）政府信息公开制度"),
        _p(
            "经开区管委会将信息公开制度建设作为政府信息公开工作的重要内容，"
            "建立科学高效的政府信息公开工作机制和严格的制度规范。"
            "认真对政府信息由近及远进行梳理、条例正式施行后及时明确政府信息的公开属性，"
            "将政府信息分为主动公开、依申请公开、不予公开三类；"
            "坚持“公开为原则，不公开为例外”的原则，"
            "建立政府信息主动公开、依申请公开、保密审查、违规违纪责任追究等相关工作制度。"
        ),
        _h2("（二）政府信息公开内容"),
        _p(
            "经开区管委会信息公开内容紧密结合工作实际、联系群众需求，"
            "采取“能公开的，尽可能第一时间公开”的工作原则，"
            "及时主动地在官方网站上公开群众普遍关注的社会服务、征地拆迁、教育、医疗卫生、"
            "环境保护、政府采购、行政执法、事业收费等热点信息，通过主任信箱和网上咨询回复群众申请，"
            "切实为人民群众提供快捷、便利、高效的服务。"
        ),
        _h2("（三）政府信息公开渠道"),
        _p(
            "经开区管委会信息公开主要通过官方网站、微信公众客户端、电子显示屏等进行信息公开，"
            "此外，借助新乡日报、河南日报、直播新乡、河南电视台等外宣媒体，"
            "拓宽对外公开的途径和信息量，积极推进信息公开工作。"
            f"2018年度，经开区主动公开政府信息数{d.total}条，"
            f"其中，主动公开规范性文件数{d.normative_disclosed}条，"
            f"制发规范性文件总数{d.normative_issued}条，"
            f"政府网站公开政府信息数{ch['政府网站']}条，"
            f"政务微信公开政府信息数{ch['政务微信']}条，"
            f"其他方式公开政府信息数{ch['其他方式']}条。"
        ),
        _h1("三、依申请公开政府信息情况"),
        _p(
            "本年度未发现公民、法人或者其他组织向任何行政机关申请公开政府信息的行为，"
            "未收到政府信息公开申请，无不予公开政府信息的情况。"
        ),
        _h1("四、政府信息公开的收费及减免、投诉举报、行政复议和行政诉讼情况"),
        _p(
            "因未收到政府信息公开申请，本年度未收取涉及政府信息公开申请的任何费用，无减免情况；"
            "未发生因政府信息公开引起的投诉举报、行政复议和行政诉讼。"
        ),
        _h1("五、存在的主要问题和改进措施"),
        _p("2018年，我区政府信息公开工作取得了一定成绩，但与上级部门要求还存在差距。"),
        _h2("（一）存在问题"),
        _p(
            "一是政府信息公开工作透明性有待进一步加强。"
            "公民、法人和其他组织对政府信息依申请公开规程了解不够透彻，目前未收到政府信息公开申请情况。"
        ),
        _p(
            "二是政府信息公开兼职工作人员的工作任务繁重，对政府信息公开和政务公开的熟练度不够，"
            "对公开内容的把握不够准确到位，在一定程度上影响了信息公开工作的深入开展。"
        ),
        _p(
            "三是政府信息公开工作量大，业务技术性较强，缺少相对专业和专职的工作人员，"
            "致使政府信息公开的及时性、规范性和全面性不够完备。"
        ),
        _p(
            "四是政府信息公开的领域有待进一步拓宽，目前政府信息的公开主要是通过官方网站，"
            "其他渠道的信息公开内容较少，信息公开的内容和形式与公众的信息需求尚存差距。"
        ),
        _h2("（二）改进措施"),
        _p(
            "一是加大政府信息工作的宣传力度，妥善处理公开与保密的关系，合理界定信息公开与否的范围，"
            "加强对公众关注度高的政府信息的树立，切实服务社会，方便群众，推进政务的公开、公正、透明。"
        ),
        _p(
            "二是规范政府信息公开工作流程，进一步梳理细化政府公开信息栏目及所掌握的信息，"
            "不断完善政府信息公开流程，在规范化、制度化、程序化等方面取得新进展，"
            "确保政府信息公开工作按照流程有效运作。"
        ),
        _p(
            "三是强化重点领域信息公开，以社会需求为导向，做好公众关注度高的财政资金使用和“三公”经费、"
            "环境保护、城建规划等重点领域的信息公开，扎实有效地开展政府信息公开工作，"
            "不断提高政府信息公开水平。"
        ),
        _p(
            "四是加强政府信息公开工作队伍建设，深入开展教育培训工作，制定业务培训计划，"
            "拟邀请上级信息公开办领导开展政务公开政策法规和业务知识培训，"
            "提高全区各级工作人员公开意识和业务水平。"
        ),
        _p(
            "五是丰富政府信息公开方式，借助微信公众平台，多方式、多渠道开展政府信息公开工作，"
            "使广大群众能够更加方便、更为及时的获取信息，更好地为经济社会发展和群众服务。"
        ),
        _h1("六、其他需要报告的事项"),
        _p("本年度无其他需要报告的事项。"),
        _sig("新乡经开区党政办公室"),
        _sig("2019年1月15日"),
        _p(f"附件：{LEGACY_TABLE}"),
        _t(build_legacy_table(d)),
    ]
    return Report(
        slug="legacy-2018-clean",
        kinds=("txt", "gb18030.txt", "docx", "html"),
        description=(
            "The seed report (2018, legacy format) with its six defects corrected: "
            "complete title, well-formed dates, headings 一、 to 六、 with (一)(二)(三) "
            "sub-headings, channel counts adding up to the total, a 其他需要报告的事项 "
            "section, and the attached statistics table actually present."
        ),
        blocks=blocks,
        html_title="关于2018年度政府信息公开工作情况的报告",
        portal=Portal(
            site="新乡经济技术开发区",
            channel="政府信息公开年度报告",
            source="新乡经开区",
            nav=("首页", "经开区概况", "新闻中心", "政务公开", "招商引资", "互动交流"),
        ),
        html_style="cms",
        published="2019-01-23",
        edition="legacy",
        legacy=d,
    )


# --------------------------------------------------------------------------
# Edition 2019 (trial format) — 青禾市生态环境局, report on 2020
# --------------------------------------------------------------------------

QH_BODY = "青禾市生态环境局"
QH_TITLE = f"{QH_BODY}2020年政府信息公开工作年度报告"


def edition2019_2020_clean() -> Report:
    """A city department's report on 2020 in the 2019 trial format."""
    t3 = table3_data(
        T3_RESULTS_2019,
        {
            "R1": (41, 6, 1, 0, 2, 1),
            "R2": (2, 1, 0, 0, 0, 0),
            "R3": (17, 3, 1, 0, 1, 0),
            "R4": (4, 1, 0, 0, 0, 0),
            "R5": (0, 0, 0, 0, 0, 0),
            "R6": (0, 0, 0, 0, 0, 0),
            "R7": (0, 0, 0, 0, 0, 0),
            "R8": (1, 1, 0, 0, 0, 0),
            "R9": (0, 0, 0, 0, 0, 0),
            "R10": (2, 0, 0, 0, 0, 0),
            "R11": (1, 0, 0, 0, 0, 0),
            "R12": (0, 0, 0, 0, 0, 0),
            "R13": (9, 1, 0, 0, 0, 1),
            "R14": (2, 0, 0, 0, 1, 0),
            "R15": (1, 0, 0, 0, 0, 0),
            "R16": (1, 0, 0, 0, 0, 0),
            "R17": (1, 0, 0, 0, 0, 0),
            "R18": (0, 0, 0, 0, 0, 0),
            "R19": (0, 0, 0, 0, 0, 0),
            "R20": (0, 0, 0, 0, 0, 0),
            "R21": (1, 0, 0, 0, 0, 0),
        },
    )
    t4 = table4_data(
        {
            T4_GROUPS[0]: (1, 0, 1, 0),
            T4_GROUPS[1]: (1, 0, 0, 0),
            T4_GROUPS[2]: (0, 0, 0, 1),
        }
    )
    active, active_text = breakdown(
        [
            ("机构职能及政策文件", 47),
            ("环境质量信息", 612),
            ("环评审批和排污许可信息", 803),
            ("环境执法和行政处罚信息", 329),
            ("工作动态", 395),
        ],
        "条",
    )
    normative = (3, 3, 27)
    table2 = build_table2_2019(
        normative,
        {
            "行政许可": ("14", "-1", "468"),
            "其他对外管理服务事项": ("9", "0", "136"),
            "行政处罚": ("412", "6", "203"),
            "行政强制": ("22", "0", "17"),
        },
        ("0", "0"),
        ("14", "862.35万元"),
    )
    blocks = [
        _title(QH_TITLE),
        _p(
            "本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和"
            "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）要求，"
            f"由{QH_BODY}编制。"
            "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
            "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。"
            "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。"
            f"本报告电子版可在{QH_BODY}门户网站“政府信息公开”专栏查阅和下载。"
            f"如对本报告有疑问，请与{QH_BODY}办公室联系。"
        ),
        _h1("一、总体情况"),
        _p(
            f"2020年，{QH_BODY}认真贯彻落实《条例》，围绕污染防治攻坚和生态环境监管执法等重点工作，"
            "坚持以公开为常态、不公开为例外，不断提升政府信息公开工作的规范化水平。"
        ),
        _h2("（一）主动公开"),
        _p(
            "全年通过局门户网站、“青禾生态环境”政务微信公众号等渠道"
            f"主动公开政府信息{active}条，其中{active_text}。"
            f"新制作并公开规范性文件{normative[1]}件，同步发布政策解读材料{normative[1]}篇。"
            "按月公开全市环境空气质量和重点流域水质状况，按季度公开重点排污单位监督性监测结果。"
        ),
        _h2("（二）依申请公开"),
        _p(
            f"全年共收到政府信息公开申请{t3.total('R1')}件，"
            f"其中自然人申请{t3.values['R1'][0]}件，法人或其他组织申请{t3.legal_persons('R1')}件；"
            f"上年结转{t3.total('R2')}件。"
            f"本年度办理完毕{t3.total('R24')}件，其中{result_breakdown(t3)}；"
            f"结转下年度继续办理{t3.total('R25')}件。所有申请均在法定期限内答复。"
        ),
        _h2("（三）政府信息管理"),
        _p(
            "严格落实公文类信息公开属性源头认定制度，拟制公文时同步明确主动公开、依申请公开或不予公开属性；"
            "坚持“先审查、后公开”，对拟公开信息逐条开展保密审查，全年未发生泄密事件。"
            "完成本局历年印发规范性文件的清理，清理结果已向社会公布。"
        ),
        _h2("（四）政府信息公开平台建设"),
        _p(
            "按照全市政府网站集约化建设要求，完成局门户网站政府信息公开专栏改版，"
            "统一设置机构信息、法定主动公开内容、政府信息公开指南、政府信息公开制度、年度报告等栏目；"
            "“青禾生态环境”政务微信公众号开设“环境质量”“执法公示”栏目，提高信息获取便利度。"
        ),
        _h2("（五）监督保障"),
        _p(
            "调整局政务公开工作领导小组，由分管副局长任组长，局办公室负责日常工作；"
            "将政府信息公开工作纳入局机关各科室和直属单位年度目标考核，组织开展政府信息公开业务培训2次。"
            "本年度未发生因政府信息公开工作不到位而被追究责任的情形。"
        ),
        _h1("二、主动公开政府信息情况"),
        _t(table2),
        _h1("三、收到和处理政府信息公开申请情况"),
        _t(build_table3(t3, docx_vmerge="continue-bare")),
        _h1("四、政府信息公开行政复议、行政诉讼情况"),
        _p(
            f"2020年，本局因政府信息公开工作被申请行政复议{t4.total(T4_GROUPS[0])}件，"
            f"被提起行政诉讼{t4.litigation}件。"
        ),
        _t(build_table4(t4, docx_vmerge="continue")),
        _h1("五、存在的主要问题及改进情况"),
        _p(
            "2020年，本局政府信息公开工作取得了一定成效，但对照《条例》要求和公众期待，仍存在一些不足："
            "一是主动公开的深度不够，部分环境执法信息只公开处罚结果，对违法事实和整改情况的说明不够具体；"
            "二是政策解读形式较为单一，图解、视频等解读形式运用不多；"
            "三是个别依申请公开答复文书说理不够充分。"
        ),
        _p(
            "2021年，本局将重点做好以下工作：一是细化环境执法信息公开标准，逐步公开行政处罚决定书全文；"
            "二是丰富政策解读形式，对涉及公众切身利益的重要文件同步发布图文解读；"
            "三是规范依申请公开办理流程，完善答复文书模板，加强法制审核，提升答复质量。"
        ),
        _h1("六、其他需要报告的事项"),
        _p("本年度未收取政府信息公开相关费用，无其他需要报告的事项。"),
        _sig(QH_BODY),
        _sig("2021年1月20日"),
    ]
    return Report(
        slug="edition2019-2020-clean",
        kinds=("docx", "html", "md"),
        description=(
            f"{QH_TITLE}: a city department's report on 2020 in the 2019 trial format "
            "(国办公开办函〔2019〕60号), Tables 2–4 under sections 二–四; every identity holds."
        ),
        blocks=blocks,
        html_title=QH_TITLE,
        portal=Portal(
            site=QH_BODY,
            channel="政府信息公开年度报告",
            source=f"{QH_BODY}办公室",
            nav=("首页", "机构概况", "政务公开", "环境质量", "政务服务", "互动交流"),
        ),
        html_style="cms",
        published="2021-01-22",
        edition="2019",
        table3=t3,
        table4=t4,
    )


def edition2019_2020_defective() -> Report:
    """The 2020 department report with eight planted defects."""
    clean = edition2019_2020_clean()
    t3 = clean.table3
    t4 = clean.table4
    assert t3 is not None and t4 is not None
    partial = t3_row_label(None, T3_RESULTS_2019[1][2])
    carried = t3.total("R25")
    defects = (
        Defect(
            category="arithmetic",
            rule="I2",
            what="a row's applicant counts no longer add up to its 总计",
            section="三",
            table=T3_NAME,
            row=partial,
            column="自然人",
            old="4",
            new="5",
            expected="4",
            actual="5",
            also=(
                f"the 自然人 results now add up to {t3.values['R24'][0] + 1}, "
                f"but （七）总计 says {t3.values['R24'][0]} (I3)"
            ),
        ),
        Defect(
            category="arithmetic",
            rule="I1",
            what="本年新收 + 上年结转 ≠ （七）总计 + 结转下年度 in one column",
            section="三",
            table=T3_NAME,
            row=T3_HEAD[1][1],
            column=T3_COLUMNS[1],
            old="1",
            new="0",
            expected="1",
            actual="0",
            also=(
                f"商业企业 {t3.values['R1'][1]} + 0 ≠ {t3.values['R24'][1]} + "
                f"{t3.values['R25'][1]}; the row 上年结转 no longer adds up to its 总计 "
                f"{t3.total('R2')} (I2)"
            ),
        ),
        Defect(
            category="arithmetic",
            rule="I6",
            what="the 行政复议 总计 is not the sum of its four results",
            section="四",
            table=T4_NAME,
            row=T4_ROW,
            column=f"{T4_GROUPS[0]} / 总计",
            old=str(t4.total(T4_GROUPS[0])),
            new=str(t4.total(T4_GROUPS[0]) + 1),
            expected=str(t4.total(T4_GROUPS[0])),
            actual=str(t4.total(T4_GROUPS[0]) + 1),
            also=f"the prose of section 四 still says 行政复议{t4.total(T4_GROUPS[0])}件 (I11)",
        ),
        Defect(
            category="consistency",
            rule="I11",
            what="the prose carry-over figure contradicts Table 3",
            section="一（二）依申请公开",
            old=f"结转下年度继续办理{carried}件",
            new=f"结转下年度继续办理{carried + 1}件",
            expected=str(carried),
            actual=str(carried + 1),
        ),
        Defect(
            category="numbering",
            rule="GB/T 9704 7.3.3",
            what="heading number gap: 五、 is followed by 七、",
            section="六",
            old="六、其他需要报告的事项",
            new="七、其他需要报告的事项",
            expected="六、",
            actual="七、",
        ),
        Defect(
            category="content",
            rule="Q",
            what="template residue: the body's name left as XX局",
            section="一、总体情况 (opening paragraph)",
            old=f"2020年，{QH_BODY}认真贯彻",
            new="2020年，XX局认真贯彻",
            expected=QH_BODY,
            actual="XX局",
        ),
        Defect(
            category="deadline",
            rule="D1",
            what=(
                "signed (and, in the .html form, published) after the departments' 1月31日 deadline"
            ),
            section="signature",
            old="2021年1月20日",
            new="2021年2月26日",
            expected="by 2021年1月31日",
            actual="2021年2月26日",
            also="the .html page's 发布时间 reads 2021-02-26",
            published="2021-02-26",
        ),
        Defect(
            category="format",
            rule="F0",
            what="a 2021-format column header in a report on 2020 (mixed table generations)",
            section="二",
            table=T2_NAME,
            row="第二十条第（一）项 / 信息内容",
            column="column 2",
            old="本年新制作数量",
            new="本年制发件数",
            expected="本年新制作数量",
            actual="本年制发件数",
        ),
    )
    return defective_from(
        clean,
        slug="edition2019-2020-defective",
        description=(
            f"{QH_TITLE} with eight planted defects, one cell or one word each (listed below)."
        ),
        defects=defects,
    )


# --------------------------------------------------------------------------
# Edition 2021 (current format) — 江泉县人民政府, report on 2023
# --------------------------------------------------------------------------

JQ_BODY = "江泉县人民政府"
JQ_TITLE = f"{JQ_BODY}2023年政府信息公开工作年度报告"
JQ_PROPOSALS = (58, 73)  # 人大代表建议, 政协提案 handled in 2023


def edition2021_2023_clean() -> Report:
    """A county government's report on 2023 in the 2021 format."""
    t3 = table3_data(
        T3_RESULTS_2021,
        {
            "R1": (62, 9, 0, 1, 3, 2),
            "R2": (4, 1, 0, 0, 0, 0),
            "R3": (24, 4, 0, 1, 1, 1),
            "R4": (5, 1, 0, 0, 0, 0),
            "R5": (0, 0, 0, 0, 0, 0),
            "R6": (0, 0, 0, 0, 0, 0),
            "R7": (1, 0, 0, 0, 0, 0),
            "R8": (2, 1, 0, 0, 0, 0),
            "R9": (0, 0, 0, 0, 0, 0),
            "R10": (3, 0, 0, 0, 0, 0),
            "R11": (1, 0, 0, 0, 1, 0),
            "R12": (1, 0, 0, 0, 0, 0),
            "R13": (12, 2, 0, 0, 1, 0),
            "R14": (3, 0, 0, 0, 0, 1),
            "R15": (1, 0, 0, 0, 0, 0),
            "R16": (2, 0, 0, 0, 0, 0),
            "R17": (2, 0, 0, 0, 0, 0),
            "R18": (0, 0, 0, 0, 0, 0),
            "R19": (0, 0, 0, 0, 0, 0),
            "R20": (1, 0, 0, 0, 0, 0),
            "R21": (2, 0, 0, 0, 0, 0),
            "R22": (0, 0, 0, 0, 0, 0),
            "R23": (1, 0, 0, 0, 0, 0),
        },
    )
    t4 = table4_data(
        {
            T4_GROUPS[0]: (2, 1, 0, 1),
            T4_GROUPS[1]: (1, 0, 0, 1),
            T4_GROUPS[2]: (1, 0, 0, 0),
        }
    )
    active, active_text = breakdown(
        [
            ("政策文件及解读", 386),
            ("工作动态", 2944),
            ("通知公告", 1107),
            ("财政预决算和重点领域信息", 793),
        ],
        "条",
    )
    made, repealed, in_force = 6, 2, 41
    licences = 37
    table2 = build_table2_2021((made, repealed, in_force), licences, 0, 0, "0")
    bills, proposals = JQ_PROPOSALS
    blocks = [
        _title(JQ_TITLE),
        _p(
            "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和"
            "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，"
            "由江泉县人民政府办公室编制。"
            "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
            "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。"
            "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
            f"本报告第二、三、四部分所列数据为{JQ_BODY}本级（含县人民政府办公室）数据，"
            "县人民政府各部门和各乡镇的年度报告另行公布。"
        ),
        _h1("一、总体情况"),
        _p(
            f"2023年，{JQ_BODY}深入贯彻落实《条例》，围绕优化营商环境、保障和改善民生等重点工作，"
            "持续深化政务公开，推动政府信息公开工作提质增效。"
        ),
        _h2("（一）主动公开"),
        _p(
            f"全年在县人民政府门户网站主动公开政府信息{active}条，其中{active_text}。"
            f"以县人民政府、县人民政府办公室名义制发行政规范性文件{made}件，废止{repealed}件，"
            f"现行有效行政规范性文件{in_force}件，均在门户网站行政规范性文件专栏集中公开、动态更新。"
            f"全年作出并公开行政许可决定{licences}件。"
        ),
        _h2("（二）依申请公开"),
        _p(
            f"全年共收到政府信息公开申请{t3.total('R1')}件，"
            f"其中自然人提出{t3.values['R1'][0]}件，法人或其他组织提出{t3.legal_persons('R1')}件；"
            f"上年结转{t3.total('R2')}件。"
            f"本年度办理完毕{t3.total('R24')}件，结转下年度继续办理{t3.total('R25')}件。"
            "县人民政府办公室坚持依法答复、说理充分，所有申请均在法定期限内答复。"
        ),
        _h2("（三）政府信息管理"),
        _p(
            "落实公文公开属性源头认定机制，对县人民政府及县人民政府办公室发文逐件明确公开属性；"
            "健全信息发布前保密审查机制，坚持“先审查、后公开”；"
            "组织开展行政规范性文件清理，对不符合上位法规定或已不适应经济社会发展需要的文件予以废止，"
            "并向社会公布清理结果。"
        ),
        _h2("（四）政府信息公开平台建设"),
        _p(
            "优化县人民政府门户网站政府信息公开专栏，按照法定主动公开内容统一栏目设置；"
            "推进政务新媒体规范化管理，整合更新缓慢的账号；"
            "在县政务服务中心和各乡镇便民服务中心设置政府信息公开查阅点，方便群众现场查阅。"
        ),
        _h2("（五）监督保障"),
        _p(
            "工作考核方面，将政务公开工作纳入全县年度综合考核，对各乡镇和县直部门开展季度检查并通报结果，"
            "年度考核结果已计入综合考核评分。"
            "社会评议方面，通过门户网站在线问卷和群众代表座谈会开展社会评议，"
            "收集的意见建议已逐条研究办理并反馈。"
            "责任追究方面，本年度未发生因政府信息公开工作违法违规需要追究责任的情形。"
        ),
        _h1("二、主动公开政府信息情况"),
        _t(table2),
        _h1("三、收到和处理政府信息公开申请情况"),
        _t(build_table3(t3, docx_vmerge="continue")),
        _h1("四、政府信息公开行政复议、行政诉讼情况"),
        _p(
            f"2023年，{JQ_BODY}因政府信息公开工作被申请行政复议{t4.total(T4_GROUPS[0])}件，"
            f"被提起行政诉讼{t4.litigation}件。"
        ),
        _t(build_table4(t4, docx_vmerge="continue-bare")),
        _h1("五、存在的主要问题及改进情况"),
        _p(
            "针对上年度报告提出的政策解读形式单一、部分栏目更新不及时等问题，"
            "县人民政府办公室建立栏目更新提醒机制，对重要政策同步制作图文解读，相关问题已整改完毕。"
        ),
        _p(
            "当前工作中仍存在以下问题：一是部分乡镇和部门对政府信息公开工作重视程度不一，"
            "信息发布的及时性有待提高；二是依申请公开答复文书的规范性还需加强；"
            "三是政务新媒体内容更新和互动回应不够均衡。"
        ),
        _p(
            "下一步，将重点抓好以下工作：一是加强督促检查，将信息发布时效纳入季度检查内容；"
            "二是组织依申请公开业务培训，统一答复文书格式，提高答复质量；"
            "三是加强政务新媒体日常监管，提升互动回应水平。"
        ),
        _h1("六、其他需要报告的事项"),
        _h2("（一）信息处理费收取情况"),
        _p("本年度未收取信息处理费。"),
        _h2("（二）落实上级年度政务公开工作要点情况"),
        _p("按照上级年度政务公开工作要点部署，逐项分解任务、明确责任单位，各项任务均已按期完成。"),
        _h2("（三）人大代表建议和政协提案办理结果公开情况"),
        _p(
            f"2023年，县人民政府承办县人大代表建议{bills}件、县政协提案{proposals}件，"
            "均在规定时限内办结，办理复文中可以公开的内容已在门户网站公开。"
        ),
        _h2("（四）政务公开工作创新情况"),
        _p(
            "围绕企业和群众办事需求，在门户网站开设“政策一点通”专区，"
            "对涉企政策分类汇集、集中解读，方便企业精准查找。"
        ),
        _sig(JQ_BODY),
        _sig("2024年1月20日"),
    ]
    return Report(
        slug="edition2021-2023-clean",
        kinds=("docx", "html", "md"),
        description=(
            f"{JQ_TITLE}: a county people's government's report on 2023 in the 2021 format "
            "(国办公开办函〔2021〕30号); 总体情况 covers the five required topics and the "
            "工作考核、社会评议、责任追究 results; every identity holds."
        ),
        blocks=blocks,
        html_title=JQ_TITLE,
        html_style="plain",
        edition="2021",
        table3=t3,
        table4=t4,
    )


def edition2021_2023_defective() -> Report:
    """The 2023 county government report with nine planted defects."""
    clean = edition2021_2023_clean()
    t3 = clean.table3
    t4 = clean.table4
    assert t3 is not None and t4 is not None
    unable = t3_row_label(_UNABLE, T3_RESULTS_2021[10][2])
    after = T4_GROUPS[2]
    carried_in = t3.total("R2")
    bills = JQ_PROPOSALS[0]
    r13 = t3.total("R13")
    r25_e1 = t3.values["R25"][1]
    defects = (
        Defect(
            category="arithmetic",
            rule="I2",
            what="a row 总计 off by one",
            section="三",
            table=T3_NAME,
            row=unable,
            column="总计",
            old=str(r13),
            new=str(r13 + 1),
            expected=str(r13),
            actual=str(r13 + 1),
            also=(
                f"the 总计 column's results now add up to {t3.total('R24') + 1}, "
                f"but （七）总计 says {t3.total('R24')} (I3)"
            ),
        ),
        Defect(
            category="arithmetic",
            rule="I1",
            what="本年新收 + 上年结转 ≠ （七）总计 + 结转下年度 in one column",
            section="三",
            table=T3_NAME,
            row=T3_CARRY[1],
            column=T3_COLUMNS[1],
            old=str(r25_e1),
            new=str(r25_e1 - 1),
            expected=str(r25_e1),
            actual=str(r25_e1 - 1),
            also=(
                f"商业企业 {t3.values['R1'][1]} + {t3.values['R2'][1]} ≠ "
                f"{t3.values['R24'][1]} + {r25_e1 - 1}; the row 结转下年度 no longer adds up "
                f"to its 总计 {t3.total('R25')} (I2)"
            ),
        ),
        Defect(
            category="arithmetic",
            rule="I6",
            what=(
                f"复议后起诉: 总计 {t4.total(after)} but its results now add up to "
                f"{t4.total(after) + 1}"
            ),
            section="四",
            table=T4_NAME,
            row=T4_ROW,
            column=f"{after} / 结果纠正",
            old="0",
            new="1",
            expected="0",
            actual="1",
        ),
        Defect(
            category="consistency",
            rule="I11",
            what="the prose 上年结转 figure contradicts Table 3",
            section="一（二）依申请公开",
            old=f"上年结转{carried_in}件",
            new=f"上年结转{carried_in - 1}件",
            expected=str(carried_in),
            actual=str(carried_in - 1),
        ),
        Defect(
            category="value",
            rule="I5",
            what="a blank cell where a count belongs",
            section="三",
            table=T3_NAME,
            row=t3_row_label(_NOT_PROCESSED, "3.要求提供公开出版物"),
            column=T3_COLUMNS[2],
            old="0",
            new="",
            expected="0",
            actual="(blank)",
        ),
        Defect(
            category="value",
            rule="I5",
            what="a “/” where a count belongs",
            section="三",
            table=T3_NAME,
            row=t3_row_label(_WITHHELD, "2.其他法律行政法规禁止公开"),
            column=T3_COLUMNS[3],
            old="0",
            new="/",
            expected="0",
            actual="/",
        ),
        Defect(
            category="structure",
            rule="S",
            what="the heading of section 五 is missing; its paragraphs run on after Table 4",
            section="五",
            old="五、存在的主要问题及改进情况",
            new=None,
            expected="五、存在的主要问题及改进情况",
            actual="(absent)",
            also=(
                "the level-1 headings now go 四、 → 六、; "
                "the preamble still announces 存在的主要问题及改进情况 (K2)"
            ),
        ),
        Defect(
            category="date",
            rule="D1",
            what="malformed date in the statistical period sentence (年 missing)",
            section="opening paragraph",
            old="自2023年1月1日起",
            new="自20231月1日起",
            expected="2023年1月1日",
            actual="20231月1日",
            also="the period can no longer be read as 2023-01-01 to 2023-12-31",
        ),
        Defect(
            category="content",
            rule="Q",
            what="template residue 【请填写】 instead of a figure",
            section="六（三）人大代表建议和政协提案办理结果公开情况",
            old=f"县人大代表建议{bills}件",
            new="县人大代表建议【请填写】件",
            expected=str(bills),
            actual="【请填写】",
        ),
    )
    return defective_from(
        clean,
        slug="edition2021-2023-defective",
        description=(
            f"{JQ_TITLE} with nine planted defects, one cell or one word each (listed below)."
        ),
        defects=defects,
    )


def edition2021_2023_inspected() -> Report:
    """The 2023 county government report with the defects inspections name:
    the text against the tables, a self-reference with last year's number, a
    mangled period date and a 规章 figure a county cannot have."""
    clean = edition2021_2023_clean()
    t3 = clean.table3
    assert t3 is not None
    done = t3.total("R24")
    defects = (
        Defect(
            category="consistency",
            rule="K6",
            what="the prose results total contradicts Table 3's （七）总计",
            section="一（二）依申请公开",
            old=f"本年度办理完毕{done}件",
            new=f"本年度共办结{done + 3}件",
            expected=str(done),
            actual=str(done + 3),
        ),
        Defect(
            category="consistency",
            rule="K6",
            what="“均获维持” although Table 4 has a corrected and a pending reconsideration",
            section="四",
            old="被申请行政复议4件，",
            new="被申请行政复议4件，均获维持；",
            expected="0 corrected, other or pending",
            actual="1 corrected + 1 pending",
        ),
        Defect(
            category="consistency",
            rule="K4",
            what="the preamble cites this report with last year's number",
            section="opening paragraph",
            old="由江泉县人民政府办公室编制。",
            new=f"由江泉县人民政府办公室编制《{JQ_BODY}2022年政府信息公开工作年度报告》。",
            expected="2023",
            actual="2022",
        ),
        Defect(
            category="date",
            rule="D2",
            what="a year with extra digits",
            section="一、总体情况 (opening paragraph)",
            old="2023年，江泉县人民政府深入贯彻",
            new="202323年，江泉县人民政府深入贯彻",
            expected="2023年",
            actual="202323年",
        ),
        Defect(
            category="value",
            rule="K5",
            what="a county government reporting 规章 it cannot make",
            section="二",
            table=T2_NAME,
            row="规章",
            column="本年制发件数",
            old="0",
            new="2",
            expected="0",
            actual="2",
        ),
    )
    return defective_from(
        clean,
        slug="edition2021-2023-inspected",
        description=(
            f"{JQ_TITLE} with five defects of the kinds inspections name"
            " (text against the tables, self-reference year, mangled year, 规章 level)."
        ),
        defects=defects,
    )


# --------------------------------------------------------------------------
# Defects
# --------------------------------------------------------------------------


def apply_defect(report: Report, defect: Defect) -> None:
    """Apply one defect in place; the clean text must be exactly ``defect.old``."""
    if defect.category not in CATEGORIES:
        raise ValueError(f"unknown category {defect.category!r}")
    if defect.action not in DEFECT_ACTIONS:
        raise ValueError(f"unknown defect action {defect.action!r}")
    if defect.action == "delete-row":
        report.table(defect.table).delete_row(defect.row)
    elif defect.action == "delete-column":
        report.table(defect.table).delete_column(defect.column)
    elif defect.action == "empty-section":
        empty_section(report, defect.old, defect.new)
    elif defect.table:
        table = report.table(defect.table)
        current = table.get(defect.row, defect.column)
        if current != defect.old:
            raise ValueError(
                f"{report.slug}: {defect.row} / {defect.column} is {current!r}, not {defect.old!r}"
            )
        table.set(defect.row, defect.column, defect.new or "")
    elif defect.new is None:
        hits = [b for b in report.blocks if b.kind == "heading" and b.text == defect.old]
        if len(hits) != 1:
            raise ValueError(f"{report.slug}: heading {defect.old!r} found {len(hits)} times")
        report.blocks.remove(hits[0])
    else:
        hits = [b for b in report.blocks if b.table is None and defect.old in b.text]
        if len(hits) != 1 or hits[0].text.count(defect.old) != 1:
            raise ValueError(f"{report.slug}: {defect.old!r} must occur exactly once")
        hits[0].text = hits[0].text.replace(defect.old, defect.new)
    if defect.published is not None:
        report.published = defect.published


def section_body(report: Report, heading: str) -> slice:
    """Where the body of the level-1 heading ``heading`` lies in ``report.blocks``:
    up to the next level-1 heading or the signature."""
    starts = [
        i
        for i, b in enumerate(report.blocks)
        if b.kind == "heading" and b.level == 1 and b.text == heading
    ]
    if len(starts) != 1:
        raise ValueError(f"{report.slug}: heading {heading!r} found {len(starts)} times")
    end = start = starts[0] + 1
    while end < len(report.blocks):
        block = report.blocks[end]
        if block.kind == "signature" or (block.kind == "heading" and block.level == 1):
            break
        end += 1
    return slice(start, end)


def empty_section(report: Report, heading: str, text: str | None) -> None:
    """Remove the body of a section, leaving ``text`` as its only paragraph if given."""
    body = section_body(report, heading)
    if body.start == body.stop:
        raise ValueError(f"{report.slug}: {heading!r} has nothing to remove")
    report.blocks[body] = [_p(text)] if text else []


def defective_from(
    clean: Report, slug: str, description: str, defects: tuple[Defect, ...]
) -> Report:
    """A deep copy of ``clean`` with ``defects`` applied, remembering what it came from."""
    report = copy.deepcopy(clean)
    report.slug = slug
    report.description = description
    report.defects = defects
    report.clean_of = clean.slug
    for defect in defects:
        apply_defect(report, defect)
    return report


def all_reports() -> list[Report]:
    """Every sample report, in the order the README lists them."""
    return [
        legacy_2018_clean(),
        edition2019_2020_clean(),
        edition2019_2020_defective(),
        edition2021_2023_clean(),
        edition2021_2023_defective(),
        edition2021_2023_inspected(),
        *planted_reports(),
    ]


def planted_reports() -> list[Report]:
    """The samples that plant what drafts do to the format as a whole (sample_planted.py)."""
    import sample_planted  # imports this module: loaded only once it is complete

    return sample_planted.reports()
