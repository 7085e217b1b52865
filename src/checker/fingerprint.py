"""Fingerprints that follow a finding through edits of the draft.

A baseline, SARIF's ``partialFingerprints`` and GitLab's Code Quality report
all need to recognise "the same finding" in the next run. Line and paragraph
numbers move as soon as a paragraph is inserted above, so the fingerprint is
built from what does not: the rule, the file, the section path, the table
cell's labels and the finding's own normalised text (its message values).
Identical findings in one file are told apart by their order of appearance.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from checker.digest import sha256
from checker.findings import Finding
from checker.i18n import Text
from checker.numbers import format_number

VERSION = "v1"
_SEP = "\x1f"


def stable_path(path: str) -> str:
    """The path a fingerprint names: relative to the working directory when below it.

    ``./a/b.docx``, ``a//b.docx`` and ``/abs/cwd/a/b.docx`` are one file.
    """
    if path == "-":
        return path
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive on Windows
        relative = absolute
    chosen = absolute if relative.startswith("..") else relative
    return chosen.replace(os.sep, "/")


def normalise(text: str) -> str:
    """Width-folded, case-folded text without any whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _words(value: object) -> str:
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, Text):
        return value.zh or value.en
    if isinstance(value, (list, tuple)):
        return ",".join(_words(v) for v in value)
    return str(value)


def material(finding: Finding, path: str) -> str:
    """Everything that identifies a finding, except where it stands in the file."""
    return _material(finding, stable_path(path))


def _material(finding: Finding, where: str) -> str:
    """``material`` with the file's stable path already made (once per file)."""
    loc = finding.location
    parts: list[str] = [
        VERSION,
        finding.rule,
        where,
        "/".join(normalise(s) for s in loc.section),
        normalise(loc.row_label or ""),
        normalise(loc.column_label or ""),
    ]
    for key, value in sorted(finding.args.items()):
        parts.append(f"{key}={normalise(_words(value))}")
    for name, value in (("expected", finding.expected), ("actual", finding.actual)):
        if value is not None:
            parts.append(f"{name}={normalise(_words(value))}")
    for item in finding.items:
        parts.append(f"item={normalise(item.label.zh)}:{_words(item.value)}")
    return _SEP.join(parts)


def fingerprints(findings: Iterable[Finding], path: str) -> list[str]:
    """One fingerprint per finding, unique within the file, in the given order."""
    seen: dict[str, int] = {}
    out: list[str] = []
    where = stable_path(path)
    for finding in findings:
        base = _material(finding, where)
        ordinal = seen.get(base, 0)
        seen[base] = ordinal + 1
        digest = sha256(f"{base}{_SEP}{ordinal}".encode()).hexdigest()
        out.append(digest[:32])
    return out
