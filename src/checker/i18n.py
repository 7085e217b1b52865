"""Words in two languages; messages are rendered in Chinese unless asked for English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LANGS = ("zh", "en")


@dataclass(frozen=True)
class Text:
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    @classmethod
    def of(cls, data: Any) -> Text:
        data = data or {}
        return cls(zh=str(data.get("zh", "")), en=str(data.get("en", "")))

    def to_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}


def default_lang(environ: dict[str, str] | None = None) -> str:
    """The language when ``--lang`` is not given: ``CHECKER_LANG``, else the locale's,
    else Chinese. Only an English locale turns English on; C and POSIX stay Chinese,
    since the people who read these reports read Chinese."""
    import os

    env = os.environ if environ is None else environ
    chosen = env.get("CHECKER_LANG", "").strip().lower()[:2]
    if chosen in LANGS:
        return chosen
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    if environ is None and os.name == "nt":  # Windows sets no locale variables
        import locale

        name = (locale.getlocale()[0] or "").lower()
        return "en" if name.startswith("en") else "zh"
    return "zh"
