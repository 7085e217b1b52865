"""The words the prose recogniser needs, taken from a rule's ``vocabulary`` param.

The grammar (how a total, a cue and a list of parts compose) lives in Python;
the words it is made of (units, cue words, catch-alls, channels, growth words)
belong to the rule pack so that a pack can tune them. Every word is a literal:
it is escaped before it enters a pattern, so a pack cannot write a pattern
that hangs the recogniser.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from checker.rulepacks.patterns import literal


def alternation(words: Iterable[str]) -> str:
    """A non-capturing group matching any of ``words``, longest first."""
    ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not ordered:
        return "(?!)"  # matches nothing
    return "(?:" + "|".join(literal(w) for w in ordered) + ")"


@dataclass(frozen=True)
class Vocabulary:
    """The pack's words, with the few patterns built from them compiled once."""

    key: str  # identity of the vocabulary, for caching
    unit_group: Mapping[str, int]  # unit -> group id; units of one group compare
    cues: tuple[str, ...]
    respectively: tuple[str, ...]
    catch_all: tuple[str, ...]
    not_parts: tuple[str, ...]
    overlap: tuple[str, ...]
    approx_before: tuple[str, ...]
    approx_between: tuple[str, ...]
    approx_after: tuple[str, ...]
    share_words: tuple[str, ...]
    share_of: tuple[str, ...]
    compare: tuple[str, ...]
    previous: tuple[str, ...]
    increase: tuple[str, ...]
    decrease: tuple[str, ...]
    flat: tuple[str, ...]
    rate_words: tuple[str, ...]
    degree: tuple[str, ...]  # 有所, 略有: before a direction verb
    fillers: tuple[str, ...]
    synonyms: tuple[tuple[str, str], ...]  # longest first
    scope: tuple[str, ...]
    min_label_chars: int
    # names that start like a catch-all but name one category (其他处理): not the rest
    named: tuple[str, ...] = ()
    # a figure whose label holds one of these opens no list (结转下年度继续办理7件。其中…)
    not_totals: tuple[str, ...] = ()
    # the grammars built from these words, per report year (see ``prose.grammars``)
    built: dict[int | None, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Vocabulary:
        """From a rule's ``vocabulary`` param; built once per rule, at pack load."""
        key = json.dumps(data, sort_keys=True, ensure_ascii=False)
        groups: dict[str, int] = {}
        for i, group in enumerate(data.get("units") or ()):
            for unit in [group] if isinstance(group, str) else group:
                groups.setdefault(str(unit), i)
        approx = data.get("approximate") or {}
        share = data.get("share") or {}
        growth = data.get("growth") or {}
        labels = data.get("labels") or {}
        synonyms = labels.get("synonyms") or {}
        return cls(
            key=key,
            unit_group=groups,
            cues=_words(data, "cues"),
            respectively=_words(data, "respectively"),
            catch_all=_words(data, "catch_all"),
            not_parts=_words(data, "not_parts"),
            overlap=_words(data, "overlap"),
            approx_before=_words(approx, "before"),
            approx_between=_words(approx, "between"),
            approx_after=_words(approx, "after"),
            share_words=_words(share, "words"),
            share_of=_words(share, "of"),
            compare=_words(growth, "compare"),
            previous=_words(growth, "previous"),
            increase=_words(growth, "increase"),
            decrease=_words(growth, "decrease"),
            flat=_words(growth, "flat"),
            rate_words=_words(growth, "rate"),
            degree=_words(growth, "degree"),
            fillers=_words(labels, "fillers"),
            synonyms=tuple(
                sorted(((str(k), str(v)) for k, v in synonyms.items()), key=lambda kv: -len(kv[0]))
            ),
            scope=_words(labels, "scope"),
            min_label_chars=int(labels.get("min_chars", 4)),
            named=_words(data, "named"),
            not_totals=_words(data, "not_totals"),
        )

    def comparable(self, a: str, b: str) -> bool:
        """Two units measure the same thing (no arithmetic across units)."""
        return a in self.unit_group and self.unit_group.get(a) == self.unit_group.get(b)


def _words(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(w) for w in data.get(key) or ())
