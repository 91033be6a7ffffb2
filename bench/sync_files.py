"""Records with attached files, from a laptop to a real server over loopback: the files go before their
batch (sync/client/files.py). Prints the time of one sync pass and the file throughput.

    .venv/bin/python bench/sync_files.py [--records 100] [--photo-kb 500]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from forms.library import add_form_file
from forms.store.attachments import put_attachment
from forms.store.batches import open_batch
from forms.store.records import save_record
from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from sync.server import admin
from tests.forms.engine.xlsform import workbook_bytes
from tests.sync.client.helpers import new_store
from tests.sync.server.attachment_form import FORM_ID, FORM_VERSION, SETTINGS, SURVEY
from tests.sync.server.helpers import enrollment_code, running_server

SIGNATURE_BYTES = 20_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100)
    parser.add_argument("--photo-kb", type=int, default=500)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-sync-files-"))
    with running_server(root / "server") as server:
        form = root / "visit_files.xlsx"
        form.write_bytes(workbook_bytes(SURVEY, settings=SETTINGS))
        with server.engine() as engine:
            admin.publish_form(engine, form)
        store = new_store(root / "laptop")
        try:
            add_form_file(store, form)
            enroll(store, server_url=server.base_url, code=enrollment_code(server))
            batch = open_batch(store, "Bench", "Loopback", "2026-12-07")
            photo_bytes = args.photo_kb * 1000
            for n in range(args.records):
                photo = put_attachment(store, "image", "p.jpg", b"\xff\xd8\xff\xe0" + os.urandom(photo_bytes))
                signature = put_attachment(
                    store, "image", "s.png", b"\x89PNG\r\n\x1a\n" + os.urandom(SIGNATURE_BYTES)
                )
                answers = {"full_name": f"Person {n}", "photo": photo, "signature": signature}
                save_record(store, batch.id, FORM_ID, FORM_VERSION, answers, draft=False)
            started = time.monotonic()
            report = SyncEngine(store, fetch_forms=False).run_once()
            elapsed = time.monotonic() - started
        finally:
            store.close()
    megabytes = args.records * (photo_bytes + SIGNATURE_BYTES + 12) / 1e6
    print(
        f"{args.records} records, each with a {args.photo_kb} KB photo and a 20 KB signature "
        f"({megabytes:.0f} MB of files), server on SQLite"
    )
    print(f"sync, one laptop over loopback: {elapsed:.2f} s ({megabytes / elapsed:.1f} MB/s of files)")
    print(f"ok: {report.ok}, {dict(report.counts)}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
