"""Command line: ``tzsched extract --jsonl``, ``tzsched annotate``. Argument parsing and I/O only.

Exit status: 0 ok, 1 disagreements found (``check``), 2 usage or input error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import IO, Any

from . import __version__
from .api import annotate, process_record
from .errors import TzschedError
from .types import Annotation, Context, iso_z

__all__ = ["main"]

EXAMPLES = """examples:
  echo '{"id": 1, "text": "Talks at 5 p.m. Moscow time.", "published": "2025-05-19T10:00:00-04:00"}' \\
      | tzsched extract --jsonl
  tzsched annotate --published 2025-05-19T10:00:00-04:00 --home America/Toronto data/samples/seed.txt
"""


class _Usage(Exception):
    """A one-line usage or input error: exit 2."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tzsched",
        description="Find time expressions in news text and resolve them into UTC.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"tzsched {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="JSON Lines articles on stdin -> one JSON Lines record per article on stdout",
        description="Read JSON Lines articles {id, text, published, home?, locale?} on stdin and write one "
        "record per input line, in input order. A bad line yields {id, error} and processing goes on; "
        "the exit status is 2 when any line failed.",
        epilog='example:\n  echo \'{"id": 1, "text": "Talks at noon ET.", "published": "2025-05-19"}\' '
        "| tzsched extract --jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("--jsonl", action="store_true", required=True, help="read and write JSON Lines (required)")
    ex.add_argument("input", nargs="?", default="-", help="input file (default: stdin)")

    an = sub.add_parser(
        "annotate",
        help="print text with each time expression marked with its UTC meaning",
        epilog="example:\n  tzsched annotate --published 2025-05-19T10:00:00-04:00 --home America/Toronto "
        "data/samples/seed.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    an.add_argument("files", nargs="*", help="text files (default: stdin)")
    an.add_argument("--published", help="publication instant or date (ISO 8601 or RFC 2822)")
    an.add_argument("--home", help="home zone, an IANA id such as America/Toronto")
    an.add_argument("--locale", default="en-US", help="locale tag (default en-US)")
    an.add_argument("--format", choices=["inline", "jsonl"], default="inline")
    return p


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        raise _Usage(f"no such file: {path}") from None
    except UnicodeDecodeError:
        raise _Usage(f"{path} is not UTF-8 text") from None
    except OSError as exc:
        raise _Usage(f"cannot read {path}: {exc.strerror}") from None


def _lines(stream: IO[str]) -> Iterator[str]:
    yield from stream


def _extract(args: argparse.Namespace, out: IO[str]) -> int:
    failed = 0
    if args.input == "-":
        stream: IO[str] = sys.stdin
    else:
        try:
            stream = open(args.input, encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise _Usage(f"cannot read {args.input}: {exc.strerror}") from None
    try:
        for lineno, line in enumerate(_lines(stream), 1):
            if not line.strip():
                error = {"code": "empty_line", "message": f"line {lineno} is empty"}
                rec: dict[str, Any] = {"id": None, "error": error}
            else:
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    rec = {"id": None, "error": {"code": "bad_json", "message": f"line {lineno}: {exc.msg}"}}
                else:
                    rec = process_record(obj)
            if "error" in rec:
                failed += 1
            out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
    except UnicodeDecodeError:
        raise _Usage("input is not UTF-8 text") from None
    finally:
        if stream is not sys.stdin:
            stream.close()
    return 2 if failed else 0


def render_inline(ann: Annotation) -> str:
    """The text with ``[UTC]`` after each mention (start of its interval, or its value)."""
    parts: list[str] = []
    pos = 0
    text = ann.text
    for m in ann.mentions:
        parts.append(text[pos : m.end])
        res = m.resolution
        label = iso_z(res.start) if res.start is not None else res.value
        if label and res.start is not None and res.granularity == "minute":
            label = label[:-4] + "Z"
        elif label and res.start is not None:
            label = f"{label[:-4]}Z/{(iso_z(res.end) or '')[:-4]}Z"
        parts.append(f" [{label}]")
        pos = m.end
    parts.append(text[pos:])
    return "".join(parts)


def _annotate(args: argparse.Namespace, out: IO[str]) -> int:
    if not args.published:
        raise _Usage("--published is required (the article's publication instant or date)")
    try:
        ctx = Context.parse(args.published, home=args.home, locale=args.locale)
    except TzschedError as exc:
        raise _Usage(str(exc)) from None
    for path in args.files or ["-"]:
        text = _read_text(path)
        ann = annotate(text, ctx)
        if args.format == "jsonl":
            out.write(ann.to_json(path) + "\n")
        else:
            out.write(render_inline(ann))
            if not ann.text.endswith("\n"):
                out.write("\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else 2
    out = sys.stdout
    try:
        if args.command == "extract":
            return _extract(args, out)
        if args.command == "annotate":
            return _annotate(args, out)
        parser.print_help(sys.stderr)
        return 2
    except _Usage as exc:
        print(f"tzsched: {exc}", file=sys.stderr)
        return 2
    except TzschedError as exc:
        print(f"tzsched: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tzsched: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
