"""Word list-number formats (``w:numFmt``) rendered as the label Word would display.

Chinese reports number their sections with Word's automatic numbering far more
often than by typing "一、", so the label has to be rebuilt for the outline to
see it.
"""

from __future__ import annotations

from collections.abc import Callable

_CN_DIGITS = "零一二三四五六七八九"
_CN_UNITS = ("", "十", "百", "千")
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "兆")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _group(n: int, digits: str, units: tuple[str, ...]) -> str:
    """0 < n < 10000 in Chinese positional form, with 零 for inner gaps."""
    out: list[str] = []
    zero = False
    for position in range(3, -1, -1):
        digit = n // 10**position % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append(digits[0])
            zero = False
        out.append(digits[digit] + units[position])
    return "".join(out)


def chinese(n: int, digits: str = _CN_DIGITS, units: tuple[str, ...] = _CN_UNITS) -> str:
    """Chinese numerals as Word counts: 十, 十一, 二十, 一百零一, 一万零五."""
    if n <= 0:
        return "〇" if digits is _CN_DIGITS else digits[0]
    groups: list[int] = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    if len(groups) > len(_BIG_UNITS):
        return str(sum(g * 10000**i for i, g in enumerate(groups)))
    out: list[str] = []
    need_zero = False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or g < 1000):
            out.append(digits[0])
        out.append(_group(g, digits, units) + _BIG_UNITS[i])
        need_zero = False
    text = "".join(out)
    if digits is _CN_DIGITS and text.startswith("一十"):
        text = text[1:]  # 十一, not 一十一
    return text


def _legal(n: int) -> str:
    return chinese(n, _LEGAL_DIGITS, _LEGAL_UNITS)


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
    "ideographDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n),
    "taiwaneseDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n),
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
