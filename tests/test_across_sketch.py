"""MinHash signatures estimate Jaccard similarity, agree between processes, and
the cross-report stage meets each report with a bounded number of others."""

from __future__ import annotations

import random
import subprocess
import sys

from checker.across import stage as stage_module
from checker.across.sketch import bands, bounded, mask, signature, similarity
from checker.across.stage import Stage
from checker.across.summary import ReportSummary, normalise_body
from checker.rulepacks.loader import load_packset
from cli_support import ROOT, env

WORDS = "政府信息公开工作年度报告主动公开依申请平台建设监督保障考核评议责任追究文件清理专栏解读"


def _text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(WORDS) for _ in range(n))


def _shingles(text: str, k: int = 5) -> set[str]:
    return {text[i : i + k] for i in range(len(text) - k + 1)}


def test_estimate_is_close_to_the_exact_jaccard() -> None:
    rng = random.Random(7)
    for keep in (0.2, 0.5, 0.8, 0.95):
        base = _text(rng, 3000)
        cut = int(len(base) * keep)
        other = base[:cut] + _text(rng, len(base) - cut)
        a, b = _shingles(base), _shingles(other)
        exact = len(a & b) / len(a | b)
        estimate = similarity(signature(base, 5, 128), signature(other, 5, 128))
        assert abs(estimate - exact) < 0.12, (keep, exact, estimate)


def test_masked_figures_do_not_count() -> None:
    import regex

    patterns = [regex.compile(r"\d+")]
    a = mask("全年共收到申请77件，办结75件。", patterns)
    b = mask("全年共收到申请12件，办结9件。", patterns)
    assert a == b == "全年共收到申请X件办结X件"
    assert similarity(signature(a * 20, 5, 64), signature(b * 20, 5, 64)) == 1.0


def test_signatures_agree_between_processes() -> None:
    code = (
        "from checker.across.sketch import signature;"
        "print(signature('江泉县人民政府深入贯彻落实条例持续深化政务公开', 5, 32).hex())"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env(PYTHONHASHSEED=seed),
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outs) == 1


def test_short_texts_have_no_signature() -> None:
    assert signature("四个字", 5, 128) == b""
    assert similarity(b"", b"") == 0.0
    assert bands(b"", 16) == []


def test_body_names_keep_the_office_apart() -> None:
    config = load_packset("common").across["body"]
    assert normalise_body("江泉县人民政府", config) == "江泉县人民政府"
    assert normalise_body("江泉县政府", config) == "江泉县人民政府"
    assert normalise_body("江泉县人民政府办公室", config) == "江泉县人民政府办公室"
    assert normalise_body("江泉县", config) == "江泉县人民政府"
    assert normalise_body("关于做好有关工作的说明", config) is None


def test_copies_across_bodies_stay_linear(monkeypatch: object) -> None:
    """Two hundred identical reports of different bodies: each is compared with at
    most one earlier report per LSH band, never with every other report."""
    rules = load_packset("edition2021").rules
    sig = signature(_text(random.Random(1), 2000), 5, 128)
    calls = 0
    real = stage_module.similarity

    def counting(a: bytes, b: bytes) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(stage_module, "similarity", counting)  # type: ignore[attr-defined]
    stage = Stage()
    n = 200
    for i in range(n):
        summary = ReportSummary(path=f"{i}.md", body=f"第{i}局", year=2023, whole=sig)
        summary.whole_chars = 2000
        stage.add(i, summary, rules)
    verdicts = stage.run()
    assert calls <= n * rules["R203"].spec.bands
    assert calls < n * (n - 1) // 2
    assert len(verdicts.findings) == n  # every copy is told, and the first report too


def test_a_report_within_the_sketch_limit_is_sketched_whole() -> None:
    parts = [["序言"], ["一段" * 100, "二段" * 50], []]
    assert bounded(parts, limit=1000) is parts


def test_a_huge_report_is_sketched_from_a_bounded_sample_chosen_by_content() -> None:
    rng = random.Random(3)
    paragraphs = [_text(rng, 40) for _ in range(20_000)]  # 800,000 characters in one section
    small = [_text(rng, 40) for _ in range(5)]
    kept = bounded([small, paragraphs], limit=20_000)
    assert kept[0] is small  # a part under its fair share stays whole
    size = sum(map(len, kept[1]))
    assert 5_000 < size <= 2 * 20_000
    assert set(kept[1]) <= set(paragraphs)
    # content decides, not position: the same paragraphs in another order keep the same ones
    again = bounded([small, list(reversed(paragraphs))], limit=20_000)
    assert set(again[1]) == set(kept[1])
    # one paragraph repeated is kept once: repeats add no shingle
    repeated = bounded([[paragraphs[0]] * 50_000], limit=20_000)
    assert len(repeated[0]) <= 1


def _reference_signature(text: str, shingle: int, bins: int) -> bytes:
    """The signature as the module's docstring defines it, written the plain way."""
    import zlib
    from array import array

    if len(text) < shingle:
        return b""
    hashes = {
        zlib.crc32(text[i : i + shingle].encode("utf-32-le"))
        for i in range(len(text) - shingle + 1)
    }
    shift = 64 - (bins - 1).bit_length()
    mins = [0xFFFFFFFF] * bins
    for c in hashes:
        h = (c * 0x9E3779B97F4A7C15 + 1) % (1 << 64)
        mins[h >> shift] = min(mins[h >> shift], (h >> 16) & 0xFFFFFFFE)
    if all(v == 0xFFFFFFFF for v in mins):
        return b""
    out = list(mins)
    for b in range(bins):
        step = 1
        while mins[b] == 0xFFFFFFFF and out[(b + step) % bins] == 0xFFFFFFFF:
            step += 1
        if mins[b] == 0xFFFFFFFF:
            out[b] = (out[(b + step) % bins] + 2 * step + 1) % (1 << 32)
    return array("I", out).tobytes()


def test_signatures_are_those_of_the_plain_definition() -> None:
    """Short texts (empty bins, borrowed values) and long ones, at every bin count."""
    rng = random.Random(13)
    texts = ["", "四个字", "五个字符呀", *(_text(rng, n) for n in (6, 12, 40, 300, 5000))]
    for text in texts:
        for bins in (16, 32, 64, 128, 256):
            for shingle in (3, 5):
                assert signature(text, shingle, bins) == _reference_signature(
                    text, shingle, bins
                ), (len(text), bins, shingle)


def _reference_finish(mins: list[int]) -> bytes:
    """Densification as the module's docstring defines it, one search per empty bin."""
    from array import array

    if all(v == 0xFFFFFFFF for v in mins):
        return b""
    out = list(mins)
    bins = len(out)
    for b in range(bins):
        if out[b] == 0xFFFFFFFF:
            step = 1
            while out[(b + step) % bins] == 0xFFFFFFFF:
                step += 1
            out[b] = (out[(b + step) % bins] + 2 * step + 1) & 0xFFFFFFFF
    return array("I", out).tobytes()


def test_densifying_is_that_of_one_search_per_empty_bin() -> None:
    """Empty bins anywhere: leading, trailing (the search wraps round), in runs, and a
    borrowed value next to the largest filled one."""
    from checker.across.sketch import finish

    rng = random.Random(7)
    for _ in range(2000):
        bins = rng.choice((16, 32, 128))
        filled = rng.choice((1, 2, 3, bins // 4, bins - 1, bins))
        mins = [0xFFFFFFFF] * bins
        for b in rng.sample(range(bins), filled):
            mins[b] = rng.choice((0, 2, 0xFFFFFFFE, rng.randrange(0, 1 << 32) & ~1))
        assert finish(mins) == _reference_finish(mins), mins
