"""Known findings, recorded once, so that a gate can be switched on for old drafts.

The baseline stores fingerprints (see ``fingerprint.py``), never line numbers,
so it keeps matching while a draft is edited. An entry whose file was checked
but which matched nothing is *stale*: the finding was fixed, and the entry
should go, so the baseline only ever shrinks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import RulePackError
from checker.safeopen import read_text

FORMAT = "checker-baseline"
MAX_BASELINE_BYTES = 256 * 1024 * 1024  # a few hundred bytes per finding
VERSION = 1


class BaselineError(RulePackError):
    """The baseline file is missing or malformed: a configuration error (exit 2)."""


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    rule: str
    path: str  # as in ``fingerprint.stable_path``
    section: tuple[str, ...] = ()
    message: str = ""  # for people reading the file; never matched

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"fingerprint": self.fingerprint, "rule": self.rule}
        out["path"] = self.path
        if self.section:
            out["section"] = list(self.section)
        if self.message:
            out["message"] = self.message
        return out


@dataclass
class Baseline:
    entries: list[Entry]

    def fingerprints(self) -> set[str]:
        return {e.fingerprint for e in self.entries}

    def stale(self, checked_paths: set[str], matched: set[str]) -> list[Entry]:
        """Entries of files checked in this run that no finding matched."""
        return [e for e in self.entries if e.path in checked_paths and e.fingerprint not in matched]

    def updated(self, checked_paths: set[str], current: Iterable[Entry]) -> Baseline:
        """This run's findings for the files it checked; other files' entries are kept."""
        kept = [e for e in self.entries if e.path not in checked_paths]
        return Baseline(kept + list(current))


def load(path: str, missing_ok: bool = False) -> Baseline:
    file = Path(path)
    if not file.exists():
        if missing_ok:
            return Baseline([])
        raise BaselineError(path, "baseline file not found (create it with --update-baseline)")
    try:
        data = json.loads(read_text(file, MAX_BASELINE_BYTES, encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise BaselineError(path, f"cannot read the baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BaselineError(path, f"not a baseline file (expected format {FORMAT!r})")
    if data.get("version") != VERSION:
        raise BaselineError(path, f"unsupported baseline version {data.get('version')!r}")
    entries = []
    for i, item in enumerate(data.get("findings") or []):
        try:
            entries.append(
                Entry(
                    fingerprint=str(item["fingerprint"]),
                    rule=str(item["rule"]),
                    path=str(item["path"]),
                    section=tuple(str(s) for s in item.get("section") or ()),
                    message=str(item.get("message", "")),
                )
            )
        except (KeyError, TypeError, AttributeError):
            raise BaselineError(path, f"malformed entry {i}", key="findings") from None
    return Baseline(entries)


def dumps(baseline: Baseline) -> str:
    """Sorted, so that the file diffs well under version control."""
    entries = sorted(baseline.entries, key=lambda e: (e.path, e.rule, e.section, e.fingerprint))
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "findings": [e.to_dict() for e in entries],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
