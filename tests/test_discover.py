"""Walking a repository of reports: its own documentation is not a report."""

from __future__ import annotations

from pathlib import Path

from checker.discover import discover


def test_readme_and_licence_are_skipped_when_walking_but_not_when_named(tmp_path: Path) -> None:
    for name in ("README.md", "CHANGELOG.md", "LICENSE.txt", "report-2023.md", "notes.md"):
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    walked = sorted(Path(t.path).name for t in discover([str(tmp_path)]))
    assert walked == ["notes.md", "report-2023.md"]
    globbed = sorted(Path(t.path).name for t in discover([str(tmp_path / "*.md")]))
    assert globbed == ["notes.md", "report-2023.md"]
    named = [Path(t.path).name for t in discover([str(tmp_path / "README.md")])]
    assert named == ["README.md"]
