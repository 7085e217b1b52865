"""Every check of issue 11 meets a planted case in .docx, HTML and Markdown.

Each check is mapped to the sample that plants it and the rule(s) that must
report it, with words the finding must contain, so that a check that stops
firing on a real-looking report fails here and not only in its fixtures. The
check on other years' figures (item 9) is the other way round: its samples
carry sentences on last year's figures that a naive reader takes as this
year's, and the planted outcome is that no finding appears for them while the
sample's other defects are all still found. The misreading is shown to be
real: the same report with the year words dropped does give the finding.

Item 7 (shares and growth as people write them) is planted with its own sample.
Every clean sample, in every form, has no finding at all.
"""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from copy import deepcopy
from pathlib import Path
from types import ModuleType

import pytest

from checker.engine import Engine
from checker.messages import NOT_EVALUATED
from checker.postprocess import as_reported
from checker.render import table
from checker.results import FileResult, Outcome, message

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SCRIPTS = ROOT / "scripts"
KINDS = ("docx", "html", "md")
_ENGINE = Engine()


def _load(name: str) -> ModuleType:
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    return importlib.import_module(name)


def check(path: Path) -> FileResult:
    return as_reported(_ENGINE.check_path(str(path)))


# issue 11 item -> (sample, rule, words its message must contain) for each planted case
PLANTED: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
    "1 deleted rows and columns": [
        ("edition2019-2020-pruned", "T201", ("属于行政查询事项", "社会公益组织")),
        ("edition2019-2020-pruned", "T202", ("尚未审结",)),
        ("edition2019-2020-pruned", "T203", ("其他对外管理服务事项",)),
    ],
    "2 announced parts": [
        ("edition2021-2023-defective", "S331", ("存在的主要问题及改进情况",)),
    ],
    "3 sections without substance": [
        ("edition2019-2020-pruned", "S321", ("六、其他需要报告的事项",)),
        ("edition2019-2020-pruned", "S322", ("五、存在的主要问题及改进情况", "无")),
        ("legacy-2018-pruned", "S121", ("六、其他需要报告的事项",)),
        ("legacy-2018-pruned", "S122", ("五、存在的主要问题和改进措施", "无")),
    ],
    "4 self-reference year": [
        ("edition2021-2023-inspected", "D105", ("2022",)),
    ],
    "5 Table 2 values": [
        ("edition2019-2020-pruned", "V305", ("约200",)),
        ("edition2019-2020-pruned", "V306", ("约862万元",)),
        ("edition2019-2020-pruned", "V307", ("减少若干",)),
        ("edition2021-2023-inspected", "V308", ("规章",)),
    ],
    "6 results in the text": [
        ("edition2021-2023-inspected", "X414", ("78", "75")),
        ("edition2021-2023-inspected", "X415", ("均获维持",)),
    ],
    "8 mangled periods": [
        ("edition2021-2023-inspected", "D101", ("202323年", "2023年")),
        ("edition2021-2023-defective", "D101", ("20231月1日",)),
        ("edition2019-2020-pruned", "D103", ("2020年12月30日",)),
    ],
}
CASES = [
    (item, stem, rule, words, kind)
    for item, cases in PLANTED.items()
    for stem, rule, words in cases
    for kind in KINDS
]

# item 9: the samples with decoys, every finding each must give (and no other),
# and the findings the decoys would give if they were read as this year's
DECOYS: dict[str, tuple[Counter[str], set[str]]] = {
    "legacy-2018-pruned": (Counter(["S121", "S122"]), {"A101"}),
    "edition2019-2020-pruned": (
        Counter(["D103", "S321", "S322", "T201", "T202", "T203", "V305", "V306", "V307"]),
        {"X401", "X404"},
    ),
}


@pytest.mark.parametrize(
    ("item", "stem", "rule", "words", "kind"),
    CASES,
    ids=[f"{c[1]}.{c[4]}-{c[2]}" for c in CASES],
)
def test_each_check_fires_on_its_planted_case(
    item: str, stem: str, rule: str, words: tuple[str, ...], kind: str
) -> None:
    result = check(SAMPLES / f"{stem}.{kind}")
    messages = [message(result, f, "zh") for f in result.findings if f.rule == rule]
    assert messages, f"item {item}: {rule} not found in {stem}.{kind}"
    assert any(all(w in m for w in words) for m in messages), messages


def test_every_item_but_7_is_planted_in_every_form() -> None:
    # 9 and 10 have tests of their own below
    assert {int(item.split()[0]) for item in PLANTED} | {9, 10} == {1, 2, 3, 4, 5, 6, 8, 9, 10}
    assert {kind for *_, kind in CASES} == set(KINDS)
    for item, cases in PLANTED.items():
        for stem, _rule, _words in cases:
            assert all((SAMPLES / f"{stem}.{kind}").is_file() for kind in KINDS), item


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stem", sorted(DECOYS))
def test_other_years_figures_give_no_finding(stem: str, kind: str) -> None:
    """Item 9: exactly the planted defects; nothing for last year's figures."""
    expected, misread = DECOYS[stem]
    result = check(SAMPLES / f"{stem}.{kind}")
    found = Counter(f.rule for f in result.findings)
    assert found == expected
    assert not misread & set(found)
    assert "P106" not in found  # nor "the same figure differs" between the two years


@pytest.mark.parametrize("stem", sorted(DECOYS))
def test_the_decoys_would_be_misread_without_their_year(stem: str, tmp_path: Path) -> None:
    """The same report with each decoy's year words dropped gives the findings
    the planted one must not: the decoys test the year, not a blind spot."""
    content = _load("sample_content")
    make_samples = _load("make_samples")
    report = deepcopy(next(r for r in content.all_reports() if r.slug == stem))
    decoys = [d for d in report.defects if d.decoy]
    assert decoys
    for d in decoys:
        planted = d.new.replace(d.old, "", 1)  # the sentence the decoy adds
        (block,) = [b for b in report.blocks if b.table is None and planted in b.text]
        block.text = block.text.replace(planted, d.decoy)
    path = tmp_path / f"{stem}-misread.md"
    path.write_text(make_samples.render_markdown(report), encoding="utf-8")
    found = {f.rule for f in check(path).findings}
    assert DECOYS[stem][1] <= found


@pytest.mark.parametrize("kind", KINDS)
def test_not_evaluated_rules_are_named_with_their_reason_in_words(kind: str) -> None:
    """Item 10: the table's summary line gives each reason in the chosen language."""
    result = check(SAMPLES / f"edition2019-2020-pruned.{kind}")
    assert {r for r, _ in result.not_evaluated} >= {"T302", "T303"}
    outcome = Outcome(results=[result])
    zh = table.render(outcome, "zh")
    assert f"未能评估的规则：T302、T303（{NOT_EVALUATED['rows-not-found'].zh}）" in zh
    en = table.render(outcome, "en")
    assert f"T302, T303 ({NOT_EVALUATED['rows-not-found'].en})" in en
    assert "no instance of the identity" not in zh + en  # not the check's own English


CLEAN = sorted(
    p.name
    for p in SAMPLES.iterdir()
    if "-clean" in p.name and p.suffix in {".docx", ".html", ".md", ".txt", ".pdf", ".doc"}
)


@pytest.mark.parametrize("name", CLEAN)
def test_a_clean_sample_has_no_finding(name: str) -> None:
    result = check(SAMPLES / name)
    assert result.readable
    assert [(f.rule, message(result, f, "zh")) for f in result.findings] == []
