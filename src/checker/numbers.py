"""Numbers as reports write them: "1,626", "１６２６", "一千六百二十六", "12.5万元".

One place turns all of them into ``Decimal`` so that sums are exact; float never
appears. Counts are integers; amounts keep their decimals.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

# Full-width ASCII (！ to ～) maps one-to-one onto ASCII, and the ideographic space
# onto a space, so offsets into normalised text are offsets into the original.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20


def to_halfwidth(text: str) -> str:
    """Fold full-width digits, letters and punctuation; length is preserved."""
    return text.translate(_FULLWIDTH)


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

# A regex fragment for one number as written in prose; rule packs use it as {NUM}.
NUMBER_PATTERN = (
    r"(?:(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?"
    r"|[０-９]+(?:[.．][０-９]+)?"
    r"|[零〇○一二两三四五六七八九十百千万亿]+)"
)


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
