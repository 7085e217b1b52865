"""A gap before the first numbered heading names the start of the document, not an empty heading."""

from __future__ import annotations

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_bytes
from checker.results import message

TEXT = "某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n四、其他需要报告的事项\n无。\n"


def test_a_gap_at_the_start_names_the_start() -> None:
    result = engine_for(Options()).check_document(read_bytes(TEXT.encode("utf-8"), "r.txt"))
    (gap,) = [f for f in result.findings if f.rule == "N102"]
    zh, en = message(result, gap, "zh"), message(result, gap, "en")
    assert "“文档开头”之后是“三、收到和处理政府信息公开申请情况”" in zh
    assert "start of the document" in en
    assert "“”" not in zh
