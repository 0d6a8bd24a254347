"""Where tzsched's time goes: milliseconds per MB for each stage, on each half of the corpus.

A script, not a test:

    .venv/bin/python benchmarks/stages.py [--mb 1.0] [--seed 0] [--repeats 7]

On the corpus of ``bench.py`` (the TBAQ half and the generated half apart) it times,
best of ``--repeats`` passes each, in this one process:

* **scan**: ``Scanner.pieces`` (the anchor pattern, the rules, modifiers, merging);
* **scan + resolve**: ``tzsched.annotate`` with linking replaced by a pass-through;
* **annotate**: ``tzsched.annotate`` as it is (adds linking restatements);
* **records**: ``annotate(...).to_record(...)``, what ``tzsched extract --jsonl`` makes.

The differences between rows are the cost of each stage (resolve = the second row minus
the first, and so on). The numbers move with the machine's load; the split between rows
is the steadier figure.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sized
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import bench  # noqa: E402

import tzsched  # noqa: E402
from tzsched import api  # noqa: E402
from tzsched.scan import scanner  # noqa: E402


def best(run: Callable[[], Sized], repeats: int) -> float:
    """Best seconds of ``repeats`` runs after one warm-up run (bench.time_runner)."""
    run()
    return bench.time_runner(lambda: len(run()), repeats)[0]


def _unlinked(text: str, mentions: object, dst: str = "report") -> tuple[tuple[object, ...], tuple[()]]:
    return tuple(mentions), ()  # type: ignore[arg-type]


def stage_seconds(docs: list[bench.Doc], repeats: int) -> list[float]:
    """Seconds of the four timed rows (see the module doc) for ``docs``."""
    scan = scanner()
    texts = [d["text"] for d in docs]
    items = [(d["text"], tzsched.Context.parse(d["published"], home=d["home"])) for d in docs]
    with mock.patch.object(api, "link_and_refine", _unlinked):
        resolved = best(lambda: [tzsched.annotate(t, c) for t, c in items], repeats)
    return [
        best(lambda: [scan.pieces(t) for t in texts], repeats),
        resolved,
        best(lambda: [tzsched.annotate(t, c) for t, c in items], repeats),
        best(lambda: [tzsched.annotate(t, c).to_record("x") for t, c in items], repeats),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeats", type=int, default=7)
    args = ap.parse_args(argv)
    docs = bench.build_corpus(args.mb, args.seed)
    print(f"{'half':<16} {'MB':>6} {'scan':>8} {'+resolve':>9} {'+link':>8} {'+records':>9}   ms per MB, best of "
          f"{args.repeats}")
    for source, label in (("tbaq", "TBAQ"), ("newsgen", "generated")):
        part = [d for d in docs if d["source"] == source]
        if part:
            mb = bench.nbytes(part) / bench.MB
            cells = [f"{s * 1000 / mb:.0f}" for s in stage_seconds(part, args.repeats)]
            print(f"{label:<16} {mb:>6.3f} {cells[0]:>8} {cells[1]:>9} {cells[2]:>8} {cells[3]:>9}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
