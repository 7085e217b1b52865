"""What the recogniser understands in a sentence, piece by piece."""

from __future__ import annotations

from decimal import Decimal

import pytest
from prose_helpers import read, vocab

from checker.extract.prose import Breakdown, Growth
from checker.extract.prose_labels import LabelGrammar
from checker.extract.prose_numbers import Scanner

# ---- figures


def _quantities(text: str) -> list[tuple[str, str, bool]]:
    figures = Scanner(vocab()).scan(text)
    return [(str(q.value), q.unit, q.approx) for q in figures.quantities]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("主动公开政府信息1,626条", [("1626", "条", False)]),
        ("收到申请十五件", [("15", "件", False)]),
        ("收取费用12.5万元", [("12.5", "万元", False)]),
        ("参加培训120人次", [("120", "人次", False)]),
        ("概况类10余条", [("10", "条", True)]),
        ("收到申请约50件", [("50", "件", True)]),
        ("公开100条左右", [("100", "条", True)]),
        ("公开200条以上", [("200", "条", True)]),
        ("数十条", [("10", "条", True)]),
        ("当面申请10-12件", [("12", "件", True)]),
        ("当面申请10条至12条", [("10", "条", True), ("12", "条", True)]),
        ("依据《条例》第二十条", []),
        ("第3期简报", []),
        ("2019年1月15日", []),
        ("国办公开办函〔2021〕30号", []),
        ("实行一次性告知", []),
        ("公开1万条", []),
    ],
)
def test_quantities(text: str, want: list[tuple[str, str, bool]]) -> None:
    assert _quantities(text) == want


@pytest.mark.parametrize(
    ("text", "stray"),
    [
        ("咨询电话0373-3681234", True),
        ("12345热线", True),
        ("公开1万条", True),
        ("2019年1月15日", False),
        ("〔2021〕30号", False),
        ("第20条", False),
        ("公开100条，占20%", False),
    ],
)
def test_stray_digits(text: str, stray: bool) -> None:
    assert bool(Scanner(vocab()).scan(text).stray) is stray


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("占66.3%", "66.3", 1),
        ("占66.28%", "66.28", 2),
        ("占20%", "20", 0),
        ("占百分之二十", "20", 0),
        ("占百分之六十六点三", "66.3", 1),
        ("占百分之五点零五", "5.05", 2),
    ],
)
def test_percents(text: str, value: str, decimals: int) -> None:
    (p,) = Scanner(vocab()).scan(text).percents
    assert (p.value, p.decimals) == (Decimal(value), decimals)


# ---- breakdowns


def _breakdowns(text: str) -> list[Breakdown]:
    return [b for _, b in read(text).breakdowns()]


def test_breakdown_parts_labels_and_catch_all() -> None:
    (b,) = _breakdowns(
        "主动公开政府信息6391条，其中概况类信息1105条；政务动态类信息2896条；其他信息2004条。"
    )
    assert b.total_label == "主动公开政府信息"
    assert b.total.value == 6391 and b.total.unit == "条"
    assert [(p.label, p.quantity.value if p.quantity else None) for p in b.parts] == [
        ("概况类信息", 1105),
        ("政务动态类信息", 2896),
        ("其他信息", 2004),
    ]
    assert b.catch_all and not b.overlap and not b.open_ended


def test_a_lower_separator_stays_inside_a_part() -> None:
    (b,) = _breakdowns("主动公开政府信息300条，其中概况类、动态类信息100条，其他信息200条。")
    assert [p.label for p in b.parts] == ["概况类、动态类信息", "其他信息"]


def test_a_higher_separator_ends_the_list() -> None:
    (b,) = _breakdowns("收到申请51件，其中自然人41件，法人10件；另有咨询30件。")
    assert [p.label for p in b.parts] == ["自然人", "法人"]


def test_shares_attach_to_their_part() -> None:
    (b,) = _breakdowns("新增信息312条。其中，机构概况类5条，占1.6%；其它类307条（占98.4%）。")
    assert [(p.label, str(p.share.value) if p.share else None) for p in b.parts] == [
        ("机构概况类", "1.6"),
        ("其它类", "98.4"),
    ]


def test_a_bracketed_list_ends_at_its_bracket() -> None:
    (b,) = _breakdowns("收到申请30件（其中网上申请20件，当面申请10件），办结28件。")
    assert [p.label for p in b.parts] == ["网上申请", "当面申请"]


def test_parts_naming_channels_may_overlap() -> None:
    (b,) = _breakdowns("主动公开政府信息1120条，其中网站公开950条，微信公开60条。")
    assert b.overlap


def test_a_list_ending_with_deng_is_open() -> None:
    (b,) = _breakdowns("主动公开政府信息300条，其中概况类100条，其他类200条等。")
    assert b.open_ended and not b.catch_all


def test_not_parts_end_the_list() -> None:
    (b,) = _breakdowns("收到申请51件，其中自然人41件，法人10件，上年结转3件。")
    assert len(b.parts) == 2


@pytest.mark.parametrize(
    "text",
    [
        "主动公开政府信息300条，其中其他类100条，概况类200条。",  # catch-all in the middle
        "主动公开政府信息300条，其中概况类100条动态类200条。",  # two figures, one part
        "主动公开政府信息300条，其中概况类100条为主，动态类200条。",  # words after the figure
        "公开规章3件、规范性文件20件，其中新制发10件，修订5件。",  # the total is a list item
        "收到申请25件，已全部办结。其中网上申请20件，当面申请5件。",  # cue not next to a figure
        "收到申请约25件，其中网上申请20件，当面申请5件。",  # approximate total
        "主动公开信息800条，其中规范性文件50件，其他信息700条。",  # units differ
        "主动公开信息800条，其中2018年新增的约300条，其他500条。",  # approximate part
    ],
)
def test_lists_not_understood_are_dropped(text: str) -> None:
    assert _breakdowns(text) == []


def test_cue_may_open_the_next_sentence() -> None:
    (b,) = _breakdowns("收到申请25件，办结23件。其中，按时办结20件，延期办结3件。")
    assert b.total.value == 23


def test_inverted_form_pairs_names_and_figures() -> None:
    (b,) = _breakdowns("收到申请51件，其中自然人、法人和其他组织分别为30件、11件和10件。")
    assert [(p.label, p.quantity.value if p.quantity else None) for p in b.parts] == [
        ("自然人", 30),
        ("法人", 11),
        ("其他组织", 10),
    ]


def test_inverted_form_with_unequal_counts_is_dropped() -> None:
    assert _breakdowns("收到申请51件，其中自然人、法人分别为30件、11件、10件。") == []


# ---- growth


def _growth(text: str) -> Growth:
    (g,) = [g for _, g in read(text).growths()]
    return g


def test_growth_with_previous_after_the_comparison() -> None:
    g = _growth("主动公开政府信息600条，较上年的500条增长20%。")
    assert (g.current.value, g.previous and g.previous.value, g.direction) == (600, 500, "up")
    assert g.rate is not None and g.rate.value == 20 and g.change is None


def test_growth_with_previous_in_brackets_and_change() -> None:
    g = _growth("受理申请20件，较上年（25件）减少5件，下降20%。")
    assert g.previous is not None and g.previous.value == 25
    assert g.change is not None and g.change.value == 5
    assert g.direction == "down" and g.rate is not None and g.rate.value == 20


def test_growth_with_previous_stated_first() -> None:
    g = _growth("收到申请25件，上年为20件，同比增长25%。")
    assert g.previous is not None and g.previous.value == 20


def test_growth_with_the_prior_year_by_number() -> None:
    g = _growth("2018年主动公开政府信息600条，2017年为500条，增长20%。")
    assert g.previous is not None and g.previous.value == 500


def test_growth_from_change_and_rate_alone() -> None:
    g = _growth("主动公开政府信息600条，比上年增加100条，增长20%。")
    assert g.previous is None and g.change is not None and g.rate is not None


@pytest.mark.parametrize(
    "text",
    [
        "主动公开政府信息800条，同比增长15%。",
        "主动公开政府信息800条，较上年增加100条。",
        "主动公开政府信息600条，较上年增长1倍。",
        "收到申请25件，较上年（20件）增长5个百分点。",
        "收到申请21件，与上年（20件）基本持平。",
        "收到申请约25件，较上年（20件）增长25%。",
        "收到申请25件，较上年（约20件）增长25%。",
        "收到申请25件，较上年（20条）增长25%。",
    ],
)
def test_growth_not_understood(text: str) -> None:
    assert [g for _, g in read(text).growths()] == []


# ---- named figures


def test_labels_are_normalised() -> None:
    grammar = LabelGrammar(vocab(), 2018)
    assert grammar.normalise("全年通过审计信息专栏公开政府信息") == "审计信息栏目公开信息"
    assert grammar.normalise("通过审计信息栏目公开信息") == "审计信息栏目公开信息"
    assert grammar.normalise("2018年度共收到政府信息公开申请") == "收到申请"


def _statements(text: str) -> list[tuple[str, int]]:
    return [(s.key, int(s.quantity.value)) for _, s in read(text).statements()]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("全年共收到政府信息公开申请25件。", [("收到申请", 25)]),
        ("县教育局：收到政府信息公开申请3件。", [("县教育局:收到申请", 3)]),
        ("全年公开20条信息。", []),  # the figure is followed by words
        ("全年共收到政府信息公开申请二十五件。", []),  # Chinese numerals are not compared
        ("上年共收到政府信息公开申请20件。", []),  # another period
        ("2017年共收到政府信息公开申请20件。", []),  # another year
        ("截至年底累计公开信息2000条。", []),  # cumulative
        ("收到申请51件，其中自然人41件。", [("收到申请", 51)]),  # parts are not named
        ("计划公开信息500条。", []),  # a plan
        ("公开信息约20条。", []),  # approximate
        ("公开信息20条。", [("公开信息", 20)]),
        ("公开20条。", []),  # too short to name anything
    ],
)
def test_named_figures(text: str, want: list[tuple[str, int]]) -> None:
    assert _statements(text) == want


def test_units_compare_only_within_their_group() -> None:
    v = vocab()
    assert v.comparable("人", "名")
    assert not v.comparable("条", "件")
    assert not v.comparable("万元", "元")
    assert not v.comparable("斤", "斤")  # not a unit of the pack
