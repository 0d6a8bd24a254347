"""The scanner: the anchor prefilter must find exactly what trying every rule at every
word start finds, and the scanner's output must be well formed on any text."""

from __future__ import annotations

import importlib.util
import json
import random
import re
from pathlib import Path

import pytest

from tzsched.lexicon import lexicon
from tzsched.rules import all_rules
from tzsched.rules.base import DIGIT, FOUR_DIGITS, SHORT_NUMBER, Piece, Rule
from tzsched.scan import Scanner, scanner
from tzsched.types import Said

_WORD_START = re.compile(r"(?<![\w'’])[\w'’]")
_ROOT = Path(__file__).resolve().parents[1]

OWN_TEXT = """
WASHINGTON (AP) — Lawmakers will vote at 4:30 p.m. EDT (2030 GMT) on Thursday, the third
day of a session that began last week. The budget for fiscal 1999 passed in the 1990s' last
months; the 2022 budget, 1400 troops and 2022 votes are numbers. Early next week, and again
the following Monday, officials meet from 9 to 11 a.m. PT. About three years ago, in the
spring of 2019, a two-day summit ended at noon ET; a 6-year-old watched. Daily briefings,
every Tuesday night, resume Feb. 24, 2022 or 24 February 2022 or 2022-02-24 at 14:00 UTC.
A couple of weeks later, the year-ago quarter and the past 20 years were recalled recently.
Short numbers: 5.30 pm, 15h30, 9-11 a.m., 3/4/2025, the 24th of May, 24 May, the 21st century,
a 90-minute talk, 5 1/2 hours, 5 ½ hours, 3 times a week, 12 noon, 4 in the morning, 1 to 3 p.m.,
between 2 and 4 p.m. GMT, 8 o'clock, 2 hrs, 30 days, 7pm, 7 PM, 11:45, at 9, 12 pct, 1.5 billion,
$20, 3 x 4, 10 a sign, No. 5, 15-year-old, 2-1 win, 12 to 15 troops, 21:00 local time, 3 this afternoon.
Sales for the full year and the whole week rose; the 2nd half beat the 1st half.
"""


def _brute_force(text: str) -> list[Piece]:
    """Every rule at every word start, in rule order: the slow reference."""
    rules = [(r, re.compile(r.pattern)) for r in all_rules()]
    out: list[Piece] = []
    covered = 0
    for w in _WORD_START.finditer(text):
        pos = w.start()
        if pos < covered:
            continue
        for rule, pattern in rules:
            m = pattern.match(text, pos)
            if m is None:
                continue
            names = tuple(dict.fromkeys(re.findall(r"\(\?P<(\w+)>", rule.pattern)))
            piece = rule.build({n: m.group(n) for n in names}, m.start(), m.end(), text)
            if piece is not None and piece.end > piece.start:
                out.append(piece)
                covered = piece.end
                break
    return out


def _texts(shared: Path | None) -> list[str]:
    texts = [OWN_TEXT]
    if shared is not None:
        path = shared / "corpora" / "tbaq.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                texts += [json.loads(line)["text"] for line in fh][:120]
    return texts


def test_prefilter_finds_what_brute_force_finds() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared"
    sc = scanner()
    for text in _texts(shared if shared.is_dir() else None):
        fast = [(p.start, p.end, p.rule) for p in sc._match(text)]
        slow = [(p.start, p.end, p.rule) for p in _brute_force(text)]
        assert fast == slow


def test_prefilter_finds_what_brute_force_finds_on_generated_news() -> None:
    """The same on the benchmark's generated news (numbers that are not times, datelines,
    curly quotes and dashes: the fast separator anchor and its fallback both run)."""
    spec = importlib.util.spec_from_file_location("newsgen_for_scan", _ROOT / "benchmarks" / "newsgen.py")
    assert spec is not None and spec.loader is not None
    newsgen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(newsgen)
    sc = scanner()
    texts = [a["text"] for a in newsgen.generate_articles(60, seed=11)]
    texts.append(newsgen.generate_text(20_000, seed=5) + " ✓5 p.m.")  # ✓: not a listed separator
    for text in texts:
        assert [(p.start, p.end, p.rule) for p in sc._match(text)] == \
            [(p.start, p.end, p.rule) for p in _brute_force(text)]


# Hard cases for Rule.after (what may follow a rule's start word or number), my own phrases
AFTER_CASES = """
It took 51/2 hours, 5 1/2 hours, 5½ hours, 2.5 hours, 2,5 days, a 3-day trip, 3 - day, 12-hour shifts and
3 times a week, 2.5 times a year. In the 1990's, the 1990’s, the 1990s, the mid-1990s, the ’90s, the '90s,
the early 2000s and the late-1980s. Troops moved at 1400hrs, at 1400 hours, at 1400 h, 1400 in Lagos, 1400GMT,
1300-1500 GMT, 1300 to 1500 GMT, between 1300 and 1500 GMT, 1300–1500 GMT, at 12 noon, 12 midnight, 12 mid-day,
4 o’clock, 4 o'clock, at half past two, a quarter to nine, ten past six, quarter past 3 p.m., 4 in the morning, 9 at night, 9 tonight, 9 this evening. The 1st quarter, the 2nd-half,
the 2025 first quarter, 1999 fiscal third quarter, 2025 1st half, the 21st century, 21-century, the 5th-century
church. At 5pm, 5 p.m., 5.30 pm, 5:30pm, 9-11 a.m., 9 to 11 a.m., 9 until 11 p.m., 9–11 a.m., 2pm-4pm, 15h30,
open on weekends, at weekends, the first week of January, last week of May, the final full week of June,
the 17th and 18th centuries, the seventeenth and eighteenth centuries, 9/8c, 11:35/10:35c, FY25, FY 2026, FY2024-25, Q4 FY25, 01.04.2025, 31-03-2026, the January-March quarter, the June quarter, founded in 753 BC, 146 B.C., 300 BCE, in 476 AD, in AD 79, in 70 C.E., (12 CE), on 24th of May, 24 of May, 24 May, 3/4/2025, 2025-02-24, 1861-63, 1915–1917, 1998-2001, the 24th of May, the
third of May, the twenty-first century, the same quarter, the year-ago quarter, the 1999 fourth quarter, the
fiscal year, the full year, the whole week, the day after tomorrow, the next day, the following morning, the
past weekend, the weekend, the past 20 years, the next few days, the several weeks, the two weeks, the first
half, the summer of 2019, the early spring, the night of Oct. 23, in the morning, the past, the future, the
present, the previous quarter, the fiscal 2025 second quarter. The last Friday of June, the 2nd Sunday in
May, the first Monday of October 2024, 3rd Tuesday of March, in the early morning, the late afternoon.
Bids close on the 22nd. The 2003/04 season.
"""


def _after_texts() -> list[str]:
    shared = Path(__file__).resolve().parents[2] / "shared"
    spec = importlib.util.spec_from_file_location("newsgen_for_after", _ROOT / "benchmarks" / "newsgen.py")
    assert spec is not None and spec.loader is not None
    newsgen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(newsgen)
    generated = [a["text"] for a in newsgen.generate_articles(60, seed=11)]
    return [AFTER_CASES, *_texts(shared if shared.is_dir() else None), *generated]


_START = re.compile(r"\d+|[A-Za-z]+")
_BLANKS = re.compile(r"\s*")
_NUMBER_LENGTHS = {DIGIT: range(1, 6), SHORT_NUMBER: range(1, 3), FOUR_DIGITS: range(4, 5)}


def _declared_after(rule: Rule, start: str) -> frozenset[str] | None:
    """What ``rule`` declares may follow ``start`` (a number or a word); None: anything."""
    if not start[0].isdigit():
        return rule.after.get(start.lower())
    covering = [key for key in rule.starts if key in _NUMBER_LENGTHS and min(len(start), 5) in _NUMBER_LENGTHS[key]]
    if not covering or any(key not in rule.after for key in covering):
        return None
    return frozenset().union(*(rule.after[key] for key in covering))


def test_rules_declare_what_follows_their_start() -> None:
    """Rule.after lets the scanner skip a rule by what follows its start ("2025," is no
    military time): wherever the rule's builder accepts a match, after the start (a
    number's digits, then any blanks) comes one of the strings it declares."""
    checked: set[str] = set()
    texts = _after_texts()
    for rule in all_rules():
        if not rule.after:
            continue
        pattern = re.compile(rule.pattern)
        names = tuple(dict.fromkeys(re.findall(r"\(\?P<(\w+)>", rule.pattern)))
        for text in texts:
            for w in _WORD_START.finditer(text):
                m = pattern.match(text, w.start())
                if m is None:
                    continue
                piece = rule.build({n: m.group(n) for n in names}, m.start(), m.end(), text)
                start = _START.match(text, w.start())
                if piece is None or piece.end <= piece.start or start is None:
                    continue
                after = _declared_after(rule, start.group())
                if after is None:
                    continue
                rest = _BLANKS.match(text, start.end()).end()
                assert any(text[rest : rest + len(a)].lower() == a for a in after), (rule.id, text[m.start() : m.end()])
                checked.add(rule.id)
    assert checked == {rule.id for rule in all_rules() if rule.after}  # each declaration was put to the test


def test_prefilter_finds_what_brute_force_finds_in_word_soups() -> None:
    """Rule words, numbers and the punctuation between them in random order: starts and
    what follows them in combinations no news text has."""
    lex = lexicon()
    vocabulary = sorted({w for table in (lex.months, lex.weekdays, lex.numbers, lex.ordinals, lex.units,
                                         lex.parts_of_day, lex.seasons, lex.relative_days, lex.vague_quantity,
                                         lex.shift_words, lex.set_words, lex.references, lex.unit_qualifiers)
                         for phrase in table for w in phrase.split()}
                        | {"the", "of", "to", "and", "from", "between", "in", "o'clock", "o’clock", "GMT", "UTC",
                           "EDT", "hours", "hrs", "times", "fiscal", "quarter", "half", "century", "year-ago", "mid",
                           "noon", "midnight", "Lagos", "local", "time"})
    numbers = ["5", "12", "24", "1", "9", "05", "21", "123", "2025", "1400", "1990", "1861", "12345", "2.5", "51/2"]
    glue = [" ", " ", " ", ", ", ". ", "-", "–", ":", ".", "/", "'", "’", "s", "th", "pm", "p.m.", "\u00a0", "(", "h"]
    sc = scanner()
    for seed in range(200):
        rng = random.Random(seed)
        words = [rng.choice(numbers) if rng.random() < 0.35 else rng.choice(vocabulary) for _ in range(80)]
        text = "".join(rng.choice((w, w.capitalize(), w.upper())) + rng.choice(glue) for w in words)
        assert [(p.start, p.end, p.rule) for p in sc._match(text)] == \
            [(p.start, p.end, p.rule) for p in _brute_force(text)], seed


def test_what_follows_a_number_narrows_the_rules_tried() -> None:
    sc = scanner()
    year_then_comma = [c.rule.id for c in sc._digit_rules[4].at("In 2025, prices rose", 7)]
    assert "date.year" in year_then_comma
    assert "clock.military" not in year_then_comma and "date.iso" not in year_then_comma
    assert "clock.military" in [c.rule.id for c in sc._digit_rules[4].at("At 1400 GMT", 7)]
    # "ſ" matches "s" case-insensitively but is not a declared string: every rule is tried
    assert sc._digit_rules[4].at("the 1990ſ", 8) == sc._digit_rules[4].every


def test_a_declared_string_admits_whatever_it_begins() -> None:
    """A rule is tried where one of its strings, or a prefix of it ("" lets anything
    follow), begins what follows its start; only the rules that declare nothing are
    tried where no declared string does."""
    def build(g: dict[str, str | None], s: int, e: int, t: str) -> Piece:
        return Piece(s, e, "x", "x", Said())

    rules = [Rule("x.q", r"zz\s+q", build, starts=frozenset({"zz"}), after={"zz": frozenset({"q"})}),
             Rule("x.quiet", r"zz\s+quiet", build, starts=frozenset({"zz"}), after={"zz": frozenset({"quiet"})}),
             Rule("x.any", r"zz", build, starts=frozenset({"zz"}), after={"zz": frozenset({""})}),
             Rule("x.free", r"zz", build, starts=frozenset({"zz"}))]
    at = Scanner(rules)._by_word["zz"].at
    assert [c.rule.id for c in at("zz  QUIETLY", 2)] == ["x.q", "x.quiet", "x.any", "x.free"]
    assert [c.rule.id for c in at("zz quay", 2)] == ["x.q", "x.any", "x.free"]
    assert [c.rule.id for c in at("zz, then", 2)] == ["x.any", "x.free"]


def test_a_rule_says_what_follows_only_starts_it_lists() -> None:
    with pytest.raises(ValueError, match="does not list"):
        Scanner([Rule("x.after", "x", lambda g, s, e, t: None, starts=frozenset({"x"}),
                      after={"y": frozenset({"z"})})])


def test_every_rule_declares_start_words() -> None:
    for rule in all_rules():
        assert rule.starts, rule.id
    with pytest.raises(ValueError, match="no start words"):
        Scanner([type(all_rules()[0])("x.empty", "x", lambda g, s, e, t: None)])


@pytest.mark.parametrize(
    "text",
    ["", "   ", "((((((((((", "5 p.m. " * 50, "a.m. " * 50, "9" * 500, "x" * 2000, "\u0301\u200b\U0001f600" * 40],
)
def test_pieces_are_sorted_in_bounds_and_disjoint(text: str) -> None:
    pieces = scanner().pieces(text)
    last_end = 0
    for p in pieces:
        assert 0 <= p.start < p.end <= len(text)
        assert p.start >= last_end
        last_end = p.end


def test_text_whose_lower_case_changes_length_is_scanned_in_place() -> None:
    """"İ" lower-cases to two characters, so the anchor cannot run on the lowered text;
    the case-insensitive anchor must find the same pieces at the original offsets."""
    plain = "Istanbul: talks at 5 p.m. Moscow time on Monday, then MAY 5, 2025."
    dotted = plain.replace("I", "İ", 1)
    assert len(dotted.lower()) != len(dotted)
    found = [(p.start, p.end, p.rule) for p in scanner().pieces(dotted)]
    assert found == [(p.start, p.end, p.rule) for p in scanner().pieces(plain)]
    assert [dotted[s:e] for s, e, _ in found] == ["5 p.m. Moscow time on Monday", "MAY 5, 2025"]


@pytest.mark.parametrize("mark", [" ", "(", "—", "“", "\u202f", "✓", "\u0301", "¤"])
def test_a_word_start_after_any_non_word_character_anchors(mark: str) -> None:
    """Word starts are found after listed separators (the fast anchor) and after any other
    non-word character (the look-behind anchor the scanner falls back to)."""
    text = f"Doors open{mark}5 p.m. Friday, and{mark}Monday too."
    found = [text[p.start:p.end] for p in scanner().pieces(text)]
    assert found == ["5 p.m. Friday", "Monday"]


@pytest.mark.parametrize(("written", "value"), [
    ("twenty-five", 25.0), ("twenty five", 25.0), ("forty-two and a half", 42.5), ("90", 90.0),
    ("1,500", 1500.0), ("twenty--five", None), ("ten-ish", None), ("", None),
])
def test_number_value_reads_counts_split_at_hyphens_and_spaces(written: str, value: float | None) -> None:
    from tzsched.rules.base import number_value

    assert number_value(written) == value


def test_the_lower_case_modifier_pattern_reads_ascii_windows_as_the_case_insensitive_one() -> None:
    """Scanner._modifiers searches an ASCII window lower-cased with a case-sensitive
    pattern: the same match (span and words) as the case-insensitive pattern on the text,
    on windows of modifier words, other words and blanks in random case (fixed seed)."""
    lex = lexicon()
    words = [w for phrase in (*lex.approximators, *lex.position_mods) for w in phrase.split()]
    words += ["mid", "mid-", "at", "x", "5", "the", "Abouts", "earlyish", "(", "-"]
    sc = scanner()
    rng = random.Random(8)
    for _ in range(3000):
        parts = [rng.choice(words) for _ in range(rng.randint(0, 6))]
        text = "".join(rng.choice((w, w.upper(), w.capitalize())) + rng.choice((" ", "  ", "\t", "", "-"))
                       for w in parts) + "May 5"
        end = len(text) - len("May 5")
        start = max(0, end - 40)
        fast = sc._modifier_lower.search(text[start:end].lower())
        slow = re.compile(sc._modifier).search(text, start, end)
        assert (fast is None) == (slow is None), text
        if fast is not None and slow is not None:
            assert (start + fast.start(), start + fast.end()) == slow.span(), text
            assert {k: v and v.lower() for k, v in fast.groupdict().items()} == \
                {k: v and v.lower() for k, v in slow.groupdict().items()}, text
