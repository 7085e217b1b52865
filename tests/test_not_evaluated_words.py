"""The summary names each rule not evaluated with its reason, in the chosen language."""

from __future__ import annotations

import re
from pathlib import Path

from checker.messages import NOT_EVALUATED, not_evaluated_code
from cli_support import invoke

SEED = Path(__file__).parent.parent / "samples" / "seed-2018-xinxiang.txt"
CHECKS = Path(__file__).parent.parent / "src" / "checker" / "checks"


def test_every_reason_a_check_gives_has_words() -> None:
    reasons = [
        m.group(1)
        for path in CHECKS.glob("*.py")
        for m in re.finditer(r'ctx\.skip\(\s*f?"([^"{]+)', path.read_text(encoding="utf-8"))
    ]
    assert reasons
    assert [r for r in reasons if not_evaluated_code(r) == "other"] == []
    assert all(t.zh and t.en for t in NOT_EVALUATED.values())


def test_summary_gives_the_reasons_in_chinese_and_english() -> None:
    zh = invoke("check", str(SEED)).stdout
    assert "未能评估的规则：D103（未找到统计期限）" in zh
    en = invoke("check", str(SEED), "--lang", "en").stdout
    assert "D103 (no statistical period was found)" in en
