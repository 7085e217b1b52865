"""Validate rule-pack data against the JSON Schemas in ``schemas/``.

jsonschema costs about 100 ms to import, more than the rest of a run, so a
pack whose exact bytes were validated before is kept, parsed, in a cache file
keyed by its content and the schemas' stamp (their names, sizes and times), and
neither parsed nor validated again. A changed pack, a new pack or a new schema is
always validated; a cache that cannot be written only costs time.
"""

from __future__ import annotations

import json
import marshal
import os
import re
from typing import Any

from checker.cachedir import cache_dir, keep
from checker.digest import sha256
from checker.errors import RulePackError
from checker.resources import schemas_dir
from checker.rulepacks.yamlines import Path_, line_for
from checker.safeopen import read_regular


def _schema_digest() -> str:
    """The schemas' stamp (``codestamp``): a schema that changes (an upgrade, an edited
    checkout) makes every pack validated again, and nothing is read to find that out."""
    from checker.codestamp import folder_stamp

    return folder_stamp(str(schemas_dir()))


def _key(text: str) -> str:
    return sha256(text.encode()).hexdigest()[:32] + "-" + _schema_digest()


def load_validated(text: str) -> tuple[Any, dict[Path_, int]] | None:
    """The parsed pack, if these exact bytes were validated before."""
    if os.environ.get("CHECKER_NO_CACHE"):
        return None
    try:
        raw = read_regular(cache_dir() / "packs" / f"{_key(text)}.bin", MAX_CACHE_BYTES)
        data, lines = marshal.loads(raw)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not _well_shaped(data, lines):
        return None  # written by another version, or damaged: validated again and rewritten
    return data, lines


MAX_CACHE_BYTES = 64 * 1024 * 1024


def _well_shaped(data: Any, lines: Any) -> bool:
    """What ``remember`` writes: a pack (or the editions table) and its line map."""
    if not isinstance(data, dict):
        return False
    if not isinstance(data.get("pack"), str) and not isinstance(data.get("editions"), list):
        return False
    if not isinstance(lines, dict):
        return False
    return all(
        isinstance(k, tuple) and isinstance(v, int) and all(isinstance(p, str | int) for p in k)
        for k, v in lines.items()
    )


def remember(text: str, data: Any, lines: dict[Path_, int]) -> None:
    try:
        raw = marshal.dumps((data, lines))
    except ValueError:
        return  # no cache: the next run validates again
    keep(cache_dir() / "packs" / f"{_key(text)}.bin", raw)


def validate_pack(data: Any, text: str, source: str, lines: dict[Path_, int]) -> None:
    """Raise ``RulePackError`` naming the line and key of the first violation."""
    errors = list(schema_errors(data))
    if errors:
        path, message = errors[0]
        named = next((str(p) for p in reversed(path) if isinstance(p, str)), None)
        raise RulePackError(source, message, line=line_for(lines, path), key=named)
    remember(text, data, lines)


def schema_errors(data: Any) -> list[tuple[Path_, str]]:
    """Every violation of the pack schema and of each rule's kind schema."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    registry: Registry[Any] = Registry()
    schemas: dict[str, Any] = {}
    for path in schemas_dir().rglob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schemas[path.relative_to(schemas_dir()).as_posix()] = schema
        registry = registry.with_resource(schema["$id"], Resource.from_contents(schema))

    def run(schema: Any, instance: Any, prefix: Path_) -> list[tuple[Path_, str]]:
        validator = Draft202012Validator(schema, registry=registry)
        found = []
        for err in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.path))):
            where: Path_ = (*prefix, *err.path)
            if err.validator in ("additionalProperties", "unevaluatedProperties"):
                unexpected = re.findall(r"'([^']+)'", err.message.split("(", 1)[-1])
                if unexpected:
                    found.append(((*where, unexpected[0]), f"unknown key {unexpected[0]!r}"))
                    continue
            found.append((where, str(err.message)))
        return found

    out = run(schemas["rulepack.schema.json"], data, ())
    if out or not isinstance(data, dict):
        return out
    for i, rule in enumerate(data.get("rules") or []):
        kind = rule.get("kind")
        kind_schema = schemas.get(f"kinds/{kind}.schema.json")
        if kind_schema is None:
            known = sorted(
                k[len("kinds/") : -len(".schema.json")]
                for k in schemas
                if k.startswith("kinds/") and k != "kinds/table-definition.schema.json"
            )
            out.append((("rules", i, "kind"), f"unknown kind {kind!r}; known: {', '.join(known)}"))
            continue
        out.extend(run(kind_schema, rule, ("rules", i)))
    return out
