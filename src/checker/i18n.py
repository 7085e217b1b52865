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
