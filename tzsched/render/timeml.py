"""TimeML 1.2.1: the text inside ``<TEXT>`` with a ``<TIMEX3>`` around each mention,
and the publication date as the document creation time (``functionInDocument="CREATION_TIME"``).

Each mention's tag carries ``tid`` (``t1`` is mention 0, ``t2`` mention 1, ...),
``type``, ``value`` and ``mod`` when set. The text is escaped so that an XML parser
gives it back exactly: ``&`` and ``<`` (and ``>``) as entities, and a carriage return
as ``&#13;`` (a parser would otherwise turn it into a line feed). Characters that
XML 1.0 cannot carry at all (most C0 controls, lone surrogates) raise
:class:`~tzsched.errors.InputError` rather than being dropped silently.

>>> from tzsched import Context, annotate
>>> ann = annotate("Talks at 5 p.m. & later", Context.parse("2025-05-19T10:00:00-04:00"))
>>> doc = render(ann, "d1")
>>> '<TIMEX3 tid="t1" type="TIME" value="2025-05-19T17:00">5 p.m.</TIMEX3> &amp; later' in doc
True
>>> text_of(doc) == ann.text
True
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from typing import Any

from ..errors import InputError
from ..types import Annotation

__all__ = ["escape_attr", "escape_text", "fragment", "render", "text_of"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}
)


def _check(text: str, what: str) -> None:
    bad = _NOT_XML.search(text)
    if bad is not None:
        raise InputError(
            f"{what} contains U+{ord(bad.group()):04X} at offset {bad.start()}, which XML 1.0 cannot carry",
            "not_xml",
        )


def escape_text(text: str) -> str:
    """Character data that an XML parser reads back as exactly ``text``.

    >>> escape_text('a < b & "c"\\r\\n')
    'a &lt; b &amp; "c"&#13;\\n'
    """
    _check(text, "the text")
    return text.translate(_TEXT_ESCAPES)


def escape_attr(value: str) -> str:
    """A double-quoted attribute value's content (blank characters as references,
    since a parser normalises them in attributes)."""
    _check(value, "an attribute value")
    return value.translate(_ATTR_ESCAPES)


def _dct(ann: Annotation) -> tuple[str, str]:
    """(value, display) of the creation time: the publication date in its own offset."""
    pub = ann.context.published
    day = pub.date() if isinstance(pub, datetime) else pub
    return day.isoformat(), pub.isoformat()


def render(ann: Annotation, article_id: Any = None) -> str:
    """One TimeML document for one article."""
    doc_id = "" if article_id is None else str(article_id)
    # checked whole, once, so that an error gives the offset in the article; its slices
    # below are then only escaped
    _check(ann.text, "the text")
    _check(doc_id, "the article id")
    value, shown = _dct(ann)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n',
        f"<DOCID>{escape_text(doc_id)}</DOCID>\n",
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{escape_attr(value)}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{escape_text(shown)}</TIMEX3></DCT>\n',
        "<TEXT>",
    ]
    text = ann.text
    pos = 0
    for i, m in enumerate(ann.mentions):
        if m.start < pos:  # TIMEX3 tags cannot overlap: the first mention keeps the span
            continue
        res = m.resolution
        attrs = f'tid="t{i + 1}" type="{res.timex_type}" value="{escape_attr(res.value)}"'
        if res.mod:
            attrs += f' mod="{escape_attr(res.mod)}"'
        out.append(text[pos : m.start].translate(_TEXT_ESCAPES))
        out.append(f"<TIMEX3 {attrs}>{text[m.start : m.end].translate(_TEXT_ESCAPES)}</TIMEX3>")
        pos = m.end
    out.append(text[pos:].translate(_TEXT_ESCAPES))
    out.append("</TEXT>\n</TimeML>\n")
    return "".join(out)


def fragment(ann: Annotation, article_id: Any = None) -> str:
    return render(ann, article_id)


def text_of(document: str) -> str:
    """The text of a TimeML document's ``<TEXT>`` element, tags stripped and unescaped."""
    root = ET.fromstring(document.encode("utf-8"))
    body = root.find("TEXT")
    if body is None:
        raise InputError("the TimeML document has no TEXT element", "bad_timeml")
    return "".join(body.itertext())
