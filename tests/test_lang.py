"""The language of everything the command says: --lang, else CHECKER_LANG, else the
locale, else Chinese."""

from __future__ import annotations

import pytest

from checker.i18n import default_lang
from cli_support import SEED, invoke


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({}, "zh"),
        ({"LANG": "C.UTF-8"}, "zh"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"CHECKER_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"CHECKER_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),
        ({"CHECKER_LANG": "fr", "LANG": "en_US.UTF-8"}, "en"),
    ],
)
def test_default_language(env: dict[str, str], lang: str) -> None:
    assert default_lang(env) == lang


def test_chinese_by_default_notes_included() -> None:
    proc = invoke("check", str(SEED), "--edition", "1999")
    assert proc.returncode == 2 and "未知的格式版本" in proc.stderr
    proc = invoke("check", str(SEED))
    assert "共检查 1 个文件" in proc.stdout and "位置" in proc.stdout


def test_environment_and_option() -> None:
    english = invoke("check", str(SEED), extra_env={"CHECKER_LANG": "en"})
    assert "1 file(s) checked" in english.stdout and "Location" in english.stdout
    by_locale = invoke("check", str(SEED), extra_env={"LANG": "en_US.UTF-8"})
    assert "1 file(s) checked" in by_locale.stdout
    forced = invoke("check", str(SEED), "--lang", "zh", extra_env={"CHECKER_LANG": "en"})
    assert "共检查 1 个文件" in forced.stdout
    rule = invoke("rule", "A101", extra_env={"CHECKER_LANG": "en"})
    assert "basis: " in rule.stdout
