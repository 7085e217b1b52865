"""Word list-number formats (``w:numFmt``) rendered as the label Word would display.

Chinese reports number their sections with Word's automatic numbering far more
often than by typing "一、", so the label has to be rebuilt for the outline to
see it.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.numbers import chinese_digits, chinese_numeral

_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def chinese(n: int) -> str:
    """Chinese counting numerals, as Word's chineseCounting formats draw them."""
    return chinese_numeral(n)


def _legal(n: int) -> str:
    return chinese_numeral(n, legal=True)


def _cycle(chars: str) -> Callable[[int], str]:
    def render(n: int) -> str:
        return chars[(n - 1) % len(chars)] if n > 0 else str(n)

    return render


def _letter(n: int) -> str:
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, symbol in _ROMAN:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


def _enclosed(first: int, last_n: int = 20) -> Callable[[int], str]:
    def render(n: int) -> str:
        return chr(first + n - 1) if 1 <= n <= last_n else str(n)

    return render


def _circled(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "chineseCounting": chinese,
    "chineseCountingThousand": chinese,
    "taiwaneseCounting": chinese,
    "taiwaneseCountingThousand": chinese,
    "japaneseCounting": chinese,
    "ideographDigital": chinese_digits,
    "taiwaneseDigital": chinese_digits,
    "chineseLegalSimplified": _legal,
    "ideographLegalTraditional": _legal,
    "ideographTraditional": _cycle(_STEMS),
    "ideographZodiac": _cycle(_BRANCHES),
    "decimalEnclosedCircle": _circled,
    "decimalEnclosedCircleChinese": _circled,
    "decimalEnclosedParen": _enclosed(0x2474),
    "decimalEnclosedFullstop": _enclosed(0x2488),
    "ideographEnclosedCircle": _enclosed(0x3280, 10),
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "none": lambda n: "",
    "bullet": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word number format ``fmt``; unknown formats fall back to decimal."""
    return _FORMATS.get(fmt, str)(n)
