"""Throughput, cold start, memory and adversarial-input benchmark for tzsched.

A script, not a test:

    .venv/bin/python benchmarks/bench.py [--mb 1.0] [--peers dateparser,datefinder,chrono]
                                         [--quick] [--adversarial] [--json PATH]
                                         [--jobs-scaling] [--stream-mb 100] [--cli-only]

Everything is measured in one run on one machine.  Sizes are decimal (1 MB = 10**6
bytes of UTF-8).  The corpus is synthetic news text from ``newsgen`` plus, when
``../shared/corpora/tbaq.jsonl`` exists beside the repository, the texts of that
corpus (read in place, never copied).  Peers that are much slower than tzsched
(dateparser) are timed on a seeded random sample of the corpus documents (at least
50 KB) and their time for the whole corpus is extrapolated; the output says so.
chrono (JavaScript) runs under ``node`` on the whole corpus and on each half, through
``chrono_peer.js``, when node and chrono-node are installed (see README.md).
The command line sections (``--jobs-scaling``, ``--stream-mb``) run ``python -m tzsched
extract --jsonl`` on generated JSON Lines and print figures; nothing is asserted.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TBAQ = REPO.parent / "shared" / "corpora" / "tbaq.jsonl"
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import newsgen  # noqa: E402

NODE_PEER = "chrono"  # runs under node (chrono_peer.js); the other peers are Python modules
CHRONO_SCRIPT = HERE / "chrono_peer.js"

MB = 1_000_000
TZSCHED_PUBLISHED = "2025-05-19T10:00:00-04:00"
TZSCHED_HOME = "America/Toronto"
COLD_SENTENCE = "Talks resume at 5 p.m. Moscow time on Monday."
COLD_TZSCHED = (
    f"import tzsched; tzsched.annotate({COLD_SENTENCE!r}, tzsched.Context.parse("
    f"published={TZSCHED_PUBLISHED!r}, home={TZSCHED_HOME!r}))"
)
COLD_DATEPARSER = (
    f"import dateparser.search; dateparser.search.search_dates({COLD_SENTENCE!r}, languages=['en'])"
)
ADV_KINDS = ("news", "digits", "a.m. repeated", "nested parens", "no spaces",
             "random unicode", "5 p.m. repeated", "times and days repeated", "restatements chained",
             "no sentence end")

Doc = dict  # {"text", "published", "home", "source"}
# the corpus halves timed on their own: real newswire (TBAQ) and the denser generated text
HALVES = (("tbaq", "tzsched, TBAQ half"), ("newsgen", "tzsched, generated half"))


# ----------------------------------------------------------------------------- corpus
def _tbaq_docs(limit_bytes: int) -> list[Doc]:
    docs: list[Doc] = []
    if not TBAQ.is_file() or limit_bytes <= 0:
        return docs
    total = 0
    with TBAQ.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec.get("text") or ""
            size = len(text.encode("utf-8"))
            if total + size > limit_bytes:
                break
            day = datetime.fromisoformat(rec["dct"][:10]).date()
            zone = ZoneInfo("America/New_York")  # US newswire; the DCT has no time or zone
            published = datetime.combine(day, dtime(12, 0), tzinfo=zone)
            docs.append({"text": text, "published": published.isoformat(),
                         "home": "America/New_York", "source": "tbaq"})
            total += size
    return docs


def build_corpus(mb: float, seed: int, use_tbaq: bool = True) -> list[Doc]:
    """~``mb`` MB of documents: TBAQ texts (at most half) then generated articles."""
    target = int(mb * MB)
    docs = _tbaq_docs(target // 2) if use_tbaq else []
    total = sum(len(d["text"].encode("utf-8")) for d in docs)
    for art in newsgen.iter_articles(seed):
        if total >= target:
            break
        docs.append({"text": art["text"], "published": art["published"],
                     "home": art["home"], "source": "newsgen"})
        total += len(art["text"].encode("utf-8"))
    return docs


def nbytes(docs: list[Doc]) -> int:
    return sum(len(d["text"].encode("utf-8")) for d in docs)


def sample_docs(docs: list[Doc], min_bytes: int, seed: int) -> list[Doc]:
    """A seeded random sample of whole documents holding at least ``min_bytes``."""
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    out: list[Doc] = []
    total = 0
    for i in order:
        if total >= min_bytes:
            break
        out.append(docs[i])
        total += len(docs[i]["text"].encode("utf-8"))
    return out


# ----------------------------------------------------------------------------- systems
def _naive_local(published: str) -> datetime:
    return datetime.fromisoformat(published).replace(tzinfo=None)


def make_runner(system: str, docs: list[Doc]) -> Callable[[], int]:
    """A zero-argument callable that processes ``docs`` and returns the mention count.

    Everything that is per-document setup rather than extraction (building contexts,
    settings dicts) is done here, outside the timed call.
    """
    if system == "tzsched":
        import tzsched

        ctxs = [tzsched.Context.parse(published=d["published"], home=d["home"]) for d in docs]
        texts = [d["text"] for d in docs]
        annotate = tzsched.annotate

        def run_tzsched() -> int:
            n = 0
            for text, ctx in zip(texts, ctxs, strict=True):
                n += len(annotate(text, ctx).mentions)
            return n

        return run_tzsched
    if system == "dateparser":
        from dateparser.search import search_dates

        items = [(d["text"], {"RELATIVE_BASE": _naive_local(d["published"])}) for d in docs]

        def run_dateparser() -> int:
            n = 0
            for text, settings in items:
                found = search_dates(text, languages=["en"], settings=settings)
                n += len(found or ())
            return n

        return run_dateparser
    if system == "datefinder":
        import datefinder

        items2 = [(d["text"], _naive_local(d["published"])) for d in docs]

        def run_datefinder() -> int:
            n = 0
            for text, base in items2:
                n += sum(1 for _ in datefinder.find_dates(text, base_date=base))
            return n

        return run_datefinder
    raise ValueError(f"unknown system {system!r}")


def warmup(system: str) -> None:
    make_runner(system, [{"text": COLD_SENTENCE, "published": TZSCHED_PUBLISHED,
                          "home": TZSCHED_HOME}])()


def time_runner(run: Callable[[], int], repeats: int) -> tuple[float, int]:
    """Best wall time of ``repeats`` runs (GC collected before each) and the count."""
    best = float("inf")
    count = 0
    for _ in range(repeats):
        gc.collect()
        t0 = time.perf_counter()
        count = run()
        best = min(best, time.perf_counter() - t0)
    return best, count


def importable(module: str) -> str | None:
    """None when ``module`` imports, else the error as text."""
    try:
        __import__(module)
    except Exception as exc:  # the package may be half-written: report, do not die
        return f"{type(exc).__name__}: {exc}"
    if module == "tzsched":
        import tzsched

        missing = [n for n in ("annotate", "Context") if not hasattr(tzsched, n)]
        if missing:
            return f"tzsched has no {', '.join(missing)}"
    return None


# ----------------------------------------------------------------------------- machine
def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine_lines(chrono_dir: Path = HERE / "peers") -> list[str]:
    versions = []
    for mod in ("tzsched", "dateparser", "datefinder", "regex"):
        try:
            m = __import__(mod)
            versions.append(f"{mod} {getattr(m, '__version__', '?')}")
        except Exception:
            versions.append(f"{mod} -")
    node = node_peer_error(chrono_dir)
    versions.append(f"chrono-node {chrono_version(chrono_dir)} (node {node_version()})" if node is None
                    else "chrono-node -")
    return [
        f"platform : {platform.platform()}",
        f"cpu      : {cpu_model()} ({os.cpu_count()} logical CPUs)",
        f"python   : {platform.python_implementation()} {platform.python_version()}"
        f" ({sys.executable})",
        f"packages : {', '.join(versions)}",
    ]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    )
    env.pop("PYTHONSTARTUP", None)
    return env


def cold_start(code: str, repeats: int = 5, path: str | None = None) -> tuple[float | None, str]:
    """Best wall time of a fresh interpreter running ``code``; (None, error) on failure.

    With ``path``, the child runs there with that directory first on its PYTHONPATH
    (see :func:`installed_copy`)."""
    env = child_env()
    if path is not None:
        env["PYTHONPATH"] = path + os.pathsep + env["PYTHONPATH"]
    return best_start([sys.executable, "-c", code], repeats, cwd=path or str(REPO), env=env)


def best_start(cmd: list[str], repeats: int, cwd: str | None = None,
               env: dict[str, str] | None = None) -> tuple[float | None, str]:
    """Best wall time of ``repeats`` fresh runs of ``cmd``; (None, error) if one fails."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
        dt = time.perf_counter() - t0
        if proc.returncode != 0:
            return None, (proc.stderr.strip().splitlines() or ["failed"])[-1]
        best = min(best, dt)
    return best, ""


def installed_copy(into: str) -> None:
    """Copy the tzsched package into ``into`` and compile its bytecode there, as ``pip
    install`` does for an installed package (dateparser's own bytecode is compiled), so
    that a child can start from bytecode while this repository stays untouched."""
    import shutil

    shutil.copytree(REPO / "tzsched", Path(into) / "tzsched", ignore=shutil.ignore_patterns("__pycache__"))
    env = child_env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(into) / "tzsched")], cwd=into, env=env,
                   check=True, capture_output=True, timeout=300)


# ----------------------------------------------------------------------------- chrono (node)
def node_version() -> str:
    try:
        proc = subprocess.run(["node", "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return "-"
    return proc.stdout.strip() or "-"


def chrono_version(module_dir: Path) -> str:
    try:
        meta = json.loads((module_dir / "node_modules" / "chrono-node" / "package.json").read_text("utf-8"))
    except (OSError, ValueError):
        return "-"
    return str(meta.get("version", "?"))


def node_peer_error(module_dir: Path) -> str | None:
    """None when chrono can run: ``node`` on PATH and chrono-node under ``module_dir``."""
    if shutil.which("node") is None:
        return "node is not on PATH"
    if chrono_version(module_dir) == "-":
        return f"no chrono-node in {module_dir}/node_modules (npm install --prefix {module_dir} chrono-node)"
    return None


def run_chrono(docs: list[Doc], module_dir: Path, repeats: int) -> dict:
    """chrono.parse over ``docs`` in one node process (chrono_peer.js): best of ``repeats``
    passes after a warm-up pass; seconds, results found, and the node process's peak RSS
    (``child_ru_maxrss_kb``: started from the small launcher, as tzsched's children are)."""
    with tempfile.TemporaryDirectory(prefix="tzsched-bench-") as tmp:
        path = Path(tmp) / "docs.json"
        path.write_text(json.dumps([{"text": d["text"], "published": d["published"]} for d in docs]),
                        encoding="utf-8")
        cmd = ["node", str(CHRONO_SCRIPT), str(module_dir), str(path), str(repeats)]
        proc = subprocess.run([sys.executable, "-c", _LAUNCHER, *cmd], capture_output=True, text=True,
                              timeout=3600)
    if proc.returncode != 0:
        raise RuntimeError((proc.stderr.strip().splitlines() or ["node failed"])[-1])
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def chrono_cold_start(module_dir: Path, repeats: int = 5, code: str | None = None) -> tuple[float | None, str]:
    """Best wall time of a fresh node process that loads chrono-node and parses one
    sentence (or runs ``code``: "" times node alone)."""
    if code is None:
        code = (f"const c = require(require.resolve('chrono-node', {{paths: [{json.dumps(str(module_dir))}]}}));"
                f"c.parse({json.dumps(COLD_SENTENCE)}, new Date({json.dumps(TZSCHED_PUBLISHED)}));")
    return best_start(["node", "-e", code], repeats)


# ----------------------------------------------------------------------------- children
def _child_run(system: str, corpus_path: str) -> None:
    """Child mode: load docs, run ``system`` once, print peak RSS as JSON."""
    docs = json.loads(Path(corpus_path).read_text(encoding="utf-8"))
    run = make_runner(system, docs)
    warmup(system)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    count = run()
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    hwm = None
    try:  # Linux: the peak RSS of this process image alone
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    except OSError:
        pass
    print(json.dumps({"count": count, "seconds": dt, "before_kb": before, "peak_kb": peak,
                      "vmhwm_kb": hwm}))


def adversarial_text(kind: str, size: int, seed: int = 0) -> str:
    """A deterministic text of ``size`` UTF-8 bytes (trimmed to whole characters)."""
    rng = random.Random(f"{kind}/{seed}")
    if kind == "news":
        return newsgen.generate_text(size, seed)
    if kind == "digits":
        s = "".join(rng.choice("0123456789") for _ in range(size))
    elif kind == "a.m. repeated":
        s = "a.m. " * (size // 5 + 1)
    elif kind == "nested parens":
        s = "(" * (size // 2) + ")" * (size - size // 2)
    elif kind == "no spaces":
        alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        s = "".join(rng.choice(alphabet) for _ in range(size))
    elif kind == "5 p.m. repeated":
        s = "5 p.m. " * (size // 7 + 1)
    elif kind == "times and days repeated":
        # one sentence with a clock time and no day, one with a date: every clock time looks
        # for the day the narrative has reached (was quadratic in the number of sentences)
        s = "Sales rose at 3 p.m. Prices fell on May 5. " * (size // 43 + 1)
    elif kind == "restatements chained":
        # every time restates its neighbour, so all of them would form one link
        # (links are capped at 12 members; one link of all was quadratic)
        s = "5 p.m. ET (2100 GMT), " * (size // 22 + 1)
    elif kind == "no sentence end":
        # a mention whose tense is read every 30 bytes, and no sentence ever ends: each
        # look for the sentence's end searched the rest of the text (now bounded)
        s = "they met over the weekend and " * (size // 30 + 1)
    elif kind == "random unicode":
        ranges = [
            (0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x4FF),
            (0x600, 0x6FF), (0x660, 0x669), (0x900, 0x97F), (0x966, 0x96F),
            (0x2000, 0x206F), (0x202F, 0x202F), (0x3000, 0x30FF), (0x4E00, 0x9FFF),
            (0xAC00, 0xD7A3), (0xFF10, 0xFF5A), (0x1F300, 0x1F64F), (0x1D7CE, 0x1D7FF),
        ]
        chars: list[str] = []
        total = 0
        while total < size:
            lo, hi = rng.choice(ranges)
            ch = chr(rng.randint(lo, hi))
            chars.append(ch)
            total += len(ch.encode("utf-8"))
        s = "".join(chars)
    else:
        raise ValueError(f"unknown adversarial kind {kind!r}")
    return s.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def _child_adv(kind: str, size: int, seed: int) -> None:
    """Child mode: time tzsched.annotate on one adversarial text; print JSON."""
    import tzsched

    ctx = tzsched.Context.parse(published=TZSCHED_PUBLISHED, home=TZSCHED_HOME)
    text = adversarial_text(kind, size, seed)
    tzsched.annotate(COLD_SENTENCE, ctx)  # warm-up
    best = float("inf")
    count = 0
    for _ in range(3):
        gc.collect()
        t0 = time.perf_counter()
        count = len(tzsched.annotate(text, ctx).mentions)
        dt = time.perf_counter() - t0
        best = min(best, dt)
        if dt > 2.0:  # a slow case: one run is enough to know
            break
    print(json.dumps({"seconds": best, "count": count,
                      "bytes": len(text.encode("utf-8"))}))


# Linux keeps a process's ru_maxrss across fork and execve, so a child started from this
# (large) process would report at least our own peak.  Memory children are therefore
# started from a small launcher interpreter, which reaps the child with os.wait4 and
# adds that child's own rusage ru_maxrss to the child's JSON line.
_LAUNCHER = """
import json, os, subprocess, sys
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE)
out = p.stdout.read().decode()
_, status, ru = os.wait4(p.pid, 0)
p.returncode = os.waitstatus_to_exitcode(status)
sys.stdout.write(out)
if p.returncode:
    sys.exit(p.returncode)
rec = json.loads(out.strip().splitlines()[-1])
rec["child_ru_maxrss_kb"] = ru.ru_maxrss
print(json.dumps(rec))
"""


def run_child(args: list[str], timeout: float, launcher: bool = False) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    if launcher:
        cmd = [sys.executable, "-c", _LAUNCHER, *cmd]
    proc = subprocess.run(cmd, cwd=REPO, env=child_env(), capture_output=True, text=True,
                          timeout=timeout)
    if proc.returncode != 0:
        err = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        raise RuntimeError(err)
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------------------- command line
def cpus() -> int:
    """The CPUs this process may run on (what ``tzsched --jobs 0`` uses)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def write_jsonl(path: Path, mb: float, seed: int) -> tuple[int, int]:
    """About ``mb`` MB of generated articles as JSON Lines at ``path``: (bytes, articles)."""
    target = int(mb * MB)
    total = n = 0
    with path.open("w", encoding="utf-8") as fh:
        for art in newsgen.iter_articles(seed):
            if total >= target:
                break
            line = json.dumps(art, ensure_ascii=False) + "\n"
            fh.write(line)
            total += len(line.encode("utf-8"))
            n += 1
    return total, n


# Runs one command with stdin and stdout redirected to files and reaps it with os.wait4:
# wall seconds, CPU seconds and ru_maxrss of the whole process tree (the command and the
# workers it reaped).  A launcher of its own keeps this process's ru_maxrss out of the
# figure (see _LAUNCHER).  With a sampling interval it also polls VmHWM (the peak RSS of
# one process image) of the command and of each child it has, so that the parent and the
# workers can be told apart; the wall time is then only as exact as the interval.
_CLI_LAUNCHER = """
import json, os, subprocess, sys, time
stdin_path, stdout_path, interval = sys.argv[1], sys.argv[2], float(sys.argv[3])
def hwm_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
def children(pid):
    found = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                found += [int(c) for c in fh.read().split()]
    except OSError:
        pass
    return found
peaks = {}
with open(stdin_path, "rb") as fin, open(stdout_path, "wb") as fout:
    t0 = time.perf_counter()
    p = subprocess.Popen(sys.argv[4:], stdin=fin, stdout=fout)
    if interval > 0:
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            for q in [p.pid, *children(p.pid)]:
                peaks[q] = max(peaks.get(q, 0), hwm_kb(q))
            time.sleep(interval)
    else:
        _, status, ru = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds, "returncode": os.waitstatus_to_exitcode(status),
                  "cpu_seconds": ru.ru_utime + ru.ru_stime, "ru_maxrss_kb": ru.ru_maxrss,
                  "parent_hwm_kb": peaks.pop(p.pid, 0) or None,
                  "workers_hwm_kb": sorted(peaks.values(), reverse=True)}))
"""


def run_cli(args: list[str], stdin_path: Path, stdout_path: str = os.devnull,
            interval: float = 0.0) -> dict:
    """``python -m tzsched ARGS < stdin_path > stdout_path`` through the launcher."""
    cmd = [sys.executable, "-c", _CLI_LAUNCHER, str(stdin_path), stdout_path, str(interval),
           sys.executable, "-m", "tzsched", *args]
    proc = subprocess.run(cmd, cwd=REPO, env=child_env(), capture_output=True, text=True,
                          timeout=7200)
    if proc.returncode != 0:
        raise RuntimeError((proc.stderr.strip().splitlines() or ["launcher failed"])[-1])
    rec = json.loads(proc.stdout.strip().splitlines()[-1])
    if rec["returncode"] not in (0,):
        raise RuntimeError(f"tzsched {' '.join(args)} exited {rec['returncode']}")
    return rec


def load_line() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load average unknown"
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def jobs_scaling(mb: float, jobs: list[int], repeats: int, seed: int) -> dict:
    """Wall time of ``tzsched extract --jsonl -j J FILE`` for each J, interleaved, ``repeats``
    rounds (the order alternates between rounds), after one untimed round that also checks
    that every J writes the same bytes."""
    results: dict = {"jobs": {}, "cpus": cpus(), "load_before": load_line()}
    with tempfile.TemporaryDirectory(prefix="tzsched-bench-") as tmp:
        path = Path(tmp) / "articles.jsonl"
        size, n = write_jsonl(path, mb, seed)
        results.update(bytes=size, articles=n)
        outputs = set()
        for j in jobs:  # untimed: warms the page cache, checks the output
            out = Path(tmp) / f"out-{j}.jsonl"
            run_cli(["extract", "--jsonl", "-q", "-j", str(j), str(path)], Path(os.devnull), str(out))
            outputs.add(out.read_bytes())
        results["identical_output"] = len(outputs) == 1
        times: dict[int, list[float]] = {j: [] for j in jobs}
        cpu: dict[int, list[float]] = {j: [] for j in jobs}
        for r in range(repeats):
            for j in (jobs if r % 2 == 0 else jobs[::-1]):
                rec = run_cli(["extract", "--jsonl", "-q", "-j", str(j), str(path)], Path(os.devnull))
                times[j].append(rec["seconds"])
                cpu[j].append(rec["cpu_seconds"])
    results["load_after"] = load_line()
    for j in jobs:
        results["jobs"][j] = {"seconds": times[j], "cpu_seconds": cpu[j], "best": min(times[j]),
                              "median": statistics.median(times[j]),
                              "cpu_median": statistics.median(cpu[j]),
                              "busy_median": statistics.median(c / t for c, t in zip(cpu[j], times[j], strict=True))}
    return results


def print_jobs_scaling(res: dict) -> None:
    size = res["bytes"]
    jobs = sorted(res["jobs"])
    base = res["jobs"][jobs[0]]
    rows = []
    for j in jobs:
        r = res["jobs"][j]
        rows.append([str(j), fmt_s(r["best"]), fmt_s(r["median"]), f"{size / MB / r['best']:.2f}",
                     f"{size / MB / r['median']:.2f}", fmt_s(r["cpu_median"]), f"{r['busy_median']:.2f}",
                     f"{base['best'] / r['best']:.2f}x", f"{base['median'] / r['median']:.2f}x"])
    print(fmt_table(["jobs", "best s", "median s", "MB/s (best)", "MB/s (median)",
                     "CPU s (median)", "CPUs busy", "speed-up (best)", "speed-up (median)"], rows))
    n = len(res["jobs"][jobs[0]]["seconds"])
    print(f"   {res['articles']} generated articles, {fmt_bytes(size)} of JSON Lines; wall time of "
          f"the whole command (start-up included), {n} interleaved rounds after one untimed; "
          f"{res['cpus']} CPUs available.\n"
          f"   CPU s = user + system time of the command and its workers; CPUs busy = median of CPU s "
          "/ wall s (below the --jobs value: waiting, or other work held the CPUs).\n"
          f"   Same output for every --jobs: {'yes' if res['identical_output'] else 'NO'}.\n"
          f"   before: {res['load_before']}; after: {res['load_after']} "
          "(other work on the machine slows the parallel runs most).")


def stream_memory(mb: float, jobs: list[int], seed: int) -> dict:
    """Peak memory of ``tzsched extract --jsonl -j J < FILE`` on ~``mb`` MB of JSON Lines."""
    results: dict = {"jobs": {}}
    with tempfile.TemporaryDirectory(prefix="tzsched-bench-") as tmp:
        path = Path(tmp) / "stream.jsonl"
        t0 = time.perf_counter()
        size, n = write_jsonl(path, mb, seed)
        results.update(bytes=size, articles=n, generate_seconds=time.perf_counter() - t0)
        for j in jobs:
            results["jobs"][j] = run_cli(["extract", "--jsonl", "-q", "-j", str(j)], path, interval=0.05)
    return results


def print_stream_memory(res: dict) -> None:
    rows = []
    for j, r in sorted(res["jobs"].items()):
        workers = r["workers_hwm_kb"]
        rows.append([str(j), fmt_s(r["seconds"]), f"{res['bytes'] / MB / r['seconds']:.2f}",
                     f"{r['ru_maxrss_kb'] / 1024:.1f}",
                     f"{r['parent_hwm_kb'] / 1024:.1f}" if r["parent_hwm_kb"] else "-",
                     f"{max(workers) / 1024:.1f}" if workers else "-", str(len(workers))])
    print(fmt_table(["jobs", "seconds", "MB/s", "peak MiB (any process)", "parent VmHWM MiB",
                     "worker VmHWM MiB (max)", "workers"], rows))
    print(f"   {res['articles']} generated articles, {fmt_bytes(res['bytes'])} of JSON Lines on "
          "stdin, output to /dev/null. 'any process': ru_maxrss from os.wait4, the largest\n"
          "   process of the tree; VmHWM polled every 50 ms per process. A worker forked from "
          "the parent counts the pages it still shares with it.")


# ----------------------------------------------------------------------------- output
def fmt_table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]
    right = [i > 0 for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if right[i] else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True)))

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), sep, *(line(r) for r in rows)])


def fmt_bytes(n: float) -> str:
    if n >= 0.9995 * MB:
        return f"{n / MB:.2f} MB"
    if n >= 1000:
        return f"{n / 1000:.1f} KB"
    return f"{n:.0f} B"


def fmt_s(s: float | None) -> str:
    if s is None:
        return "-"
    return f"{s:.3f}" if s < 100 else f"{s:.0f}"


# ----------------------------------------------------------------------------- main
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=None,
                    help="corpus size in MB (default 1.0; 0.25 with --quick)")
    ap.add_argument("--peers", default="dateparser,datefinder,chrono",
                    help="comma-separated peers to compare (dateparser, datefinder, chrono); "
                         "'none' for none; peers that cannot run are skipped")
    ap.add_argument("--chrono-dir", type=Path, default=HERE / "peers",
                    help="directory whose node_modules holds chrono-node (default benchmarks/peers)")
    ap.add_argument("--quick", action="store_true",
                    help="smaller corpus, 50 KB peer sample, 10 KB/100 KB adversarial")
    ap.add_argument("--adversarial", action="store_true",
                    help="also time tzsched on adversarial inputs")
    ap.add_argument("--sample-kb", type=float, default=None,
                    help="peer sample size in KB, at least 50 (default 100; 50 with --quick)")
    ap.add_argument("--full-peers", action="store_true",
                    help="time peers on the whole corpus instead of a sample")
    ap.add_argument("--no-tbaq", action="store_true", help="generated text only")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--adv-timeout", type=float, default=120.0,
                    help="seconds allowed for each adversarial case (default 120)")
    ap.add_argument("--jobs-scaling", action="store_true",
                    help="time `tzsched extract --jsonl` with -j 1 and -j N on generated JSON Lines")
    ap.add_argument("--scaling-mb", type=float, default=5.0,
                    help="size of the JSON Lines for --jobs-scaling in MB (default 5)")
    ap.add_argument("--scaling-jobs", default=None,
                    help="comma-separated --jobs values to compare (default: 1 and the CPU count)")
    ap.add_argument("--repeats", type=int, default=5,
                    help="interleaved rounds for --jobs-scaling (default 5)")
    ap.add_argument("--stream-mb", type=float, default=None, metavar="MB",
                    help="peak memory of `tzsched extract --jsonl` (and with -j N) on MB of JSON Lines")
    ap.add_argument("--cli-only", action="store_true",
                    help="only the command line sections (--jobs-scaling, --stream-mb)")
    ap.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    ap.add_argument("--child-run", nargs=2, metavar=("SYSTEM", "CORPUS"),
                    help=argparse.SUPPRESS)
    ap.add_argument("--child-adv", nargs=3, metavar=("KIND", "SIZE", "SEED"),
                    help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child_run:
        _child_run(*args.child_run)
        return 0
    if args.child_adv:
        kind, size, seed = args.child_adv
        _child_adv(kind, int(size), int(seed))
        return 0

    mb = args.mb if args.mb is not None else (0.25 if args.quick else 1.0)
    sample_kb = args.sample_kb if args.sample_kb is not None else (50 if args.quick else 100)
    sample_kb = max(sample_kb, 50.0)
    peers = [p.strip() for p in args.peers.split(",") if p.strip() and p.strip() != "none"]
    results: dict = {"machine": machine_lines(args.chrono_dir), "mb": mb, "seed": args.seed}

    print("== machine")
    print("\n".join(results["machine"]))
    if args.cli_only:
        cli_sections(args, results)
        return write_json(args, results)

    tz_err = importable("tzsched")
    if tz_err:
        print(f"\n!! tzsched is not importable ({tz_err}); timing peers only")
    peer_errs = {p: node_peer_error(args.chrono_dir) if p == NODE_PEER else importable(p) for p in peers}
    for p, err in peer_errs.items():
        if err:
            print(f"-- peer {p} skipped: {'cannot run' if p == NODE_PEER else 'not importable'} ({err})")
    peers = [p for p in peers if not peer_errs[p]]
    py_peers = [p for p in peers if p != NODE_PEER]

    docs = build_corpus(mb, args.seed, use_tbaq=not args.no_tbaq)
    total = nbytes(docs)
    n_tbaq = sum(1 for d in docs if d["source"] == "tbaq")
    tbaq_bytes = nbytes([d for d in docs if d["source"] == "tbaq"])
    print(f"\n== corpus: {fmt_bytes(total)} in {len(docs)} documents "
          f"({n_tbaq} TBAQ texts, {fmt_bytes(tbaq_bytes)}"
          f"{'' if TBAQ.is_file() else ': file absent'}; "
          f"{len(docs) - n_tbaq} generated, {fmt_bytes(total - tbaq_bytes)}; seed {args.seed})")
    sample = docs if args.full_peers else sample_docs(docs, int(sample_kb * 1000), args.seed)
    sample_bytes = nbytes(sample)

    # ---- throughput
    rows: list[list[str]] = []
    tput: dict[str, dict] = {}
    tz_sample_rate = None
    if not tz_err:
        run = make_runner("tzsched", docs)
        run()  # warm-up: one full pass
        secs, count = time_runner(run, 3)
        tput["tzsched"] = {"bytes": total, "seconds": secs, "mentions": count,
                           "mb_s": total / MB / secs, "measured": "full corpus, best of 3"}
        # each half on its own: real newswire (TBAQ) and the denser generated text
        for source, label in HALVES:
            part = [d for d in docs if d["source"] == source]
            if part and len(part) < len(docs):
                run_p = make_runner("tzsched", part)
                run_p()
                p_secs, p_count = time_runner(run_p, 3)
                p_bytes = nbytes(part)
                tput[label] = {"bytes": p_bytes, "seconds": p_secs, "mentions": p_count,
                               "mb_s": p_bytes / MB / p_secs, "measured": "that half, best of 3"}
        if py_peers:
            run_s = make_runner("tzsched", sample)
            run_s()
            s_secs, s_count = time_runner(run_s, 3)
            tz_sample_rate = sample_bytes / MB / s_secs
            tput["tzsched (peer sample)"] = {
                "bytes": sample_bytes, "seconds": s_secs, "mentions": s_count,
                "mb_s": tz_sample_rate, "measured": "peer sample, best of 3"}
    for peer in py_peers:
        warmup(peer)
        run = make_runner(peer, sample)
        secs, count = time_runner(run, 1)
        rate = sample_bytes / MB / secs
        scaled = sample is not docs
        tput[peer] = {
            "bytes": total, "seconds": total / MB / rate if scaled else secs,
            "mentions": round(count * total / sample_bytes) if scaled else count,
            "mb_s": rate, "measured": (f"sample of {fmt_bytes(sample_bytes)}, scaled"
                                       if scaled else "full corpus, 1 run"),
            "sample_bytes": sample_bytes, "sample_seconds": secs, "sample_mentions": count,
            "versus": "tzsched (peer sample)",
        }
    if NODE_PEER in peers:
        # fast enough for the whole corpus, and each half, like tzsched's rows
        parts = [("chrono", docs, "tzsched", "full corpus")]
        parts += [(f"chrono, {label[len('tzsched, '):]}", [d for d in docs if d["source"] == source], label,
                   "that half") for source, label in HALVES if label in tput]
        for name, part, versus, what in parts:
            try:
                r = run_chrono(part, args.chrono_dir, 3)
            except Exception as exc:
                print(f"-- peer chrono failed on the {what}: {str(exc)[:100]}")
                continue
            p_bytes = nbytes(part)
            tput[name] = {"bytes": p_bytes, "seconds": r["seconds"], "mentions": r["count"],
                          "mb_s": p_bytes / MB / r["seconds"], "peak_kb": r["child_ru_maxrss_kb"],
                          "measured": f"{what}, best of 3 (node)", "versus": versus}
    for name, r in tput.items():
        versus = tput.get(r.get("versus", ""))
        if name == "tzsched":
            ratio = "1.00"
        elif name.startswith("tzsched"):
            ratio = "-"
        elif versus is not None:
            r["ratio"] = versus["mb_s"] / r["mb_s"]
            ratio = f"{r['ratio']:.2f}x" if r["ratio"] < 10 else f"{r['ratio']:.1f}x"
        else:
            ratio = "n/a"
        est = "~" if "scaled" in r["measured"] else ""
        rows.append([name, fmt_bytes(r["bytes"]), est + fmt_s(r["seconds"]),
                     f"{r['mb_s']:.3f}", est + str(r["mentions"]), ratio, r["measured"]])
    results["throughput"] = tput
    print("\n== throughput (end to end: text + context in, mentions out)")
    if rows:
        print(fmt_table(["system", "bytes", "seconds", "MB/s", "mentions",
                         "tzsched/peer", "measured on"], rows))
    if py_peers:
        print(f"   Python peers are timed once on a seeded sample of {len(sample)} whole documents "
              f"({fmt_bytes(sample_bytes)}); '~' marks seconds and mentions scaled to the "
              "full corpus.\n   tzsched/peer = tzsched MB/s on the same texts / peer MB/s. "
              "dateparser: search_dates(text, languages=['en'], RELATIVE_BASE=published).")
    if any(name.startswith("chrono") for name in tput):
        print("   chrono: chrono.parse(text, new Date(published)) in node after one warm-up pass "
              "(the JIT compiles on it), on the same texts as the tzsched row it is compared with.")

    # ---- cold start
    print("\n== cold start (fresh interpreter, import + one call, best of 5)")
    cold_rows = []
    results["cold_start"] = {}
    base, _ = cold_start("pass")
    cold_rows.append(["python -c pass", fmt_s(base), ""])
    results["cold_start"]["python"] = base
    cold_cases = [("tzsched", COLD_TZSCHED)]
    if importable("dateparser") is None:
        cold_cases.append(("dateparser", COLD_DATEPARSER))
    for name, code in cold_cases:
        cold_secs, err = cold_start(code)
        results["cold_start"][name] = cold_secs
        note = err[:70]
        if name == "tzsched" and not err:
            note = "no bytecode cache (source compiled at every start)"
        cold_rows.append([name, fmt_s(cold_secs), note])
        if name == "tzsched" and not err:
            # installed packages (dateparser here) start from compiled bytecode: measure that too
            with tempfile.TemporaryDirectory() as copy:
                installed_copy(copy)
                warm_secs, err2 = cold_start(code, path=copy)
            results["cold_start"]["tzsched_bytecode"] = warm_secs
            cold_rows.append(["tzsched", fmt_s(warm_secs), err2[:70] or "bytecode compiled, as after pip install"])
    if NODE_PEER in peers:
        node_base, _ = chrono_cold_start(args.chrono_dir, code="")
        cold_rows.append(["node -e ''", fmt_s(node_base), ""])
        chrono_secs, err = chrono_cold_start(args.chrono_dir)
        results["cold_start"]["node"] = node_base
        results["cold_start"]["chrono"] = chrono_secs
        cold_rows.append(["chrono", fmt_s(chrono_secs), err[:70] or "node: require chrono-node + one parse"])
    print(fmt_table(["system", "seconds", "note"], cold_rows))

    # ---- memory
    print("\n== peak memory (ru_maxrss of a child process running the system once)")
    mem_rows = []
    results["memory"] = {}
    with tempfile.TemporaryDirectory(prefix="tzsched-bench-") as tmp:
        systems = ([] if tz_err else [("tzsched", docs)]) + [(p, sample) for p in py_peers]
        for name, d in systems:
            path = Path(tmp) / f"{name}.json"
            path.write_text(json.dumps(d), encoding="utf-8")
            try:
                r = run_child(["--child-run", name, str(path)], timeout=3600, launcher=True)
            except Exception as exc:
                mem_rows.append([name, fmt_bytes(nbytes(d)), "-", "-", "-", str(exc)[:60]])
                continue
            results["memory"][name] = r
            peak_kb = r.get("child_ru_maxrss_kb") or r["peak_kb"]
            hwm = f"{r['vmhwm_kb'] / 1024:.1f}" if r.get("vmhwm_kb") else "-"
            mem_rows.append([name, fmt_bytes(nbytes(d)), f"{r['before_kb'] / 1024:.1f}",
                             f"{peak_kb / 1024:.1f}", hwm, str(r["count"])])
    if "chrono" in tput:
        results["memory"]["chrono"] = {"peak_kb": tput["chrono"]["peak_kb"]}
        mem_rows.append(["chrono", fmt_bytes(tput["chrono"]["bytes"]), "-",
                         f"{tput['chrono']['peak_kb'] / 1024:.1f}", "-", str(tput["chrono"]["mentions"])])
    if mem_rows:
        print(fmt_table(["system", "texts", "MiB after import+load", "peak MiB (ru_maxrss)",
                         "VmHWM MiB", "mentions"], mem_rows))
        if py_peers:
            print("   Python peers run on the throughput sample, tzsched on the whole corpus.")
        if "chrono" in tput:
            print("   chrono: its whole-corpus throughput run in node (warm-up and three passes).")
        print("   each system runs once in its own interpreter (started via a small launcher so "
              "that Linux's inherited ru_maxrss does not leak in).")

    # ---- adversarial
    if args.adversarial:
        print("\n== adversarial inputs (tzsched.annotate on one text; best of 3 unless > 2 s)")
        if tz_err:
            print("   skipped: tzsched is not importable")
        else:
            sizes = (10_000, 100_000) if args.quick else (10_000, 100_000, 1_000_000)
            adv_rows = []
            results["adversarial"] = {}
            for size in sizes:
                news_rate = None
                for kind in ADV_KINDS:
                    key = f"{kind}@{size}"
                    try:
                        r = run_child(["--child-adv", kind, str(size), str(args.seed)],
                                      timeout=args.adv_timeout)
                    except subprocess.TimeoutExpired:
                        results["adversarial"][key] = None
                        adv_rows.append([kind, fmt_bytes(size),
                                         f">{args.adv_timeout:.0f} (timeout)", "-", "-", "-"])
                        continue
                    except Exception as exc:
                        adv_rows.append([kind, fmt_bytes(size), "error", "-", "-",
                                         str(exc)[:50]])
                        continue
                    results["adversarial"][key] = r
                    per_byte = r["seconds"] / max(r["bytes"], 1)
                    if kind == "news":
                        news_rate = per_byte
                    rel = f"{per_byte / news_rate:.2f}x" if news_rate else "-"
                    adv_rows.append([kind, fmt_bytes(r["bytes"]), fmt_s(r["seconds"]),
                                     f"{per_byte * 1e6:.2f}", rel, str(r["count"])])
            print(fmt_table(["input", "bytes", "seconds", "us/byte", "vs news",
                             "mentions"], adv_rows))
            print("   'vs news' = time per byte relative to generated news text of the "
                  f"same size; each case in its own process, {args.adv_timeout:.0f} s limit.")

    cli_sections(args, results)
    return write_json(args, results)


def cli_sections(args: argparse.Namespace, results: dict) -> None:
    n = cpus()
    default = [1, n] if n > 1 else [1, 2]
    jobs = [int(j) for j in args.scaling_jobs.split(",")] if args.scaling_jobs else default
    if args.jobs_scaling:
        print(f"\n== command line: tzsched extract --jsonl --jobs J ({fmt_bytes(args.scaling_mb * MB)} "
              "generated JSON Lines)")
        res = jobs_scaling(args.scaling_mb, jobs, max(1, args.repeats), args.seed)
        results["jobs_scaling"] = res
        print_jobs_scaling(res)
    if args.stream_mb:
        print(f"\n== command line: peak memory on a {fmt_bytes(args.stream_mb * MB)} JSON Lines stream")
        res = stream_memory(args.stream_mb, sorted({1, jobs[-1]}), args.seed)
        results["stream_memory"] = res
        print(f"   (generated in {res['generate_seconds']:.0f} s)")
        print_stream_memory(res)


def write_json(args: argparse.Namespace, results: dict) -> int:
    if args.json:
        out = Path(args.json)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
        print(f"\nresults written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
