"""Inline suppression: what the document's own comments say about findings.

The readers hand over every comment verbatim (``Document.comments``); here a
comment that starts with ``checker:`` is read as a directive:

- ``checker: ignore C101,A1`` before a block (Markdown, HTML) silences those
  rules (IDs or prefixes) on that block; as a Word comment, on the paragraphs
  the comment covers;
- ``checker: disable C101`` … ``checker: enable C101`` silences them on the
  blocks in between (to the end without an ``enable``; a ``disable`` before
  the first block and never enabled again also covers whole-document findings).

A directive that silences nothing is itself reported (rule E101, as ruff's
RUF100), so that stale suppressions do not hide a problem when it returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.findings import Finding
from checker.i18n import Text
from checker.model import Comment, Location

if TYPE_CHECKING:
    from checker.rulepacks.pack import Rule

UNUSED_RULE = "E101"
_DIRECTIVE = re.compile(r"^\s*checker\s*:\s*(?P<rest>.*)$", re.I | re.S)
_VERB = re.compile(r"^(?P<verb>ignore|disable|enable)\b\s*(?P<rules>.*)$", re.I | re.S)
_SELECTOR = re.compile(r"^[A-Z]{1,3}[0-9]{0,3}$")

REASONS = {
    "unused": Text("没有屏蔽任何问题", "it silences no finding"),
    "unknown": Text("所列规则未在本文件上检查", "no rule of that name is checked on this file"),
    "unclear": Text(
        "无法识别，应为 checker: ignore|disable|enable 规则编号",
        "not understood; write checker: ignore|disable|enable RULE",
    ),
    "unopened": Text("前面没有对应的 disable", "no disable before it"),
}


@dataclass
class Directive:
    comment: Comment
    rules: tuple[str, ...]
    start: int  # first block silenced
    end: int | None  # last block silenced; None: to the end of the document
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> str | None:
        """The selector that silences ``finding`` here, if any."""
        paragraph = finding.location.paragraph
        if paragraph is None:
            inside = self.start <= 1 and self.end is None
        else:
            inside = self.start <= paragraph and (self.end is None or paragraph <= self.end)
        if not inside:
            return None
        return next((r for r in self.rules if finding.rule.startswith(r)), None)


@dataclass
class Problem:
    """A comment that is meant as a directive but does nothing."""

    comment: Comment
    rule: str | None
    reason: str


def parse(comments: list[Comment]) -> tuple[list[Directive], list[Problem]]:
    """The directives among a document's comments, in document order."""
    directives: list[Directive] = []
    problems: list[Problem] = []
    open_ranges: dict[str, Directive] = {}
    for comment in comments:
        m = _DIRECTIVE.match(comment.text)
        if m is None:
            continue  # an ordinary comment
        verb_match = _VERB.match(m.group("rest").strip())
        rules = _selectors(verb_match.group("rules")) if verb_match else None
        if verb_match is None or not rules:
            problems.append(Problem(comment, None, "unclear"))
            continue
        verb = verb_match.group("verb").lower()
        if verb == "ignore" or (verb == "disable" and comment.last is not None):
            last = comment.last if comment.last is not None else comment.block
            directives.append(Directive(comment, rules, comment.block, last))
        elif verb == "disable":
            for rule in rules:
                directive = Directive(comment, (rule,), comment.block, None)
                directives.append(directive)
                open_ranges[rule] = directive
        else:  # enable
            for rule in rules:
                opened = open_ranges.pop(rule, None)
                if opened is None:
                    problems.append(Problem(comment, rule, "unopened"))
                else:
                    opened.end = comment.block - 1
    return directives, problems


def _selectors(text: str) -> tuple[str, ...] | None:
    parts = [p for p in re.split(r"[\s,，、]+", text.strip()) if p]
    if not parts or not all(_SELECTOR.match(p) for p in parts):
        return None
    return tuple(parts)


def apply(findings: list[Finding], comments: list[Comment]) -> tuple[list[Finding], list[Problem]]:
    """Findings left after the directives, and the directives' problems (unused ones too)."""
    directives, problems = parse(comments)
    if not directives:
        return findings, problems
    kept = []
    for finding in findings:
        silenced = False
        for directive in directives:
            selector = directive.covers(finding)
            if selector is not None:
                directive.used.add(selector)
                silenced = True
        if not silenced:
            kept.append(finding)
    for directive in directives:
        for rule in directive.rules:
            if rule not in directive.used:
                problems.append(Problem(directive.comment, rule, "unused"))
    problems.sort(key=lambda p: (p.comment.block, p.comment.line or 0))
    return kept, problems


def unused_finding(problem: Problem, rule: Rule) -> Finding:
    """The E101 finding for one problem, placed where the comment stands."""
    comment = problem.comment
    reason = REASONS[problem.reason]
    if problem.rule:
        reason = Text(f"{problem.rule}：{reason.zh}", f"{problem.rule}: {reason.en}")
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        category=rule.category,
        location=Location(paragraph=comment.block, line=comment.line),
        args={
            "directive": " ".join(comment.text.split()),
            "rule": problem.rule or "",
            "reason": reason,
        },
    )
