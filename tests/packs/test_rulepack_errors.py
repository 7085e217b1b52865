"""A broken rule pack is a clear error naming the file, the line and the key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.engine import Engine, Options
from checker.errors import RulePackError
from checker.readers import read_bytes
from checker.resources import rules_dir, schemas_dir
from checker.rulepacks.loader import load_chain, load_packset
from checker.rulepacks.validate import schema_errors
from checker.rulepacks.yamlines import load_with_lines

GOOD_RULE = """\
  - id: Z101
    kind: forbidden-pattern
    severity: warning
    category: content
    patterns: ['{pattern}']
    message: {{zh: '出现“{{match}}”', en: 'found "{{match}}"'}}
    basis: {{zh: 本省要求, en: a provincial rule}}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def pack(tmp_path: Path, body: str, name: str = "mine.yaml") -> Path:
    return write(tmp_path, name, "pack: mine\nextends: common\nrules:\n" + body)


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))


def test_every_shipped_pack_validates() -> None:
    for path in sorted(rules_dir().glob("*.yaml")):
        if path.name == "editions.yaml":
            continue
        data, _ = load_with_lines(path.read_text(encoding="utf-8"), str(path))
        assert schema_errors(data) == [], path.name


def test_every_kind_schema_is_valid_json_schema() -> None:
    from jsonschema import Draft202012Validator

    for path in (schemas_dir() / "kinds").glob("*.json"):
        Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "pack: bad\nrules:\n  - id: Z101\n    kind: [unclosed\n")
    with pytest.raises(RulePackError) as err:
        load_chain(str(path))
    assert err.value.path == str(path)
    assert err.value.line in (4, 5)
    assert "invalid YAML" in str(err.value)


def test_unknown_key_names_the_key_and_its_line(tmp_path: Path) -> None:
    path = pack(tmp_path, GOOD_RULE.format(pattern="某某") + "    colour: red\n")
    with pytest.raises(RulePackError) as err:
        load_chain(str(path))
    assert err.value.key == "colour"
    assert err.value.line == 11


def test_wrong_severity_value(tmp_path: Path) -> None:
    path = pack(tmp_path, GOOD_RULE.format(pattern="某某").replace("warning", "fatal"))
    with pytest.raises(RulePackError) as err:
        load_chain(str(path))
    assert err.value.key == "severity" and err.value.line == 6


def test_unknown_kind(tmp_path: Path) -> None:
    path = pack(tmp_path, GOOD_RULE.format(pattern="某某").replace("forbidden-pattern", "telepathy"))
    with pytest.raises(RulePackError) as err:
        load_chain(str(path))
    assert "telepathy" in str(err.value) and err.value.key == "kind"


def test_pattern_that_does_not_compile(tmp_path: Path) -> None:
    path = pack(tmp_path, GOOD_RULE.format(pattern="(unclosed"))
    with pytest.raises(RulePackError) as err:
        load_packset("common", [str(path)])
    assert "does not compile" in str(err.value) and err.value.line == 8


def test_extends_cycle(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "pack: a\nextends: b.yaml\n")
    write(tmp_path, "b.yaml", "pack: b\nextends: a.yaml\n")
    with pytest.raises(RulePackError) as err:
        load_chain(str(tmp_path / "a.yaml"))
    assert "cycle" in str(err.value)


def test_missing_parent_pack(tmp_path: Path) -> None:
    path = write(tmp_path, "orphan.yaml", "pack: orphan\nextends: nowhere.yaml\n")
    with pytest.raises(RulePackError) as err:
        load_chain(str(path))
    assert "not found" in str(err.value) and err.value.key == "extends"


def test_rule_with_unknown_fact(tmp_path: Path) -> None:
    body = """\
  - id: Z201
    kind: compare
    severity: error
    category: arithmetic
    left: {sum: [no.such.fact]}
    op: '=='
    right: active.total
    message: {zh: 不符, en: mismatch}
    basis: {zh: 依据, en: basis}
"""
    path = write(tmp_path, "mine.yaml", "pack: mine\nextends: legacy\nrules:\n" + body)
    with pytest.raises(RulePackError) as err:
        load_packset("legacy", [str(path)])
    assert "no.such.fact" in str(err.value)


def test_a_province_adds_a_rule_in_yaml_only(tmp_path: Path) -> None:
    path = pack(tmp_path, GOOD_RULE.format(pattern="此处插入图片"))
    engine = Engine(Options(edition="2021", extra_packs=(str(path),)))
    doc = read_bytes("# 报告\n\n此处插入图片\n".encode(), "r.md")
    assert "Z101" in {f.rule for f in engine.check_document(doc).findings}


def test_catastrophic_pattern_is_bounded_and_reported(tmp_path: Path) -> None:
    path = pack(tmp_path, GOOD_RULE.format(pattern="(a|aa)+$"))
    engine = Engine(Options(edition="2021", extra_packs=(str(path),), pattern_timeout=0.5))
    doc = read_bytes(("# 报告\n\n" + "a" * 40 + "!\n").encode(), "r.md")
    result = engine.check_document(doc)
    assert ("Z101", "pattern timed out") in result.not_evaluated



def test_validated_pack_is_cached_and_a_changed_pack_revalidated(tmp_path: Path) -> None:
    path = pack(tmp_path, GOOD_RULE.format(pattern="某某"))
    load_chain(str(path))
    assert list((tmp_path / "cache" / "packs").glob("*.bin"))
    path.write_text(path.read_text(encoding="utf-8").replace("warning", "fatal"), encoding="utf-8")
    with pytest.raises(RulePackError):
        load_chain(str(path))


def test_a_topic_pattern_that_does_not_compile_is_a_load_error(tmp_path: Path) -> None:
    body = """\
  - id: Z301
    kind: prose-topics
    severity: warning
    category: content
    topics:
      - {name: {zh: 考核, en: assessment}, any: ['考核(']}
    message: {zh: '未见：{missing}', en: 'missing: {missing}'}
    basis: {zh: 依据, en: basis}
"""
    path = pack(tmp_path, body)
    with pytest.raises(RulePackError) as err:
        load_packset("common", [str(path)])
    assert "does not compile" in str(err.value) and err.value.line == 9
