"""Document text is data: make it safe for a terminal or a markup language."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

# C0 controls except tab and newline, DEL, C1 controls, and the bidirectional
# overrides and isolates that can make a line read differently than it is.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Replace control and bidi-override characters by a visible escape."""
    return _UNSAFE.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", text)


def json_text(value: object, **kwargs: object) -> str:
    """JSON with non-ASCII kept readable, but every control and bidi character
    written as a \\u escape, so printing the JSON cannot move the cursor or
    reorder a line. The data is unchanged: a JSON parser reads the same string."""
    import json

    text = json.dumps(value, ensure_ascii=False, **kwargs)  # type: ignore[arg-type]
    return json_safe(text, commands=True)  # the same string to a parser; no log command


def json_safe(text: str, commands: bool = False) -> str:
    """JSON text as ``json_text`` leaves it: controls and bidi characters as \\u
    escapes, and with ``commands`` no ``##[``. Per character (``##[`` lies inside one
    string), so any piece of a JSON text made safe on its own is made safe alike."""
    text = _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    return text.replace("##[", "#\\u0023[") if commands else text


def json_chunks(value: object, commands: bool = False, **kwargs: object) -> Iterator[str]:
    """``json_text`` in pieces of about 64 KiB (the escaping is per character, so
    escaping piece by piece gives the same text). ``commands``: break up ``##[`` as
    ``json_text`` does; the encoder never splits a string, and ``#`` occurs only
    inside strings, so piece by piece is the same as on the whole text."""

    indent = kwargs.get("indent")
    if set(kwargs) == {"indent"} and isinstance(indent, int):
        from checker.render.jsonindent import indented

        pieces: Iterable[str] = indented(value, indent)  # the same text, made faster
    else:
        import json

        pieces = json.JSONEncoder(ensure_ascii=False, **kwargs).iterencode(value)  # type: ignore[arg-type]
    buffer: list[str] = []
    size = 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= 65536:
            yield from _cut("".join(buffer), commands)
            buffer, size = [], 0
    if buffer:
        yield from _cut("".join(buffer), commands)


def _cut(text: str, commands: bool, size: int = 65536) -> Iterator[str]:
    """``text`` made safe in pieces of about ``size``, each ending at a line break: in
    indented JSON a line break is never inside a string, so no escape is cut."""
    while len(text) > size:
        cut = text.rfind("\n", size // 2, size) + 1
        if cut <= 0:
            break
        yield json_safe(text[:cut], commands)
        text = text[cut:]
    yield json_safe(text, commands)


class LazyList(list):  # type: ignore[type-arg]
    """A JSON array whose items are made only as the encoder reaches them.

    ``json`` asks an array whether it is empty, then iterates it: ``present`` says
    whether it is, ``items`` makes a fresh iterator of the items.
    """

    def __init__(self, items: Callable[[], Iterator[object]], present: bool) -> None:
        super().__init__()
        self.items, self.present = items, present

    def __bool__(self) -> bool:
        return self.present

    def __iter__(self) -> Iterator[object]:
        return self.items()


def for_rich(text: str) -> str:
    """Visible controls, and rich markup shown literally."""
    shown = visible(text)
    if "[" not in shown and "\\" not in shown:
        return shown  # no tag and no backslash: nothing to escape, and no rich to import
    from rich.markup import escape

    return escape(shown)


def one_line(text: str) -> str:
    """Visible controls, and line breaks and tabs as spaces: for line-oriented formats.

    The legacy runner command marker ``##[`` is broken up as well, so that a
    line of any line-oriented format, printed in a CI log, is never read as a
    command (GitHub, Azure Pipelines).
    """
    return _no_marker(" ".join(visible(text).split()))


def _no_marker(text: str) -> str:
    return text.replace("##[", "#\uff03[")


def log_path(path: str) -> str:
    """A path at the start of a log line: ``./`` in front of one that would begin
    with a colon, so that a file named ``::stop-commands::x.md`` is never a command."""
    shown = one_line(path)
    return "./" + shown if shown.startswith(":") else shown


# Characters that are Markdown syntax inside a line (emphasis, code, links, table
# cells, strike-through); escaped with a backslash. Line-start syntax (#, -, 1.)
# cannot occur: text is only ever placed inside a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def for_markdown(text: str) -> str:
    """One line of Markdown that renders as the literal text.

    HTML is escaped (GitHub renders inline HTML), Markdown punctuation is
    backslash-escaped, ``@`` is written as an entity so that document text
    cannot mention people in a pull-request comment, and line breaks become
    spaces so that a table row stays one row.
    """
    import html

    escaped = html.escape(one_line(text), quote=True)
    return _MD_SPECIAL.sub(r"\\\1", escaped).replace("@", "&#64;")


def for_github_message(text: str) -> str:
    """The message part of a GitHub workflow command (after ``::``): the runner's
    own escaping of ``%``, CR and LF; other line breaks become spaces."""
    escaped = visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _no_marker(escaped.replace("\u2028", " ").replace("\u2029", " "))


def for_github_property(text: str) -> str:
    """A property value of a GitHub workflow command (``file=…,title=…``)."""
    return for_github_message(text).replace(":", "%3A").replace(",", "%2C")


# Code points XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def for_xml(text: str) -> str:
    """Text an XML 1.0 document can hold; markup escaping is left to the serializer."""
    return _no_marker(_NOT_XML.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", visible(text)))
