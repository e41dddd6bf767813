#!/usr/bin/env python
"""Conversation load on the real assistant, against a plain `rasa init` bot as the baseline.

Starts our stack (action server + Rasa, or with ``--workers 2`` the production profile: two
Rasa processes behind nginx on PostgreSQL + Redis), runs N concurrent scripted worker and firm
conversations over the REST channel, then one long conversation of repeated cheap turns; then
does the same against a plain `rasa init` bot (var/baseline, trained once, cached by input hash)
and prints the ratios against the goals. Why a baseline in the same run: the machine is shared,
so only figures taken minutes apart on the same load are comparable.

    python scripts/loadtest.py                    # 20 conversations, 300-turn conversation, baseline
    python scripts/loadtest.py --quick            # CI: 4 conversations, 30 turns, no baseline
    python scripts/loadtest.py --workers 2        # the production profile (PostgreSQL, Redis, nginx)
    python scripts/loadtest.py --url http://host:5005 --no-baseline   # a running server

Goals (2 cores): 0 errors; p95 ≤ ½ baseline; throughput ≥ 2× baseline; p95 at turn 300
≤ 1.2× p95 at turn 10; cold start of the whole stack ≤ 15 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from launcher.production import ProductionStack  # noqa: E402
from launcher.stack import Stack, free_port, wait_until_up  # noqa: E402
from launcher.training import ensure_model  # noqa: E402
from skills_catalog.settings import VAR_DIR, Settings  # noqa: E402

BASELINE_DIR = VAR_DIR / "baseline"
PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
BUTTON = "<first button>"  # a script step that taps the first button of the previous reply
PROBLEM_REPLIES = ("technical problem", "slow down")

WORKER_SCRIPT = [
    "hello", "/give_consent", "I worked as a welder in a metal workshop",
    "MIG welding, reading technical drawings", "yes", "I want to learn PLC programming", "Graz",
    '/inform{"choice":"any"}', "80 km", '/inform{"choice":"any"}', "up to 2500 euros",
    "right away", "only online please", "more results",
]  # fmt: skip
FIRM_SCRIPT = [
    "hello", "/firm_start", BUTTON, "Acme Metal GmbH", "Graz", BUTTON, BUTTON, "Anna Example",
    "anna@example.com", "two welders who can do MIG welding", BUTTON, "2", BUTTON, BUTTON,
    BUTTON, BUTTON,
]  # fmt: skip
CHEAP_TURN = "hello"


@dataclass
class Target:
    """A running bot to load: its REST URL, how long it took to start, its server processes."""

    name: str
    url: str
    cold_start_s: float | None = None
    pids: Callable[[], list[int]] = list


@dataclass
class Result:
    """What one run against one target measured."""

    name: str
    conversations: int
    turns: int
    errors: int
    wall_s: float
    throughput: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    early_p95_ms: float
    late_p95_ms: float
    early_p50_ms: float
    late_p50_ms: float
    long_turns: int
    rss_mb: float
    peak_rss_mb: float
    cold_start_s: float | None
    cpu_ms_per_turn: float = (
        0.0  # server processes' CPU time per concurrent turn: others' load barely moves it
    )
    load_average: str = ""  # 1-minute load average of the machine before → after the run (shared cores)
    error_samples: list[str] = field(default_factory=list)

    @property
    def long_p50(self) -> str:
        """The long conversation's median turn early → late; unlike a p95 of 20 turns, one turn
        slowed by another job on the shared cores does not move it."""
        return f"{self.early_p50_ms:.0f} → {self.late_p50_ms:.0f}"


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (nearest rank), 0 for no values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))] if ordered else 0.0


def rss_mb(pids: list[int]) -> tuple[float, float]:
    """Current and peak resident memory (MB) summed over processes, from /proc."""
    now = peak = 0.0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        now += int(fields.get("VmRSS", "0 kB").split()[0]) / 1024
        peak += int(fields.get("VmHWM", "0 kB").split()[0]) / 1024
    return now, peak


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time (s) used so far, summed over processes, from /proc."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK")


def next_message(step: str, previous: list[dict]) -> str:
    """The text to send: the step itself, or the first button's payload of the last reply."""
    if step != BUTTON:
        return step
    buttons = [b for r in previous for b in r.get("buttons") or []]
    return buttons[0]["payload"] if buttons else "yes"


def problem(replies: list[dict]) -> str | None:
    """Why a reply counts as an error: none at all, or the guard's apology."""
    if not replies:
        return "no reply"
    text = " ".join(r.get("text") or "" for r in replies).lower()
    return next((p for p in PROBLEM_REPLIES if p in text), None)


async def converse(
    session: aiohttp.ClientSession, url: str, script: Sequence[str]
) -> list[tuple[float, str | None]]:
    """One conversation, turn after turn: (latency s, error or None) per turn."""
    sender, replies, timings = f"load-{uuid.uuid4().hex[:10]}", [], []
    for step in script:
        started = time.perf_counter()
        try:
            message = next_message(step, replies)
            async with session.post(url, json={"sender": sender, "message": message}) as response:
                response.raise_for_status()
                replies = await response.json()
            error = problem(replies)
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            replies, error = [], f"{type(exc).__name__}: {exc}"
        timings.append((time.perf_counter() - started, error and f"{step[:30]!r}: {error}"))
    return timings


async def load(
    url: str, conversations: int, long_turns: int, cpu: Callable[[], float] = lambda: 0.0
) -> tuple[list[tuple[float, str | None]], float, list[float], float]:
    """N concurrent conversations (alternately worker and firm), then one long one alone.

    Returns the turns, the wall time and the CPU time (``cpu()`` before → after) of the
    concurrent part, and the latencies of the long conversation.
    """
    timeout = aiohttp.ClientTimeout(total=120)
    connector = aiohttp.TCPConnector(limit=conversations + 1)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        scripts = [WORKER_SCRIPT if n % 2 == 0 else FIRM_SCRIPT for n in range(conversations)]
        started, cpu_started = time.perf_counter(), cpu()
        done = await asyncio.gather(*(converse(session, url, s) for s in scripts))
        wall, cpu_used = time.perf_counter() - started, cpu() - cpu_started
        long = await converse(session, url, [CHEAP_TURN] * long_turns)
    return [t for c in done for t in c] + long, wall, [latency for latency, _ in long], cpu_used


def measure(target: Target, conversations: int, long_turns: int) -> Result:
    """Run the load on one target and summarise it."""
    webhook = f"{target.url}/webhooks/rest/webhook"
    load_before = os.getloadavg()[0]
    asyncio.run(load(webhook, 2, 3))  # warm-up: first-use costs are the cold-start figure's business
    turns, wall, long, cpu = asyncio.run(
        load(webhook, conversations, long_turns, lambda: cpu_seconds(target.pids()))
    )
    loaded = turns[: len(turns) - len(long)]
    latencies = [latency * 1000 for latency, _ in loaded]
    errors = [e for _, e in turns if e]
    window = max(1, min(20, long_turns // 3))  # 20 turns: one slow turn on a shared machine is not a trend
    now, peak = rss_mb(target.pids())
    return Result(
        name=target.name, conversations=conversations, turns=len(loaded), errors=len(errors),
        wall_s=wall, throughput=len(loaded) / wall, p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95), p99_ms=percentile(latencies, 99),
        early_p95_ms=1000 * percentile(long[1 : 1 + window], 95),
        late_p95_ms=1000 * percentile(long[-window:], 95), long_turns=long_turns,
        early_p50_ms=1000 * percentile(long[1 : 1 + window], 50), late_p50_ms=1000 * percentile(long[-window:], 50),
        rss_mb=now, peak_rss_mb=peak, cold_start_s=target.cold_start_s, cpu_ms_per_turn=1000 * cpu / len(loaded),
        load_average=f"{load_before:.1f} → {os.getloadavg()[0]:.1f}", error_samples=errors[:5],
    )  # fmt: skip


@contextmanager
def our_stack(workers: int, run_dir: Path) -> Iterator[Target]:
    """Our assistant on free ports and fresh databases; the rate limit off (scripts type fast)."""
    model = ensure_model()
    settings = replace(
        Settings(cache_dir=VAR_DIR / "cache"),
        tracker_db_url=f"sqlite:///{run_dir / 'tracker.db'}", needs_db_url=f"sqlite:///{run_dir / 'needs.db'}",
        rasa_port=free_port(), actions_port=free_port(), web_port=free_port(),
    )  # fmt: skip
    database = None
    if workers > 1:
        database = create_database()
        settings = replace(
            settings,
            tracker_db_url=database,
            needs_db_url=database,
            lock_store_url="redis://127.0.0.1:6379/0",
        )
    kind = ProductionStack if workers > 1 else Stack
    stack = kind(settings, model, log_dir=run_dir / "logs", extra_env={"GUARD_RATE": "0"})
    if workers > 1:
        stack.workers = workers  # type: ignore[attr-defined]
    started = time.monotonic()
    with stack:
        pids = lambda: [p.pid for n, p in stack.processes.items() if n != "nginx"]  # noqa: E731
        yield Target(f"ours ({workers} Rasa)", stack.rasa_url, time.monotonic() - started, pids)
    if database:
        drop_database(database)


def create_database() -> str:
    """A fresh PostgreSQL database for the production profile's run."""
    import sqlalchemy

    name = f"csa_load_{uuid.uuid4().hex[:10]}"
    admin = sqlalchemy.create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as conn:
        conn.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    return f"{PG_SERVER}/{name}"


def drop_database(url: str) -> None:
    import sqlalchemy

    admin = sqlalchemy.create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as conn:
        conn.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))


def baseline_model() -> Path:
    """The `rasa init` bot's model: created and trained once, then cached by input hash."""
    if not (BASELINE_DIR / "domain.yml").exists():
        BASELINE_DIR.mkdir(parents=True, exist_ok=True)  # `rasa init` wants the folder to exist
        command = [sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(BASELINE_DIR)]
        subprocess.run(command, check=True, cwd=ROOT)
    from launcher.training import training_inputs_hash

    cached = BASELINE_DIR / "models" / f"bot-{training_inputs_hash(BASELINE_DIR)}.tar.gz"
    trained_by_init = sorted(p for p in (BASELINE_DIR / "models").glob("2*.tar.gz"))
    if not cached.exists() and trained_by_init:  # `rasa init` already trained it: keep that one
        trained_by_init[-1].rename(cached)
    return ensure_model(BASELINE_DIR)


@contextmanager
def baseline_stack(run_dir: Path) -> Iterator[Target]:
    """`rasa run` of the plain bot, as `rasa init` made it (in-memory tracker store, no actions)."""
    model, port = baseline_model(), free_port()
    run_dir.mkdir(parents=True, exist_ok=True)
    credentials = run_dir / "credentials.yml"
    credentials.write_text("rest:\n")
    log = run_dir / "baseline.log"
    command = [sys.executable, "-m", "rasa", "run", "--model", str(model), "--port", str(port),
               "--interface", "127.0.0.1", "--credentials", str(credentials)]  # fmt: skip
    started = time.monotonic()
    with open(log, "ab") as out:
        process = subprocess.Popen(
            command, cwd=BASELINE_DIR, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process, 240, log)
        yield Target(
            "baseline (rasa init)",
            f"http://127.0.0.1:{port}",
            time.monotonic() - started,
            lambda: [process.pid],
        )
    finally:
        process.terminate()
        process.wait(30)


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def report(ours: Result, baseline: Result | None) -> list[str]:
    """Figures side by side, then each goal with met/missed."""
    rows = [("conversations", "conversations", "{:d}"), ("turns", "turns", "{:d}"), ("errors", "errors", "{:d}"),
            ("throughput turns/s", "throughput", "{:.1f}"), ("p50 ms", "p50_ms", "{:.0f}"),
            ("p95 ms", "p95_ms", "{:.0f}"), ("p99 ms", "p99_ms", "{:.0f}"),
            ("long conv. p95 around turn 10 ms", "early_p95_ms", "{:.0f}"), ("long conv. p95 at its end ms", "late_p95_ms", "{:.0f}"),
            ("long conv. p50 around turn 10 → at its end ms", "long_p50", "{}"),
            ("server CPU ms per turn (concurrent part)", "cpu_ms_per_turn", "{:.0f}"), ("RSS MB (now)", "rss_mb", "{:.0f}"), ("RSS MB (peak)", "peak_rss_mb", "{:.0f}"),
            ("cold start s", "cold_start_s", "{:.1f}"), ("load average (1 min)", "load_average", "{}")]  # fmt: skip
    runs = [r for r in (ours, baseline) if r]
    lines = ["| | " + " | ".join(r.name for r in runs) + " |", "|---" * (len(runs) + 1) + "|"]
    for title, key, fmt in rows:
        cells = [fmt.format(getattr(r, key)) if getattr(r, key) is not None else "n/a" for r in runs]
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    growth = ours.late_p95_ms / ours.early_p95_ms if ours.early_p95_ms else 0
    goals = [(f"0 errors ({ours.errors})", ours.errors == 0),
             (f"p95 at turn {ours.long_turns} ≤ 1.2× turn 10 ({growth:.2f}×)", growth <= 1.2),
             (f"cold start ≤ 15 s ({ours.cold_start_s or 0:.1f} s)", (ours.cold_start_s or 99) <= 15)]  # fmt: skip
    if baseline:
        goals += [(f"p95 ≤ ½ baseline ({ratio(ours.p95_ms, baseline.p95_ms)}×)", ours.p95_ms <= baseline.p95_ms / 2),
                  (f"throughput ≥ 2× baseline ({ratio(ours.throughput, baseline.throughput)}×)",
                   ours.throughput >= 2 * baseline.throughput)]  # fmt: skip
    lines += ["", *(f"- {'met' if ok else 'MISSED'}: {text}" for text, ok in goals)]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="4 conversations, 30-turn long conversation, no baseline"
    )
    parser.add_argument("--conversations", type=int, help="concurrent conversations (default 20)")
    parser.add_argument("--long-turns", type=int, help="turns of the long conversation (default 300)")
    parser.add_argument("--workers", type=int, default=1, help="Rasa processes; 2+ = production profile")
    parser.add_argument("--url", help="load a running server instead of starting ours")
    parser.add_argument("--baseline", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    conversations = args.conversations or (4 if args.quick else 20)
    long_turns = args.long_turns or (30 if args.quick else 300)
    run_dir = VAR_DIR / "loadtest" / time.strftime("%Y%m%d-%H%M%S")
    run_dir.mkdir(parents=True, exist_ok=True)
    if args.url:
        ours = measure(Target("ours", args.url.rstrip("/")), conversations, long_turns)
    else:
        with our_stack(args.workers, run_dir) as target:
            ours = measure(target, conversations, long_turns)
    baseline = None
    if args.baseline if args.baseline is not None else not args.quick:
        with baseline_stack(run_dir / "baseline") as target:
            baseline = measure(target, conversations, long_turns)
    print("\n".join(report(ours, baseline)))
    for result in (ours, baseline):
        for sample in result.error_samples if result else []:
            print(f"  {result.name} error: {sample}")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in (ours, baseline) if r], indent=2))
    shutil.rmtree(run_dir / "logs", ignore_errors=True) if ours.errors == 0 else None
    return 1 if ours.errors else 0


if __name__ == "__main__":
    sys.exit(main())
