"""render.timeml: TIMEX3 tags and a creation-time TIMEX3, exact round trip of the text."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tzsched import Context, InputError, annotate
from tzsched.render import timeml

ROOT = Path(__file__).resolve().parent.parent
CTX = Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")
TRICKY = [
    'AT&T said "talks" start at 5 p.m. ET <sharp> & end by 1400 GMT; ]]> isn\'t a tag.',
    "Line one at noon ET.\r\nLine two at 1 p.m. ET.\rOld Mac line.\n\tTabbed at 3 p.m. GMT.",
    "Café talks at 9 a.m. Paris time 🙂 — «bientôt», 東京 at 10 p.m. Tokyo time, שלום.",
    "a\u0301 combining, \u200b zero width, \u2028 line separator, at 4 p.m. EDT.",
    "&amp; is already escaped &lt;here&gt; at 7 a.m. GMT",
]


def _text_by_regex(document: str) -> str:
    body = document[document.index("<TEXT>") + len("<TEXT>") : document.index("</TEXT>")]
    return html.unescape(re.sub(r"</?TIMEX3[^>]*>", "", body))


@pytest.mark.parametrize("text", [*TRICKY, (ROOT / "data/samples/summit.txt").read_text(encoding="utf-8")])
def test_stripping_tags_gives_the_text_back(text: str) -> None:
    ann = annotate(text, CTX)
    doc = timeml.render(ann, "doc & <1>")
    assert timeml.text_of(doc) == text
    assert _text_by_regex(doc) == text
    root = ET.fromstring(doc.encode("utf-8"))
    assert root.findtext("DOCID") == "doc & <1>"
    tags = root.findall("TEXT/TIMEX3")
    assert [t.text for t in tags] == [m.text for m in ann.mentions]


def test_tags_carry_tid_type_value_and_mod() -> None:
    ann = annotate("Talks run from about 9 a.m. ET until the end of the month.", CTX)
    root = ET.fromstring(timeml.render(ann).encode("utf-8"))
    tags = root.findall("TEXT/TIMEX3")
    for i, (tag, m) in enumerate(zip(tags, ann.mentions, strict=True)):
        assert tag.get("tid") == f"t{i + 1}"
        assert tag.get("type") == m.resolution.timex_type
        assert tag.get("value") == m.resolution.value
        assert tag.get("mod") == m.resolution.mod
    assert any(t.get("mod") for t in tags)
    assert not any("mod" in t.attrib for t, m in zip(tags, ann.mentions, strict=True) if m.resolution.mod is None)


def test_creation_time() -> None:
    root = ET.fromstring(timeml.render(annotate("x", CTX)).encode("utf-8"))
    dct = root.find("DCT/TIMEX3")
    assert dct is not None
    assert dct.attrib == {"tid": "t0", "type": "DATE", "value": "2025-05-19", "temporalFunction": "false",
                          "functionInDocument": "CREATION_TIME"}
    day_only = ET.fromstring(timeml.render(annotate("x", Context.parse("1998-02-06"))).encode("utf-8"))
    assert day_only.find("DCT/TIMEX3").get("value") == "1998-02-06"  # type: ignore[union-attr]


def test_characters_xml_cannot_carry_are_an_error() -> None:
    with pytest.raises(InputError, match=r"U\+000C at offset 9"):
        timeml.render(annotate("Page one.\x0cPage two at noon ET.", CTX))


def test_overlapping_mentions_do_not_nest() -> None:
    ann = annotate("Ministers meet at 5 p.m. Moscow time today.", CTX)
    m = ann.mentions[0]
    inner = replace(m, start=m.start + 5, text=ann.text[m.start + 5 : m.end])
    doc = timeml.render(replace(ann, mentions=(m, inner, *ann.mentions[1:]), links=()))
    assert timeml.text_of(doc) == ann.text
    assert "t2" not in [t.get("tid") for t in ET.fromstring(doc.encode()).findall("TEXT/TIMEX3")]


_XML_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\x01\x02\x03\x04\x05\x06\x07\x08"
                           "\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\ufffe\uffff")
_PIECES = st.sampled_from(["at 5 p.m. ET", "1400 GMT", "(", ")", " & ", "<", ">", "]]>", "\r\n", "\r", '"', "'",
                           "Feb. 24, 2022", " on Monday", "&lt;", "about 10 a.m. Eastern", " "])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(_XML_CHARS, max_size=8), _PIECES), max_size=14).map("".join))
def test_round_trip_property(text: str) -> None:
    doc = timeml.render(annotate(text, CTX))
    assert timeml.text_of(doc) == text
    assert _text_by_regex(doc) == text


def test_a_character_xml_cannot_carry_is_named_with_its_offset_in_the_article() -> None:
    ann = annotate("Talks at noon ET. \x01 Then more.", CTX)
    with pytest.raises(InputError, match=r"the text contains U\+0001 at offset 18, which XML 1.0"):
        timeml.render(ann, "a1")
    clean = annotate("Talks at noon ET.", CTX)
    with pytest.raises(InputError, match=r"the article id contains U\+0002 at offset 1"):
        timeml.render(clean, "a\x02")
