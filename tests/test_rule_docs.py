"""The documentation a finding cites exists after installation, and SARIF links to it."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from cli_support import REPORTS, ROOT, invoke


def test_rule_page_in_markdown_for_every_rule() -> None:
    ids = [r["id"] for r in json.loads(invoke("rules", "list", "--format", "json").stdout)]
    page = invoke("rule", "a101", "--format", "markdown")
    assert page.returncode == 0
    assert page.stdout.startswith("# A101\n")
    for word in ("**依据**", "**Basis**", "**正确示例**", "**错误示例**", "basis.md"):
        assert word in page.stdout
    assert invoke("rule", ids[-1], "-f", "markdown").stdout.startswith(f"# {ids[-1]}\n")


def test_the_basis_document_ships_with_the_package() -> None:
    """`checker rule` names the basis document it was installed with; it is the checkout's."""
    shown = invoke("rule", "C101", "--lang", "en").stdout
    (line,) = [x for x in shown.splitlines() if x.startswith("sources: ")]
    installed = Path(line.removeprefix("sources: "))
    assert installed.read_bytes() == (ROOT / "docs" / "basis.md").read_bytes()
    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = wheel["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include["docs/basis.md"] == "checker/_data/docs/basis.md"


def test_sarif_rules_carry_a_help_uri_to_their_documentation() -> None:
    proc = invoke("check", str(REPORTS / "qinghe-2018.txt"), "-f", "sarif")
    run_ = json.loads(proc.stdout)["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert rules
    for rule in rules:
        assert rule["helpUri"].startswith("https://") and rule["helpUri"].endswith("/docs/basis.md")
        assert rule["help"]["markdown"].startswith(f"# {rule['id']}\n")
    for result in run_["results"]:  # each result reaches its rule's helpUri through ruleIndex
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
