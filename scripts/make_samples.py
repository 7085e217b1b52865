"""Regenerate every bundled sample report from its single content source.

    python scripts/make_samples.py            # (re)write samples/
    python scripts/make_samples.py --check    # exit 1 if samples/ is out of date

The readers must give the same findings for the same report whatever its input
kind, so each report in ``sample_content.py`` is rendered here into several kinds
(.txt, GB18030 .txt, .docx, .html, .md) with identical content, plus
``samples/README.md`` describing every file and every planted defect. Output is
deterministic (fixed order, no timestamps; the .docx writer zips with a fixed
date), so a test can demand byte-identical files and catch any drift between the
source and the committed samples.

``samples/seed-2018-xinxiang.txt`` is the original seed and is never written.
"""

from __future__ import annotations

import argparse
import html
import sys
from collections.abc import Callable
from pathlib import Path

import flat_forms
from ooxml import DocxCell, docx_bytes
from sample_content import (
    T3_COLUMNS,
    T4_GROUPS,
    Report,
    Table,
    all_reports,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = "seed-2018-xinxiang.txt"

# --------------------------------------------------------------------------
# File names
# --------------------------------------------------------------------------


def file_name(report: Report, kind: str) -> str:
    """``gb18030.txt`` becomes ``<slug>-gb18030.txt``; other kinds are extensions."""
    if kind == "gb18030.txt":
        return f"{report.slug}-gb18030.txt"
    return f"{report.slug}.{kind}"


# --------------------------------------------------------------------------
# Plain text (.txt)
# --------------------------------------------------------------------------


def table_lines(table: Table) -> list[str]:
    """One line per grid row, cells separated by tabs, covered cells left empty.

    This is what copying a Word table as plain text gives; keeping every row as
    wide as the grid means a spanning label row still reads as a table row.
    """
    lines = []
    for r, row in enumerate(table.grid()):
        lines.append(
            "\t".join(
                span.text if (o_r, o_c) == (r, c) else "" for c, (span, o_r, o_c) in enumerate(row)
            )
        )
    return lines


def render_text(report: Report) -> str:
    """Blocks separated by blank lines, as text copied out of a report reads."""
    return flat_forms.blocks_text(report, table_lines)


# --------------------------------------------------------------------------
# Markdown (.md)
# --------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown_table(table: Table) -> str:
    """A GitHub pipe table; a merged label is repeated in every cell it covers.

    Markdown has no spans, so repeating the label keeps each row readable on its
    own; a figure spanning several columns is written once, in its first cell, so
    that nothing is counted twice. The first grid row serves as the pipe-table
    header row.
    """
    grid = table.grid()
    lines = []
    for r, row in enumerate(grid):
        texts = [
            "" if span.value and (o_r, o_c) != (r, c) else _md_cell(span.text)
            for c, (span, o_r, o_c) in enumerate(row)
        ]
        lines.append("| " + " | ".join(texts) + " |")
        if r == 0:
            lines.append("|" + "|".join("---" for _ in row) + "|")
    return "\n".join(lines)


def render_markdown(report: Report) -> str:
    parts = []
    for block in report.blocks:
        if block.kind == "title":
            parts.append(f"# {block.text}")
        elif block.kind == "heading":
            parts.append("#" * (block.level + 1) + " " + block.text)
        elif block.table is not None:
            parts.append(markdown_table(block.table))
        else:
            parts.append(block.text)
    return "\n\n".join(parts) + "\n"


# --------------------------------------------------------------------------
# Word (.docx)
# --------------------------------------------------------------------------


def docx_rows(table: Table) -> list[list[str | DocxCell]]:
    """Word rows: a horizontal span is one cell with ``gridspan``; a vertical span
    starts with ``vmerge="restart"`` and continues with an empty cell per covered
    row, spelled as the table's ``docx_vmerge`` asks."""
    rows: list[list[str | DocxCell]] = []
    for r, line in enumerate(table.grid()):
        out: list[str | DocxCell] = []
        c = 0
        while c < len(line):
            span, o_r, _o_c = line[c]
            if o_r == r:
                if span.rowspan == 1 and span.colspan == 1:
                    out.append(span.text)
                else:
                    vmerge = "restart" if span.rowspan > 1 else None
                    out.append(DocxCell(span.text, gridspan=span.colspan, vmerge=vmerge))
            else:
                out.append(DocxCell("", gridspan=span.colspan, vmerge=table.docx_vmerge))
            c += span.colspan
        rows.append(out)
    return rows


def docx_blocks(report: Report) -> list[tuple[object, ...]]:
    blocks: list[tuple[object, ...]] = []
    for block in report.blocks:
        if block.kind == "title":
            blocks.append(("title", block.text))
        elif block.kind == "heading":
            blocks.append(("heading", block.text, block.level))
        elif block.table is not None:
            blocks.append(("table", docx_rows(block.table)))
        else:
            blocks.append(("paragraph", block.text))
    return blocks


# --------------------------------------------------------------------------
# HTML (.html)
# --------------------------------------------------------------------------


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def html_table(table: Table, cms: bool) -> str:
    """Real rowspan/colspan; a portal's editor wraps cell text in <p>."""
    lines = [
        '<table border="1" cellspacing="0" cellpadding="0" width="100%" '
        'style="border-collapse: collapse;">'
        if cms
        else "<table>",
        "<tbody>",
    ]
    for row in table.rows:
        cells = []
        for span in row:
            attrs = ""
            if span.rowspan > 1:
                attrs += f' rowspan="{span.rowspan}"'
            if span.colspan > 1:
                attrs += f' colspan="{span.colspan}"'
            text = _esc(span.text)
            if cms:
                text = f'<p style="text-align: center;">{text}</p>' if text else ""
            cells.append(f"<td{attrs}>{text}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.extend(["</tbody>", "</table>"])
    return "\n".join(lines)


def html_content(report: Report) -> str:
    """The report itself: semantic h1/h2/h3, or <p> paragraphs as a CMS stores them."""
    cms = report.html_style == "cms"
    lines = []
    for block in report.blocks:
        text = _esc(block.text)
        if block.table is not None:
            lines.append(html_table(block.table, cms))
        elif cms and block.kind == "title":
            lines.append(f'<p style="text-align: center;"><strong>{text}</strong></p>')
        elif cms and block.kind == "heading":
            lines.append(f'<p style="text-indent: 2em;"><strong>{text}</strong></p>')
        elif block.kind == "title":
            lines.append(f"<h1>{text}</h1>")
        elif block.kind == "heading":
            lines.append(f"<h{block.level + 1}>{text}</h{block.level + 1}>")
        elif block.kind == "signature":
            lines.append(f'<p style="text-align: right;">{text}</p>')
        elif cms:
            lines.append(f'<p style="text-indent: 2em;">{text}</p>')
        else:
            lines.append(f"<p>{text}</p>")
    return "\n".join(lines)


def render_html(report: Report) -> str:
    content = html_content(report)
    portal = report.portal
    if portal is None:
        return (
            "<!DOCTYPE html>\n"
            '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{_esc(report.html_title)}</title>\n"
            "<style>\ntable { border-collapse: collapse; }\n"
            "td { border: 1px solid #000; padding: 2px 6px; text-align: center; }\n</style>\n"
            "</head>\n<body>\n"
            f"{content}\n"
            "</body>\n</html>\n"
        )
    title = _esc(report.html_title)
    site = _esc(portal.site)
    channel = _esc(portal.channel)
    nav = "\n".join(
        f'<li><a href="{"/" if i == 0 else f"/col{i}/"}">{_esc(item)}</a></li>'
        for i, item in enumerate(portal.nav)
    )
    published = _esc(report.published or "")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
        f'<meta name="SiteName" content="{site}">\n'
        f'<meta name="ColumnName" content="{channel}">\n'
        f'<meta name="ArticleTitle" content="{title}">\n'
        f'<meta name="PubDate" content="{published}">\n'
        f"<title>{title}_{channel}_{site}</title>\n"
        '<link rel="stylesheet" href="/css/common.css">\n'
        '<script src="/js/jquery.min.js"></script>\n'
        "</head>\n<body>\n"
        '<div class="header">\n'
        f'<div class="logo"><a href="/">{site}</a></div>\n'
        f'<div class="nav">\n<ul>\n{nav}\n</ul>\n</div>\n'
        "</div>\n"
        '<div class="main">\n'
        '<div class="position">当前位置：<a href="/">首页</a> &gt; '
        '<a href="/zfxxgk/">政府信息公开</a> &gt; '
        f'<a href="/zfxxgk/ndbg/">{channel}</a></div>\n'
        '<div class="article">\n'
        f'<div class="article-title">{title}</div>\n'
        f'<div class="article-info">发布时间：{published}　来源：{_esc(portal.source)}</div>\n'
        '<div class="article-content" id="zoom">\n'
        f"{content}\n"
        "</div>\n"
        '<div class="bdsharebuttonbox">分享到：'
        '<a href="#" class="bds_weixin" data-cmd="weixin" title="分享到微信"></a>'
        '<a href="#" class="bds_tsina" data-cmd="tsina" title="分享到新浪微博"></a>'
        '<a href="#" class="bds_qzone" data-cmd="qzone" title="分享到QQ空间"></a></div>\n'
        '<div class="article-tools"><a href="javascript:window.print();">打印本页</a> '
        '<a href="javascript:window.close();">关闭窗口</a></div>\n'
        "</div>\n</div>\n"
        f'<div class="footer">\n<p>主办：{site}</p>\n</div>\n'
        "<script>\n"
        'window._bd_share_config = {"common": {"bdText": "", "bdMini": "2", "bdStyle": "0", '
        '"bdSize": "16"}, "share": {}};\n'
        "</script>\n"
        '<script src="/static/api/js/share.js"></script>\n'
        "</body>\n</html>\n"
    )


# --------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------

_KIND_NAMES = {
    "txt": "plain text, UTF-8",
    "gb18030.txt": "plain text, GB18030",
    "docx": "Word .docx",
    "html": "HTML page",
    "md": "Markdown",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|") or "—"


def _change(old: str, new: str | None, action: str = "edit") -> str:
    """The exact edit, so a test can find the planted text."""
    if action == "delete-row":
        return f"row `{old}` → (deleted)"
    if action == "delete-column":
        return f"column `{old}` → (deleted)"
    if action == "empty-section":
        return f"body of `{old}` → " + (f"`{new}`" if new else "(nothing)")
    after = "(removed)" if new is None else f"`{new}`" if new else "(emptied)"
    return f"`{old}` → {after}"


def _label(report: Report) -> str:
    """clean, or how many defects (and decoys, which are no defects) it plants."""
    decoys = sum(1 for d in report.defects if d.decoy)
    defects = len(report.defects) - decoys
    if not report.defects:
        return "clean"
    plural = "decoy" if decoys == 1 else "decoys"
    return f"defective ({defects} defects" + (f", {decoys} {plural})" if decoys else ")")


def _figures(report: Report) -> str:
    """The headline figures of a clean report, as checks should read them."""
    if report.legacy is not None:
        d = report.legacy
        channels = "、".join(f"{name} {n}" for name, n in d.channels.items())
        return (
            f"主动公开政府信息数 {d.total}; channels {channels} "
            f"(Σ = {sum(d.channels.values())} ≥ {d.total}); "
            f"主动公开规范性文件数 {d.normative_disclosed} ≤ 制发规范性文件总数 "
            f"{d.normative_issued}; no applications, no fees, no 复议/诉讼."
        )
    t3, t4 = report.table3, report.table4
    if t3 is None or t4 is None:
        return ""
    return (
        f"Table 3 总计: 本年新收 {t3.total('R1')}, 上年结转 {t3.total('R2')}, "
        f"（七）总计 {t3.total('R24')}, 结转下年度 {t3.total('R25')} "
        f"({t3.total('R1')} + {t3.total('R2')} = {t3.total('R24')} + {t3.total('R25')}). "
        f"Table 4 总计: 行政复议 {t4.total(T4_GROUPS[0])}, 未经复议直接起诉 "
        f"{t4.total(T4_GROUPS[1])}, 复议后起诉 {t4.total(T4_GROUPS[2])} "
        f"(行政诉讼 {t4.litigation} in the prose)."
    )


_SEED_FIXES = (
    (
        "title",
        "关于2018年度政府信息公开工作情况的 (cut short)",
        "关于2018年度政府信息公开工作情况的报告",
    ),
    (
        "dates",
        "20181月1日 / 201812月31日 / 2019115",
        "2018年1月1日 / 2018年12月31日 / 2019年1月15日",
    ),
    (
        "headings",
        "一、, three unnumbered headings, 、依申请…, 六、",
        "一、 to 六、 in order; the three unnumbered headings become （一）（二）（三） under "
        "二、主动公开政府信息情况; the seed's combined 依申请/复议/诉讼/收费 heading is split into "
        "三、 and 四、; the problems section becomes 五、",
    ),
    ("channels", "政务微信 259 (Σ 1615 < 1626)", "政务微信 270 (1102 + 270 + 254 = 1626)"),
    (
        "其他需要报告的事项",
        "missing",
        "六、其他需要报告的事项 — 本年度无其他需要报告的事项。",
    ),
    (
        "附件",
        "named but absent",
        "the statistics table follows the signature; its figures agree with the text",
    ),
    (
        "page chrome",
        "breadcrumb, 时间/来源 line, 分享到",
        "only in the .html form, around the report",
    ),
    ("punctuation", "half-width , : ( ) as copied", "full-width ，：（） as printed"),
)


def render_readme(reports: list[Report]) -> str:
    out = [
        "# Sample reports",
        "",
        "Every file in this folder except `seed-2018-xinxiang.txt` is generated by "
        "`python scripts/make_samples.py` from one content source per report "
        "(`scripts/sample_content.py`). Edit the source and regenerate; do not edit the "
        "files. `tests/test_samples_generated.py` fails when the committed files and the "
        "source disagree, and re-checks the arithmetic of the clean reports.",
        "",
        "Each report is written in several input kinds with identical content, so the "
        "findings for one report should not depend on the file it is read from. Bodies in "
        "the edition samples (青禾市生态环境局, 江泉县人民政府) are invented; the legacy sample "
        "keeps the seed's own body and text.",
        "",
        "## Files",
        "",
        "| file | kind | what it is |",
        "|---|---|---|",
        f"| `{SEED}` | plain text, UTF-8 | The seed: a real 2018 legacy-format report as "
        "copied from its web page, with six known defects (see the seed's own notes). "
        "Not generated. |",
    ]
    for report in reports:
        label = _label(report)
        for kind in report.kinds:
            out.append(
                f"| `{file_name(report, kind)}` | {_KIND_NAMES[kind]} | {label}: "
                f"{_cell(report.html_title)} |"
            )
    out += [
        "",
        "## How the input kinds differ",
        "",
        "- `.txt`: blocks separated by blank lines; a table is one line per grid row with "
        "cells separated by tabs, the cells covered by a merged cell left empty. "
        "`-gb18030.txt` holds the same text encoded as GB18030.",
        "- `.docx`: title in the Title style, 一、 headings in Heading 1, （一） headings in "
        "Heading 2; tables use `w:gridSpan` and `w:vMerge`. Covered cells of a vertical "
        'merge are written `<w:vMerge w:val="continue"/>` in Table 3 of the 2021 samples '
        "and Table 4 of the 2019 samples, and as a bare `<w:vMerge/>` in Table 3 of the "
        "2019 samples and Table 4 of the 2021 samples.",
        "- `.html`: real `rowspan`/`colspan`. The legacy and 2019 samples sit in a "
        "government portal page (navigation, breadcrumb 首页 > 政府信息公开 > "
        "政府信息公开年度报告, 发布时间/来源 line, 分享到 widget, print/close links, scripts) "
        "with the report stored as `<p>` paragraphs, as portal editors save it; that page "
        "chrome is not part of the report. The 2021 samples are plain pages with "
        "`<h1>`/`<h2>`/`<h3>` headings.",
        "- `.md`: `#` title, `##` for 一、 sections, `###` for （一） sub-sections; GitHub "
        "pipe tables whose first grid row is the header row. Markdown has no spans, so a "
        "merged label is repeated in every cell it covers.",
        "- `.pdf`, `.doc`: every `.docx` exported by LibreOffice "
        "(`scripts/make_office_samples.py`), as offices export. LibreOffice output is not "
        "reproducible byte for byte, so these are "
        "committed as made and `office-exports.json` records the `.docx` each came from.",
        "",
        "Table layouts follow the 2019 and 2021 formats: Table 3 has the three header rows (the "
        "勾稽关系 note spanning the label columns and header rows, 申请人情况 over seven "
        "columns, 法人或其他组织 over five) and 三、本年度办理结果 merged over all its rows, "
        "with （三）（四）（五）（六） merged over their numbered rows; Table 4 has the "
        "three-row header and one data row.",
        "",
    ]
    for report in reports:
        out += [f"## {report.slug}", "", report.description, ""]
        if report.clean_of:
            out += [
                f"Same text and tables as `{report.clean_of}`, except for these planted "
                "defects. Table cells are named by row label and column label; “change” is "
                "the exact edit; “also” lists what else the one change breaks."
                + (
                    " A decoy is no defect: a correct sentence about another year's figures, "
                    "planted because a reader who ignores the year would take it as this "
                    "year's; it must give no finding."
                    if any(d.decoy for d in report.defects)
                    else ""
                ),
                "",
                "| # | category | what | section | table | row | column | expected | actual "
                "| change | basis | also |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|",
            ]
            for i, d in enumerate(report.defects, start=1):
                cells = (
                    str(i),
                    d.category,
                    d.what,
                    d.section,
                    d.table,
                    d.row,
                    d.column,
                    d.expected,
                    d.actual,
                    _change(d.old, d.new, d.action),
                    d.rule,
                    d.also,
                )
                out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
            out.append("")
            continue
        figures = _figures(report)
        if figures:
            out += [f"Figures: {figures}", ""]
        if report.legacy is not None:
            out += [
                "Corrections made to the seed:",
                "",
                "| what | seed | here |",
                "|---|---|---|",
                *(f"| {a} | {_cell(b)} | {_cell(c)} |" for a, b, c in _SEED_FIXES),
                "",
            ]
        else:
            out += [
                "Every Table 3 column satisfies I1 and I3, every row I2, every Table 4 "
                "group I6; prose figures equal the table cells (I7, I11); the statistical "
                "period is the calendar year and the signature date is within the deadline "
                "(1月31日 for departments, 3月31日 for governments).",
                "",
            ]
    columns = "、".join(T3_COLUMNS)
    out += [
        "## Categories and bases",
        "",
        "Defect categories: structure, numbering, arithmetic, consistency, date, deadline, "
        "format, content, value, input. The basis column cites docs/basis.md: the "
        "identities I1–I11, the edition signature F0, the sections S, the quality "
        "requirements Q, the statistical period and deadlines D1 and mangled dates D2, and "
        "what inspections name K1–K9; heading "
        "numbering follows GB/T 9704—2012 7.3.3. Table 3 columns are named "
        f"{columns}.",
        "",
    ]
    return "\n".join(out)


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------

_RENDERERS: dict[str, Callable[[Report], bytes]] = {
    "txt": lambda r: render_text(r).encode("utf-8"),
    "gb18030.txt": lambda r: render_text(r).encode("gb18030"),
    "docx": lambda r: docx_bytes(docx_blocks(r)),
    "html": lambda r: render_html(r).encode("utf-8"),
    "md": lambda r: render_markdown(r).encode("utf-8"),
}


def render_all() -> dict[str, bytes]:
    """Every generated file, by name, in a fixed order."""
    reports = all_reports()
    files: dict[str, bytes] = {}
    for report in reports:
        for kind in report.kinds:
            files[file_name(report, kind)] = _RENDERERS[kind](report)
    files.update(flat_files(reports))
    files["README.md"] = (render_readme(reports) + flat_readme(reports)).encode("utf-8")
    assert SEED not in files
    return files


def flat_files(reports: list[Report]) -> dict[str, bytes]:
    """The flattened text forms of every sample."""
    files: dict[str, bytes] = {}
    for report in reports:
        if report.flattened:
            files.update(flat_forms.render(report))
    return files


def flat_readme(reports: list[Report]) -> str:
    out = [
        "",
        "## Flattened text forms",
        "",
        "Each sample also exists as text copied out of a web page or a PDF, its "
        "tables flattened (`scripts/flat_forms.py`); the checker rebuilds the tables from "
        "the packs' definitions and must give the same findings as for the .docx:",
        "",
        "| file | form |",
        "|---|---|",
    ]
    words = {
        "cells": "every table cell on a line of its own; an empty cell is an empty line",
        "pipes": "each table row as `| a | b |`, no header separator, merged cells once",
        "tabs": "each table row's cells separated by tabs, merged cells once",
        "spaces": "each table row laid out in columns of spaces; an empty cell is a gap",
        "collapsed": "line breaks lost: one long line per section, cells between spaces",
    }
    for report in reports:
        for form in flat_forms.FORMS if report.flattened else ():
            out.append(f"| `{flat_forms.file_name(report, form)}` | {words[form]} |")
    out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the bundled sample reports.")
    parser.add_argument("--out", type=Path, default=SAMPLES, help="target folder (samples/)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare with the files in --out instead of writing; exit 1 on a difference",
    )
    args = parser.parse_args(argv)
    files = render_all()
    if args.check:
        stale = [
            name
            for name, data in files.items()
            if not (args.out / name).is_file() or (args.out / name).read_bytes() != data
        ]
        for name in stale:
            print(f"out of date: {name}", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (args.out / name).write_bytes(data)
    print(f"wrote {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
