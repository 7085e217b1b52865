"""A run's results kept on disk, in input order, so memory does not grow with the files.

A run over ten thousand reports cannot hold every result (its findings, the
quoted paragraphs the human formats show) until the output is written, yet the
cross-report stage and several formats need all files before the first
byte: the stage to judge each report against every other, JUnit, SARIF,
Markdown and HTML their totals up front. So each result is pickled into a
temporary file as it arrives (kept in memory while small), and read back one at
a time, as often as a renderer walks the files. What stays in memory per file is
its cross-report summary (a few kilobytes, which the stage needs all at once),
its place in the file and a reference to its rule table, shared by every file
of the same edition.
"""

from __future__ import annotations

import io
import pickle
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import IO, TYPE_CHECKING, Any, TypeVar

from checker.results import FileResult, ReadBack

if TYPE_CHECKING:
    from checker.across.stage import Verdicts
    from checker.across.summary import ReportSummary
    from checker.findings import Finding
    from checker.postprocess import Policy
    from checker.rulepacks.pack import Rule

IN_MEMORY = 8 << 20  # bytes of pickled results kept in memory before the file goes to disk
MAX_TABLES = 64  # distinct rule tables referred to; beyond that a result carries its own
RECENT = 64  # summaries' cells and sections kept once read (a pair is compared at a time)


def _dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


@dataclass(frozen=True, slots=True)
class Tally:
    """What the parent needs of a prepared result (``postprocess.prepare``) before reading
    it: its counts, the policy it was prepared for, and whether reading is needed anyway."""

    policy: Policy
    rules: frozenset[str]  # rules of its raw findings (see ``postprocess.mergeable``)
    counts: tuple[int, int, int]  # findings by severity: error, warning, info
    readable: bool
    comments: bool  # suppression comments, applied only after the baseline
    internal: bool  # an internal error among its raw findings or rules not evaluated

    def totals(self) -> dict[str, int]:
        """``results.count`` of the prepared result."""
        error, warning, info = self.counts
        return {
            "files": 1,
            "unreadable": not self.readable,
            "findings": error + warning + info,
            "error": error,
            "warning": warning,
            "info": info,
        }


def tally(raw: FileResult, done: FileResult, policy: Policy) -> Tally:
    """The ``Tally`` of ``done``, ``raw`` prepared for ``policy``."""
    levels = [f.severity.value for f in done.findings]
    return Tally(
        policy,
        frozenset(f.rule for f in raw.findings),
        (levels.count("error"), levels.count("warning"), levels.count("info")),
        raw.readable,
        bool(raw.comments),
        _internal(raw.findings, raw.not_evaluated),
    )


def _internal(findings: Sequence[Finding], skipped: Sequence[tuple[str, str]]) -> bool:
    """Whether an internal error may be among these (what ``cli`` reports as one is
    either an E001 finding or a rule not evaluated for that reason)."""
    return any(f.rule == "E001" for f in findings) or any(
        why.startswith("internal error") for _, why in skipped
    )


@dataclass
class Packed:
    """A result pickled in the worker that checked it, as a spool keeps it.

    The parent then only writes its bytes: unpickling a result there and
    pickling it again for the spool was most of the parent's work per file,
    which two workers keep waiting on.
    """

    data: bytes  # the result without its rules and its summary
    summary: ReportSummary | None  # without its cells and sections
    parts: bytes | None  # the summary's (cells, sections); None when both are empty
    pack: str  # the pack whose rule table the result used
    rules: dict[str, Rule] | None = None  # that table, set where the spool is
    # set when ``data`` is a prepared record (``_record``): the result prepared for a policy
    tally: Tally | None = None


def pack(result: FileResult, pack: str, policy: Policy | None = None) -> Packed:
    """``result`` (whose rules are pack ``pack``'s) as a spool would write it; with a
    policy, prepared for it (``postprocess.prepare``), which the parent then need not do."""
    summary = result.summary
    parts = None
    if summary is not None and (summary.cells or summary.sections):
        parts = _dumps((summary.cells, summary.sections))
        summary = replace(summary, cells={}, sections={})
    if policy is None:
        return Packed(_dumps(replace(result, summary=None, rules={})), summary, parts, pack)
    from checker.postprocess import prepare

    done = prepare(result, policy)
    data = _dumps(_record(result, done, {}))
    return Packed(data, summary, parts, pack, tally=tally(result, done, policy))


def _record(raw: FileResult, done: FileResult, rules: dict[str, Rule]) -> tuple[Any, ...]:
    """A prepared result as stored: ``done`` and what the raw result had apart from it
    (one pickle: the findings both hold are written once)."""
    return (
        replace(done, summary=None, rules=rules),
        raw.findings,
        raw.applied,
        raw.not_evaluated,
    )


def _raw(record: tuple[Any, ...]) -> FileResult:
    """The raw result (without summary) again, from its prepared record."""
    done, findings, applied, not_evaluated = record
    raw: FileResult = replace(
        done, findings=findings, applied=applied, not_evaluated=not_evaluated, fingerprints=[]
    )
    return raw


def unpack(packed: Packed) -> FileResult:
    """The result itself again, with the rule table the parent set."""
    if packed.tally is not None:
        result = _raw(pickle.loads(packed.data))
    else:
        result = pickle.loads(packed.data)
    result.rules = packed.rules if packed.rules is not None else {}
    summary = packed.summary
    if summary is not None and packed.parts is not None:
        cells, sections = pickle.loads(packed.parts)
        summary = replace(summary, cells=cells, sections=sections)
    result.summary = summary
    return result


class Spool(ReadBack):
    """Results appended in input order; indexing or iterating reads them back."""

    def __init__(self, in_memory: int = IN_MEMORY) -> None:
        self._file: IO[bytes] = io.BytesIO()  # a temporary file once past ``in_memory``
        self._in_memory = in_memory
        self._end = 0
        self._offsets = array("q")
        self._lengths = array("q")
        self._table_of = array("h")  # index into _tables, -1: the rules were pickled along
        self._tallies: list[Tally | None] = []  # None: the record is the raw result
        self._shared: dict[Any, Any] = {}  # one of each policy, rule set, counts in the tallies
        self._tables: list[dict[str, Rule]] = []
        self._table_ids: dict[int, int] = {}
        self.summaries: list[ReportSummary | None] = []  # their cells and sections on disk
        self._recent: dict[int, tuple[dict[Any, Any], dict[Any, Any]]] = {}
        self.verdicts: Verdicts | None = None  # the cross-report stage's, added on reading

    takes_packed = True  # ``append`` takes a ``Packed`` result too

    def append(self, result: FileResult | Packed) -> None:
        # a record counts once its table is appended, last: an append that Ctrl-C cut
        # short leaves no half record behind for the partial summary to stumble on
        done = len(self)
        del self._offsets[done:], self._lengths[done:], self.summaries[done:]
        del self._tallies[done:]
        tallied = None
        if isinstance(result, Packed):
            table = self._table(result.rules) if result.rules is not None else -1
            if table < 0:  # too many tables to refer to: the record carries its own
                result = unpack(result)
        else:
            table = self._table(result.rules)
        offset = self._end
        if isinstance(result, Packed):
            length = self._put(result.data)
            summary = self._light_packed(result.summary, result.parts)
            tallied = result.tally
            if tallied is not None:  # kept per file: what files share is kept once
                shared = self._shared.setdefault
                tallied = replace(
                    tallied,
                    policy=shared(tallied.policy, tallied.policy),
                    rules=shared(tallied.rules, tallied.rules),
                    counts=shared(tallied.counts, tallied.counts),
                )
        else:
            kept = replace(result, summary=None, rules={} if table >= 0 else result.rules)
            length = self._write(kept)
            summary = self._light(result.summary)
        self._offsets.append(offset)
        self._lengths.append(length)
        self.summaries.append(summary)
        self._tallies.append(tallied)
        self._table_of.append(table)

    def _write(self, value: object) -> int:
        return self._put(_dumps(value))

    def _put(self, data: bytes) -> int:
        if self._end + len(data) > self._in_memory and isinstance(self._file, io.BytesIO):
            self._to_disk()
        self._file.seek(self._end)
        self._file.write(data)
        self._end += len(data)
        return len(data)

    def _to_disk(self) -> None:
        """Move what is held so far to a temporary file (tempfile is imported only now:
        a small run never needs it)."""
        import tempfile

        held = self._file
        assert isinstance(held, io.BytesIO)
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed with the spool)
        self._file.write(held.getbuffer())
        held.close()

    @property
    def on_disk(self) -> bool:
        return not isinstance(self._file, io.BytesIO)

    def _read(self, offset: int, length: int) -> Any:
        self._file.seek(offset)
        return pickle.loads(self._file.read(length))

    def _light(self, summary: ReportSummary | None) -> ReportSummary | None:
        """The summary with its table cells and section signatures left on disk: most of
        its size, read only when a pair of reports is compared."""
        if summary is None or not (summary.cells or summary.sections):
            return summary
        return self._light_packed(summary, _dumps((summary.cells, summary.sections)))

    def _light_packed(
        self, summary: ReportSummary | None, parts: bytes | None
    ) -> ReportSummary | None:
        """``_light`` of a summary whose cells and sections come pickled as ``parts``."""
        if summary is None or parts is None:
            return summary
        offset = self._end
        length = self._put(parts)
        cells: Deferred[Any, Any] = Deferred(self._parts, offset, length, 0)
        sections: Deferred[Any, Any] = Deferred(self._parts, offset, length, 1)
        return replace(summary, cells=cells, sections=sections)

    def _parts(self, offset: int, length: int) -> tuple[dict[Any, Any], dict[Any, Any]]:
        found = self._recent.get(offset)
        if found is None:
            found = self._recent[offset] = self._read(offset, length)
            if len(self._recent) > RECENT:
                del self._recent[next(iter(self._recent))]
        return found

    def _table(self, rules: dict[str, Rule]) -> int:
        found = self._table_ids.get(id(rules))
        if found is None:
            if len(self._tables) >= MAX_TABLES:
                return -1
            found = self._table_ids[id(rules)] = len(self._tables)
            self._tables.append(rules)  # kept alive here, so its id stays its own
        return found

    def rules(self, index: int) -> Mapping[str, Rule]:
        """A file's rule table, without reading the file's result."""
        table = self._table_of[index]
        return self._tables[table] if table >= 0 else self._load(index).rules

    def _load(self, index: int) -> FileResult:
        stored = self._read(self._offsets[index], self._lengths[index])
        result: FileResult = stored if self._tallies[index] is None else _raw(stored)
        table = self._table_of[index]
        if table >= 0:
            result.rules = self._tables[table]  # shared, as the checked results shared it
        return result

    def tally(self, index: int) -> Tally | None:
        """The tally of a prepared result; ``None`` for a raw one."""
        return self._tallies[index]

    def prepared(self, index: int) -> FileResult:
        """File ``index`` as ``postprocess.prepare`` left it (a prepared record only),
        with its rule table; the stage's verdicts are not in it (see ``additions``)."""
        assert self._tallies[index] is not None
        result: FileResult = self._read(self._offsets[index], self._lengths[index])[0]
        table = self._table_of[index]
        if table >= 0:
            result.rules = self._tables[table]
        return result

    def additions(self, index: int) -> tuple[list[Finding], list[str], list[tuple[str, str]]]:
        """What the cross-report stage adds to file ``index``: findings, rules run, rules
        not evaluated (``across.stage.apply_one``)."""
        verdicts = self.verdicts
        if verdicts is None:
            return [], [], []
        return (
            verdicts.findings.get(index, []),
            verdicts.applied.get(index, []),
            verdicts.not_evaluated.get(index, []),
        )

    def with_internal_errors(self) -> Iterator[FileResult]:
        """The files (verdicts added, as iterating gives them) that may hold an internal
        error: each one not known to be free of it; the others are not read."""
        for index in range(len(self)):
            tallied = self._tallies[index]
            if tallied is not None and not tallied.internal:
                found, _, skipped = self.additions(index)
                if not _internal(found, skipped):
                    continue
            yield self[index]

    def __len__(self) -> int:
        return len(self._table_of)

    def _at(self, index: int) -> FileResult:
        result = self._load(index)
        if self.verdicts is not None:
            from checker.across.stage import apply_one

            apply_one(index, result, self.verdicts)
        return result

    def close(self) -> None:
        self._file.close()


K = TypeVar("K")
V = TypeVar("V")


class Deferred(dict[K, V]):
    """A summary's cells or sections, read from the spool when first looked at.

    A ``dict`` to the type checker and to the cross-report stage, which only
    looks things up and walks items; the dictionary itself stays empty, so the
    reading methods are the only way in.
    """

    def __init__(self, parts: Any, offset: int, length: int, which: int) -> None:
        super().__init__()
        self._parts, self._offset, self._length, self._which = parts, offset, length, which

    def _real(self) -> dict[K, V]:
        real: dict[K, V] = self._parts(self._offset, self._length)[self._which]
        return real

    def __getitem__(self, key: K) -> V:
        return self._real()[key]

    def get(self, key: K, default: Any = None) -> Any:
        return self._real().get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._real()

    def __iter__(self) -> Iterator[K]:
        return iter(self._real())

    def __len__(self) -> int:
        return len(self._real())

    def __bool__(self) -> bool:
        return bool(self._real())

    def keys(self) -> Any:
        return self._real().keys()

    def values(self) -> Any:
        return self._real().values()

    def items(self) -> Any:
        return self._real().items()

    def __eq__(self, other: object) -> bool:
        return self._real() == other

    __hash__ = None

    def __repr__(self) -> str:
        return repr(self._real())

    def __reduce__(self) -> Any:
        return dict, (self._real(),)
