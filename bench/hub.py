"""Event hub throughput: one clerk laptop's N records synced to a hub (HTTPS, pinned certificate), the
hub's relay of them to the central server, and a sealed file's export and import, each against the
same-run baseline of a laptop syncing N records directly to the central server.

    .venv/bin/python bench/hub.py [--records 2000]

Real processes on loopback: the central server (`diaspora-server serve`, SQLite) and the hub
(`diaspora-desk hub start`); real encrypted stores (fast test KDF).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from sync.client.sealed_export import export_sealed, import_receipt
from sync.hub.code import parse_hub_code
from sync.hub.relay import relay_hub
from sync.server.sealed_import import import_sealed
from tests.sync.client.helpers import bulk_add_records, new_store
from tests.sync.e2e.servers import running_server
from tests.sync.hub.hubs import HubProcess, make_hub_laptop, unlock


def timed(what: str, work: object) -> float:
    started = time.perf_counter()
    work()  # type: ignore[operator]
    elapsed = time.perf_counter() - started
    print(f"{what}: {elapsed:.2f} s", flush=True)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=2000)
    count = parser.parse_args().records
    with tempfile.TemporaryDirectory() as folder, running_server(Path(folder) / "central") as central:
        root = Path(folder)
        direct = new_store(root / "direct")
        enroll(direct, server_url=central.url, code=central.enrollment_code("direct"))
        bulk_add_records(direct, 10, start=10**7)  # warm the server (form catalogue, connections) first
        SyncEngine(direct, fetch_forms=False).run_once()
        bulk_add_records(direct, count, start=10**6)
        baseline = timed(
            f"baseline: {count} records synced directly to the central server",
            lambda: SyncEngine(direct, fetch_forms=False).run_once(),
        )
        direct.close()

        make_hub_laptop(root / "hub", central)
        hub = HubProcess(root / "hub")
        hub.start()
        try:
            code = parse_hub_code(hub.code("bench clerk"))
            clerk = new_store(root / "clerk")
            enroll(clerk, server_url=code.server_url, pinned_sha256=code.fingerprint, code=code.code)
            bulk_add_records(clerk, count)
            to_hub = timed(
                f"{count} records from a clerk to the hub (HTTPS)",
                lambda: SyncEngine(clerk, fetch_forms=False).run_once(),
            )
            clerk.close()
            hub_store = unlock(root / "hub")
            relayed = timed(
                f"the hub relays {count} records to the central server", lambda: relay_hub(hub_store)
            )
            hub_store.close()
        finally:
            hub.stop()

        sealer = new_store(root / "sealer")
        enroll(sealer, server_url=central.url, code=central.enrollment_code("sealer"))
        bulk_add_records(sealer, count, start=2 * 10**6)
        made: list[bytes] = []
        export = timed(f"export-sealed of {count} records", lambda: made.append(export_sealed(sealer).data))
        receipts: list[bytes] = []

        def do_import() -> None:
            with central.engine() as engine:
                receipts.append(import_sealed(engine, made[0]).receipt)

        imported = timed(f"import-sealed of {count} records ({len(made[0]) / 1e6:.1f} MB file)", do_import)
        timed("import-receipt", lambda: import_receipt(sealer, receipts[0]))
        sealer.close()
    print(f"ratio clerk->hub / direct: {to_hub / baseline:.2f}x")
    print(f"ratio relay / direct: {relayed / baseline:.2f}x")
    print(f"ratio sealed export+import / direct: {(export + imported) / baseline:.2f}x")


if __name__ == "__main__":
    main()
