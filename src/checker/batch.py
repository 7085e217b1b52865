"""Check many files: in this process, or spread over worker processes.

Each worker keeps one ``Engine`` per set of options, so rule packs load once
per process. Results are passed on in input order whatever the scheduling
(through a bounded reorder window, to a list or to a ``spool.Spool``), which
keeps the output byte-identical between ``--jobs 1`` and ``--jobs N``. Ctrl-C
stops the run promptly: work not yet started is cancelled, workers are ended,
and what was finished is returned, marked as interrupted.
"""

from __future__ import annotations

import gc
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast

from checker.discover import STDIN, Target
from checker.errors import CheckerError, ReadError, RulePackError

if TYPE_CHECKING:  # the engine (and every check kind) is imported on the first file
    from checker.engine import Engine, Options
    from checker.postprocess import Policy
    from checker.results import FileResult
    from checker.spool import Packed


WINDOW_PER_WORKER = 4  # tasks queued per worker process at any time
# Files per task at most: each task costs the parent about as much as a small report's
# own post-processing (the pool's threads, pipes and wake-ups), so consecutive files
# go together; tasks shrink towards the end of the run, so no worker waits long for
# the other's last task.
TASK_FILES = 4
# Results per worker held back at most, waiting for an earlier file: enough for the
# other workers to go on past one slow report, a few megabytes at most.
REORDER_PER_WORKER = 64


class WorkerError(CheckerError):
    """A worker process died (killed, out of memory): the run cannot vouch for its files."""


@dataclass(frozen=True)
class Job:
    target: Target
    options: Options
    data: bytes | None = None  # standard input's content
    name: str | None = None  # the name standard input is read as (--stdin-filename)
    # the file's post-processing policy: with one, a result for a spool comes prepared
    # for it (``postprocess.prepare``) from where it was checked
    policy: Policy | None = None
    cache: bool = False  # take the result kept for the same bytes, keep a new one (resultcache)


@dataclass(frozen=True)
class PackFailure:
    """A rule-pack error met in a worker (exceptions with custom arguments do not pickle)."""

    path: str
    message: str
    line: int | None
    key: str | None

    def error(self) -> RulePackError:
        return RulePackError(self.path, self.message, self.line, self.key)


class Sink(Protocol):
    """Where results go as they are put in input order: a list, or a ``spool.Spool``."""

    def append(self, result: FileResult, /) -> None: ...

    def __len__(self) -> int: ...


def _takes_packed(sink: Sink) -> bool:
    """Whether the sink keeps a worker's pickled result as it is (a ``spool.Spool``)."""
    return bool(getattr(sink, "takes_packed", False))


@dataclass
class Batch:
    results: Sequence[FileResult]  # in input order; only those finished when interrupted
    interrupted: bool = False
    indices: list[int] | None = None  # positions of ``results`` among the jobs when interrupted
    held: int = 0  # the most results ever held back waiting for an earlier file


class Reorder:
    """Results finished in any order, passed on in input order.

    A result that finished before an earlier file waits here; ``admits`` keeps
    files beyond the window from being started, so at most ``limit`` results
    ever wait, however slow one file is.
    """

    def __init__(self, sink: Sink, limit: int) -> None:
        self.sink, self.limit = sink, limit
        self.next = 0  # the index of the next result to pass on
        self.waiting: dict[int, FileResult | Packed] = {}
        self.held = 0

    def admits(self, index: int) -> bool:
        """Whether the file at ``index`` may be started now."""
        return index < self.next + self.limit

    def put(self, index: int, result: FileResult | Packed) -> None:
        self.waiting[index] = result
        self.held = max(self.held, len(self.waiting))
        while self.next in self.waiting:
            self.sink.append(self._out(self.waiting[self.next]))  # passed on, then let go
            del self.waiting[self.next]
            self.next += 1

    def finished(self, index: int) -> bool:
        return index < self.next or index in self.waiting

    def flush(self) -> list[int]:
        """On interruption: the waiting results too, after those passed on; their indices.

        Ctrl-C may land anywhere in ``put``: the sink's length says what was passed on.
        """
        passed = len(self.sink)
        later = sorted(i for i in self.waiting if i >= passed)
        for index in later:
            self.sink.append(self._out(self.waiting.pop(index)))
        return list(range(passed)) + later

    @staticmethod
    def _out(result: FileResult | Packed) -> FileResult:
        """A packed result goes only to a sink that takes one (see ``_receive``)."""
        return cast("FileResult", result)


_ENGINES: dict[Options, Engine] = {}


def engine_for(options: Options) -> Engine:
    """This process's engine for ``options``, built on first use."""
    engine = _ENGINES.get(options)
    if engine is None:
        from checker.engine import Engine

        engine = _ENGINES[options] = Engine(options)
    return engine


def check_job(job: Job) -> FileResult | PackFailure:
    """One file, start to finish; never raises for a bad file or a bad pack."""
    try:
        engine = engine_for(job.options)
        target = job.target
        if target.problem is not None:
            code, detail = target.problem
            return engine.unreadable(target.path, ReadError(target.path, code, detail))
        if target.path == STDIN:
            return _check_stdin(engine, job)
        if job.cache:
            from checker.resultcache import check_cached

            return check_cached(engine, target.path)
        return engine.check_path(target.path)
    except RulePackError as exc:
        return PackFailure(exc.path, exc.message, exc.line, exc.key)


def _check_stdin(engine: Engine, job: Job) -> FileResult:
    from checker.readers import read_bytes

    name = job.name or "stdin.txt"
    try:
        document = read_bytes(job.data or b"", name, job.options.limits, job.options.convert_with)
    except ReadError as exc:
        result = engine.unreadable(name, exc)
    else:
        result = engine.check_document(document)
    if job.name is None:
        result.path = STDIN
    return result


def _preload(engine: Engine) -> None:
    """Load every pack and reader before the workers are forked, so they share them."""
    import contextlib
    from importlib import import_module

    from checker.checks import KINDS, kind_for
    from checker.rulepacks.editions import editions

    engine.common()  # also what the first build of each report reads (Engine.reading)
    for edition in editions():
        engine.packset(edition.pack)
    for kind in sorted(KINDS):
        with contextlib.suppress(ImportError, AttributeError):
            kind_for(kind)
    for reader in ("docx", "html", "markdown", "text"):
        with contextlib.suppress(ImportError):
            import_module(f"checker.readers.{reader}")
    # what is loaded now lives as long as the workers: out of the collector's sight,
    # no collection in a worker walks it, nor writes to the pages the fork shares
    gc.freeze()


@dataclass(frozen=True)
class Shipped:
    """A worker's result without its rule table, which the parent has already.

    Pickling the rule table (compiled patterns, texts) with every result
    would cost time and, in the parent, one copy of it per file.
    """

    result: FileResult
    pack: str | None  # the pack whose rules the result used; None: they were sent along


def _pack_of(engine: Engine, result: FileResult) -> str | None:
    from checker.rulepacks.editions import pack_of

    pack = pack_of(result.edition)
    return pack if engine.packset(pack).rules is result.rules else None


def check_remote(job: Job) -> Shipped | Packed | PackFailure:
    """``check_job`` in a worker process; a result of a known pack comes pickled."""
    from checker.spool import pack as packed

    outcome = check_job(job)
    if isinstance(outcome, PackFailure):
        return outcome
    pack = _pack_of(engine_for(job.options), outcome)
    if pack is None:
        return Shipped(outcome, None)
    return packed(outcome, pack, job.policy)


def check_remote_all(jobs: Sequence[Job]) -> list[Shipped | Packed | PackFailure]:
    """``check_remote`` for consecutive files, in one task."""
    return [check_remote(job) for job in jobs]


def _task_size(left: int, workers: int) -> int:
    """Files in the next task, ``left`` files not yet started."""
    return max(1, min(TASK_FILES, left // (workers * WINDOW_PER_WORKER)))


def _receive(
    shipped: Shipped | Packed | PackFailure, job: Job, keep_packed: bool = False
) -> FileResult | Packed:
    """A worker's result as the sink takes it: pickled still, when the sink keeps it so."""
    from checker.spool import Packed, unpack

    if isinstance(shipped, PackFailure):
        raise shipped.error()
    if isinstance(shipped, Packed):
        rules = engine_for(job.options).packset(shipped.pack).rules
        shipped.rules = rules
        if keep_packed:
            return shipped
        result = unpack(shipped)
        result.take_rules(rules)
        return result
    result = shipped.result
    if shipped.pack is not None:
        result.take_rules(engine_for(job.options).packset(shipped.pack).rules)
    return result


# Ctrl-C and SIGTERM (a CI job cancelled, often sent to the whole process group).
_STOP_SIGNALS = {signal.SIGINT} | ({signal.SIGTERM} if hasattr(signal, "SIGTERM") else set())


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C and SIGTERM to the parent, which cancels the run and ends them.

    Workers are started with both blocked (see ``_run_pool``), so a signal
    that lands while one is starting waits, and is then ignored here instead of
    printing a worker's traceback; the parent ends them with SIGKILL.
    """
    for number in _STOP_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def _unwrap(outcome: FileResult | PackFailure) -> FileResult:
    if isinstance(outcome, PackFailure):
        raise outcome.error()
    return outcome


def run(
    jobs: Sequence[Job],
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    into: Sink | None = None,
) -> Batch:
    """Check every job; ``progress`` is told the number of files done after each one.

    Results go to ``into`` (a new list by default) in input order as soon as
    every earlier file is done; the batch's ``results`` is ``into``.
    """
    sink: Sink = [] if into is None else into
    if workers <= 1 or len(jobs) <= 1:
        return _run_here(jobs, progress, sink)
    return _run_pool(jobs, min(workers, len(jobs)), progress, sink)


def _results(sink: Sink) -> Sequence[FileResult]:
    assert isinstance(sink, Sequence)
    return sink


def _run_here(jobs: Sequence[Job], progress: Callable[[int], None] | None, sink: Sink) -> Batch:
    keep_packed = _takes_packed(sink)
    try:
        for job in jobs:
            result = _unwrap(check_job(job))
            if keep_packed and job.policy is not None:  # prepared here as a worker would
                sink.append(_prepared(result, job.policy))
            else:
                sink.append(result)
            if progress:
                progress(len(sink))
    except KeyboardInterrupt:
        return Batch(_results(sink), interrupted=True, indices=list(range(len(sink))))
    return Batch(_results(sink))


def _prepared(result: FileResult, policy: Policy) -> FileResult:
    """``result`` prepared for ``policy`` and packed for a spool, its rule table kept."""
    from checker.spool import pack

    packed = pack(result, "", policy)
    packed.rules = result.rules
    return cast("FileResult", packed)  # a spool takes it as it is (``_takes_packed``)


def _run_pool(
    jobs: Sequence[Job], workers: int, progress: Callable[[int], None] | None, sink: Sink
) -> Batch:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    if multiprocessing.get_start_method() == "fork":
        cached = any(job.cache for job in jobs)
        for options in dict.fromkeys(job.options for job in jobs):
            if cached:  # the workers inherit the run key instead of each making it
                from checker.resultcache import run_key

                run_key(engine_for(options))
            _preload(engine_for(options))
    order = Reorder(sink, REORDER_PER_WORKER * workers)
    keep_packed = _takes_packed(sink)
    done = 0
    blocks = hasattr(signal, "pthread_sigmask")
    if blocks:  # workers forked now inherit a blocked SIGINT; the parent gets it right after
        saved = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    executor = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint)
    # Only a few jobs per worker are queued at a time: the queue (and every job's
    # pickled options) no longer grows with the number of files, and waiting
    # looks at those few futures, not at every file's. A file is not started
    # while the reorder window is full of results waiting for an earlier one.
    window = WINDOW_PER_WORKER * workers
    running: dict[Future[list[Shipped | Packed | PackFailure]], range] = {}
    upcoming = 0

    def submit() -> None:
        nonlocal upcoming
        while upcoming < len(jobs) and len(running) < window:
            end = min(len(jobs), upcoming + _task_size(len(jobs) - upcoming, workers))
            while end > upcoming and not order.admits(end - 1):
                end -= 1
            if end == upcoming:
                return
            task = range(upcoming, end)
            running[executor.submit(check_remote_all, jobs[upcoming:end])] = task
            upcoming = end

    try:
        try:
            submit()  # the first window starts every worker, with SIGINT blocked
        finally:
            if blocks:
                signal.pthread_sigmask(signal.SIG_SETMASK, saved)
        while running:
            # the timeout only lets Ctrl-C through where a wait cannot be interrupted
            finished, _ = wait(running, return_when=FIRST_COMPLETED, timeout=0.5)
            for future in finished:
                task = running.pop(future)
                for index, shipped in zip(task, future.result(), strict=True):
                    order.put(index, _receive(shipped, jobs[index], keep_packed))
                    done += 1
            if finished:
                submit()
                if progress:
                    progress(done)
    except BrokenProcessPool:
        _stop(executor)
        missing = [jobs[i].target.path for i in range(len(jobs)) if not order.finished(i)]
        raise WorkerError(
            f"a worker process stopped unexpectedly; {len(missing)} file(s) not checked, "
            f"among them {missing[0]} (try --jobs 1)"
        ) from None
    except KeyboardInterrupt:
        _stop(executor)
        indices = order.flush()
        return Batch(_results(sink), interrupted=True, indices=indices, held=order.held)
    except BaseException:
        _stop(executor)
        raise
    executor.shutdown(wait=True)
    return Batch(_results(sink), held=order.held)


def _stop(executor: object) -> None:
    """Cancel queued work and end the workers now rather than after their current file."""
    from concurrent.futures import ProcessPoolExecutor

    assert isinstance(executor, ProcessPoolExecutor)
    processes = list((getattr(executor, "_processes", None) or {}).values())
    # taken before shutdown, which forgets the pool's manager thread when it does not wait
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()  # workers ignore SIGTERM (see ``_ignore_sigint``)
    for process in processes:
        process.join(timeout=2)
    # Once the pool's manager thread has ended it has closed its wake-up pipe, yet
    # CPython 3.11's exit hook still writes to it ("Bad file descriptor" on stderr):
    # take its pipe off the hook's list. The workers are dead, so the thread ends on
    # its own (the interpreter still joins it at exit); a loaded machine may need
    # longer than the wait here, hence the pipe goes off the list either way.
    if manager is not None:
        from concurrent.futures import process as pool_internals

        manager.join(timeout=10)
        getattr(pool_internals, "_threads_wakeups", {}).pop(manager, None)
