"""A self-contained HTML report: inline CSS and JavaScript, no network access.

Per article: the text with every mention highlighted (a ``<mark>`` that takes keyboard
focus; hovering or focusing it shows its UTC and home-zone times), restatement links
(members share a badge ``L1``, ``L2``...; hovering one lights up the others and their
table rows), disagreeing links in red with a dashed border and ``≠`` in the badge, a
list of the links with their verdicts, and a table of all mentions. A URL fragment
naming a mention (``report.html#a0-m2``) focuses it on load.

The article text is the exact text content of its ``div.text`` element: tooltips and
badges are CSS pseudo-elements, so nothing is added to the DOM text.

>>> from tzsched import Context, annotate
>>> ctx = Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")
>>> page = render(annotate("They speak at 5 p.m. Moscow time (1500 GMT).", ctx))
>>> page.count('<mark class="tx disagree"'), page.count('<tr id="a0-r')
(2, 2)
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from ..types import Annotation, Mention
from . import home_label, human_delta, link_of, utc_label

__all__ = ["fragment", "head", "render", "tail"]

_CSS = """
:root { --ink:#1d1f23; --muted:#5b6270; --paper:#fbfaf7; --line:#d9d6cf;
  --plain:#dbe9ff; --plain-b:#5b8ed8; --agree:#d6f2dc; --agree-b:#2f8f4e;
  --noted:#fff0c2; --noted-b:#c49000; --bad:#ffd9d6; --bad-b:#c62828; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: var(--paper); }
header.page { padding: 1rem 2rem; border-bottom: 1px solid var(--line); background: #fff; }
header.page h1 { margin: 0 0 .3rem; font-size: 1.3rem; }
.legend { margin: 0; font-size: .85rem; color: var(--muted); }
.legend span { display: inline-block; padding: 0 .4em; margin-right: .6em; border-radius: 3px; }
main { max-width: 84rem; margin: 0 auto; padding: 1rem 2rem 3rem; }
article.doc { margin: 1.5rem 0 3rem; }
article.doc h2 { font-size: 1.1rem; margin: 0 0 .2rem; word-break: break-all; }
.meta { margin: 0 0 1rem; color: var(--muted); font-size: .85rem; }
div.text { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); border-radius: 6px;
  padding: 1.8rem 1.4rem 1.2rem; font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem;
  line-height: 1.9; }
mark.tx { position: relative; color: inherit; background: var(--plain); border-bottom: 2px solid var(--plain-b);
  border-radius: 3px; padding: 0 .1em; cursor: help; outline: none; }
mark.tx.noted { background: var(--noted); border-bottom-color: var(--noted-b); }
mark.tx.agree { background: var(--agree); border-bottom-color: var(--agree-b); }
mark.tx.disagree { background: var(--bad); border: 2px dashed var(--bad-b); }
mark.tx[data-badge]::before { content: attr(data-badge); position: relative; top: -.75em; margin-right: .15em;
  font: bold .62rem/1 system-ui, sans-serif; color: #fff; background: var(--agree-b); padding: .1em .3em;
  border-radius: 6px; }
mark.tx.disagree[data-badge]::before { background: var(--bad-b); }
mark.tx:hover, mark.tx:focus, mark.tx.hl, mark.tx:target { box-shadow: 0 0 0 3px rgba(40, 60, 120, .35); }
mark.tx::after { content: attr(data-tip); display: none; position: absolute; left: 0; bottom: calc(100% + 6px);
  z-index: 10; white-space: pre; background: #22252b; color: #fff; font: .8rem/1.45 ui-monospace, Menlo,
  Consolas, monospace; padding: .45em .7em; border-radius: 5px; box-shadow: 0 2px 8px rgba(0,0,0,.25);
  pointer-events: none; }
mark.tx:hover::after, mark.tx:focus::after, mark.tx:target::after, mark.tx.active::after { display: block; }
section.links h3, section.table h3 { font-size: 1rem; margin: 1.4rem 0 .4rem; }
section.links ol { margin: 0; padding-left: 1.4rem; }
section.links li { margin: .2rem 0; }
section.links li.disagree { color: var(--bad-b); }
section.links li.hl { background: #eef1f8; }
.verdict { font-weight: 600; }
table.mentions { border-collapse: collapse; width: 100%; font-size: .85rem; background: #fff; }
table.mentions th, table.mentions td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left;
  vertical-align: top; }
table.mentions th { background: #f1efe9; }
table.mentions tr.disagree td { background: #fff1f0; }
table.mentions tr.hl td { background: #eef1f8; }
table.mentions td.utc, table.mentions td.home, table.mentions td.value { font-family: ui-monospace, Menlo,
  Consolas, monospace; }
.nw { white-space: nowrap; }
section.table { overflow-x: auto; }
table.mentions tbody tr { cursor: pointer; }
.empty { color: var(--muted); font-style: italic; }
"""

_JS = """
(function () {
  "use strict";
  function members(el) {
    var key = el.getAttribute("data-link");
    if (key) { return document.querySelectorAll('[data-link="' + key + '"]'); }
    var id = el.getAttribute("data-mention") || el.id;
    return document.querySelectorAll('[id="' + id + '"], [data-mention="' + id + '"]');
  }
  function light(el, on) {
    var all = members(el);
    for (var i = 0; i < all.length; i++) { all[i].classList.toggle("hl", on); }
  }
  function target(ev) {
    var el = ev.target;
    return el && el.closest ? el.closest("mark.tx, tr[data-mention], li[data-link]") : null;
  }
  ["mouseover", "focusin"].forEach(function (name) {
    document.addEventListener(name, function (ev) { var el = target(ev); if (el) { light(el, true); } });
  });
  ["mouseout", "focusout"].forEach(function (name) {
    document.addEventListener(name, function (ev) { var el = target(ev); if (el) { light(el, false); } });
  });
  document.addEventListener("click", function (ev) {
    var el = target(ev);
    if (el && el.tagName === "TR") {
      var mark = document.getElementById(el.getAttribute("data-mention"));
      if (mark) { mark.focus(); }
    }
  });
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var mark = id ? document.getElementById(id) : null;
    if (mark && mark.tagName === "MARK") {
      var old = document.querySelectorAll("mark.tx.active");
      for (var i = 0; i < old.length; i++) { old[i].classList.remove("active"); }
      mark.classList.add("active");
      light(mark, true);
      mark.focus({ preventScroll: true });
      var box = mark.getBoundingClientRect();
      if (box.top < 60 || box.bottom > window.innerHeight) { mark.scrollIntoView({ block: "center" }); }
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.body.setAttribute("data-ready", String(document.querySelectorAll("mark.tx").length));
})();
"""


def head(title: str = "tzsched report") -> str:
    """The page up to the first article."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<header class="page"><h1>{escape(title)}</h1>\n<p class="legend">'
        '<span style="background:var(--plain)">time expression</span>'
        '<span style="background:var(--noted)">with a note</span>'
        '<span style="background:var(--agree)">restatements agree</span>'
        '<span style="background:var(--bad);border:1px dashed var(--bad-b)">restatements disagree</span>'
        "hover or focus (Tab) a highlight for its UTC and home-zone time</p></header>\n<main>\n"
    )


def tail() -> str:
    return f"</main>\n<script>{_JS}</script>\n</body>\n</html>\n"


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _tip(m: Mention, home: str) -> str:
    res = m.resolution
    lines = [f"UTC   {utc_label(res)}", f"home  {home_label(res, home)} ({home})"]
    lines.append(f"zone  {res.zone or '-'} ({res.zone_source or '-'})")
    lines.append(f"TIMEX3 {res.timex_type} {res.value}" + (f" mod={res.mod}" if res.mod else ""))
    lines.extend(f"note  {n.code}" for n in res.notes)
    return "\n".join(lines)


def fragment(ann: Annotation, article_id: Any = None, *, key: str = "a0") -> str:
    """One ``<article>`` for one annotation. ``key`` prefixes every element id, so that
    several articles can share a page (the CLI passes ``a0``, ``a1``, ...)."""
    links = link_of(ann)
    title = "article" if article_id is None else str(article_id)
    disagreements = sum(1 for link in ann.links if not link.agree)
    out = [
        f'<article class="doc" id="{key}" data-home="{escape(ann.home)}">\n',
        f"<h2>{escape(title)}</h2>\n",
        f'<p class="meta">published {escape(ann.context.published.isoformat())} · home zone '
        f"{escape(ann.home)} ({escape(ann.home_source)}) · {_n(len(ann.mentions), 'mention')} · "
        f"{_n(len(ann.links), 'link')} · {_n(disagreements, 'disagreement')}</p>\n",
        '<div class="text">',
    ]
    text = ann.text
    pos = 0
    for i, m in enumerate(ann.mentions):
        if m.start < pos:
            continue
        css = "tx"
        attrs = ""
        found = links.get(i)
        if found is not None:
            li, link = found
            css += " agree" if link.agree else " disagree"
            badge = f"L{li + 1}" + ("" if link.agree else " ≠")
            attrs += f' data-link="{key}-L{li + 1}" data-badge="{escape(badge)}"'
        elif m.resolution.notes:
            css += " noted"
        out.append(escape(text[pos : m.start], quote=False))
        out.append(
            f'<mark class="{css}" tabindex="0" id="{key}-m{i}" data-mention="{key}-m{i}"{attrs} '
            f'data-tip="{escape(_tip(m, ann.home))}" aria-describedby="{key}-r{i}">'
            f"{escape(text[m.start : m.end], quote=False)}</mark>"
        )
        pos = m.end
    out.append(escape(text[pos:], quote=False))
    out.append("</div>\n")
    out.append(_links(ann, key))
    out.append(_table(ann, key))
    out.append("</article>\n")
    return "".join(out)


def _links(ann: Annotation, key: str) -> str:
    out = ['<section class="links"><h3>Restatement links</h3>\n']
    if not ann.links:
        out.append('<p class="empty">No restatements in this article.</p>\n</section>\n')
        return "".join(out)
    out.append("<ol>\n")
    for li, link in enumerate(ann.links):
        names = " = ".join(
            f'<a href="#{key}-m{j}">{escape(ann.mentions[j].text)}</a> '
            f"<code>{escape(utc_label(ann.mentions[j].resolution))}</code>"
            for j in link.members
        )
        if link.agree:
            verdict = "agree" + (f" ({escape(link.cause)})" if link.cause else "")
        else:
            verdict = f"disagree by {human_delta(link.delta_seconds)}: {escape(link.cause or 'unknown')}"
        reasons = "".join(f" — {escape(n.message)}" for n in link.notes if n.code == "link_verdict")
        css = "agree" if link.agree else "disagree"
        out.append(
            f'<li class="{css}" data-link="{key}-L{li + 1}"><span class="verdict">L{li + 1} {verdict}</span>: '
            f"{names}{reasons}</li>\n"
        )
    out.append("</ol>\n</section>\n")
    return "".join(out)


def _table(ann: Annotation, key: str) -> str:
    links = link_of(ann)
    out = [
        '<section class="table"><h3>All mentions</h3>\n<table class="mentions">\n<thead><tr>'
        "<th>#</th><th>text</th><th>type</th><th>value</th><th>UTC</th>"
        f"<th>home ({escape(ann.home)})</th><th>zone</th><th>source</th><th>link</th><th>notes</th>"
        "</tr></thead>\n<tbody>\n"
    ]
    for i, m in enumerate(ann.mentions):
        res = m.resolution
        found = links.get(i)
        link_cell = ""
        attrs = ""
        css = ""
        if found is not None:
            li, link = found
            link_cell = f"L{li + 1}" + ("" if link.agree else f" ≠ {link.cause or 'unknown'}")
            attrs = f' data-link="{key}-L{li + 1}"'
            css = ' class="agree"' if link.agree else ' class="disagree"'
        notes = "; ".join(n.code for n in res.notes)
        value = f'<span class="nw">{escape(res.value)}</span>' + (f" ({escape(res.mod)})" if res.mod else "")
        cells = [
            f'<td class="n">{i}</td>',
            f'<td class="said">{escape(m.text)}</td>',
            f'<td class="type">{res.timex_type}</td>',
            f'<td class="value">{value}</td>',
            f'<td class="utc">{_breakable(utc_label(res))}</td>',
            f'<td class="home">{_breakable(home_label(res, ann.home))}</td>',
            f'<td class="zone">{escape(res.zone or "")}</td>',
            f'<td class="source">{escape(res.zone_source or "")}</td>',
            f'<td class="link">{escape(link_cell)}</td>',
            f'<td class="notes">{escape(notes)}</td>',
        ]
        out.append(f'<tr id="{key}-r{i}"{css} data-mention="{key}-m{i}"{attrs}>{"".join(cells)}</tr>\n')
    if not ann.mentions:
        out.append('<tr><td colspan="10" class="empty">No time expressions found.</td></tr>\n')
    out.append("</tbody>\n</table>\n</section>\n")
    return "".join(out)


def _breakable(label: str) -> str:
    """Escaped, with a line-break opportunity after the "/" or "–" of an interval
    (``<wbr>`` adds nothing to the cell's text)."""
    parts = re.split(r"(?<=/)|(?<=– )", label)
    return "<wbr>".join(f'<span class="nw">{escape(p)}</span>' for p in parts)


def render(ann: Annotation, article_id: Any = None) -> str:
    """A whole page for one article."""
    return head() + fragment(ann, article_id) + tail()
