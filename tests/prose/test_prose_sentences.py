"""Sentences modelled on published reports (figures changed), each with the findings it must yield.

Every pattern is written in several phrasings, correct and wrong. The
``silent`` cases are sentences the recogniser must leave alone: overlapping
channels, approximate figures, ranges, dates, phone, document and article
numbers, mixed units, shares of another whole, rates without a base.
Paragraphs are separated by blank lines (each is one block).
"""

from __future__ import annotations

import pytest
from prose_helpers import prose_findings

# (name, text, {rule: count}); an empty dict means no prose finding at all
CASES: list[tuple[str, str, dict[str, int]]] = [
    # ---- breakdowns ending with a catch-all: parts must make the total (P101)
    (
        "catch-all-semicolons-wrong",
        "主动公开政府信息6391条，其中概况类信息1105条；政务动态类信息2896条；其他信息2004条。",
        {"P101": 1},
    ),
    (
        "catch-all-semicolons-right",
        "主动公开政府信息6391条，其中概况类信息1105条；政务动态类信息2896条；其他信息2390条。",
        {},
    ),
    (
        "catch-all-enumeration-comma-wrong",
        "全年主动公开政府信息2186条，其中机构职能47条、环境质量信息612条、其它信息1500条。",
        {"P101": 1},
    ),
    ("catch-all-qiyu-right", "本年度办理完毕50件，其中予以公开22件，部分公开5件，其余23件。", {}),
    (
        "catch-all-qiyu-wrong",
        "本年度办理完毕50件，其中予以公开22件，部分公开5件，其余20件。",
        {"P101": 1},
    ),
    (
        "cue-opens-next-sentence-wrong",
        "共新增主动公开政府信息312条。其中，概况类12条，动态类200条，其他类80条。",
        {"P101": 1},
    ),
    (
        "inverted-fenbie-wrong",
        "主动公开政府信息2000条，其中概况类、动态类、其他类信息分别为500条、800条、600条。",
        {"P101": 1},
    ),
    (
        "inverted-fenbie-right",
        "主动公开政府信息2000条，其中概况类、动态类、其他类信息分别为500条、800条、700条。",
        {},
    ),
    (
        "amounts-in-wan-yuan-wrong",
        "收取信息处理费共计1.5万元，其中复印费0.5万元，其他费用1.2万元。",
        {"P101": 1},
    ),
    ("chinese-numerals-right", "收到政府信息公开申请十五件，其中网上申请十件，其他申请五件。", {}),
    (
        "enumerated-yi-shi-wrong",
        "主动公开信息500条，其中：一是概况类信息100条；二是动态类信息300条；三是其他信息50条。",
        {"P101": 1},
    ),
    (
        "nested-bracket-right",
        "主动公开政府信息800条，其中规范性文件类300条（含新制发100条），其他类500条。",
        {},
    ),
    (
        "nested-bracket-wrong",
        "主动公开政府信息800条，其中规范性文件类300条（含新制发100条），其他类400条。",
        {"P101": 1},
    ),
    (
        "results-of-requests-right",
        "本年度办理完毕50件，其中予以公开22件，部分公开5件，不予公开5件，无法提供15件，"
        "不予处理2件，其他处理1件；结转下年度继续办理4件。",
        {},
    ),
    # ---- breakdowns without a catch-all: parts must not exceed the total (P102)
    ("within-exceeds", "共收到政府信息公开申请51件，其中当面申请12件，网上申请45件。", {"P102": 1}),
    (
        "within-right-then-carried-over",
        "全年共收到政府信息公开申请51件，其中自然人申请41件，法人或其他组织申请10件；上年结转3件。",
        {},
    ),
    (
        "within-carried-over-at-same-level",
        "收到政府信息公开申请51件，其中自然人申请41件，法人或其他组织申请10件，上年结转3件。",
        {},
    ),
    (
        "within-bracketed-exceeds",
        "全年收到申请30件（其中网上申请20件，当面申请15件）。",
        {"P102": 1},
    ),
    ("fenbiewei-direct-right", "收到政府信息公开申请3件，分别为当面申请1件、网上申请2件。", {}),
    (
        "fenbiewei-direct-exceeds",
        "收到政府信息公开申请3件，分别为当面申请2件、网上申请2件。",
        {"P102": 1},
    ),
    ("inverted-he-exceeds", "收到申请51件，其中自然人和法人分别为41件和11件。", {"P102": 1}),
    (
        "within-subset-right",
        "全年在县人民政府门户网站主动公开政府信息5230条，其中政策文件及解读386条、工作动态2944条。",
        {},
    ),
    # ---- shares (P103 each share, P104 their sum)
    (
        "share-wrong-reported-once",
        "共新增主动公开政府信息312条。其中，机构概况类5条，占1.6%；政策文件类30条，占9.6%；"
        "规划计划类70条，占22.4%；其它类207条，占58.1%。",
        {"P103": 1},
    ),
    (
        "share-right",
        "共新增主动公开政府信息312条。其中，机构概况类5条，占1.6%；政策文件类30条，占9.6%；"
        "规划计划类70条，占22.4%；其它类207条，占66.3%。",
        {},
    ),
    (
        "share-finer-decimals-right",
        "共新增主动公开政府信息312条。其中，机构概况类5条，占1.60%；其它类307条，占98.40%。",
        {},
    ),
    (
        "share-finer-decimals-coarse-tolerance",
        "共新增主动公开政府信息312条。其中，概况类105条，占33.65%；其它类207条，占66.28%。",
        {},
    ),
    (
        "share-in-brackets-wrong",
        "收到申请51件，其中自然人申请41件（占82%），法人或其他组织申请10件（占19.6%）。",
        {"P103": 1},
    ),
    (
        "share-zhanbi-right",
        "收到申请30件，其中网上申请20件，占比66.7%，当面申请10件，占比33.3%。",
        {},
    ),
    (
        "share-baifenzhi-wrong",
        "收到申请30件，其中网上申请20件，占百分之五十，其他申请10件，占百分之三十三点三。",
        {"P103": 1},
    ),
    (
        "share-of-total-right",
        "收到申请30件，其中网上申请20件，占总数的66.7%，其他申请10件，占总数的33.3%。",
        {},
    ),
    ("share-truncated-right", "收到申请3件，其中网上申请2件，占66.6%，其他申请1件，占33.3%。", {}),
    (
        "shares-alone-sum-wrong",
        "主动公开政府信息500条，其中概况类占20%，动态类占50%，其他类占20%。",
        {"P104": 1},
    ),
    (
        "shares-alone-sum-right",
        "主动公开政府信息500条，其中概况类占20%，动态类占50%，其他类占30%。",
        {},
    ),
    # ---- growth (P105 amounts, P108 direction)
    (
        "growth-previous-after-compare-wrong",
        "主动公开政府信息600条，较上年的500条增长15%。",
        {"P105": 1},
    ),
    ("growth-previous-after-compare-right", "主动公开政府信息600条，较上年的500条增长20%。", {}),
    (
        "growth-previous-stated-first-right",
        "收到政府信息公开申请25件，上年为20件，同比增长25%。",
        {},
    ),
    ("growth-wrong-direction", "收到政府信息公开申请25件，上年为20件，同比下降25%。", {"P108": 1}),
    ("growth-change-and-rate-right", "受理申请20件，较上年（25件）减少5件，下降20%。", {}),
    ("growth-change-wrong", "受理申请20件，较上年（25件）减少6件。", {"P105": 1}),
    (
        "growth-derived-previous-wrong",
        "主动公开政府信息600条，比上年增加100条，增长25%。",
        {"P105": 1},
    ),
    ("growth-flat-wrong", "收到申请21件，与上年（20件）持平。", {"P108": 1}),
    (
        "growth-prior-year-by-number-wrong",
        "2018年主动公开政府信息600条，2017年为500条，增长10%。",
        {"P105": 1},
    ),
    (
        "growth-prior-year-by-number-right",
        "2018年主动公开政府信息600条，2017年为500条，增长20%。",
        {},
    ),
    # ---- the same figure stated twice (P106)
    (
        "same-figure-two-sections-wrong",
        "## 一、总体情况\n\n通过审计信息栏目公开信息20条。\n\n"
        "## 二、主动公开政府信息情况\n\n全年通过审计信息专栏公开政府信息16条。",
        {"P106": 1},
    ),
    (
        "same-figure-two-sections-right",
        "## 一、总体情况\n\n通过审计信息栏目公开信息20条。\n\n"
        "## 二、主动公开政府信息情况\n\n全年通过审计信息专栏公开政府信息20条。",
        {},
    ),
    (
        "same-figure-requests-wrong",
        "全年共收到政府信息公开申请25件。\n\n本年度共收到政府信息公开申请23件，均已按时答复。",
        {"P106": 1},
    ),
    # ---- silent: what the recogniser deliberately leaves alone
    (
        "silent-channels-overlap-exceed",
        "主动公开政府信息1120条，其中网站公开950条，微信公开60条，其他方式公开210条。",
        {},
    ),
    (
        "silent-channels-short-without-catch-all",
        "主动公开政府信息1626条，其中政府网站公开1102条，政务微信公开259条。",
        {},
    ),
    ("silent-yu-approximate-part", "主动公开政府信息500条，其中概况类10余条，其他类300条。", {}),
    ("silent-approximate-total", "收到申请约50件，其中网上申请30件，其他申请10件。", {}),
    (
        "silent-zuoyou-approximate-part",
        "主动公开政府信息500条，其中概况类100条左右，其他类300条。",
        {},
    ),
    ("silent-range", "收到申请25件，其中当面申请10—12件，其他申请13件。", {}),
    (
        "silent-dates-are-not-figures",
        "主动公开政府信息300条，其中2018年1月1日至6月30日公开100条，7月1日至12月31日公开200条。",
        {},
    ),
    ("silent-phone-number", "主动公开政府信息300条，其中通过12345热线回复100条，其他150条。", {}),
    (
        "silent-document-number",
        "主动公开政府信息300条，其中转发国办公开办函〔2021〕30号等文件12条，其他信息288条。",
        {},
    ),
    (
        "silent-article-number",
        "主动公开政府信息350条，其中依据《条例》第二十条公开100条，其他250条。",
        {},
    ),
    (
        "article-number-is-no-figure-wrong",
        "主动公开政府信息360条，其中依据《条例》第二十条公开100条，其他250条。",
        {"P101": 1},
    ),
    ("silent-units-differ", "主动公开政府信息800条，其中规范性文件50件，其他信息700条。", {}),
    (
        "silent-a-part-as-large-as-the-whole",
        "收到申请25件，其中依申请公开20件，咨询5件，已全部办结25件。",
        {},
    ),
    (
        "silent-two-breakdowns-run-together",
        "全年公开财政预决算信息120条，其中部门预算60条、部门决算60条、“三公”经费20条。",
        {},
    ),
    (
        "silent-two-dimensions-run-together",
        "收到申请120件，其中自然人申请110件，法人申请10件，网上申请80件，当面申请40件。",
        {},
    ),
    ("silent-single-part", "共召开新闻发布会5场，其中主要负责同志出席8场。", {}),
    (
        "silent-share-of-another-whole",
        "收到申请30件，其中网上申请20件，占全市申请总量的5%，其他申请10件。",
        {},
    ),
    (
        "silent-approximate-share",
        "收到申请30件，其中网上申请20件，约占50%，其他申请10件，约占50%。",
        {},
    ),
    ("silent-rate-without-base", "主动公开政府信息800条，同比增长15%。", {}),
    ("silent-times-not-percent", "主动公开政府信息600条，较上年的500条增长1倍。", {}),
    ("silent-percentage-points", "收到申请25件，较上年（20件）增长5个百分点。", {}),
    ("silent-roughly-flat", "收到申请21件，与上年（20件）基本持平。", {}),
    (
        "silent-same-label-last-year",
        "全年共收到政府信息公开申请25件。\n\n上年共收到政府信息公开申请20件。",
        {},
    ),
    (
        "silent-same-label-other-month",
        "全年共收到政府信息公开申请25件。\n\n12月份收到政府信息公开申请3件。",
        {},
    ),
    (
        "silent-same-label-other-body",
        "县政府办公室：收到政府信息公开申请25件。\n\n县教育局：收到政府信息公开申请3件。",
        {},
    ),
    (
        "silent-listed-side-by-side",
        "城关镇，收到政府信息公开申请5件；河口镇，收到政府信息公开申请3件。\n\n"
        "收到政府信息公开申请5件。",
        {},
    ),
    (
        "silent-sum-stated-after-the-parts",
        "概况类1105条、动态类2896条、其他2004条，共计6391条。",
        {},
    ),
]


def test_there_are_enough_sentences() -> None:
    assert len(CASES) >= 40
    assert sum(1 for _, _, want in CASES if want) >= 15
    assert sum(1 for name, _, _ in CASES if name.startswith("silent")) >= 15


@pytest.mark.parametrize(("text", "want"), [pytest.param(t, w, id=n) for n, t, w in CASES])
def test_sentence(text: str, want: dict[str, int]) -> None:
    got: dict[str, int] = {}
    for f in prose_findings(text):
        got[f.rule] = got.get(f.rule, 0) + 1
    assert got == want
