"""The registry's dashboard and people search on a large, bulk-loaded registry (PostgreSQL).

    .venv/bin/python bench/registry.py [--count 1000000] [--max-load-seconds 900] [--rounds 5] [--keep]
    .venv/bin/python bench/registry.py --reuse SCHEMA [--rounds 5]   (a schema --keep left: no loading)

Creates a fresh schema in the test database, publishes the shipped form, and COPYs synthetic
registrations of that form (forms.demo_data, spread over two years and 20 devices) into records and
record_versions: the trigger of migration 0003 queues each one, and the registry's own catch-up
(sync.server.registry.index) builds its search and count rows, as the first page view after a big
ingestion would. Loading stops at --max-load-seconds and the figures are printed at the size reached.
Then `diaspora-server serve` answers, to a logged-in admin:

- GET /dashboard (every chart) — median server time over --rounds, against the baseline: the same
  aggregate counted on the spot as one bare SQL statement (the GROUPING SETS query over
  registry_people that the page ran before the counts were kept, through psycopg); and the
  dashboard with filters (a date range off the month boundaries, and a country);
- GET /people?q=<family given> and ?q=<document number> — median server time.

Goals (issue 15): dashboard < 500 ms and a people search < 200 ms at 1,000,000 registrations.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

import psycopg
from sqlalchemy import Engine, event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from forms.demo_data import demo_registrations
from forms.engine import load_form, shipped_form_path
from forms.store.kdf import TEST_FAST_ENV
from sync.server import admin
from sync.server.db import make_engine, session_factory, upgrade
from sync.server.registry import figures, index
from tests.sync.registry.helpers import Browser, add_account
from tests.sync.server.helpers import PG_ADMIN_DSN, PG_URL, postgres_schema, running_server

CHUNK = 20_000
POOL = 20_000
DEVICES = 20
START = datetime(2025, 1, 1, tzinfo=UTC)


def load(url: str, schema: str, count: int, budget: float) -> tuple[int, float, list[dict[str, str]]]:
    """COPY up to `count` registrations; returns (loaded, seconds, a few people to search for)."""
    form = load_form(shipped_form_path())
    rng = random.Random(15)
    devices = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(DEVICES)]
    samples: list[dict[str, str]] = []
    loaded, started = 0, time.perf_counter()
    with psycopg.connect(PG_ADMIN_DSN) as conn:
        conn.execute(f'SET search_path TO "{schema}"')
        with conn.cursor() as cur:
            for n, device in enumerate(devices):
                cur.execute(
                    "INSERT INTO devices (device_id, label, device_label, credential_hash, public_key,"
                    " status, enrolled_at) VALUES (%s, %s, '', %s, %s, 'active', now())",
                    (device, f"Laptop {n + 1}", hashlib.sha256(device.encode()).hexdigest(), b"\0" * 32),
                )
        conn.commit()
        pool = demo_registrations(POOL, seed=15)  # invented people, reused with unique ids and documents
        while loaded < count and time.perf_counter() - started < budget:
            people = [
                {**pool[(loaded + i) % POOL], "document_number": f"B{loaded + i:09d}"}
                for i in range(min(CHUNK, count - loaded))
            ]
            batch = str(uuid.uuid4())
            with conn.cursor() as cur:
                with cur.copy(
                    "COPY records (record_id, head_version_id, form_id, deleted, first_device_id, created_at,"
                    " updated_at) FROM STDIN"
                ) as copy:
                    rows = []
                    for answers in people:
                        record_id, version_id = str(uuid.uuid4()), str(uuid.uuid4())
                        when = START + timedelta(seconds=rng.randrange(730 * 86400))
                        device = devices[rng.randrange(DEVICES)]
                        rows.append((record_id, version_id, device, when, answers))
                        copy.write_row((record_id, version_id, form.form_id, False, device, when, when))
                with cur.copy(
                    "COPY record_versions (version_id, record_id, replaces, form_id, form_version, deleted,"
                    " content_hash, answers_json, device_id, batch_id, sequence, created_at, received_at)"
                    " FROM STDIN"
                ) as copy:
                    for sequence, (record_id, version_id, device, when, answers) in enumerate(rows):
                        text = json.dumps(answers, sort_keys=True, separators=(",", ":"))
                        digest = hashlib.sha256(text.encode()).hexdigest()
                        copy.write_row(
                            (version_id, record_id, None, form.form_id, form.version, False, digest, text,
                             device, batch, loaded + sequence, when.isoformat(), when)
                        )  # fmt: skip
            conn.commit()
            loaded += len(people)
            if len(samples) < 5:
                samples.append(
                    {k: str(people[7][k]) for k in ("given_name", "family_name", "document_number")}
                )
            print(f"  loaded {loaded:,} ({time.perf_counter() - started:.0f} s)", flush=True)
        with conn.cursor() as cur:
            cur.execute("ANALYZE")
    return loaded, time.perf_counter() - started, samples


def load_and_index(
    engine: Engine, url: str, schema: str, args: argparse.Namespace
) -> tuple[int, list[dict[str, str]]]:
    upgrade(engine)
    admin.publish_form(engine, shipped_form_path())
    print(f"Loading up to {args.count:,} registrations (budget {args.max_load_seconds:.0f} s)...")
    loaded, seconds, samples = load(url, schema, args.count, args.max_load_seconds)
    print(f"Loaded {loaded:,} registrations in {seconds:.0f} s ({loaded / seconds:,.0f}/s, COPY).")
    start = time.perf_counter()
    indexed = index.catch_up(session_factory(engine), chunk=5000)
    took = time.perf_counter() - start
    print(f"Registry catch-up: {indexed:,} records in {took:.0f} s ({indexed / max(took, 1e-9):,.0f}/s).")
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'SET search_path TO "{schema}"')
        conn.execute("VACUUM ANALYZE registry_people")
        conn.execute("VACUUM ANALYZE registry_name_tokens")
    return loaded, samples


@contextmanager
def kept_schema(schema: str) -> Iterator[str]:
    """The URL of a schema an earlier --keep run left (it is not dropped afterwards either)."""
    if not schema.startswith("dd_server_") or not schema.replace("_", "").isalnum():
        raise SystemExit(f"not a schema this bench makes: {schema}")
    yield f"{PG_URL}?options=-csearch_path%3D{schema}"


def stored_samples(schema: str) -> tuple[int, list[dict[str, str]]]:
    """How many registrations a kept schema holds, and people to search for (as load() picks them)."""
    with psycopg.connect(PG_ADMIN_DSN) as conn:
        conn.execute(f'SET search_path TO "{schema}"')
        count = conn.execute("SELECT count(*) FROM records").fetchone()
        rows = conn.execute(
            "SELECT answers_json FROM record_versions WHERE sequence %% %s = 7 ORDER BY sequence LIMIT 5",
            (CHUNK,),
        ).fetchall()
    if not count or not rows:
        raise SystemExit(f"the schema {schema} holds no registrations: load it with --keep first")
    keys = ("given_name", "family_name", "document_number")
    return int(count[0]), [{k: str(json.loads(row[0])[k]) for k in keys} for row in rows]


def median_ms(fetch: object, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        answer = fetch()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200, answer.status_code
    return statistics.median(times)


def bare_sql_ms(url: str, schema: str, rounds: int) -> float:
    """The dashboard's aggregate as one statement: the page's own query, captured, run through psycopg."""
    engine = make_engine(url)
    captured: list[tuple[str, object]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _keep(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        captured.append((statement, parameters))

    with session_factory(engine)() as session:
        figures.compute(session, figures.Filters(), direct=True)  # counted on the spot, every chart
    engine.dispose()
    statement, parameters = next(item for item in captured if "GROUPING SETS" in item[0])
    times = []
    with psycopg.connect(PG_ADMIN_DSN) as conn:
        conn.execute(f'SET search_path TO "{schema}"')
        for _ in range(rounds):
            start = time.perf_counter()
            conn.execute(statement, parameters).fetchall()  # type: ignore[arg-type]
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--max-load-seconds", type=float, default=900)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the loaded schema and print its name")
    parser.add_argument("--reuse", metavar="SCHEMA", help="measure a schema kept by --keep (no loading)")
    args = parser.parse_args()
    os.environ.setdefault(TEST_FAST_ENV, "1")
    schemas = kept_schema(args.reuse) if args.reuse else postgres_schema(keep=args.keep)
    with schemas as url, TemporaryDirectory() as folder:
        schema = url.rsplit("%3D", 1)[1]
        engine = make_engine(url)
        if args.reuse:
            loaded, samples = stored_samples(schema)
            print(f"Measuring the kept schema {schema}: {loaded:,} registrations.")
        else:
            loaded, samples = load_and_index(engine, url, schema, args)
            if args.keep:
                print(f"Schema kept: measure it again with --reuse {schema} (DROP SCHEMA it when done)")
        engine.dispose()
        with running_server(
            Path(folder), url, workers=1, publish_form=False, initialised=bool(args.reuse)
        ) as server:
            add_account(server, "bench", "admin")
            browser = Browser(server.base_url)
            assert browser.login("bench").status_code == 303
            browser.get("/dashboard")  # warm the form cache
            dashboard = median_ms(lambda: browser.get("/dashboard"), args.rounds)
            filtered = median_ms(
                lambda: browser.get(
                    "/dashboard", params={"from": "2025-03-10", "to": "2026-09-20", "country": "FR"}
                ),
                args.rounds,
            )
            by_name = median_ms(
                lambda: browser.get(
                    "/people", params={"q": f"{samples[0]['family_name']} {samples[0]['given_name']}"}
                ),
                args.rounds,
            )
            by_document = median_ms(
                lambda: browser.get("/people", params={"q": samples[1]["document_number"]}), args.rounds
            )
            print(
                f"GET /dashboard {dashboard:.1f} ms (filtered {filtered:.1f} ms),"
                f" /people by name {by_name:.1f} ms,"
                f" by document {by_document:.1f} ms"
            )
        baseline = bare_sql_ms(url, schema, args.rounds)
    size = f"{loaded:,} registrations" + (
        "" if loaded >= args.count else f" (the load budget stopped it short of {args.count:,})"
    )
    print(f"\nAt {size}, PostgreSQL, median of {args.rounds}:")
    print(f"  GET /dashboard (every chart):      {dashboard:8.1f} ms  (goal < 500 ms)")
    print(
        f"  baseline, the aggregate as bare SQL: {baseline:6.1f} ms"
        f"  -> dashboard / baseline = {dashboard / baseline:.2f}x"
    )
    print(f"  GET /dashboard?from&to&country:    {filtered:8.1f} ms")
    print(f"  GET /people?q=<family given>:      {by_name:8.1f} ms  (goal < 200 ms)")
    print(f"  GET /people?q=<document number>:   {by_document:8.1f} ms  (goal < 200 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
