"""render.html: highlighted spans, tooltips, links, disagreements, the table, no network."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from tzsched import Context, Link, annotate
from tzsched.render import home_label, html, utc_label

CTX = Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")
TEXT = ('Ministers meet at 5 p.m. Moscow time (1400 GMT) on Monday <b>"for"</b> three days & nights.\n\n'
        "A second round follows on June 2.")


@dataclass
class Dom:
    """What a reader sees: each article's text, its highlights, its links list and its table rows."""

    texts: list[str] = field(default_factory=list)
    marks: list[dict[str, str]] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)
    body: dict[str, str] = field(default_factory=dict)


class DomReader(HTMLParser):
    """A small DOM walk over a page (ours, or Chromium's --dump-dom of it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.dom = Dom()
        self._text_depth = 0  # >0 inside div.text
        self._mark: dict[str, str] | None = None
        self._row: dict[str, str] | None = None
        self._cell: str | None = None
        self._li: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "body":
            self.dom.body = a
        if tag == "div" and "text" in a.get("class", "").split():
            self._text_depth = 1
            self.dom.texts.append("")
        elif self._text_depth and tag not in ("wbr", "br"):
            self._text_depth += 1
        if tag == "mark":
            self._mark = {**a, "text": ""}
        elif tag == "tr" and a.get("data-mention"):
            self._row = {**a}
        elif tag == "td" and self._row is not None:
            self._cell = a.get("class", "")
            self._row[self._cell] = ""
        elif tag == "li" and a.get("data-link"):
            self._li = {**a, "text": ""}

    def handle_endtag(self, tag: str) -> None:
        if self._text_depth and tag not in ("wbr", "br"):
            self._text_depth -= 1
        if tag == "mark" and self._mark is not None:
            self.dom.marks.append(self._mark)
            self._mark = None
        elif tag == "td":
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.dom.rows.append(self._row)
            self._row = None
        elif tag == "li" and self._li is not None:
            self.dom.links.append(self._li)
            self._li = None

    def handle_data(self, data: str) -> None:
        if self._text_depth:
            self.dom.texts[-1] += data
        if self._mark is not None:
            self._mark["text"] += data
        if self._row is not None and self._cell is not None:
            self._row[self._cell] += data
        if self._li is not None:
            self._li["text"] += data


def read_dom(page: str) -> Dom:
    reader = DomReader()
    reader.feed(page)
    reader.close()
    return reader.dom


def test_text_marks_and_rows_match_the_annotation() -> None:
    ann = annotate(TEXT, CTX)
    dom = read_dom(html.render(ann, "a & b"))
    assert dom.texts == [TEXT]
    assert [m["text"] for m in dom.marks] == [m.text for m in ann.mentions]
    assert [m["id"] for m in dom.marks] == [f"a0-m{i}" for i in range(len(ann.mentions))]
    assert all(m["tabindex"] == "0" for m in dom.marks)  # keyboard focus
    for mark, mention in zip(dom.marks, ann.mentions, strict=True):
        assert f"UTC   {utc_label(mention.resolution)}" in mark["data-tip"]
        assert home_label(mention.resolution, ann.home) in mark["data-tip"]
    assert [r["said"] for r in dom.rows] == [m.text for m in ann.mentions]
    assert [r["utc"] for r in dom.rows] == [utc_label(m.resolution) for m in ann.mentions]
    assert [r["home"] for r in dom.rows] == [home_label(m.resolution, "America/Toronto") for m in ann.mentions]
    assert [m["aria-describedby"] for m in dom.marks] == [r["id"] for r in dom.rows]


def test_linked_restatements_share_a_link_and_a_badge() -> None:
    ann = annotate(TEXT, CTX)
    dom = read_dom(html.render(ann))
    linked = [m for m in dom.marks if m.get("data-link")]
    assert [m["text"] for m in linked] == ["5 p.m. Moscow time", "1400 GMT"]
    assert {m["data-link"] for m in linked} == {"a0-L1"} and {m["data-badge"] for m in linked} == {"L1"}
    assert all("agree" in m["class"].split() for m in linked)
    assert [li["class"] for li in dom.links] == ["agree"]
    assert "L1 agree" in dom.links[0]["text"]


def test_disagreements_stand_out() -> None:
    ann = annotate(TEXT, CTX)
    fake = replace(ann, links=(Link(members=(0, 1), agree=False, delta_seconds=3600.0, cause="dst_slip",
                                    tolerance_seconds=0.0, connector="parenthesis"),))
    page = html.render(fake)
    dom = read_dom(page)
    bad = [m for m in dom.marks if "disagree" in m["class"].split()]
    assert [m["text"] for m in bad] == ["5 p.m. Moscow time", "1400 GMT"]
    assert {m["data-badge"] for m in bad} == {"L1 ≠"}
    assert [r["link"] for r in dom.rows[:2]] == ["L1 ≠ dst_slip"] * 2
    assert "disagree by 1 h: dst_slip" in dom.links[0]["text"]
    assert re.search(r"mark\.tx\.disagree \{[^}]*var\(--bad\)", page)  # its own colour


def test_several_articles_share_one_page_with_distinct_ids() -> None:
    a, b = annotate(TEXT, CTX), annotate("Polls close at 8 p.m. CET.", CTX)
    page = html.head() + html.fragment(a, "first", key="a0") + html.fragment(b, "second", key="a1") + html.tail()
    dom = read_dom(page)
    assert dom.texts == [TEXT, "Polls close at 8 p.m. CET."]
    ids = [m["id"] for m in dom.marks] + [r["id"] for r in dom.rows]
    assert len(ids) == len(set(ids))


def test_self_contained_and_escaped() -> None:
    page = html.render(annotate('<script>alert("x")</script> at noon ET', CTX))
    assert "<script>alert" not in page
    assert page.count("<script>") == 1  # ours, inline
    for external in (" src=", "<link", "@import", "url(", "://"):
        assert external not in page.replace("http://www.w3.org", "")


def test_empty_article() -> None:
    dom = read_dom(html.render(annotate("Nothing to see.", CTX)))
    assert dom.texts == ["Nothing to see."] and dom.marks == [] and dom.rows == []
