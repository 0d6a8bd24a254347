"""Text -> candidate pieces, in one pass of one compiled pattern, then refiners.

The passes, in order (each one a small function below):

1. **match**: one alternation of every rule's pattern (rules are tried in a fixed
   order; the first whose builder accepts the match wins; when a builder rejects a
   match, the later rules are tried at the same position);
2. **modifiers**: "about", "early", "the end of" just before a piece widen its span;
3. **merge**: neighbours that form one expression join ("10 p.m. Wednesday",
   "Friday morning", "Monday, May 19", "5 p.m. EST Nov. 9");
4. **overlaps**: a piece inside a longer one is dropped.

No clock arithmetic happens here; :mod:`tzsched.resolve` does that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from .lexicon import lexicon
from .rules import all_rules
from .rules.base import Groups, Piece, Rule, alt

__all__ = ["Scanner", "scanner"]

_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")
_GROUP_REF = re.compile(r"\(\?P=(\w+)\)")


@dataclass(frozen=True, slots=True)
class _Compiled:
    rule: Rule
    index: int
    pattern: re.Pattern[str]
    names: tuple[str, ...]


class Scanner:
    """Compiled rules; immutable after construction and safe to share between threads."""

    __slots__ = ("_by_group", "_compiled", "_master", "_modifier")

    def __init__(self, rules: list[Rule]) -> None:
        compiled: list[_Compiled] = []
        branches: list[str] = []
        for i, rule in enumerate(rules):
            names = tuple(dict.fromkeys(_GROUP_NAME.findall(rule.pattern)))
            compiled.append(_Compiled(rule, i, re.compile(rule.pattern), names))
            body = _GROUP_NAME.sub(lambda m, i=i: f"(?P<r{i}_{m.group(1)}>", rule.pattern)  # type: ignore[misc]
            body = _GROUP_REF.sub(lambda m, i=i: f"(?P=r{i}_{m.group(1)})", body)  # type: ignore[misc]
            branches.append(f"(?P<R{i}>{body})")
        self._compiled = tuple(compiled)
        self._by_group = {f"R{c.index}": c for c in compiled}
        # Every rule starts at a word start: checking that first lets the engine skip
        # the inside of words quickly.
        self._master = re.compile(r"(?<![\w])(?:" + "|".join(branches) + ")")
        lex = lexicon()
        approx = alt(lex.approximators)
        position = alt(k for k in lex.position_mods if k != "mid")
        self._modifier = re.compile(
            rf"(?:(?P<approx>(?i:{approx}))\s+)?(?:(?P<pos>(?i:{position}))\s+|(?P<mid>(?i:mid))-)?\Z"
        )

    def pieces(self, text: str) -> list[Piece]:
        """Every candidate piece, sorted, merged and without overlaps."""
        found = self._match(text)
        found = [self._modifiers(p, text) for p in found]
        found = _merge(found, text)
        return _drop_overlaps(found)

    def _match(self, text: str) -> list[Piece]:
        out: list[Piece] = []
        pos = 0
        master = self._master
        while True:
            m = master.search(text, pos)
            if m is None:
                break
            comp = self._by_group[m.lastgroup or ""]
            prefix = f"r{comp.index}_"
            groups: Groups = {n: m.group(prefix + n) for n in comp.names}
            piece = comp.rule.build(groups, m.start(), m.end(), text)
            if piece is None:
                piece = self._retry(text, m.start(), comp.index + 1)
            if piece is not None and piece.end > piece.start:
                out.append(piece)
                pos = max(piece.end, m.start() + 1)
            else:
                pos = m.start() + 1
                # skip to the end of the current word: no rule starts inside a word
                while pos < len(text) and (text[pos].isalnum() or text[pos] == "_"):
                    pos += 1
        return out

    def _retry(self, text: str, start: int, first: int) -> Piece | None:
        for comp in self._compiled[first:]:
            m = comp.pattern.match(text, start)
            if m is None:
                continue
            groups: Groups = {n: m.group(n) for n in comp.names}
            piece = comp.rule.build(groups, m.start(), m.end(), text)
            if piece is not None:
                return piece
        return None

    def _modifiers(self, piece: Piece, text: str) -> Piece:
        if piece.kind in ("ref", "set"):
            return piece
        window_start = max(0, piece.start - 40)
        m = self._modifier.search(text, window_start, piece.start)
        if m is None or m.start() == m.end():
            return piece
        if m.start() > 0 and (text[m.start() - 1].isalnum()):
            return piece
        lex = lexicon()
        said = piece.said
        if m.group("approx"):
            word = " ".join(m.group("approx").lower().split())
            mod = lex.approximators[word]
            if word in ("over", "under", "some") and piece.kind not in ("duration",):
                return piece
            said = replace(said, mod=said.mod or mod)
        if m.group("pos") or m.group("mid"):
            if piece.kind in ("clock", "range", "duration", "ago"):
                return piece
            word = " ".join((m.group("pos") or "mid").lower().split())
            said = replace(said, mod=lex.position_mods.get(word, said.mod))
        return replace(piece, start=m.start(), said=said)


_MERGE_GAP = re.compile(r"(?:\s*,\s*|\s+(?:on\s+|of\s+)?|\s*\(\s*)?")
_CLOCK_DATE_GAP = re.compile(r",?\s+(?:on\s+)?|,\s*")


def _merge(pieces: list[Piece], text: str) -> list[Piece]:
    """Join neighbours that together form one expression."""
    if len(pieces) < 2:
        return pieces
    out: list[Piece] = [pieces[0]]
    for nxt in pieces[1:]:
        prev = out[-1]
        joined = _join(prev, nxt, text)
        if joined is not None:
            out[-1] = joined
        else:
            out.append(nxt)
    return out


_DAYISH = ("date", "weekday", "relday")


def _join(a: Piece, b: Piece, text: str) -> Piece | None:
    gap = text[a.end : b.start]
    if len(gap) > 6 or "\n\n" in gap:
        return None
    sa, sb = a.said, b.said
    # "10 p.m. Wednesday", "5 p.m. EST, Nov. 9", "noon Thursday", "midnight Friday"
    if a.kind in ("clock", "range") and b.kind in _DAYISH and sa.year is None and _CLOCK_DATE_GAP.fullmatch(gap):
        if b.kind == "relday" and sb.part_of_day is not None:
            return None
        said = replace(sa, year=sb.year, month=sb.month, day=sb.day, weekday=sb.weekday,
                       relative_day=sb.relative_day, shift=sb.shift if b.kind == "weekday" else sa.shift)
        return Piece(a.start, b.end, a.kind, a.rule + "+" + b.rule, said, ("clock", b.kind))
    # "Wednesday, 10 p.m.", "Friday 9 a.m."
    if a.kind in _DAYISH and b.kind in ("clock", "range") and sa.hour is None and gap in (" ", ", "):
        if sa.part_of_day is not None:
            return None
        said = replace(sb, year=sa.year, month=sa.month, day=sa.day, weekday=sa.weekday,
                       relative_day=sa.relative_day, shift=sa.shift if a.kind == "weekday" else sb.shift)
        return Piece(a.start, b.end, b.kind, a.rule + "+" + b.rule, said, (a.kind, "clock"))
    # "Monday, May 19", "Friday, Aug. 7, 1998"
    if a.kind == "weekday" and b.kind == "date" and sb.day is not None and gap in (", ", " ") \
            and sa.part_of_day is None:
        said = replace(sb, weekday=sa.weekday)
        return Piece(a.start, b.end, "date", a.rule + "+" + b.rule, said)
    # "May 19 morning" is rare; "Sept. 30, 1989, quarter" is not a merge
    return None


def _drop_overlaps(pieces: list[Piece]) -> list[Piece]:
    pieces.sort(key=lambda p: (p.start, -(p.end - p.start)))
    out: list[Piece] = []
    for p in pieces:
        if out and p.start < out[-1].end:
            if p.end - p.start > out[-1].end - out[-1].start:
                out[-1] = p
            continue
        out.append(p)
    return out


@cache
def scanner() -> Scanner:
    """The English scanner, compiled once per process on first use."""
    return Scanner(all_rules())
