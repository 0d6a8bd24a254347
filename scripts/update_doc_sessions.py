"""Rewrite the ```console sessions in README.md and docs/cli.md with the command's real output.

tests/test_cli.py::test_documented_sessions_are_real fails when a session is stale;
after a change that improves the output, run:

    .venv/bin/python scripts/update_doc_sessions.py

Commands run in a scratch folder holding ``seed.txt`` (the seed sentence with "1500
GMT", as the test sets it up) and a link to ``data/``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ("README.md", "docs/cli.md")
SEED = "Putin and Trump will speak at 5 p.m. Moscow time (1500 GMT), about 10 a.m. Eastern.\n"
BLOCK = re.compile(r"(```console\n)(.*?)(```)", re.S)


def _run_block(block: str, cwd: Path, env: dict[str, str]) -> str:
    out: list[str] = []
    status = 0
    for line in block.splitlines(keepends=True):
        if not line.startswith("$ "):
            continue
        command = line[2:].strip()
        out.append(line)
        if command == "echo $?":
            out.append(f"{status}\n")
            continue
        proc = subprocess.run(["sh", "-c", f"{command} 2>&1"], cwd=cwd, capture_output=True, text=True,
                              encoding="utf-8", env=env, timeout=120, check=False)
        status = proc.returncode
        out.append(proc.stdout)
    return "".join(out)


def main() -> int:
    bindir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}", "NO_COLOR": "1",
           "COLUMNS": "100"}
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        (cwd / "seed.txt").write_text(SEED, encoding="utf-8")
        (cwd / "data").symlink_to(ROOT / "data")
        for doc in DOCS:
            path = ROOT / doc
            text = path.read_text(encoding="utf-8")
            new = BLOCK.sub(lambda m: m.group(1) + _run_block(m.group(2), cwd, env) + m.group(3), text)
            if new != text:
                path.write_text(new, encoding="utf-8")
                print(f"updated {doc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
