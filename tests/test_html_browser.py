"""The HTML report in a real headless Chromium (Debian's package): the DOM after scripts ran
matches the mentions, and a screenshot is kept in tests/artifacts/ for people to look at."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from test_cli import run
from test_render_html import read_dom

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run does this)"
)

ARTICLES = [
    {"id": "summit", "text": (ROOT / "data/samples/summit.txt").read_text(encoding="utf-8"),
     "published": "2025-05-20T08:00:00+02:00", "home": "Europe/Zurich"},
    {"id": "seed-1500", "published": "2025-05-19T10:00:00-04:00", "home": "America/Toronto",
     "text": "Putin and Trump will speak at 5 p.m. Moscow time (1500 GMT), about 10 a.m. Eastern."},
]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--virtual-time-budget=3000"]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / "profile"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=180, check=False)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    stream = "".join(json.dumps(a) + "\n" for a in ARTICLES)
    page = run("annotate", "--jsonl", "--format", "html", "-q", stdin=stream)
    records = run("annotate", "--jsonl", "--format", "jsonl", "-q", stdin=stream)
    assert page.returncode == records.returncode == 0, page.stderr
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(page.stdout, encoding="utf-8")
    return path, [json.loads(line) for line in records.stdout.splitlines()]


def test_dom_matches_the_mentions(report: tuple[Path, list[dict[str, object]]], tmp_path: Path) -> None:
    path, records = report
    proc = chromium(tmp_path, "--dump-dom", f"{path.as_uri()}#a1-m1")
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = read_dom(proc.stdout)
    mentions = [m for r in records for m in r["mentions"]]  # type: ignore[attr-defined]
    assert dom.texts == [a["text"] for a in ARTICLES]
    assert [m["text"] for m in dom.marks] == [m["text"] for m in mentions]
    assert [r["said"] for r in dom.rows] == [m["text"] for m in mentions]
    for mark, row, mention in zip(dom.marks, dom.rows, mentions, strict=True):
        start = mention["utc_start"]
        if start is None:
            assert row["utc"] == mention["value"]
        else:
            assert row["utc"].startswith(start[:16] + "Z")
            assert f"UTC   {row['utc']}" in mark["data-tip"]
    # the script ran: it counted the highlights, focused the mention named in the URL, lit its link
    assert dom.body.get("data-ready") == str(len(mentions))
    target = next(m for m in dom.marks if m["id"] == "a1-m1")
    assert {"active", "hl", "disagree"} <= set(target["class"].split())
    partners = [m for m in dom.marks if m.get("data-link") == target["data-link"]]
    assert len(partners) == 3 and all("hl" in m["class"].split() for m in partners)
    assert next(r["link"] for r in dom.rows if r["id"].startswith("a1-")).startswith("L1 ≠ ")


def test_screenshot(report: tuple[Path, list[dict[str, object]]], tmp_path: Path) -> None:
    path, _ = report
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(path, ARTIFACTS / "report.html")
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    proc = chromium(tmp_path, "--window-size=1280,2400", f"--screenshot={shot}", f"{path.as_uri()}#a1-m1")
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 2400)
