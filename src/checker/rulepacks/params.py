"""A rule's own keys as the pack wrote them, handed to its kind's ``parse``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checker.rulepacks.patterns import compile_pattern
from checker.rulepacks.yamlines import Path_


@dataclass(frozen=True)
class Params:
    """The keys of one rule besides its header, with where they stand in the pack,
    so that a pattern that does not compile is reported at its own line."""

    data: Mapping[str, Any]
    source: str
    lines: dict[Path_, int]
    at: Path_  # the rule's path in the pack: ("rules", i)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def __contains__(self, key: str) -> bool:
        return key in self.data

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def patterns(self, *path: str | int) -> tuple[Any, ...]:
        """The compiled pattern list at ``path`` (a key, or keys and indices); () if absent."""
        value: Any = self.data
        for step in path:
            if isinstance(value, Mapping):
                value = value.get(step)
            elif isinstance(value, list) and isinstance(step, int) and step < len(value):
                value = value[step]
            else:
                value = None
            if value is None:
                return ()
        return tuple(
            compile_pattern(self.source, p, self.lines, (*self.at, *path, j))
            for j, p in enumerate(value)
        )
