"""The layers import downwards only: results below post-processing below the renderers."""

from __future__ import annotations

import subprocess
import sys

from cli_support import ROOT, env

RENDERERS = ("table", "concise", "json_out", "jsonl", "sarif", "junit", "github", "gitlab", "markdown")


def _imported_after(*modules: str) -> set[str]:
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print(*sys.modules)"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env(), cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    return set(proc.stdout.split())


def test_renderers_and_postprocessing_do_not_import_the_engine() -> None:
    """Naming a result type must not drag in the engine, its readers and its rule packs."""
    loaded = _imported_after("checker.postprocess", *(f"checker.render.{r}" for r in RENDERERS))
    assert "checker.results" in loaded
    assert "checker.engine" not in loaded
    assert not any(m.startswith("checker.readers") for m in loaded)


def test_postprocessing_does_not_call_up_into_the_renderers() -> None:
    loaded = _imported_after("checker.postprocess")
    assert not any(m.startswith("checker.render") for m in loaded)
