"""One ``checker check`` run as library calls: plan, check, post-process.

``plan`` finds the files, the configuration of each and validates everything
that can be wrong before any file is read (unknown rule IDs, broken packs, an
output file that is also an input), so that such errors exit 2 at once.
``finish`` applies the baseline and the per-file policies to the results.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from checker.batch import Batch, Job
from checker.config import (
    ConfigError,
    Overrides,
    Resolver,
    Settings,
    check_selectors,
    is_excluded,
    known_rule_ids,
    settings_for,
)
from checker.discover import NO_MATCH, NOT_FOUND, STDIN, Target, discover
from checker.errors import CheckerError
from checker.i18n import default_lang
from checker.messages import word
from checker.postprocess import Policy
from checker.readers.limits import DEFAULT_LIMITS
from checker.results import Outcome

if TYPE_CHECKING:
    from checker.baseline import Baseline

SELECTOR = re.compile(r"^[A-Z]{1,3}[0-9]{0,3}$")


class UsageError(CheckerError):
    """A command-line mistake (exit 2)."""


@dataclass(frozen=True)
class Request:
    paths: tuple[str, ...]
    overrides: Overrides = field(default_factory=Overrides)
    fail_on: str | None = None  # None: from the configuration, else "error"
    baseline: str | None = None
    update_baseline: bool = False
    stdin_filename: str | None = None
    config: str | None = None
    isolated: bool = False
    output_file: str | None = None
    allow_empty: bool = False  # a run that finds no report exits 0 instead of 2
    format: str | None = None  # None for these three: from the configuration, else the default
    lang: str | None = None
    jobs: int | None = None
    cache: bool | None = None  # --cache / --no-cache; None: from the configuration
    previous: str | None = None  # last year's report to compare the reports with (--previous)


@dataclass(frozen=True)
class RunOptions:
    """Settings of the run as a whole: the command line, else the configuration, else these."""

    fail_on: str = "error"
    format: str = "table"
    output_file: str | None = None
    jobs: int | None = None  # None: one per CPU
    lang: str = "zh"
    cache: bool = False  # results kept across runs (resultcache)


@dataclass
class Plan:
    jobs: list[Job]
    policies: list[Policy]
    notes: list[str] = field(default_factory=list)  # diagnostics for stderr
    run: RunOptions = field(default_factory=RunOptions)


def run_options(request: Request, resolver: Resolver) -> RunOptions:
    """The run's settings; the configuration that applies is --config's, else the one
    for the current folder (as ruff takes its run settings from the project's file)."""
    config = resolver.for_dir(Path.cwd().resolve())
    return RunOptions(
        fail_on=request.fail_on or config.fail_on or "error",
        format=request.format or config.format or "table",
        output_file=request.output_file or config.output_file,
        jobs=request.jobs or config.jobs,
        lang=request.lang or config.lang or default_lang(),
        cache=bool(config.cache) if request.cache is None else request.cache,
    )


def selectors(
    values: Sequence[str] | None, option: str, lang: str = "zh"
) -> tuple[str, ...] | None:
    """``--select A1,N --select S`` → ("A1", "N", "S"); each checked for shape."""
    if values is None:
        return None
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            item = part.strip().upper()
            if not item:
                continue
            if not SELECTOR.match(item):
                raise UsageError(
                    word("usage.bad-selector", lang, option=option, value=repr(part.strip()))
                )
            out.append(item)
    return tuple(out)


def plan(request: Request, read_stdin: Callable[[int], bytes]) -> Plan:
    resolver = Resolver(request.config, request.isolated)
    run = run_options(request, resolver)
    overrides = request.overrides
    targets, notes = _named_paths(discover(request.paths), run.lang)
    jobs: list[Job] = []
    policies: list[Policy] = []
    used: list[Settings] = []
    for target in targets:
        shown = request.stdin_filename if target.path == STDIN else target.path
        config = resolver.for_file(shown or "stdin")
        if not target.explicit and is_excluded(target.path, config, overrides):
            continue
        settings = settings_for(shown or target.path, config, overrides)
        data = None
        if target.path == STDIN:
            data = read_stdin((settings.options.limits or DEFAULT_LIMITS).max_file_bytes)
        options, policy = settings.options, settings.policy
        jobs.append(Job(target, options, data, request.stdin_filename, policy, run.cache))
        policies.append(settings.policy)
        used.append(settings)
    if not jobs:
        if not request.allow_empty:
            why = word("usage.no-reports", run.lang)
            raise UsageError("\n".join([*notes, why]))
        notes.append(word("note.no-reports", run.lang))
    _validate(request, run, resolver, used, [j.target.path for j in jobs])
    if not compares(request, jobs):  # a report alone: no summary for the cross-report stage
        jobs = [replace(j, options=replace(j.options, summaries=False)) for j in jobs]
    return Plan(jobs, policies, notes, run)


def compares(request: Request, jobs: Sequence[Job]) -> bool:
    """Whether the cross-report stage has two reports to judge: two files, or --previous."""
    return len(jobs) > 1 or request.previous is not None


def _named_paths(targets: list[Target], lang: str) -> tuple[list[Target], list[str]]:
    """A mistyped path is a usage error; a glob that matches nothing only a note."""
    missing = [t.path for t in targets if t.problem and t.problem[0] == NOT_FOUND]
    if missing:
        shown = word("list.separator", lang).join(repr(p) for p in missing)
        raise UsageError(word("usage.no-such-path", lang, paths=shown))
    notes = [
        word("note.no-match", lang, glob=repr(t.path))
        for t in targets
        if t.problem and t.problem[0] == NO_MATCH
    ]
    return [t for t in targets if not (t.problem and t.problem[0] == NO_MATCH)], notes


def _validate(
    request: Request, run: RunOptions, resolver: Resolver, used: list[Settings], inputs: list[str]
) -> None:
    packs = sorted({p for s in used for p in s.options.extra_packs} | set(request.overrides.rules))
    cli = request.overrides
    cli_selectors = [("--select", s) for s in cli.select or ()]
    cli_selectors += [("--extend-select", s) for s in cli.extend_select]
    cli_selectors += [("--ignore", s) for s in cli.ignore]
    configs = resolver.loaded()
    if packs or cli_selectors or any(c.selectors() for c in configs):
        known = known_rule_ids(packs)  # also loads each pack: a broken one fails here
        for config in configs:
            check_selectors(config.selectors(), known, config.source or "configuration")
        for option, selector in cli_selectors:
            if not any(rule_id.startswith(selector) for rule_id in known):
                raise UsageError(
                    word("usage.no-rule", run.lang, option=option, value=repr(selector))
                )
    if run.output_file:
        _refuse_overwriting_inputs(run.output_file, inputs, run.lang)
    if request.update_baseline and request.baseline:
        _refuse_overwriting_inputs(request.baseline, inputs, run.lang)


def _refuse_overwriting_inputs(output: str, inputs: Sequence[str], lang: str) -> None:
    if not os.path.exists(output):
        return
    for path in inputs:
        try:
            same = path != STDIN and os.path.samefile(output, path)
        except OSError:
            same = False
        if same:
            raise UsageError(word("usage.output-is-input", lang, path=repr(output)))


def finish(request: Request, plan: Plan, batch: Batch) -> tuple[Outcome, list[str]]:
    """Post-process the results; write the baseline when asked. Returns diagnostics too."""
    from checker.postprocess import all_entries, process

    results = batch.results
    indices = batch.indices if batch.indices is not None else range(len(results))
    policies = [plan.policies[i] for i in indices]
    notes: list[str] = []
    known: Baseline | None = None
    if batch.interrupted:  # only a partial summary: no baseline is read or written
        return process(results, policies, plan.run.fail_on), notes
    if compares(request, plan.jobs):
        from checker.across.run import cross_check

        options = plan.jobs[0].options if plan.jobs else None
        notes.extend(cross_check(results, request.previous, options, plan.run.lang))
    if request.update_baseline:
        from checker import atomic
        from checker import baseline as baselines
        from checker.fingerprint import stable_path

        assert request.baseline is not None
        existing = baselines.load(request.baseline, missing_ok=True)
        checked = {stable_path(r.path) for r in results}
        known = existing.updated(checked, all_entries(results, policies))
        atomic.write_text(request.baseline, baselines.dumps(known))
        notes.append(
            word(
                "note.baseline-wrote",
                plan.run.lang,
                n=len(known.entries),
                path=request.baseline,
            )
        )
    elif request.baseline is not None:
        from checker import baseline as baselines

        known = baselines.load(request.baseline)
    outcome = process(results, policies, plan.run.fail_on, known)
    outcome.baseline = request.baseline
    outcome.planned = len(plan.jobs)
    outcome.interrupted = batch.interrupted
    if outcome.stale:
        stale = "note.baseline-stale-one" if len(outcome.stale) == 1 else "note.baseline-stale"
        notes.append(word(stale, plan.run.lang, n=len(outcome.stale)))
        notes.extend(f"  {e.path}: {e.rule} {e.message}".rstrip() for e in outcome.stale)
    return outcome, notes


__all__ = [
    "ConfigError",
    "Plan",
    "Request",
    "RunOptions",
    "UsageError",
    "finish",
    "plan",
    "selectors",
]
