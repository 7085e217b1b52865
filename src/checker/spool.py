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

import pickle
import tempfile
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, overload

from checker.results import FileResult

if TYPE_CHECKING:
    from checker.across.stage import Verdicts
    from checker.across.summary import ReportSummary
    from checker.rulepacks.pack import Rule

IN_MEMORY = 8 << 20  # bytes of pickled results kept in memory before the file goes to disk
MAX_TABLES = 64  # distinct rule tables referred to; beyond that a result carries its own


class Spool(Sequence[FileResult]):
    """Results appended in input order; indexing or iterating reads them back."""

    def __init__(self, in_memory: int = IN_MEMORY) -> None:
        self._file = tempfile.SpooledTemporaryFile(max_size=in_memory)  # noqa: SIM115
        self._end = 0
        self._offsets = array("q")
        self._lengths = array("q")
        self._table_of = array("h")  # index into _tables, -1: the rules were pickled along
        self._tables: list[dict[str, Rule]] = []
        self._table_ids: dict[int, int] = {}
        self.summaries: list[ReportSummary | None] = []
        self.verdicts: Verdicts | None = None  # the cross-report stage's, added on reading

    def append(self, result: FileResult) -> None:
        table = self._table(result.rules)
        kept = replace(result, summary=None, rules={} if table >= 0 else result.rules)
        data = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        self._offsets.append(self._end)
        self._lengths.append(len(data))
        self._table_of.append(table)
        self._end += len(data)
        self.summaries.append(result.summary)

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
        self._file.seek(self._offsets[index])
        result: FileResult = pickle.loads(self._file.read(self._lengths[index]))
        table = self._table_of[index]
        if table >= 0:
            result.rules = self._tables[table]  # shared, as the checked results shared it
        return result

    def __len__(self) -> int:
        return len(self._offsets)

    @overload
    def __getitem__(self, index: int) -> FileResult: ...

    @overload
    def __getitem__(self, index: slice) -> list[FileResult]: ...

    def __getitem__(self, index: int | slice) -> FileResult | list[FileResult]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        result = self._load(index)
        if self.verdicts is not None:
            from checker.across.stage import apply_one

            apply_one(index, result, self.verdicts)
        return result

    def __iter__(self) -> Iterator[FileResult]:
        return (self[i] for i in range(len(self)))

    def close(self) -> None:
        self._file.close()
