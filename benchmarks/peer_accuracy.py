"""Accuracy of tzsched and its benchmark peers on the TimeML development corpora.

A script, not a test:

    .venv/bin/python benchmarks/peer_accuracy.py [CORPUS.jsonl ...] [--peers chrono,datefinder,dateparser]

Scores every system with tzsched's own TempEval-3 Task A scorer (:mod:`tzsched.evaluate`,
as ``scripts/evaluate.py`` does) on each corpus (default: ``tbaq``, ``wikiwars`` and
``tweets-train`` from ``../shared/corpora`` when present). Each document's creation date
is the reference: tzsched reads it as in ``scripts/evaluate.py``; chrono gets it at noon
UTC, in a node process with ``TZ=UTC`` (``chrono_spans.js`` turns its findings into
timexes); datefinder and dateparser get it at noon as their base date.

datefinder and dateparser return instants without saying which fields the text fixed,
so no TIMEX3 value or type can be read from them: their rows show span scores only.
chrono reports which fields are certain, so its rows have types and values too (built as
``chrono_spans.js`` describes; it never finds durations or sets).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import bench  # noqa: E402
import evaluate as tzsched_evaluate  # noqa: E402  (scripts/evaluate.py)

from tzsched.evaluate import Document, Timex, load_corpus, score_corpus  # noqa: E402

CORPORA = REPO.parent / "shared" / "corpora"
SPAN_ONLY = {"datefinder", "dateparser"}
Predictor = Callable[[Document], list[Timex]]


def _reference(doc: Document) -> datetime:
    """The document's creation date at noon (naive)."""
    return datetime.fromisoformat(doc.dct[:10]).replace(hour=12)


def chrono_predictions(docs: list[Document], module_dir: Path) -> dict[str, list[Timex]]:
    """chrono's timexes for every document, from one node process."""
    with tempfile.TemporaryDirectory(prefix="tzsched-peers-") as tmp:
        path = Path(tmp) / "docs.json"
        path.write_text(json.dumps([{"id": d.id, "text": d.text, "reference": _reference(d).isoformat() + "Z"}
                                    for d in docs]), encoding="utf-8")
        proc = subprocess.run(["node", str(HERE / "chrono_spans.js"), str(module_dir), str(path)],
                              capture_output=True, text=True, timeout=3600, env={**os.environ, "TZ": "UTC"})
    if proc.returncode != 0:
        raise RuntimeError((proc.stderr.strip().splitlines() or ["node failed"])[-1])
    found = json.loads(proc.stdout)
    return {doc_id: [Timex(**t) for t in items if t["end"] > t["start"]] for doc_id, items in found.items()}


def datefinder_predict(doc: Document) -> list[Timex]:
    import datefinder

    out = []
    for _, source, (start, end) in datefinder.find_dates(doc.text, source=True, index=True,
                                                          base_date=_reference(doc)):
        if end > start:
            out.append(Timex(start, end, source, "", ""))
    return out


def dateparser_predict(doc: Document) -> list[Timex]:
    """dateparser returns the matched strings in text order, without offsets: each is
    looked for from the end of the one before."""
    from dateparser.search import search_dates

    out = []
    cursor = 0
    found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": _reference(doc)}) or []
    for source, _ in found:
        at = doc.text.find(source, cursor)
        if at < 0 or not source:
            continue
        out.append(Timex(at, at + len(source), source, "", ""))
        cursor = at + len(source)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="*", type=Path,
                    help="JSON Lines corpora (default: tbaq, wikiwars, tweets-train in ../shared/corpora)")
    ap.add_argument("--peers", default="chrono,datefinder,dateparser",
                    help="comma-separated peers beside tzsched (chrono, datefinder, dateparser)")
    ap.add_argument("--chrono-dir", type=Path, default=HERE / "peers",
                    help="directory whose node_modules holds chrono-node (default benchmarks/peers)")
    args = ap.parse_args(argv)
    corpora = args.corpora or [p for p in (CORPORA / f"{n}.jsonl" for n in ("tbaq", "wikiwars", "tweets-train"))
                               if p.is_file()]
    if not corpora:
        print("no corpus given and none in ../shared/corpora", file=sys.stderr)
        return 2
    missing = [str(p) for p in corpora if not p.is_file()]
    if missing:
        print(f"no such corpus file: {', '.join(missing)}", file=sys.stderr)
        return 2
    peers = [p.strip() for p in args.peers.split(",") if p.strip()]
    usable = []
    for peer in peers:
        err = bench.node_peer_error(args.chrono_dir) if peer == "chrono" else bench.importable(peer)
        if err:
            print(f"-- {peer} skipped: {err}")
        else:
            usable.append(peer)
    for corpus in corpora:
        docs = list(load_corpus(corpus))
        print(f"\n== {corpus.name}: {len(docs)} documents, {sum(len(d.timexes) for d in docs)} gold timexes")
        rows = []
        systems: list[tuple[str, Predictor]] = [("tzsched", tzsched_evaluate.predict)]
        for peer in usable:
            if peer == "chrono":
                found = chrono_predictions(docs, args.chrono_dir)
                systems.append(("chrono", lambda d, found=found: found[d.id]))
            elif peer == "datefinder":
                systems.append(("datefinder", datefinder_predict))
            elif peer == "dateparser":
                systems.append(("dateparser", dateparser_predict))
        for name, predict in systems:
            s = score_corpus((doc.timexes, predict(doc)) for doc in docs)
            typed = name not in SPAN_ONLY
            rows.append([name, str(s.predicted), f"{s.strict_f1:.3f}", f"{s.relaxed_f1:.3f}",
                         f"{s.type_accuracy:.3f}" if typed else "-", f"{s.value_accuracy:.3f}" if typed else "-",
                         f"{s.value_f1:.3f}" if typed else "-"])
        print(bench.fmt_table(["system", "predicted", "strict F1", "relaxed F1", "type acc", "value acc", "value F1"],
                              rows))
    print("\nspan-only rows (-): the system gives no TIMEX3 type or value; see the module doc.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
