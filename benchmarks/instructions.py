"""Machine instructions tzsched executes per pass over each half of the benchmark corpus.

A script, not a test:

    .venv/bin/python benchmarks/instructions.py [--mb 1.0] [--seed 0] [--against REV]

Wall-clock time on a shared virtual machine moves by tens of percent from one run to
the next; the number of instructions a deterministic run executes does not. This
script runs ``tzsched.annotate`` over the corpus of ``bench.py`` (the TBAQ half and the
generated half separately) under valgrind's instruction counter, once with one pass
and once with two, and prints the difference: the instructions of one warm pass,
start-up and first-use compilation excluded. With ``--against REV`` it measures a
checkout of git revision REV the same way, in a temporary worktree, and prints the
ratio. Needs ``valgrind`` (Debian: ``apt-get install valgrind``); runs take about 30 s
per measurement, and every one is run with the same ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import bench  # noqa: E402

_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
import tzsched
docs = json.load(open(sys.argv[2], encoding="utf-8"))
ctxs = [(d["text"], tzsched.Context.parse(d["published"], home=d["home"])) for d in docs]
for _ in range(int(sys.argv[3])):
    for text, ctx in ctxs:
        tzsched.annotate(text, ctx)
"""
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _instructions(root: Path, docs_path: Path, passes: int) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", _CHILD, str(root), str(docs_path), str(passes)],
        # no bytecode written: else the first run compiles and writes it, the second reads it,
        # and their difference would count the compilation
        capture_output=True, text=True, check=True,
        env={"PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"},
    )
    m = _REFS.search(out.stderr)
    if m is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{out.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def per_pass(root: Path, docs_path: Path) -> int:
    """Instructions of one warm pass: two passes minus one."""
    return _instructions(root, docs_path, 2) - _instructions(root, docs_path, 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1.0)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--against", metavar="REV", help="also measure git revision REV and print the ratio")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    docs = bench.build_corpus(args.mb, args.seed)
    halves = {
        "TBAQ half": [d for d in docs if d.get("source") != "newsgen"],
        "generated half": [d for d in docs if d.get("source") == "newsgen"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        roots = {"this tree": REPO}
        if args.against:
            other = Path(tmp) / "against"
            subprocess.run(["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(other), args.against],
                           check=True)
            roots[args.against] = other
        try:
            print(f"{'corpus':16} {'bytes':>9} " + " ".join(f"{name:>18}" for name in roots)
                  + ("  ratio" if args.against else ""))
            for label, part in halves.items():
                if not part:
                    continue
                path = Path(tmp) / "docs.json"
                path.write_text(json.dumps([{k: d[k] for k in ("text", "published", "home")} for d in part]),
                                encoding="utf-8")
                counts = {name: per_pass(root, path) for name, root in roots.items()}
                row = f"{label:16} {bench.nbytes(part):>9} " + " ".join(
                    f"{counts[name] / 1e6:>16.0f} M" for name in roots)
                if args.against:
                    row += f"  {counts[args.against] / counts['this tree']:.3f}x"
                print(row, flush=True)
        finally:
            if args.against:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(roots[args.against])],
                               check=False)
    print("instructions of one warm pass of tzsched.annotate (valgrind, two passes minus one);"
          " ratio = the other revision's count / this tree's")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
