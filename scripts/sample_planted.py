"""Samples that plant what drafts do to the format as a whole.

Inspections name defects that no one-cell edit can plant: rows and columns
deleted from the format's tables, a section heading with nothing under it, the
problems section cut down to "无". These samples plant them with the
structural defect actions of ``sample_content.Defect``, next to decoys: correct
sentences about last year's figures that a reader who ignores the year would
take as this year's facts (the checker must stay silent on them).

Each sample is a clean sample plus its listed changes, like every defective
sample; ``sample_content.all_reports`` lists them after the others.
"""

from __future__ import annotations

from sample_content import (
    QH_TITLE,
    T2_NAME,
    T3_COLUMNS,
    T3_NAME,
    T3_RESULTS_2019,
    T4_GROUPS,
    T4_NAME,
    Defect,
    Report,
    defective_from,
    edition2019_2020_clean,
    legacy_2018_clean,
    t3_row_label,
)

KINDS = ("docx", "html", "md")


def deleted(
    what: str, section: str, table: str, row: str = "", column: str = "", **more: str
) -> Defect:
    """A row or column of the format deleted from a table (K1)."""
    return Defect(
        category="structure",
        rule="K1",
        what=what,
        section=section,
        action="delete-row" if row else "delete-column",
        table=table,
        row=row,
        column=column,
        old=row or column,
        new=None,
        actual="(row absent)" if row else "(column absent)",
        **more,
    )


def emptied(heading: str, new: str | None, expected: str, **more: str) -> Defect:
    """A section's body removed, or cut down to ``new`` (K3)."""
    return Defect(
        category="content",
        rule="K3",
        what="the problems section says only “无”"
        if new
        else "a required section with nothing under its heading",
        section=heading,
        action="empty-section",
        old=heading,
        new=new,
        expected=expected,
        actual=new or "(nothing)",
        **more,
    )


def t2_value(what: str, row: str, column: str, old: str, new: str) -> Defect:
    """A Table 2 cell that is not a figure the format allows (K5)."""
    return Defect(
        category="value",
        rule="K5",
        what=what,
        section="二",
        table=T2_NAME,
        row=row,
        column=column,
        old=old,
        new=new,
        expected=old,
        actual=new,
    )


def legacy_2018_pruned() -> Report:
    """The legacy report with an empty section, a bare problems section and a
    sentence on 2017's total placed before this year's."""
    clean = legacy_2018_clean()
    assert clean.legacy is not None
    channels = sum(clean.legacy.channels.values())
    last_year = 1893  # more than this year's channels add up to: read as 2018's, A101 would fire
    assert last_year > channels
    defects = (
        emptied("六、其他需要报告的事项", None, "本年度无其他需要报告的事项。"),
        emptied(
            "五、存在的主要问题和改进措施",
            "无。",
            "the problems found and the measures taken",
            also="its sub-headings （一）存在问题 and （二）改进措施 go with the body",
        ),
        Defect(
            category="consistency",
            rule="K9",
            what=(
                "decoy: last year's total before this year's; read as 2018's it would break "
                "the channel sum (A101)"
            ),
            section="一、政府信息公开组织领导情况",
            old="依据类别及时更新公开内容。",
            new=f"依据类别及时更新公开内容。2017年，经开区主动公开政府信息数{last_year}条。",
            expected="no finding",
            actual=f"2017: {last_year}",
            decoy=f"经开区主动公开政府信息数{last_year}条。",
        ),
    )
    report = defective_from(
        clean,
        slug="legacy-2018-pruned",
        description=(
            "关于2018年度政府信息公开工作情况的报告 (legacy format) with two sections "
            "without substance and a decoy: a sentence on 2017's figures that must not be "
            "read as 2018's."
        ),
        defects=defects,
    )
    report.kinds = KINDS
    report.flattened = False  # collapsed: the empty 六 runs on into the signer, no longer empty
    return report


def edition2019_2020_pruned() -> Report:
    """The 2020 department report with rows and columns deleted from its tables,
    sections emptied, a short period, Table 2 values in words, and decoys."""
    clean = edition2019_2020_clean()
    t3 = clean.table3
    t4 = clean.table4
    assert t3 is not None and t4 is not None
    query_row = next(
        t3_row_label(sub, label) for key, sub, label in T3_RESULTS_2019 if key == "R12"
    )
    welfare = T3_COLUMNS[3]
    pending = f"{T4_GROUPS[0]} / 尚未审结"
    assert t3.values["R12"] == (0,) * 7
    assert all(row[3] == 0 for row in t3.values.values())
    assert t4.groups[T4_GROUPS[0]][3] == 0
    requests = t3.total("R1") - 15
    reviews = t4.total(T4_GROUPS[0]) + 3
    defects = (
        deleted(
            "a Table 3 row deleted (its counts were all 0)",
            "三",
            T3_NAME,
            row=query_row,
            expected="the row, with 0 in every column",
        ),
        deleted(
            "a Table 3 applicant column deleted (its counts were all 0)",
            "三",
            T3_NAME,
            column=welfare,
            expected="the column, with 0 in every row",
            also="法人或其他组织 now spans four columns",
        ),
        deleted(
            "a Table 4 column deleted (its count was 0)",
            "四",
            T4_NAME,
            column=pending,
            expected="the column, with 0",
            also="行政复议 now spans four columns",
        ),
        deleted(
            "a Table 2 row deleted", "二", T2_NAME, row="其他对外管理服务事项", expected="the row"
        ),
        t2_value("a count written in words", "行政处罚", "处理决定数量", "203", "约200"),
        t2_value(
            "an amount written as an estimate",
            "政府集中采购",
            "采购总金额",
            "862.35万元",
            "约862万元",
        ),
        t2_value("a change written in words", "行政许可", "本年增/减", "-1", "减少若干"),
        emptied(
            "六、其他需要报告的事项",
            None,
            "本年度未收取政府信息公开相关费用，无其他需要报告的事项。",
        ),
        emptied(
            "五、存在的主要问题及改进情况", "无。", "the problems found and how they were addressed"
        ),
        Defect(
            category="date",
            rule="D2",
            what="a statistical period that stops short of the calendar year",
            section="opening paragraph",
            old="至2020年12月31日止",
            new="至2020年12月30日止",
            expected="2020年12月31日",
            actual="2020年12月30日",
        ),
        Defect(
            category="consistency",
            rule="K9",
            what=(
                "decoy: 2019's figures before this year's; read as 2020's they would "
                "contradict Table 3 (X401)"
            ),
            section="一、总体情况 (opening paragraph)",
            old="不断提升政府信息公开工作的规范化水平。",
            new=(
                "不断提升政府信息公开工作的规范化水平。"
                f"2019年，本局主动公开政府信息418条，共收到政府信息公开申请{requests}件。"
            ),
            expected="no finding",
            actual=f"2019: 418, {requests}",
            decoy=f"本局主动公开政府信息418条，共收到政府信息公开申请{requests}件。",
        ),
        Defect(
            category="consistency",
            rule="K9",
            what=(
                "decoy: last year's reconsiderations (上年同期) before this year's; read as "
                "2020's they would contradict Table 4 (X404)"
            ),
            section="一（五）监督保障",
            old="调整局政务公开工作领导小组，",
            new=f"上年同期，本局被申请行政复议{reviews}件。调整局政务公开工作领导小组，",
            expected="no finding",
            actual=f"last year: {reviews}",
            decoy=f"本局被申请行政复议{reviews}件。",
        ),
    )
    report = defective_from(
        clean,
        slug="edition2019-2020-pruned",
        description=(
            f"{QH_TITLE} with rows and columns deleted from Tables 2–4, two sections "
            "without substance, a short statistical period and Table 2 values in words, "
            "plus decoys: sentences on the figures of 2019 that must not be read as "
            "the figures of 2020."
        ),
        defects=defects,
    )
    report.kinds = KINDS
    report.flattened = False  # cells, spaces, collapsed: Tables 3 and 4 cannot be rebuilt
    return report


def reports() -> list[Report]:
    return [legacy_2018_pruned(), edition2019_2020_pruned()]
