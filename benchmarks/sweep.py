"""Sweep random "token soups" through tzsched, looking for crashes and superlinear time.

A script, not a test:

    .venv/bin/python benchmarks/sweep.py [--seeds 0:100] [--small 20000] [--large 200000]

Each seed picks 2 to 12 tokens from a vocabulary of time expressions, zones, connectors,
punctuation and plain words, and a separator (a space, two, or none), and repeats random
choices of them into a text of ``--small`` and of ``--large`` characters. Both texts
go through ``tzsched.annotate`` and ``Annotation.to_record``. A seed is reported when
either raises, or when the process time per character of the large text is more than
``--growth`` times that of the small one (linear code stays near 1; a quadratic step
shows as the size ratio). Run-to-run noise on a shared machine reaches about 1.5x, so a
report is a lead to re-run at a third size, not a verdict. This sweep found four
quadratic steps and a crash that the fixed adversarial table had not (see
benchmarks/README.md). Exit status 1 when anything is reported.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import tzsched

VOCABULARY = [
    # time expressions and zones
    "5 p.m.", "1400 GMT", "10 a.m. Eastern", "noon ET", "midnight Kyiv time", "UTC+3", "Feb. 24, 2022", "March 2022",
    "Monday", "last week", "over the weekend", "tomorrow", "Tuesday night", "from 9 to 11 a.m. PT", "three days",
    "9:30", "21:00", "0800", "24:00", "12:00 a.m.", "00:00 GMT", "GMT+14:45", "UTC-12", "Etc/GMT+12", "EST", "IST",
    "CST", "BST", "local time", "Moscow time", "Q3", "Q5", "FY2025", "H2", "week 53", "first quarter", "next year",
    "the 20th century", "1990s", "Dec. 31", "Feb. 29", "2/29", "12/31", "between 1300 and 1500 GMT", "1300-1500 GMT",
    "o'clock", "tonight at 9", "that night", "the next morning", "the day before", "Friday, Aug. 7, 1998",
    "1915-17", "2014-2016", "In 1914", "two years later", "a year earlier", "up from 1600", "during the summer",
    "this year", "by 12 September", "June 24", "and 25", "the 3rd", "late afternoon", "midafternoon", "more",
    "Friday at midnight", "local", "15.30 CEST", "AEST", "in Sydney", "moved from", "overnight", "decades-long",
    "the last Friday of June", "90 minutes later", "Brussels (AFP) -", "Monday, May 20", "7 p.m. ET/4 p.m. PT",
    # numbers and relative words
    "2025", "1900", "9999", "12", "0", "000", "1,000", "a", "few", "years", "hours", "half", "later", "earlier",
    "ago", "from now", "since", "every", "about", "roughly", "no later than", "at least", "the end of", "mid-",
    # connectors and punctuation
    "(", ")", "[", "]", "or", "which is", "i.e.", "that is", "and", "to", "until", ",", "/", "—", "-", ".", "'", "’",
    '"', "\n", "\n\n",
    # plain words and places
    "at", "the", "on", "of", "in Lagos", "New York", "said", "will", "would", "was", "The", "Mr.", "U.S.",
    "KYIV, Ukraine (AP) —",
]


def soup(seed: int, size: int) -> tuple[str, list[str], str]:
    """The text of ``seed`` cut to ``size`` characters, with the tokens and separator it used."""
    rng = random.Random(seed)
    tokens = rng.sample(VOCABULARY, rng.randint(2, 12))
    sep = rng.choice([" ", " ", "  ", ""])
    out: list[str] = []
    n = 0
    while n < size:
        token = rng.choice(tokens)
        out.append(token)
        n += len(token) + len(sep)
    return sep.join(out)[:size], tokens, sep


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default="0:100", help="a range FIRST:END of seeds (default 0:100)")
    ap.add_argument("--small", type=int, default=20_000, help="characters of the small text (default 20000)")
    ap.add_argument("--large", type=int, default=200_000, help="characters of the large text (default 200000)")
    ap.add_argument("--growth", type=float, default=2.0, help="report when time per character grows more")
    args = ap.parse_args()
    first, _, end = args.seeds.partition(":")
    ctx = tzsched.Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")
    tzsched.annotate("Warm-up at 5 p.m. ET (2100 GMT) on Monday.", ctx)  # compile the common rules first
    reported = 0
    worst: list[tuple[float, int]] = []
    for seed in range(int(first), int(end)):
        rates = []
        for size in (args.small, args.large):
            text, tokens, sep = soup(seed, size)
            start = time.process_time()
            try:
                tzsched.annotate(text, ctx).to_record(seed)
            except Exception as exc:  # the point of the sweep: report it and go on
                print(f"seed {seed}: {size} chars raised {type(exc).__name__}: {exc}; tokens {tokens!r}, "
                      f"separator {sep!r}")
                reported += 1
                break
            rates.append((time.process_time() - start) / size)
        if len(rates) == 2:
            growth = rates[1] / max(rates[0], 1e-12)
            worst.append((growth, seed))
            if growth > args.growth:
                text, tokens, sep = soup(seed, 0)
                print(f"seed {seed}: {rates[0] * 1e6:.2f} -> {rates[1] * 1e6:.2f} us a character ({growth:.1f}x); "
                      f"tokens {tokens!r}, separator {sep!r}")
                reported += 1
    worst.sort(reverse=True)
    print(f"{len(worst)} seeds timed; largest growth of time per character: "
          + ", ".join(f"{g:.2f}x (seed {s})" for g, s in worst[:3]))
    return 1 if reported else 0


if __name__ == "__main__":
    raise SystemExit(main())
