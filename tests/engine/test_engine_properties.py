"""Whatever text a document holds, the rules finish: no exception escapes the
engine, and a defect of ours on one rule leaves the other rules' findings."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.checks import base
from checker.engine import Engine
from checker.postprocess import as_reported
from checker.readers import read_bytes

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE = (ROOT / "samples" / "edition2021-2023-defective.md").read_text(encoding="utf-8")
LINES = SAMPLE.splitlines()
ENGINE = Engine()

# pieces of real reports to splice in: numbers, labels, table rows, headings, dates
FRAGMENTS = st.sampled_from(
    [
        *LINES,
        "| 一 | 二 |",
        "|---|",
        "三、",
        "（七）总计",
        "2023年2月30日",
        "20231月",
        "其中",
        "占",
        "%",
        "件",
        "—",
        "/",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), min_size=1, max_size=60))
def test_the_rules_finish_on_any_text(pieces: list[str]) -> None:
    text = "\n".join(pieces)
    try:
        doc = read_bytes(text.encode("utf-8"), "fuzz.md")
    except Exception:  # the readers have their own property tests; an empty draft is fine
        return
    result = ENGINE.check_document(doc)
    assert all(not why.startswith("internal error") for _, why in result.not_evaluated), (
        result.not_evaluated
    )
    assert all(f.rule != "E001" for f in result.findings)


def test_a_defect_in_one_rule_does_not_lose_the_others(monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)

    def broken(ctx: base.Context, spec: object) -> list[object]:
        raise ZeroDivisionError

    from checker import checks

    real = checks.kind_for
    broken_kind = base.Kind("date-format", base.no_params, broken)
    # the pack set binds each rule to its kind's check when it loads: built afresh, not kept
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    monkeypatch.setattr(
        "checker.rulepacks.loader.kind_for",
        lambda kind: broken_kind if kind == "date-format" else real(kind),
    )
    doc = read_bytes(SAMPLE.encode("utf-8"), "r.md")
    result = as_reported(Engine().check_document(doc))
    assert ("D101", "internal error: ZeroDivisionError") in result.not_evaluated
    assert any(f.rule == "T300" for f in result.findings)
