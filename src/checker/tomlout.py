"""Print the effective configuration as TOML that could be pasted into checker.toml.

Only what ``config.describe`` produces: strings, integers, lists of strings,
``None`` (shown as a comment) and one level of tables.
"""

from __future__ import annotations

import json
from typing import Any


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _key(key: str) -> str:
    bare = key.replace("-", "").replace("_", "").isalnum() and key.isascii()
    return key if bare else json.dumps(key, ensure_ascii=False)


def dumps(data: dict[str, Any]) -> str:
    source = data.get("source")
    lines = [f"# from {source}" if source else "# no configuration file: the defaults"]
    tables: list[tuple[str, dict[str, Any]]] = []
    for key, value in data.items():
        if key == "source":
            continue
        if isinstance(value, dict):
            tables.append((key, value))
        elif value is None:
            lines.append(f"# {key}: not set")
        else:
            lines.append(f"{_key(key)} = {_value(value)}")
    for name, table in tables:
        lines.append("")
        lines.append(f"[{_key(name)}]")
        if not table:
            lines.append("# empty")
        for key, value in table.items():
            lines.append(f"{_key(key)} = {_value(value)}")
    return "\n".join(lines) + "\n"
