"""Numbers as reports write them: "1,626", "１６２６", "一千六百二十六", "12.5万元".

One place turns all of them into ``Decimal`` so that sums are exact; float never
appears. Counts are integers; amounts keep their decimals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

# Full-width ASCII (！ to ～) maps one-to-one onto ASCII, and the ideographic space
# onto a space, so offsets into normalised text are offsets into the original.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_FOLDED = {chr(wide): chr(narrow) for wide, narrow in _FULLWIDTH.items()}
_WIDE = re.compile("[\uff01-\uff5e\u3000]")


def to_halfwidth(text: str) -> str:
    """Fold full-width digits, letters and punctuation; length is preserved.

    Each distinct wide character is replaced in one ``str.replace``: a text
    holds a handful of them (，（）：), and a per-character ``translate``
    costs several times more on Chinese text. Plain ASCII (most table
    figures) has nothing to fold, and saying so takes no search.
    """
    if text.isascii():
        return text
    pos = 0
    while (m := _WIDE.search(text, pos)) is not None:
        wide = m.group()
        text = text.replace(wide, _FOLDED[wide])
        pos = m.start() + 1
    return text


def to_halfwidth_all(texts: Sequence[str]) -> list[str]:
    """``to_halfwidth`` of each text, folded together in one string (cheaper per text)."""
    joined = to_halfwidth("".join(texts))
    out = []
    at = 0
    for text in texts:
        end = at + len(text)
        out.append(joined[at:end])
        at = end
    return out


_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)

# The Chinese digits, spelled out once; other modules build their patterns from these.
ONE_TO_NINE = "一二三四五六七八九"
ZEROS = "零〇○"  # 零, the ideographic zero, and the circle drafts type for it
SMALL_UNITS = "十百千"
HEADING_NUMERALS = ONE_TO_NINE + "十"  # 一、 … 十九、 as section numbers write them
DATE_NUMERALS = ZEROS + ONE_TO_NINE + "十"  # 二〇二三年十二月三十一日
PROSE_DIGITS = "零〇" + "一二两三四五六七八九"  # digits of a number in a sentence
POSITIONAL_DIGITS = "零" + ONE_TO_NINE  # 零 for inner gaps: 一百零一
LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"  # the forms of banking and contracts
COUNTING_UNITS = ("", "十", "百", "千")
LEGAL_UNITS = ("", "拾", "佰", "仟")
GROUP_UNITS = ("", "万", "亿", "兆")

# A regex fragment for one number as written in prose; rule packs use it as {NUM}.
NUMBER_PATTERN = (
    r"(?:(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?"
    r"|[０-９]+(?:[.．][０-９]+)?"
    r"|[零〇○一二两三四五六七八九十百千万亿]+)"
)
# the characters NUMBER_PATTERN is made of: each number it reads opens and ends with one
NUMBER_OPENS = r"[\d０-９零〇○一二两三四五六七八九十百千万亿]"


def parse_chinese_numeral(text: str) -> int | None:
    """Parse 一千六百二十六, 十二, 两万零五, 二〇一八 (digit by digit); None if not a numeral."""
    if not text or any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        return None
    if all(ch in _DIGITS for ch in text):
        # 二〇一八 is read digit by digit, a lone 三 as 3
        value = 0
        for ch in text:
            value = value * 10 + _DIGITS[ch]
        return value
    total = 0  # finished groups (亿, 万)
    section = 0  # the group being built
    digit: int | None = None
    for ch in text:
        if ch in _DIGITS:
            if digit is not None and _DIGITS[ch] != 0:
                return None  # two digits in a row, like 一二十
            digit = _DIGITS[ch] if _DIGITS[ch] != 0 else None
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            digit = None
            big = _BIG_UNITS[ch]
            if section == 0 and total == 0:
                return None
            total = (total + section) * big if big > 10_000 else total + section * big
            section = 0
    section += digit or 0
    return total + section


def parse_number(text: str) -> Decimal | None:
    """Parse one number token (no unit); None when it is not a number."""
    token = to_halfwidth(text.strip()).replace("，", ",").replace("−", "-")
    sign = 1
    if token[:1] in ("-", "+"):
        sign = -1 if token[0] == "-" else 1
        token = token[1:].strip()
    if not token:
        return None
    if token[0].isdigit():
        plain = token.replace(",", "")
        try:
            return sign * Decimal(plain)
        except InvalidOperation:
            return None
    value = parse_chinese_numeral(token)
    return sign * Decimal(value) if value is not None else None


def is_count(value: Decimal) -> bool:
    """A count is a non-negative integer."""
    return value >= 0 and value == value.to_integral_value()


def format_number(value: Decimal) -> str:
    """Render without exponent and without trailing zeros on integers."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


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


def chinese_numeral(n: int, legal: bool = False) -> str:
    """``n`` in Chinese numerals as Word counts and people write section numbers:
    十, 十一, 二十, 一百零一, 一万零五; ``legal`` gives 壹拾壹 forms."""
    digits, units = (LEGAL_DIGITS, LEGAL_UNITS) if legal else (POSITIONAL_DIGITS, COUNTING_UNITS)
    if n <= 0:
        return digits[0] if legal else "〇"
    groups: list[int] = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    if len(groups) > len(GROUP_UNITS):
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
        out.append(_group(g, digits, units) + GROUP_UNITS[i])
        need_zero = False
    text = "".join(out)
    if not legal and text.startswith("一十"):
        text = text[1:]  # 十一, not 一十一
    return text


def chinese_digits(n: int) -> str:
    """Digit by digit, as years are written: 二〇二三 (with 零 for Word's ideographDigital)."""
    return "".join(POSITIONAL_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)
