"""The text with each mention's UTC meaning after it: ``5 p.m. Moscow time [2025-05-19T14:00Z]``.

Members of a disagreeing restatement link carry the cause in their bracket
(``1500 GMT [2025-05-19T15:00Z ≠ dst_slip]``: the cause, or ``unknown``), so a disagreement is visible without
colour. With ``color=True`` ANSI colours are added: disagreeing members bold red,
agreeing members green, mentions with notes (ambiguity) yellow, others cyan.
Removing every inserted `` [...]`` gives the original text back; with ``terminal=True``
(output to a terminal) control characters of the text are written as escapes instead
(``\\x1b``, see :func:`~tzsched.render.visible`), so an article cannot send escape sequences
to the terminal. The ``==> id <==`` header always writes the id on one line
(:func:`~tzsched.render.one_line`).

>>> from tzsched import Context, annotate
>>> ctx = Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")
>>> print(render(annotate("They speak at 5 p.m. Moscow time (1500 GMT).", ctx)))  # doctest: +ELLIPSIS
They speak at 5 p.m. Moscow time [2025-05-19T14:00Z ≠ ...] (1500 GMT [2025-05-19T15:00Z ≠ ...]).
"""

from __future__ import annotations

from typing import Any

from ..types import Annotation
from . import link_of, one_line, utc_label, visible

__all__ = ["RESET", "STYLES", "fragment", "render"]

RESET = "\x1b[0m"
STYLES: dict[str, str] = {
    "disagree": "\x1b[1;31m",
    "agree": "\x1b[32m",
    "noted": "\x1b[33m",
    "plain": "\x1b[36m",
}


def render(ann: Annotation, *, color: bool = False, terminal: bool = False) -> str:
    """The annotated text (no trailing newline is added); ``terminal``: control
    characters shown as escapes."""
    links = link_of(ann)
    shown = visible if terminal else str
    parts: list[str] = []
    pos = 0
    text = ann.text
    for i, m in enumerate(ann.mentions):
        if m.start < pos:  # overlapping mentions: the first one wins the text
            continue
        label = utc_label(m.resolution)
        style = "plain"
        found = links.get(i)
        if found is not None and not found[1].agree:
            style = "disagree"
            label += f" ≠ {found[1].cause or 'unknown'}"
        elif found is not None:
            style = "agree"
        elif m.resolution.notes:
            style = "noted"
        parts.append(shown(text[pos : m.start]))
        if color:
            parts.append(f"{STYLES[style]}{shown(text[m.start : m.end])} [{label}]{RESET}")
        else:
            parts.append(f"{shown(text[m.start : m.end])} [{label}]")
        pos = m.end
    parts.append(shown(text[pos:]))
    return "".join(parts)


def fragment(ann: Annotation, article_id: Any = None, *, color: bool = False, header: bool = False,
             terminal: bool = False) -> str:
    """One article of a batch: an optional ``==> id <==`` header line, the annotated
    text, and a final newline."""
    body = render(ann, color=color, terminal=terminal)
    if not body.endswith("\n"):
        body += "\n"
    return f"==> {one_line(article_id)} <==\n{body}" if header else body
