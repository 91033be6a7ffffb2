"""Sync throughput: 10,000 records from one laptop to a real server over loopback (goal < 10 s), and
the ratio to posting the same gzip batch bodies to a trivial HTTP endpoint in the same run.

    .venv/bin/python bench/sync.py [--records 10000] [--postgres]

The laptop is a real encrypted store (fast test KDF), the server a real `diaspora-server serve` process
(SQLite under a temp folder, or a fresh schema in the local PostgreSQL with --postgres).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sync import protocol as p
from sync.client.batching import pending_records
from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from sync.client.state import device_row
from tests.sync.client.helpers import bulk_add_records, new_store
from tests.sync.e2e.servers import postgres_schema, running_server


class _TrivialHandler(BaseHTTPRequestHandler):
    """Reads the body and answers a tiny JSON: the floor any HTTP POST of these bytes costs."""

    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        body = b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def encoded_bodies(store: object) -> list[tuple[bytes, dict[str, str]]]:
    """The batches the engine will send (same slicing, same sizes), built without sending them."""
    with store.session() as session:  # type: ignore[attr-defined]
        device = device_row(session)
        assert device is not None and device.private_key
        key = p.private_key_from_bytes(device.private_key)
        records = pending_records(session, limit=10**9)
        device_id = device.device_id
    batches = p.plan_batches(records)
    return [
        (encoded.body, encoded.headers)
        for encoded in (p.build_batch(device_id=device_id, records=b, private_key=key) for b in batches)
    ]


def trivial_post_seconds(bodies: list[tuple[bytes, dict[str, str]]]) -> float:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _TrivialHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/v1/batches"
    try:
        with requests.Session() as session:
            started = time.perf_counter()
            for body, headers in bodies:
                session.post(url, data=body, headers=headers, timeout=60).raise_for_status()
            return time.perf_counter() - started
    finally:
        server.shutdown()
        server.server_close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--postgres", action="store_true", help="server on PostgreSQL instead of SQLite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        url = stack.enter_context(postgres_schema()) if args.postgres else None
        server = stack.enter_context(running_server(Path(tmp) / "server", url))
        store = new_store(Path(tmp) / "laptop")
        stack.callback(store.close)
        enroll(store, server_url=server.url, code=server.enrollment_code(), device_label="bench")
        bulk_add_records(store, args.records)
        bodies = encoded_bodies(store)
        baseline = trivial_post_seconds(bodies)
        started = time.perf_counter()
        report = SyncEngine(store).run_once()
        elapsed = time.perf_counter() - started
        if not report.ok or report.counts["accepted"] != args.records:
            print(f"sync did not complete: {report.error} {dict(report.counts)}")
            return 1
        figures = server.stats()
    megabytes = sum(len(body) for body, _ in bodies) / 1e6
    backend = "PostgreSQL" if args.postgres else "SQLite"
    print(f"records: {args.records} in {len(bodies)} batches ({megabytes:.1f} MB gzip), server on {backend}")
    print(
        f"sync, one laptop over loopback: {elapsed:.2f} s "
        f"({args.records / elapsed:,.0f} records/s; goal < 10 s)"
    )
    print(f"same bytes POSTed to a trivial endpoint: {baseline:.3f} s")
    print(f"ratio sync / trivial POST: {elapsed / baseline:.1f}x")
    print(f"server distinct_records: {figures['distinct_records']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
