"""Sample reports for the cross-report rules, written to samples/across/.

    python scripts/across_samples.py            # (re)write samples/across/
    python scripts/across_samples.py --check    # exit 1 if samples/across/ is out of date

江泉县人民政府's reports on 2022 and 2023 form a clean pair (the 2023 one is the
bundled ``edition2021-2023-clean`` sample); each ``jiangquan-2023-<defect>``
file is that later year with one cross-report defect planted. The folders
under ``hierarchy/`` hold the county government and three subordinate bodies
(two departments and a town) for the hierarchy and copy rules. Everything is
rendered with the main sample generator's writers, so the forms agree.
"""

from __future__ import annotations

import argparse
import copy
import sys
from dataclasses import dataclass
from pathlib import Path

from make_samples import docx_blocks, render_markdown
from ooxml import docx_bytes
from sample_content import (
    JQ_BODY,
    T2_NAME,
    T3_NAME,
    T3_RESULTS_2021,
    T4_GROUPS,
    Block,
    Report,
    build_table2_2021,
    build_table3,
    build_table4,
    edition2021_2023_clean,
    table3_data,
    table4_data,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "across"
ZERO = (0, 0, 0, 0, 0, 0)


@dataclass(frozen=True)
class Body:
    """One body's report on one year, as the few figures and paragraphs that differ."""

    name: str
    year: int
    signed: str  # the signature date
    new: tuple[int, ...]  # 本年新收 by applicant column (six)
    carried: tuple[int, ...]  # 上年结转
    granted: tuple[int, ...]  # 予以公开
    unable: tuple[int, ...]  # 本机关不掌握相关政府信息
    documents: tuple[int, int, int]  # 行政规范性文件: 制发, 废止, 现行有效
    licences: int
    scope: str  # the sentence saying what the tables cover ("" for none)
    paragraphs: tuple[str, ...]  # 总体情况 (一)–(五), then 五, then 六


SUBHEADINGS = (
    "（一）主动公开",
    "（二）依申请公开",
    "（三）政府信息管理",
    "（四）政府信息公开平台建设",
    "（五）监督保障",
)


def build(body: Body, slug: str) -> Report:
    """A report in the 2021 format from ``body``: tables first, prose quoting them."""
    parts = {key: ZERO for key, _sub, _label in T3_RESULTS_2021}
    parts.update({"R1": body.new, "R2": body.carried, "R3": body.granted, "R13": body.unable})
    t3 = table3_data(T3_RESULTS_2021, parts)
    t4 = table4_data({group: (0, 0, 0, 0) for group in T4_GROUPS})
    made, repealed, in_force = body.documents
    y = body.year
    requests = (
        f"全年共收到政府信息公开申请{t3.total('R1')}件，上年结转{t3.total('R2')}件；"
        f"本年度办理完毕{t3.total('R24')}件，结转下年度继续办理{t3.total('R25')}件。"
    )
    overview = body.paragraphs[:5]
    blocks = [
        Block("title", f"{body.name}{y}年政府信息公开工作年度报告"),
        Block(
            "paragraph",
            "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作"
            "年度报告格式》（国办公开办函〔2021〕30号）编制。"
            f"本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。{body.scope}",
        ),
        Block("heading", "一、总体情况", 1),
    ]
    for heading, text in zip(SUBHEADINGS, overview, strict=True):
        blocks.append(Block("heading", heading, 2))
        if heading == SUBHEADINGS[1]:
            text = requests + text
        elif heading == SUBHEADINGS[0]:
            text += (
                f"全年制发行政规范性文件{made}件，废止{repealed}件，"
                f"现行有效行政规范性文件{in_force}件。"
            )
        blocks.append(Block("paragraph", text))
    blocks += [
        Block("heading", "二、主动公开政府信息情况", 1),
        Block("table", T2_NAME, table=build_table2_2021(body.documents, body.licences, 0, 0, "0")),
        Block("heading", "三、收到和处理政府信息公开申请情况", 1),
        Block("table", T3_NAME, table=build_table3(t3, docx_vmerge="continue")),
        Block("heading", "四、政府信息公开行政复议、行政诉讼情况", 1),
        Block("paragraph", f"{y}年，本机关未因政府信息公开工作被申请行政复议或者提起行政诉讼。"),
        Block("table", "t4", table=build_table4(t4, docx_vmerge="continue")),
        Block("heading", "五、存在的主要问题及改进情况", 1),
        Block("paragraph", body.paragraphs[5]),
        Block("heading", "六、其他需要报告的事项", 1),
        Block("paragraph", body.paragraphs[6]),
        Block("signature", body.name),
        Block("signature", body.signed),
    ]
    return Report(
        slug=slug,
        kinds=("docx", "md"),
        description=f"{body.name}, report on {y}",
        blocks=blocks,
        html_title=blocks[0].text,
        edition="2021",
        table3=t3,
        table4=t4,
    )


# 江泉县人民政府 on 2022: its carry-forward (自然人 4, 商业企业 1) is 2023's
# carry-over, and 37 in force + 6 issued − 2 repealed = 2023's 41.
JQ_2022 = Body(
    name=JQ_BODY,
    year=2022,
    signed="2023年1月18日",
    new=(50, 6, 0, 1, 2, 1),
    carried=(3, 0, 0, 0, 0, 0),
    granted=(39, 4, 0, 1, 1, 1),
    unable=(10, 1, 0, 0, 1, 0),
    documents=(5, 3, 37),
    licences=29,
    scope=f"本报告第二、三、四部分所列数据为{JQ_BODY}本级数据。",
    paragraphs=(
        "县政府把政务公开作为法治政府建设的基础工作，通过门户网站和政务新媒体发布疫情防控、"
        "稳岗就业和助企纾困政策，新开设惠企政策专栏，逐条标注适用对象和办理渠道。",
        "县政府办公室对每件申请建立办理台账，由专人跟踪答复期限，疑难申请经法律顾问审核后答复。",
        "开展历年文件公开属性复核，对涉及群众切身利益的存量文件补充公开；规范性文件实行统一登记、"
        "统一编号、统一发布。",
        "完成门户网站集约化改造，统一栏目标准和检索入口，关停长期不更新的政务新媒体账号两个。",
        "县政府将政务公开纳入年度目标考核，工作考核结果与绩效挂钩；组织社会评议，邀请企业和群众"
        "代表打分；本年度无责任追究情形。",
        "对照上级考核要求，县政府在依申请公开办理时限管理上还有薄弱环节，个别部门网站栏目内容陈旧。"
        "今后将每月核对答复期限，并对部门网站开展季度抽查，发现问题及时通报整改，"
        "同时把政策解读纳入文件起草环节，做到解读材料与政策文件同步起草、同步审签、同步发布。",
        "本年度未收取信息处理费。县政府办理县人大代表建议和县政协提案的复文已按规定公开。",
    ),
)

# The hierarchy folders: the county government and three subordinate bodies on 2023.
FINANCE = Body(
    name="江泉县财政局",
    year=2023,
    signed="2024年1月15日",
    new=(12, 3, 0, 0, 0, 0),
    carried=ZERO,
    granted=(10, 3, 0, 0, 0, 0),
    unable=(2, 0, 0, 0, 0, 0),
    documents=(1, 0, 4),
    licences=0,
    scope="",
    paragraphs=(
        "县财政局以预决算公开为重点，在局网站发布部门预算、决算说明和政府采购信息，按季度更新"
        "财政资金直达基层情况。",
        "申请多涉及专项资金分配，均在法定期限内答复。",
        "建立财政信息发布前审核清单，涉及个人信息的补贴名单一律去标识化处理。",
        "在局网站开设预决算公开统一平台，实现部门预决算一站式查询。",
        "局党组每季度听取政务公开工作汇报，将公开质量纳入股室考评。",
        "财政信息专业性强，部分预算说明表述过于简略，群众不易读懂。下一步将编写预算公开通俗读本，"
        "在重点项目公示中增加资金用途说明。",
        "本年度未收取信息处理费。",
    ),
)
EDUCATION = Body(
    name="江泉县教育局",
    year=2023,
    signed="2024年1月12日",
    new=(6, 0, 0, 1, 0, 0),
    carried=(1, 0, 0, 0, 0, 0),
    granted=(5, 0, 0, 1, 0, 0),
    unable=(1, 0, 0, 0, 0, 0),
    documents=(2, 1, 9),
    licences=14,
    scope="",
    paragraphs=(
        "县教育局围绕招生入学、学生资助和校园安全发布信息，义务教育招生政策提前一个月公布，"
        "并在各校公告栏同步张贴。",
        "家长咨询集中在学位分配和转学手续，局办公室逐件电话回访。",
        "对民办学校审批、教师招聘等事项的公开内容实行清单管理，每学期更新一次。",
        "开通招生入学网上咨询专线，在局网站设置学生资助专栏。",
        "将各学校信息公开情况纳入年度办学督导评估。",
        "部分学校公开栏内容更新滞后，政策解读偏重文件转发。今后将组织学校信息员培训，"
        "对招生政策制作问答式解读。",
        "本年度未收取信息处理费。",
    ),
)
TOWN = Body(
    name="江泉县青石镇人民政府",
    year=2023,
    signed="2024年1月10日",
    new=(4, 0, 0, 0, 0, 0),
    carried=ZERO,
    granted=(4, 0, 0, 0, 0, 0),
    unable=ZERO,
    documents=(0, 0, 0),
    licences=0,
    scope="本报告所列数据为青石镇人民政府本级数据。",
    paragraphs=(
        "青石镇在便民服务中心和各村村务公开栏公开惠农补贴、低保救助和土地征收信息，"
        "村级事务实行月公开制度。",
        "申请均涉及土地征收补偿，镇政府当面送达答复书。",
        "镇党政办统一登记镇政府发文，逐件确定公开属性。",
        "利用镇微信公众号推送政策信息，在各村设立政务公开信息员。",
        "镇政府将村务公开纳入村级工作考核，开展群众满意度评议，本年度无责任追究情形。",
        "少数村公开栏更新不及时，公开内容不够具体。下一步将实行村务公开月报制度，由镇纪委定期抽查。",
        "本年度未收取信息处理费。",
    ),
)


def jq_2023() -> Report:
    report = edition2021_2023_clean()
    report.slug = "jiangquan-2023"
    report.kinds = ("docx", "md")
    return report


def _replace(report: Report, old: str, new: str) -> None:
    """Change the one paragraph holding ``old``; the sample must really contain it."""
    hits = [b for b in report.blocks if b.table is None and old in b.text]
    if len(hits) != 1:
        raise ValueError(f"{report.slug}: {old!r} found in {len(hits)} blocks")
    hits[0].text = hits[0].text.replace(old, new)


def carry_over() -> Report:
    """2023 carries over 4 requests (自然人 3) where 2022 carried forward 5 (自然人 4);
    本年新收 is one higher so that 2023's own identities still hold."""
    report = copy.deepcopy(jq_2023())
    report.slug = "jiangquan-2023-carry-over"
    t3 = report.table(T3_NAME)
    for row, column, value in (
        ("一、本年新收政府信息公开申请数量", "自然人", "63"),
        ("一、本年新收政府信息公开申请数量", "总计", "78"),
        ("二、上年结转政府信息公开申请数量", "自然人", "3"),
        ("二、上年结转政府信息公开申请数量", "总计", "4"),
    ):
        t3.set(row, column, value)
    _replace(
        report,
        "全年共收到政府信息公开申请77件，其中自然人提出62件",
        "全年共收到政府信息公开申请78件，其中自然人提出63件",
    )
    _replace(report, "上年结转5件", "上年结转4件")
    return report


def in_force() -> Report:
    """2023 says 44 行政规范性文件 in force; 37 + 6 − 2 = 41."""
    report = copy.deepcopy(jq_2023())
    report.slug = "jiangquan-2023-in-force"
    report.table(T2_NAME).set("行政规范性文件", "现行有效件数", "44")
    _replace(report, "现行有效行政规范性文件41件", "现行有效行政规范性文件44件")
    return report


def copied_section() -> Report:
    """2023's 五、存在的主要问题及改进情况 is 2022's, word for word."""
    report = copy.deepcopy(jq_2023())
    report.slug = "jiangquan-2023-copied-section"
    start = next(i for i, b in enumerate(report.blocks) if b.text == "五、存在的主要问题及改进情况")
    end = next(i for i, b in enumerate(report.blocks) if b.text == "六、其他需要报告的事项")
    report.blocks[start + 1 : end] = [Block("paragraph", JQ_2022.paragraphs[5])]
    return report


def copied_report() -> Report:
    """2022's report with the year and the figures changed to 2023's."""
    body = Body(
        **{
            **JQ_2022.__dict__,
            "year": 2023,
            "signed": "2024年1月20日",
            "new": (62, 9, 0, 1, 3, 2),
            "carried": (4, 1, 0, 0, 0, 0),
            "granted": (52, 9, 0, 1, 3, 2),
            "unable": (7, 0, 0, 0, 0, 0),
            "documents": (6, 2, 41),
            "licences": 37,
        }
    )
    return build(body, "jiangquan-2023-copied-report")


def government(scope: str) -> Body:
    return Body(
        name=JQ_BODY,
        year=2023,
        signed="2024年1月20日",
        new=(62, 9, 0, 1, 3, 2),
        carried=(4, 1, 0, 0, 0, 0),
        granted=(55, 8, 0, 1, 2, 2),
        unable=(4, 1, 0, 0, 1, 0),
        documents=(6, 2, 41),
        licences=37,
        scope=scope,
        paragraphs=(
            "全县各级行政机关围绕优化营商环境发布政策文件和解读材料，县政府门户网站集中发布"
            "全县行政规范性文件并动态更新。",
            "全县申请主要涉及征地拆迁、社会保障和市场监管，均在法定期限内答复。",
            "全县推行公文公开属性源头认定，健全发布前保密审查机制。",
            "整合全县政务新媒体账号，在县政务服务中心和各乡镇设置政府信息公开查阅点。",
            "工作考核方面，将政务公开纳入全县综合考核；社会评议方面，开展网上问卷评议；"
            "责任追究方面，本年度未发生需要追究责任的情形。",
            "部分乡镇和部门对政务公开重视不够，信息发布不够及时。下一步将加强督促检查，"
            "把信息发布时效纳入季度检查内容。",
            "本年度全县未收取信息处理费。",
        ),
    )


REGION = "本报告第二、三、四部分所列数据为全县汇总数据，含县人民政府各部门和各乡镇。"


def hierarchy() -> dict[str, list[Report]]:
    """Folder → reports: clean, figures below the subordinates', coverage unsaid, a copy."""
    subordinates = [
        build(b, s) for b, s in ((FINANCE, "finance"), (EDUCATION, "education"), (TOWN, "qingshi"))
    ]
    big = Body(**{**FINANCE.__dict__, "new": (70, 3, 0, 0, 0, 0), "granted": (68, 3, 0, 0, 0, 0)})
    copied = Body(**{**EDUCATION.__dict__, "paragraphs": FINANCE.paragraphs})
    return {
        "clean": [build(government(REGION), "jiangquan"), *subordinates],
        "sum": [build(government(REGION), "jiangquan"), build(big, "finance"), *subordinates[1:]],
        "undeclared": [build(government(""), "jiangquan"), *subordinates],
        "copied": [
            build(government(REGION), "jiangquan"),
            subordinates[0],
            build(copied, "education"),
            subordinates[2],
        ],
    }


def pair_reports() -> list[Report]:
    return [
        build(JQ_2022, "jiangquan-2022"),
        jq_2023(),
        carry_over(),
        in_force(),
        copied_section(),
        copied_report(),
    ]


README = "\n".join(
    [
        "# Samples for the cross-report rules",
        "",
        ("Generated by `python scripts/across_samples.py`; do not edit. The bodies are invented."),
        "",
        ("| file | what it is | expected cross-report findings |"),
        "|---|---|---|",
        ("| `jiangquan-2022.*` | 江泉县人民政府 on 2022, written afresh | — |"),
        (
            "| `jiangquan-2023.*` | 江泉县人民政府 on 2023 "
            "(`edition2021-2023-clean`): with 2022, "
            "a clean pair | none |"
        ),
        (
            "| `jiangquan-2023-carry-over.*` | 上年结转 "
            "4 (自然人 3); 2022 carried 5 (自然人 4) forward "
            "| R101 ×2 |"
        ),
        ("| `jiangquan-2023-in-force.*` | 44 行政规范性文件 in force; 37 + 6 − 2 = 41 | R102 |"),
        (
            "| `jiangquan-2023-copied-section.*` "
            "| 五、存在的主要问题及改进情况 copied from 2022 | "
            "R201 |"
        ),
        (
            "| `jiangquan-2023-copied-report.*` |"
            " 2022's report with the year and figures "
            "changed | R202 |"
        ),
        (
            "| `hierarchy/clean/` | the county (figures "
            "region-wide), two departments and a "
            "town | none |"
        ),
        (
            "| `hierarchy/sum/` | 江泉县财政局 at 73 new "
            "requests: the three add up to 84, the "
            "county says 77 | R301 ×2 |"
        ),
        (
            "| `hierarchy/undeclared/` | the county "
            "does not say whether its figures are "
            "its own or region-wide | R302 |"
        ),
        ("| `hierarchy/copied/` | 江泉县教育局's text is 江泉县财政局's | R203 on both |"),
        "",
        (
            "Check a pair with `checker check jiangquan-2023-in-force.md "
            "--previous jiangquan-2022.md`, or name"
        ),
        (
            "both files; checking the whole folder "
            "pairs every 2023 variant with 2022, "
            "and reports each"
        ),
        ("2023 variant as a second report of the same body and year (R401), as it should."),
        "",
    ]
)


def render_all() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for report in pair_reports():
        files[f"{report.slug}.md"] = render_markdown(report).encode("utf-8")
        files[f"{report.slug}.docx"] = docx_bytes(docx_blocks(report))
    for folder, reports in hierarchy().items():
        for report in reports:
            files[f"hierarchy/{folder}/{report.slug}-2023.md"] = render_markdown(report).encode(
                "utf-8"
            )
    files["README.md"] = README.encode("utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 when --out is out of date")
    args = parser.parse_args(argv)
    files = render_all()
    if args.check:
        stale = [
            n
            for n, d in files.items()
            if not (args.out / n).is_file() or (args.out / n).read_bytes() != d
        ]
        for name in stale:
            print(f"out of date: {name}", file=sys.stderr)
        return 1 if stale else 0
    for name, data in files.items():
        target = args.out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"wrote {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
