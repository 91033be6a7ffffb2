"""Server ingestion with 20 devices posting at once on PostgreSQL, and the same bytes to a trivial endpoint.

    .venv/bin/python bench/sync_server.py [--devices 20] [--records 500] [--workers 2] [--rounds 3]
                                          [--form shipped|test]

Starts `diaspora-server serve` (PostgreSQL in a fresh schema of the test database, --workers N) and, as
the baseline, a trivial FastAPI app under the same uvicorn settings that reads the body and answers
200. Each round enrols nothing new: the devices post one fresh signed batch each, all at the same
moment; the figure is records stored per second of wall time. The records are registrations of the
shipped form (forms.demo_data, each checked against the form's 36 rules by the server), or with
--form test the 2-question test form. Goal (issue 15): >= 2,000 records/s with the shipped form.
Also printed: the server processes' CPU time per record over the timed rounds (from /proc), which other
work on a shared machine bends less than records per second of wall time, and the CPU time of the
PostgreSQL backends serving the server's connections (found through /proc and pg_stat_activity).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import psycopg
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fastapi import FastAPI, Request, Response

from forms.demo_data import demo_registrations
from forms.engine import load_form, shipped_form_path
from forms.engine.fast_validate import compile_validator
from sync import protocol as p
from sync.server import admin
from tests.sync.server.helpers import (
    PG_ADMIN_DSN,
    EnrolledDevice,
    free_port,
    postgres_schema,
    running_server,
)

trivial_app = FastAPI()


@trivial_app.post("/v1/batches")
async def _trivial(request: Request) -> Response:
    await request.body()
    return Response(b'{"ok":true}', media_type="application/json")


def post_all_at_once(jobs: list[Callable[[], requests.Response]]) -> float:
    """Seconds from the common start until the last answer arrived (every answer must be 200)."""
    start = threading.Barrier(len(jobs) + 1)
    failures: list[str] = []

    def run(job: Callable[[], requests.Response]) -> None:
        start.wait()
        answer = job()
        if answer.status_code != 200:
            failures.append(f"{answer.status_code} {answer.text[:200]}")

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    if failures:
        raise SystemExit(f"bench failed: {failures[0]}")
    return elapsed


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its descendants (Linux /proc; 0.0 elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK")
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total


def _process_tree(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return found


def postgres_backends(pid: int) -> list[int]:
    """The PostgreSQL backends serving the connections of a process tree (Linux /proc, loopback)."""
    inodes: set[str] = set()
    for current in _process_tree(pid):
        try:
            for fd in Path(f"/proc/{current}/fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
        except OSError:
            continue
    ports: set[int] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, remote, inode = fields[1], fields[2], fields[9]
            if inode in inodes and int(remote.rsplit(":", 1)[1], 16) == 5432:
                ports.add(int(local.rsplit(":", 1)[1], 16))
    if not ports:
        return []
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE client_port = ANY(%s)", (sorted(ports),)
        ).fetchall()
    return [int(row[0]) for row in rows]


def backends_cpu_seconds(pids: list[int]) -> dict[int, float]:
    tick = os.sysconf("SC_CLK_TCK")
    found: dict[int, float] = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            found[pid] = (int(fields[11]) + int(fields[12])) / tick
        except (OSError, ValueError, IndexError):
            continue
    return found


def start_trivial(workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "bench.sync_server:trivial_app", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    root = str(Path(__file__).resolve().parent.parent)
    process = subprocess.Popen(command, cwd=root, env={**os.environ, "PYTHONPATH": root})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            requests.post(url + "/v1/batches", data=b"x", timeout=2)
            return process, url
        except requests.ConnectionError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the trivial endpoint did not start")


def registration_validation_ms(repeat: int = 300) -> tuple[float, float]:
    """One shipped-form registration checked: (a form session per record, the rules compiled once)."""
    definition = load_form(shipped_form_path())
    validator = compile_validator(definition)
    people = demo_registrations(2 * repeat, seed=21)  # distinct people: no result remembered twice
    timings = []
    for check, sample in ((definition.validate, people[:repeat]), (validator.validate, people[repeat:])):
        began = time.perf_counter()
        for answers in sample:
            check(answers)
        timings.append((time.perf_counter() - began) / repeat * 1000)
    return timings[0], timings[1]


def shipped_records(device: EnrolledDevice, people: list[dict[str, Any]], form: Any) -> list[p.WireRecord]:
    return [
        replace(device.record(answers), form_id=form.form_id, form_version=form.version) for answers in people
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=20)
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--form", choices=("shipped", "test"), default="shipped")
    args = parser.parse_args()
    shipped = args.form == "shipped"
    form = load_form(shipped_form_path())
    pool = demo_registrations(args.devices * args.records * args.rounds if shipped else 0, seed=15)

    with TemporaryDirectory() as tmp, postgres_schema() as url:
        with running_server(
            Path(tmp) / "server", url, workers=args.workers, publish_form=not shipped
        ) as server:
            if shipped:
                with server.engine() as engine:
                    admin.publish_form(engine, shipped_form_path())
            devices = [EnrolledDevice.enroll(server, f"Bench laptop {i}") for i in range(args.devices)]
            # warm-up, not timed: every worker loads the published form once (as after any restart)
            warm_up = [
                (d, shipped_records(d, [answers], form) if shipped else [d.record()])
                for d, answers in zip(
                    devices[: 2 * args.workers], demo_registrations(8, seed=2), strict=False
                )
            ]
            post_all_at_once([lambda d=d, r=r: d.post(d.build(r)) for d, r in warm_up])
            people = iter(pool)
            rounds = [
                [
                    d.build(
                        shipped_records(d, [next(people) for _ in range(args.records)], form)
                        if shipped
                        else [d.record() for _ in range(args.records)]
                    )
                    for d in devices
                ]
                for _ in range(args.rounds)
            ]
            body_bytes = sum(len(b.body) for b in rounds[0])
            cpu_before = tree_cpu_seconds(server.process.pid)
            pg_before = backends_cpu_seconds(postgres_backends(server.process.pid))
            server_times = [
                post_all_at_once([lambda d=d, b=b: d.post(b) for d, b in zip(devices, batches, strict=True)])
                for batches in rounds
            ]
            server_cpu = tree_cpu_seconds(server.process.pid) - cpu_before
            pg_after = backends_cpu_seconds(postgres_backends(server.process.pid))
            pg_cpu = sum(cpu - pg_before.get(pid, 0.0) for pid, cpu in pg_after.items())
            stats = server.stats()
            expected = args.devices * args.records * args.rounds + len(warm_up)
            if stats["distinct_records"] != expected:
                raise SystemExit(
                    f"bench failed: {stats['distinct_records']} records stored, expected {expected}"
                )

        trivial, trivial_url = start_trivial(args.workers)
        try:
            trivial_times = []
            for batches in rounds:
                jobs = [
                    lambda b=b: requests.post(
                        trivial_url + "/v1/batches", data=b.body, headers=b.headers, timeout=60
                    )
                    for b in batches
                ]
                trivial_times.append(post_all_at_once(jobs))
        finally:
            trivial.terminate()
            trivial.wait(timeout=15)

    session_ms, compiled_ms = registration_validation_ms()
    records = args.devices * args.records
    server_s, trivial_s = statistics.median(server_times), statistics.median(trivial_times)
    rate = records / server_s
    what = "shipped registration form" if shipped else "2-question test form"
    print(
        f"{args.devices} devices x {args.records} records ({what}) at once,"
        f" PostgreSQL, {args.workers} workers"
    )
    print(f"  payload per round: {body_bytes / 1e6:.2f} MB gzip, {args.rounds} rounds, median shown")
    print(f"  server ingestion : {server_s:.2f} s  -> {rate:,.0f} records/s (goal >= 2,000)")
    print(f"  trivial endpoint : {trivial_s:.2f} s  (same bytes, same uvicorn workers)")
    print(f"  ratio server / trivial: {server_s / trivial_s:.1f}x")
    print(
        f"  server processes' CPU: {server_cpu / (records * args.rounds) * 1000:.2f} ms per record"
        " (PostgreSQL's own CPU not included)"
    )
    print(
        f"  PostgreSQL backends' CPU: {pg_cpu / (records * args.rounds) * 1000:.2f} ms per record"
        " (the backends serving the server's connections, from /proc)"
    )
    print(f"  every round exactly once: {stats['distinct_records']} distinct records stored")
    print(
        f"  checking one shipped-form registration: {compiled_ms:.2f} ms with the rules compiled once"
        f" (the server's way) vs {session_ms:.2f} ms with a form session per record"
        f" ({session_ms / compiled_ms:.1f}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
