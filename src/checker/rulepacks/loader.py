"""Load rule packs, follow ``extends``, and merge them into one ``PackSet``.

A pack may extend another (the legacy pack extends the common one; a
province's pack extends an edition's). Later packs add to earlier ones: rules
with the same ID replace the earlier rule, facts with the same name replace the
earlier fact, pattern lists are concatenated, and ``disable`` drops rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.checks import KINDS, kind_for
from checker.checks.across import ACROSS_KINDS
from checker.checks.base import BindError
from checker.errors import RulePackError
from checker.findings import Severity
from checker.i18n import Text
from checker.resources import rules_dir
from checker.rulepacks import compiled
from checker.rulepacks.pack import CheckFn, FactDef, Figures, PackSet, Plan, Rule, TableDef
from checker.rulepacks.params import Params
from checker.rulepacks.patterns import DATE_PATTERN, PATTERN_TIMEOUT, compile_pattern, screen
from checker.rulepacks.validate import load_validated, validate_pack
from checker.rulepacks.yamlines import Path_, line_for, load_with_lines
from checker.safeopen import Refused, read_text

if TYPE_CHECKING:
    from checker.rulepacks.readyset import Trail

MAX_PACK_BYTES = 4 * 1024 * 1024  # the shipped packs are tens of KB each

_RULE_HEADER = {"id", "kind", "severity", "category", "message", "basis", "explain", "applies_to"}


def _resolve(name: str, relative_to: Path | None) -> Path:
    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml"):
        if not candidate.is_absolute() and relative_to is not None:
            candidate = relative_to / candidate
        return candidate
    shipped = rules_dir() / f"{name}.yaml"
    if relative_to is not None and (relative_to / f"{name}.yaml").exists():
        return relative_to / f"{name}.yaml"
    return shipped


def _read(path: Path) -> tuple[Any, dict[Path_, int], str]:
    source = str(path)
    try:
        text = read_text(path, MAX_PACK_BYTES)
    except FileNotFoundError:
        raise RulePackError(source, "rule pack not found") from None
    except Refused as exc:
        raise RulePackError(source, f"cannot read rule pack: {exc.detail}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(source, f"cannot read rule pack: {exc}") from None
    memo = _PARSED.get(text)
    if memo is None:
        memo = load_validated(text)
    if memo is None:
        data, lines = load_with_lines(text, source)
        if not isinstance(data, dict):
            raise RulePackError(source, "a rule pack is a mapping with a 'pack' key", line=1)
        validate_pack(data, text, source, lines)
        memo = (data, lines)
    _PARSED[text] = memo
    return memo[0], memo[1], text


_PARSED: dict[str, tuple[Any, dict[Path_, int]]] = {}  # this process's parsed packs


def load_chain(
    name: str, relative_to: Path | None = None, trail: Trail | None = None
) -> list[tuple[Path, Any, dict[Path_, int]]]:
    """The pack and everything it extends, base first; detects cycles.

    ``trail`` records every reference resolved and every file read, for the
    ready-set cache to tell later whether the chain is still the same."""
    chain: list[tuple[Path, Any, dict[Path_, int]]] = []
    seen: list[Path] = []

    def visit(ref: str, base: Path | None, via: str | None) -> None:
        path = _resolve(ref, base).resolve()
        if trail is not None:
            trail.visit(ref, base, path)
        if path in seen:
            if any(p == path for p, _, _ in chain):
                return  # diamond: already merged
            cycle = " -> ".join(p.name for p in [*seen[seen.index(path) :], path])
            raise RulePackError(str(path), f"'extends' cycle: {cycle}", key="extends")
        if not path.exists():
            raise RulePackError(
                via or str(path), f"rule pack {ref!r} not found ({path})", key="extends"
            )
        seen.append(path)
        if trail is not None:
            trail.look(path)
        data, lines, text = _read(path)
        if trail is not None:
            trail.read(path, text)
        parents = data.get("extends") or []
        for parent in [parents] if isinstance(parents, str) else parents:
            visit(parent, path.parent, str(path))
        chain.append((path, data, lines))

    visit(name, relative_to, None)
    return chain


def merge(
    name: str, chain: list[tuple[Path, Any, dict[Path_, int]]], into: PackSet | None = None
) -> PackSet:
    packset = into or PackSet(name=name)
    for path, data, lines in chain:
        source = str(path)
        if source in packset.files:
            continue
        packset.files.append(source)
        pack_id = data["pack"]
        if "title" in data:
            packset.title = Text.of(data["title"])
        doc = data.get("document") or {}
        for key, value in doc.items():
            if key == "deadline":
                packset.deadline.update(value)
            elif key == "signatures":
                packset.signatures.extend(value)
            else:
                compiled = [
                    compile_pattern(source, p, lines, ("document", key, i))
                    for i, p in enumerate(value)
                ]
                packset.document.setdefault(key, []).extend(compiled)
        for key, value in (data.get("outline") or {}).items():
            compiled = [
                compile_pattern(source, p, lines, ("outline", key, i)) for i, p in enumerate(value)
            ]
            packset.outline.setdefault(key, []).extend(compiled)
        for fact_name, spec in (data.get("facts") or {}).items():
            patterns = [
                compile_pattern(source, p, lines, ("facts", fact_name, "patterns", i))
                for i, p in enumerate(spec.get("patterns") or [])
            ]
            packset.facts[fact_name] = FactDef(
                name=fact_name,
                label=Text.of(spec.get("label")),
                unit=spec.get("unit"),
                patterns=patterns,
                screen=screen(patterns),
                table=spec.get("table"),
                row=spec.get("row"),
                column=spec.get("column"),
                none_patterns=[
                    compile_pattern(source, p, lines, ("facts", fact_name, "none_patterns", i))
                    for i, p in enumerate(spec.get("none_patterns") or [])
                ],
            )
        for key, value in (data.get("across") or {}).items():  # a later pack's block replaces
            packset.across[key] = value
        for table_name, spec in (data.get("tables") or {}).items():
            packset.tables[table_name] = _merge_table(packset.tables.get(table_name), spec)
        for rule_id in data.get("disable") or []:
            packset.rules.pop(rule_id, None)
        for i, spec in enumerate(data.get("rules") or []):
            rule = _rule(spec, pack_id, source, lines, ("rules", i))
            packset.rules[rule.id] = rule
    packset.table_defs = {k: TableDef.of(k, v) for k, v in packset.tables.items()}
    packset.figures = Figures.of(packset.tables, packset.table_defs.values())
    packset.screens = {k: screen(v) for k, v in packset.document.items()}
    _check_references(packset)
    return packset


def _merge_table(base: dict[str, Any] | None, spec: dict[str, Any]) -> dict[str, Any]:
    """A child pack's table adds rows and columns to the parent's definition."""
    if base is None:
        return dict(spec)
    merged = {**base, **{k: v for k, v in spec.items() if k not in ("rows", "columns")}}
    for part in ("rows", "columns"):
        merged[part] = {**(base.get(part) or {}), **(spec.get(part) or {})}
    return merged


def _rule(spec: dict[str, Any], pack: str, source: str, lines: dict[Path_, int], at: Path_) -> Rule:
    """The rule with its parameters parsed, once, by its kind."""
    name = spec["kind"]
    if name not in KINDS:
        raise RulePackError(source, f"unknown kind {name!r}", line_for(lines, at), "kind")
    params = Params({k: v for k, v in spec.items() if k not in _RULE_HEADER}, source, lines, at)
    return Rule(
        id=spec["id"],
        kind=name,
        severity=Severity(spec["severity"]),
        category=spec["category"],
        message=Text.of(spec["message"]),
        basis=Text.of(spec["basis"]),
        explain=dict(spec.get("explain") or {}),
        spec=kind_for(name).parse(params),
        pack=pack,
        source=source,
        line=line_for(lines, at),
        applies_to=spec.get("applies_to", "all"),
    )


def _check_references(packset: PackSet) -> None:
    """A rule naming an unknown fact is a pack error, not a silent pass."""
    for rule in packset.rules.values():
        for name in kind_for(rule.kind).facts(rule.spec):
            if name not in packset.facts:
                raise RulePackError(
                    rule.source, f"rule {rule.id} uses unknown fact {name!r}", rule.line, rule.id
                )


def bind(packset: PackSet) -> PackSet:
    """Resolve each rule's spec against the merged set (``Kind.bind``) and fix the
    engine's plan: the per-report rules in ID order with their checks, and the
    cross-report ones. A name the set does not define is a pack error here."""
    here: list[tuple[Rule, CheckFn, Any]] = []
    across: dict[str, Rule] = {}
    for rule in packset.sorted_rules():
        if rule.kind in ACROSS_KINDS:  # judged later, against the other reports
            across[rule.id] = rule
            continue
        kind = kind_for(rule.kind)
        try:
            bound = kind.bind(rule.spec, packset)
        except BindError as exc:
            raise RulePackError(rule.source, f"rule {rule.id}: {exc}", rule.line, rule.id) from None
        here.append((rule, kind.check, bound))
    cells: tuple[tuple[str, str, str], ...] = ()
    if across:
        from checker.checks.across import cells_read

        cells = cells_read(across.values())
    packset.plan = Plan(tuple(here), across, cells)
    return packset


def load_packset(edition_pack: str, extra: list[str] | None = None) -> PackSet:
    """The edition's pack chain, then each user pack (with its own chain) on top, bound.

    Kept ready across runs by ``readyset`` while none of the files changed;
    the binding is made again in each process (it holds the kinds' functions)."""
    from checker.rulepacks import readyset

    refs = list(extra or [])

    def build(trail: Trail) -> PackSet:
        return _merged(edition_pack, refs, trail)

    return bind(readyset.load(edition_pack, refs, build, _still_current))


def load_reading(edition_pack: str, extra: list[str] | None = None) -> PackSet:
    """The set as a report is built from it, without its rules: what the first build
    of a document reads to find the report's year, and so which edition's set applies.

    The rules are most of a set's entry (about 85 % of the common pack's), so a
    one-file check loads this view and then the edition's whole set, instead of two
    whole sets. It has no plan: it checks nothing."""
    from dataclasses import replace

    from checker.rulepacks import readyset

    refs = list(extra or [])

    def build(trail: Trail) -> PackSet:
        return replace(_merged(edition_pack, refs, trail), rules={}, plan=None)

    return readyset.load(edition_pack, refs, build, _still_current, part="reading")


def _merged(edition_pack: str, refs: list[str], trail: Trail) -> PackSet:
    packset = merge(edition_pack, load_chain(edition_pack, trail=trail))
    for ref in refs:
        merge(edition_pack, load_chain(ref, Path.cwd(), trail), into=packset)
    compiled.save()
    return packset


def _still_current(trail: Trail) -> bool:
    """Every reference of a recorded chain resolves as it did, to files with the same text.

    A file of the same size and modification time as before it was read is taken to
    hold the same text, as Python takes a module's source for its bytecode; any other
    is read and its text compared."""
    from checker.rulepacks.readyset import digest, stamp

    for ref, base, path in trail.visits:
        if str(_resolve(ref, None if base is None else Path(base)).resolve()) != path:
            return False
    for path, known in trail.digests.items():
        seen = trail.stamps.get(path)
        if seen is not None and stamp(path) == seen:
            continue
        try:
            text = read_text(Path(path), MAX_PACK_BYTES)
        except (OSError, UnicodeDecodeError):
            return False
        if digest(text) != known:
            return False
    return bool(trail.digests)


__all__ = [
    "DATE_PATTERN",
    "PATTERN_TIMEOUT",
    "FactDef",
    "PackSet",
    "Rule",
    "bind",
    "compile_pattern",
    "load_chain",
    "load_packset",
    "load_reading",
    "merge",
]
