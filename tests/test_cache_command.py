"""``checker cache dir`` and ``checker cache clean``: the checker's own folders only."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from cli_support import SEED, invoke, run


def test_clean_removes_what_the_checker_kept_and_nothing_else(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"CHECKER_CACHE_DIR": str(cache)}
    shutil.copy(SEED, tmp_path / "seed.txt")
    # a process of its own: one that loaded the packs before keeps them, writing none here
    checked = run("check", "seed.txt", "--cache", "-f", "json", cwd=tmp_path, extra_env=env)
    assert checked.returncode == 1, checked.stderr
    assert (cache / "results").is_dir() and (cache / "packs").is_dir()
    (cache / "mine.txt").write_text("not the checker's", encoding="utf-8")
    kept = sum(1 for p in cache.rglob("*") if p.is_file()) - 1

    shown = invoke("cache", "dir", cwd=tmp_path, extra_env=env)
    assert shown.returncode == 0 and shown.stdout == f"{cache}\n"

    cleaned = invoke("cache", "clean", "--lang", "en", cwd=tmp_path, extra_env=env)
    assert cleaned.returncode == 0, cleaned.stderr
    assert cleaned.stdout == f"removed {kept} cached file(s) from {cache}\n"
    assert sorted(p.name for p in cache.iterdir()) == ["mine.txt"]
    assert (tmp_path / "seed.txt").read_bytes() == SEED.read_bytes()

    again = invoke("cache", "clean", cwd=tmp_path, extra_env=env)
    assert again.stdout == f"已从 {cache} 删除 0 个缓存文件\n"


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need a privilege on Windows")
def test_a_link_in_place_of_a_folder_is_not_followed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("keep me", encoding="utf-8")
    (cache / "results").symlink_to(elsewhere, target_is_directory=True)
    env = {"CHECKER_CACHE_DIR": str(cache)}
    cleaned = invoke("cache", "clean", "--lang", "en", cwd=tmp_path, extra_env=env)
    assert cleaned.returncode == 0, cleaned.stderr
    assert (elsewhere / "precious.txt").read_text(encoding="utf-8") == "keep me"


def test_the_cache_command_is_not_read_as_a_file_to_check(tmp_path: Path) -> None:
    from checker.entry import with_default_command

    assert with_default_command(["cache", "clean"]) == ["cache", "clean"]
    assert with_default_command(["cache.docx"]) == ["check", "cache.docx"]
