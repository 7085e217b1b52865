"""Typed errors that cross layer boundaries.

Readers raise ``ReadError`` and nothing else; the rule-pack loader raises
``RulePackError``. The CLI turns both into one clear line and an exit code.
"""

from __future__ import annotations


class CheckerError(Exception):
    """Base of every error the project raises on purpose."""


class ReadError(CheckerError):
    """A file could not be turned into a document.

    ``code`` is a stable machine-readable reason (``empty``, ``too-large``,
    ``corrupt-docx``, ``unsupported-format``…); ``detail`` is a short English
    explanation; messages for people are rendered from ``code`` in the chosen
    language.
    """

    def __init__(self, path: str, code: str, detail: str = "") -> None:
        self.path = path
        self.code = code
        self.detail = detail
        super().__init__(f"{path}: {code}" + (f": {detail}" if detail else ""))


class RulePackError(CheckerError):
    """A rule pack or configuration is broken; names the file, line and key."""

    def __init__(self, path: str, message: str, line: int | None = None, key: str | None = None):
        self.path = path
        self.line = line
        self.key = key
        self.message = message
        where = path + (f":{line}" if line is not None else "")
        what = f" [{key}]" if key else ""
        super().__init__(f"{where}:{what} {message}")
