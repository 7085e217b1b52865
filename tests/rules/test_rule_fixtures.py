"""Every rule has named passing and failing cases in tests/rules/<ID>.yaml.

A case is a small report (Markdown or text); ``expect: pass`` means the rule
yields nothing on it, ``expect: fail`` that it yields findings — as many as
``count`` says, with the ``expected``/``actual`` figures when given.

A cross-report rule's case lists ``reports`` instead: each a ``filename`` and
a ``text`` (or ``from`` the file's ``documents`` entry, with ``replace`` pairs
applied), checked together as one run; the findings counted are those on the
report named by ``target`` (the last one by default).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.batch import engine_for
from checker.engine import Options
from checker.errors import ReadError
from checker.numbers import format_number
from checker.postprocess import as_reported
from checker.readers import read_bytes
from checker.rulepacks.catalogue import all_rules

HERE = Path(__file__).parent
# libyaml where it is built in: the case files are parsed at collection in every worker
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


@cache
def _specs() -> tuple[Any, ...]:
    return tuple(_load(path) for path in sorted(HERE.glob("*.yaml")))


def _cases() -> list[Any]:
    out = []
    for spec in _specs():
        for case in spec["cases"]:
            out.append(pytest.param(spec, case, id=f"{spec['rule']}-{case['name']}"))
    return out


@cache
def _documents() -> dict[str, str]:
    """The small reports the cross-report cases start from (tests/data/across)."""
    data: dict[str, str] = _load(HERE.parent / "data" / "across" / "documents.yaml")
    return data


def _text(spec: dict[str, Any], report: dict[str, Any]) -> str:
    text: str = report["text"] if "text" in report else _documents()[report["from"]]
    for old, new in report.get("replace") or []:
        assert old in text, f"{report['filename']}: {old!r} is not in the text"
        text = text.replace(old, new)
    return text


def _run_many(spec: dict[str, Any], case: dict[str, Any]) -> list[Any]:
    from checker.across.stage import Stage, apply

    # one engine per set of options, as a run keeps one per worker (checker.batch)
    engine = engine_for(Options(edition=case.get("edition"), level=case.get("level")))
    results = []
    for report in case["reports"]:
        document = read_bytes(_text(spec, report).encode("utf-8"), report["filename"])
        results.append(engine.check_document(document))
    stage = Stage()
    for i, result in enumerate(results):
        stage.add(i, result.summary, result.rules)
    apply(results, stage.run())
    target = case.get("target", case["reports"][-1]["filename"])
    result = next(r for r in results if r.path == target)
    return [f for f in result.findings if f.rule == spec["rule"]]


def _run(spec: dict[str, Any], case: dict[str, Any]) -> list[Any]:
    if "reports" in case:
        return _run_many(spec, case)
    options = Options(
        edition=case.get("edition", spec.get("edition")),
        level=case.get("level", spec.get("level")),
    )
    engine = engine_for(options)
    name = case.get("filename", "case.md")
    data = case["text"].encode(case.get("encoding", "utf-8"))
    try:
        document = read_bytes(data, name)
    except ReadError as exc:
        result = engine.unreadable(name, exc)
    else:
        result = as_reported(engine.check_document(document))
    return [f for f in result.findings if f.rule == spec["rule"]]


@pytest.mark.parametrize(("spec", "case"), _cases())
def test_rule_case(spec: dict[str, Any], case: dict[str, Any]) -> None:
    findings = _run(spec, case)
    if case["expect"] == "pass":
        assert findings == [], [f.args for f in findings]
        return
    assert findings, "the rule did not fire"
    if "count" in case:
        assert len(findings) == case["count"]
    first = findings[0]
    for key in ("expected", "actual"):
        if key in case:
            value = getattr(first, key)
            shown = format_number(value) if not isinstance(value, str) else value
            assert shown == str(case[key])
    for key, value in (case.get("args") or {}).items():
        assert str(first.args.get(key)) == str(value)
    if "category" in case:
        assert first.category == case["category"]
    if "severity" in case:
        assert first.severity.value == case["severity"]


def test_every_rule_has_a_passing_and_a_failing_case() -> None:
    covered: dict[str, set[str]] = {}
    for spec in _specs():
        covered.setdefault(spec["rule"], set()).update(c["expect"] for c in spec["cases"])
    missing = [rid for rid in all_rules() if covered.get(rid) != {"pass", "fail"}]
    assert missing == []
