"""``cachedir.keep``: a cache file is written whole or not at all, and never fails a run."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from checker.cachedir import keep


def test_it_writes_and_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "entry.bin"
    keep(target, b"first")
    keep(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["entry.bin"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_private_file_is_this_users_alone(tmp_path: Path) -> None:
    target = tmp_path / "code.marshal"
    keep(target, b"x", 0o600)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failure_keeps_nothing_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"in the way")
    keep(blocker / "entry.bin", b"x")  # its folder cannot be made
    in_the_way = tmp_path / "entry.bin"
    in_the_way.mkdir()  # a folder where the file would go: the rename fails
    keep(in_the_way, b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "entry.bin"]
    assert in_the_way.is_dir() and blocker.read_bytes() == b"in the way"
