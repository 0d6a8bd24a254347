"""render.inline: labels after mentions, disagreement markers, colour, the text kept intact."""

from __future__ import annotations

import re
from dataclasses import replace

from tzsched import Context, Link, annotate
from tzsched.render import inline, utc_label

CTX = Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")
TEXT = "Ministers meet at 5 p.m. Moscow time (1400 GMT) on Monday for three days."


def strip_labels(rendered: str, ann) -> str:  # type: ignore[no-untyped-def]
    out, pos = [], 0
    for m in ann.mentions:
        at = rendered.index(m.text + " [", pos) + len(m.text)
        out.append(rendered[pos:at])
        pos = rendered.index("]", at) + 1
    out.append(rendered[pos:])
    return "".join(out)


def test_each_mention_is_followed_by_its_utc_meaning() -> None:
    ann = annotate(TEXT, CTX)
    rendered = inline.render(ann)
    assert "5 p.m. Moscow time [2025-05-19T14:00Z]" in rendered
    for m in ann.mentions:
        assert f"{m.text} [{utc_label(m.resolution)}]" in rendered
    assert "three days [P3D]" in rendered
    assert "Monday [2025-05-19T04:00Z/2025-05-20T04:00Z]" in rendered  # a local day in Toronto
    assert strip_labels(rendered, ann) == TEXT


def test_disagreeing_members_carry_the_cause_and_colour() -> None:
    ann = annotate(TEXT, CTX)
    fake = replace(ann, links=(Link(members=(0, 1), agree=False, delta_seconds=3600.0, cause="dst_slip",
                                    tolerance_seconds=0.0, connector="parenthesis"),))
    plain = inline.render(fake)
    assert "5 p.m. Moscow time [2025-05-19T14:00Z ≠ dst_slip] (1400 GMT [2025-05-19T14:00Z ≠ dst_slip])" in plain
    coloured = inline.render(fake, color=True)
    red = inline.STYLES["disagree"]
    assert coloured.count(red) == 2
    assert f"{red}1400 GMT [2025-05-19T14:00Z ≠ dst_slip]{inline.RESET}" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_agreeing_members_are_green_and_unmarked() -> None:
    ann = annotate(TEXT, CTX)
    assert ann.links and ann.links[0].agree
    coloured = inline.render(ann, color=True)
    assert f"{inline.STYLES['agree']}1400 GMT [2025-05-19T14:00Z]{inline.RESET}" in coloured
    assert inline.STYLES["disagree"] not in coloured
    assert "≠" not in inline.render(ann)


def test_overlapping_mentions_keep_the_text_whole() -> None:
    ann = annotate(TEXT, CTX)
    first = ann.mentions[0]
    inner = replace(first, start=first.start + 2, end=first.end, text=TEXT[first.start + 2 : first.end])
    fake = replace(ann, mentions=(first, inner, *ann.mentions[1:]), links=())
    rendered = inline.render(fake)
    assert rendered.count("[2025-05-19T14:00Z]") == 2  # the overlapping copy is skipped, 1400 GMT stays


def test_fragment_adds_a_header_and_a_final_newline() -> None:
    ann = annotate("No time here.", CTX)
    assert inline.fragment(ann, "a1") == "No time here.\n"
    assert inline.fragment(ann, "a1", header=True) == "==> a1 <==\nNo time here.\n"
