"""A report a disclosure officer can open in a browser and print on A4.

One self-contained page: the style sheet is inline, nothing is fetched and no
script runs, so it opens the same from a mail attachment or a shared folder.
Every piece of document text goes through ``_e``; nothing else reaches the page
unescaped. Several files get a summary table first, each row linking to its part.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from checker import __version__
from checker.findings import Finding
from checker.i18n import Text
from checker.messages import word
from checker.numbers import format_number
from checker.render.safe import visible
from checker.render.words import SEVERITY_WORDS, location, summary_line
from checker.results import FileResult, display_path, message

if TYPE_CHECKING:
    from checker.postprocess import Outcome

_STYLE = """
:root { --error: #b3261e; --warning: #8a5a00; --info: #0b57d0; --line: #d0d4da; }
* { box-sizing: border-box; }
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
  SimSun, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: #1f1f1f;
  line-height: 1.6; font-size: 15px; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #1f1f1f; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; color: #333; }
dl.head { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.head dt { color: #555; }
dl.head dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #f1f3f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
article.finding { border: 1px solid var(--line); border-left: 6px solid var(--info);
  padding: .5rem .75rem; margin: .6rem 0; border-radius: 3px; }
article.error { border-left-color: var(--error); }
article.warning { border-left-color: var(--warning); }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; color: #fff;
  font-size: .85rem; margin-right: .4rem; }
.badge.error { background: var(--error); }
.badge.warning { background: var(--warning); }
.badge.info { background: var(--info); }
.rule { font-family: Consolas, "DejaVu Sans Mono", monospace; margin-right: .5rem; }
.where { color: #444; font-size: .9rem; margin: .2rem 0; }
blockquote { margin: .4rem 0; padding: .3rem .6rem; background: #f8f9fa;
  border-left: 3px solid var(--line); white-space: pre-wrap; word-break: break-all; }
mark { background: #ffe08a; color: inherit; padding: 0 .1rem; }
.counts span { margin-right: 1rem; }
.clean { color: #146c2e; font-weight: bold; }
footer { margin-top: 2rem; color: #666; font-size: .85rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  section.file { break-before: page; }
  section.file:first-of-type, nav.summary + section.file { break-before: auto; }
  article.finding, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .badge { border: 1px solid #000; color: #000 !important; background: none !important; }
  a.back { display: none; }
}
"""


def _e(text: object) -> str:
    """Document text as inert HTML: markup escaped, controls and bidi overrides visible."""
    return html.escape(visible(str(text)), quote=True)


def render(outcome: Outcome, lang: str) -> str:
    return "".join(chunks(outcome, lang))


def chunks(outcome: Outcome, lang: str) -> Iterator[str]:
    """The page in pieces: the head and summary, then one piece per file, then the foot."""

    def w(code: str, **args: object) -> str:
        return _e(word(code, lang, **args))

    head = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if lang == "en" else "zh-CN"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{w('html.title')}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{w('html.title')}</h1>",
        f'<p class="verdict">{_e(summary_line(outcome.summary(), lang))}</p>',
    ]
    several = len(outcome.results) > 1
    if several:
        head += list(_summary(outcome.results, lang))
    yield "\n".join(head) + "\n"
    for n, result in enumerate(outcome.results, 1):
        yield "\n".join(_file(n, result, lang, several)) + "\n"
    foot = [
        f"<footer>{w('html.generated', version=__version__)}</footer>",
        "</body>",
        "</html>",
    ]
    yield "\n".join(foot) + "\n"


def _counts(result: FileResult) -> tuple[int, int, int]:
    sev = [f.severity.value for f in result.findings]
    return sev.count("error"), sev.count("warning"), sev.count("info")


def _summary(results: Sequence[FileResult], lang: str) -> Iterator[str]:
    sev = SEVERITY_WORDS["en" if lang == "en" else "zh"]
    heads = (
        word("html.file", lang),
        word("html.body", lang),
        word("html.year", lang),
        word("html.edition", lang),
        sev["error"],
        sev["warning"],
        sev["info"],
        word("html.not-evaluated", lang),
    )
    yield '<nav class="summary">'
    yield f"<h2>{_e(word('html.summary', lang))}</h2>"
    yield "<table><thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in heads) + "</tr></thead>"
    yield "<tbody>"
    for n, result in enumerate(results, 1):
        e, wn, i = _counts(result)
        body = result.places.body if result.places is not None else None
        cells = [
            f'<a href="#file-{n}">{_e(display_path(result.path))}</a>',
            _e(body or ""),
            _e(result.year if result.year is not None else ""),
            _e(result.edition or word("html.unreadable", lang)),
            *(f'<span class="num">{c}</span>' for c in (e, wn, i)),
            str(len(result.not_evaluated)),
        ]
        yield "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
    yield "</tbody></table></nav>"


def _file(n: int, result: FileResult, lang: str, several: bool) -> Iterator[str]:
    places = result.places
    sev = SEVERITY_WORDS["en" if lang == "en" else "zh"]
    yield f'<section class="file" id="file-{n}">'
    yield f"<h2>{_e(display_path(result.path))}</h2>"
    yield '<dl class="head">'
    rows: list[tuple[str, str]] = []
    if places is not None and places.body:
        rows.append((word("html.body", lang), places.body))
    if places is not None and places.title:
        rows.append((word("html.report-title", lang), places.title))
    if result.year is not None:
        rows.append((word("html.year", lang), str(result.year)))
    if result.edition:
        reason = result.edition_reason.get(lang) if result.edition_reason else ""
        rows.append((word("html.edition", lang), f"{result.edition}（{reason}）"))
    for dt, dd in rows:
        yield f"<dt>{_e(dt)}</dt><dd>{_e(dd)}</dd>"
    e, wn, i = _counts(result)
    counts = f"{sev['error']} {e}　{sev['warning']} {wn}　{sev['info']} {i}"
    yield f'<dt>{_e(word("html.counts", lang))}</dt><dd class="counts">{_e(counts)}</dd>'
    yield "</dl>"
    if not result.findings:
        yield f'<p class="clean">{_e(word("html.none", lang))}</p>'
    for heading, findings in _groups(result, lang):
        yield f"<h3>{_e(heading)}</h3>"
        for f in findings:
            yield from _finding(result, f, lang)
    if result.not_evaluated:
        yield f"<h3>{_e(word('html.not-evaluated', lang))}</h3>"
        yield (
            f'<table class="not-evaluated"><thead><tr><th>{_e(word("html.rule", lang))}</th>'
            f"<th>{_e(word('html.reason', lang))}</th></tr></thead><tbody>"
        )
        for rule_id, reason in result.not_evaluated:
            yield f'<tr data-rule="{_e(rule_id)}"><td>{_e(rule_id)}</td><td>{_e(reason)}</td></tr>'
        yield "</tbody></table>"
    if several:
        yield f'<p><a class="back" href="#">{_e(word("html.back", lang))}</a></p>'
    yield "</section>"


def _groups(result: FileResult, lang: str) -> list[tuple[str, list[Finding]]]:
    """Findings by section in document order; those without a place come last."""
    groups: dict[tuple[str, ...], list[Finding]] = {}
    general: list[Finding] = []
    for f in result.findings:
        if f.location.paragraph is None:
            general.append(f)
            continue
        groups.setdefault(f.location.section, []).append(f)
    out = [(" › ".join(k) or word("html.preamble", lang), v) for k, v in groups.items()]
    if general:
        out.append((word("html.general", lang), general))
    return out


def _finding(result: FileResult, f: Finding, lang: str) -> Iterator[str]:
    level = f.severity.value
    words = SEVERITY_WORDS["en" if lang == "en" else "zh"]
    yield (f'<article class="finding {level}" data-rule="{_e(f.rule)}" data-severity="{level}">')
    yield (
        f'<p class="message"><span class="badge {level}">{_e(words[level])}</span>'
        f'<span class="rule">{_e(f.rule)}</span>{_e(message(result, f, lang))}</p>'
    )
    if f.location.paragraph is not None:
        where = location(f.location, lang, result.places, f.items)
        yield (f'<p class="where">{_e(word("html.location", lang))}：{_e(where)}</p>')
    quote = _quote(result, f, lang)
    if quote:
        yield f'<blockquote class="quote">{quote}</blockquote>'
    if f.items and (f.expected is not None or f.actual is not None):
        yield from _contributors(result, f, lang)
    yield "</article>"


def _marks(f: Finding) -> list[str]:
    """The words of a finding that name the offending part of its paragraph."""
    out = []
    for key in ("match", "text", "heading"):
        value = f.args.get(key)
        if isinstance(value, str) and value:
            out.append(value)
    if f.snippet:
        out.append(f.snippet)
    return out


def _quote(result: FileResult, f: Finding, lang: str) -> str:
    """The paragraph (or cell) the finding concerns, escaped, its offending part marked."""
    loc = f.location
    if loc.table is not None:
        return f"{_e(word('html.cell-text', lang))}：{_e(f.snippet)}" if f.snippet else ""
    text = result.places.texts.get(loc.paragraph) if result.places and loc.paragraph else None
    if not text:
        return _e(f.snippet) if f.snippet else ""
    start = end = -1
    for part in _marks(f):
        hits = []
        i = text.find(part)
        while i >= 0:
            hits.append(i)
            i = text.find(part, i + 1)
        if hits and len(part) < len(text):
            anchor = loc.offset if loc.offset is not None else 0
            start = min(hits, key=lambda h: abs(h - anchor))
            end = start + len(part)
            break
    if start < 0:
        return _e(text)
    return f"{_e(text[:start])}<mark>{_e(text[start:end])}</mark>{_e(text[end:])}"


def _number(value: Decimal | str | None) -> str:
    if value is None:
        return ""
    return format_number(value) if isinstance(value, Decimal) else str(value)


def _contributors(result: FileResult, f: Finding, lang: str) -> Iterator[str]:
    heads = (word("html.label", lang), word("html.cell", lang), word("html.value", lang))
    yield '<table class="contributors">'
    yield f"<caption>{_e(word('html.contributors', lang))}</caption>"
    yield "<thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in heads) + "</tr></thead><tbody>"
    for item in f.items:
        label = item.label.get(lang) if isinstance(item.label, Text) else str(item.label)
        where = location(item.location, lang, result.places)
        value = "" if item.value is None else format_number(item.value)
        yield f'<tr><td>{_e(label)}</td><td>{_e(where)}</td><td class="num">{_e(value)}</td></tr>'
    yield "</tbody></table>"
    totals = [
        (word("html.actual", lang), _number(f.actual)),
        (word("html.expected", lang), _number(f.expected)),
    ]
    difference = f.args.get("difference")
    if isinstance(difference, (Decimal, str)):
        totals.append((word("html.difference", lang), _number(difference)))
    yield (
        '<p class="totals">'
        + "　".join(f"{_e(k)}：<strong>{_e(v)}</strong>" for k, v in totals if v)
        + "</p>"
    )
