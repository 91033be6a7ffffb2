"""Benchmark of the encrypted store with 100k records (goal figures from issue 2).

    .venv/bin/python bench/store.py [--records 100000] [--saves 300]

Prints: unlock time (real Argon2id parameters, calibrated on this machine); saving one record through
``save_record`` (record + outbox row + audit entry, one transaction) against a raw SQLCipher insert of the
same row in the same run (goal: ratio <= 2, p95 <= 20 ms); lookups by family-name prefix and by document
number through ``search`` (goal < 50 ms) against a raw indexed SELECT. Takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

# bench/forms.py (another benchmark) would shadow the `forms` package when this file runs as a script.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != Path(__file__).resolve().parent]


from forms.store import AuditRow, BatchRow, RecordRow, Store, audit, records, search  # noqa: E402
from forms.store.database import connect_raw, db_path  # noqa: E402
from forms.store.fields import indexed_fields  # noqa: E402
from forms.store.kdf import TEST_FAST_ENV  # noqa: E402

PASSPHRASE = "benchmark passphrase words"
GIVEN = ["Amara", "Kofi", "Conceição", "Élodie", "Kouamé", "Fatou", "João", "Nnamdi", "Aïcha", "Tendai"]
FAMILY = ["Mensah", "N'Guessan", "da Silva", "Diallo", "Okafor", "Traoré", "Pereira", "Moyo", "Nguema", "Sow"]


# Choice codes of the shipped form for the Start page's charts (forms/definitions/build_registration.py),
# spread unevenly as at a real desk: most people from a few countries, the rest from many.
COUNTRIES = ["US", "FR", "PT", "GB", "DE", "CA", "BE", "IT", "ES", "CH", "NL", "SE", "BR", "ZA", "NG", "GH"]
OCCUPATIONS = ["employed", "self_employed", "unemployed", "student", "retired", "homemaker", "other"]
SECTORS = ["agriculture", "construction", "education", "energy", "finance", "health", "ict",
           "manufacturing", "public_admin", "tourism", "trade", "transport", "water", "other"]  # fmt: skip


def chart_answers(n: int) -> dict[str, str]:
    """The answers the Start page's charts count, as the shipped form's choices (several sectors of
    interest, space separated, when the person wants to invest)."""
    answers = {
        "residence_country": COUNTRIES[(n * n) % 7 if n % 3 else n % len(COUNTRIES)],
        "occupation": OCCUPATIONS[(n // 3) % len(OCCUPATIONS)],
        "skills_sector": SECTORS[(n * 7) % len(SECTORS)],
        "invest_interest": "yes" if n % 4 else "no",
        "skills_transfer_interest": "yes" if n % 5 in (1, 2) else "no",
    }
    if n % 4:
        answers["invest_sectors"] = " ".join(
            SECTORS[(n + step * 5) % len(SECTORS)] for step in range(1 + n % 3)
        )
    return answers


def answers_for(n: int) -> dict[str, Any]:
    return chart_answers(n) | {
        "given_name": GIVEN[n % 10],
        "family_name": f"{FAMILY[(n // 10) % 10]}{n // 100}",
        "birth_date": f"{1950 + n % 50}-{1 + n % 12:02d}-{1 + n % 28:02d}",
        "document_number": f"P{n:08d}",
        "phone": f"+1 612 {n:07d}",
        "email": f"person{n}@example.org",
        "sex": "female" if n % 2 else "male",
        "residence_city": "Minneapolis",
        "consent": "yes",
    }


def fill(store: Store, batch_id: str, count: int) -> None:
    """Bulk rows as save_record would leave them (record, outbox, chained audit), in one transaction on a
    raw connection with a page cache big enough to hold every index (the fill is setup, not measured)."""
    now = "2026-06-13T10:00:00+00:00"
    record_rows, outbox_rows, audit_rows = [], [], []
    columns = [column.name for column in RecordRow.__table__.columns]
    with store.session(read_only=True) as session:
        last = session.query(AuditRow).order_by(AuditRow.seq.desc()).first()
        seq, previous = (last.seq, last.entry_hash) if last else (0, audit.GENESIS_HASH)
    for n in range(count):
        version, record = str(uuid.uuid4()), str(uuid.uuid4())
        answers = answers_for(n) | {"meta": {"instanceID": f"uuid:{version}"}}
        values = dict(
            version_id=version,
            record_id=record,
            deprecated_id=None,
            batch_id=batch_id,
            form_id="reg",
            form_version="1",
            status="final",
            is_latest=True,
            operator="amara",
            created_at=now,
            updated_at=now,
            synced_at=None,
            answers=json.dumps(answers, ensure_ascii=False, sort_keys=True),
            **vars(indexed_fields(answers)),
        )
        record_rows.append([values[column] for column in columns])
        outbox_rows.append((version, record, batch_id, "record", now))
        seq += 1
        details = json.dumps({"draft": False, "version_id": version}, sort_keys=True, separators=(",", ":"))
        digest = audit.entry_hash(seq, now, "amara", "record_created", record, details, previous)
        audit_rows.append((seq, now, "amara", "record_created", record, details, previous, digest))
        previous = digest
    record_rows.sort(key=lambda row: row[0])  # primary-key order: appends to the B-tree, not random inserts
    payload = {
        "path": str(db_path(store.data_dir)),
        "key": bytes(store._key or b"").hex(),
        "records": record_rows,
        "columns": columns,
        "outbox": outbox_rows,
        "audit": audit_rows,
    }
    # In a child process: cipher_memory_security, once on in a process, cannot be turned off, and it
    # makes a 100k-row bulk load several times slower. The fill is setup, not a measured figure.
    subprocess.run([sys.executable, __file__, "--fill-child"], input=json.dumps(payload).encode(), check=True)


def fill_child() -> None:
    """Reads the rows on stdin and writes them on a plain SQLCipher connection (same key, big cache)."""
    payload = json.loads(sys.stdin.buffer.read())
    import sqlcipher3.dbapi2 as sqlcipher

    raw = sqlcipher.connect(payload["path"], isolation_level=None)
    raw.execute(f"PRAGMA key = \"x'{payload['key']}'\"")
    raw.execute("PRAGMA cache_size = -524288")
    raw.execute("PRAGMA journal_mode = WAL")
    columns = payload["columns"]
    try:
        raw.execute("BEGIN IMMEDIATE")
        marks = ", ".join("?" * len(columns))
        raw.executemany(f"INSERT INTO records ({', '.join(columns)}) VALUES ({marks})", payload["records"])  # noqa: S608
        raw.executemany(
            "INSERT INTO outbox (version_id, record_id, batch_id, kind, created_at) VALUES (?, ?, ?, ?, ?)",
            payload["outbox"],
        )
        raw.executemany(
            "INSERT INTO audit (seq, at, operator, action, record_id, details, previous_hash, entry_hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            payload["audit"],
        )
        raw.execute("COMMIT")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


CPU_MS: dict[int, list[float]] = {}  # id(wall samples) -> CPU samples of the same calls


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock milliseconds per call; the process CPU time of each call is kept in CPU_MS."""
    samples, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    CPU_MS[id(samples)] = cpu
    return samples


def p(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(name: str, samples: list[float], baseline: list[float] | None = None, goal: str = "") -> None:
    line = f"{name:<44} p50 {p(samples, 0.5):7.2f} ms  p95 {p(samples, 0.95):7.2f} ms"
    if id(samples) in CPU_MS:
        line += f"  (CPU p50 {p(CPU_MS[id(samples)], 0.5):6.2f} ms)"
    if baseline is not None:
        p50_ratio, p95_ratio = p(samples, 0.5) / p(baseline, 0.5), p(samples, 0.95) / p(baseline, 0.95)
        line += f"  ratio p50 {p50_ratio:5.2f}  p95 {p95_ratio:5.2f}"
    print(line + (f"   ({goal})" if goal else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=300)
    options = parser.parse_args()
    os.environ.pop(TEST_FAST_ENV, None)  # the real key-derivation cost
    root = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    try:
        run(root / "data", options.records, options.saves)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run(data_dir: Path, count: int, saves: int) -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} at start (figures are wall-clock)")
    start = time.perf_counter()
    store, _code = Store.create(data_dir, "amara", PASSPHRASE)
    print(f"create (calibrates Argon2id, two wraps)     {time.perf_counter() - start:7.2f} s")
    batch = store.session  # keep the name short below
    with batch() as session:
        row = BatchRow(
            id=str(uuid.uuid4()),
            name="Bench day",
            place="Lab",
            day="2026-06-13",
            operator="amara",
            status="open",
            opened_at="2026-06-13T09:00:00+00:00",
        )
        session.add(row)
        batch_id = row.id
    start = time.perf_counter()
    fill(store, batch_id, count)
    store.checkpoint()
    print(f"filled {count} records (bulk, one transaction) {time.perf_counter() - start:7.2f} s")
    store.close()

    unlocks = timed(lambda: Store.unlock(data_dir, "amara", PASSPHRASE).close(), 3)
    report("unlock (Argon2id + open + audit entry)", unlocks, goal="0.5-1.0 s by design")
    store = Store.unlock(data_dir, "amara", PASSPHRASE)

    # Saving one record: the facade vs a raw SQLCipher insert of the same row, interleaved.
    raw = connect_raw(db_path(data_dir), bytes(store._key or b""))
    counter = iter(range(count, count + 10 * saves))
    columns = [c.name for c in RecordRow.__table__.columns]
    raw_sql = f"INSERT INTO records ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"  # noqa: S608

    def raw_insert() -> None:
        n = next(counter)
        answers = answers_for(n)
        values = dict(
            version_id=str(uuid.uuid4()),
            record_id=str(uuid.uuid4()),
            deprecated_id=None,
            batch_id=batch_id,
            form_id="reg",
            form_version="1",
            status="final",
            is_latest=True,
            operator="amara",
            created_at="x",
            updated_at="x",
            synced_at=None,
            answers=json.dumps(answers, sort_keys=True),
            **vars(indexed_fields(answers)),
        )
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(raw_sql, [values[c] for c in columns])
        raw.execute("COMMIT")

    def facade_save() -> None:
        records.save_record(store, batch_id, "reg", "1", answers_for(next(counter)), draft=False)

    raw_samples, save_samples, raw_cpu, save_cpu = [], [], [], []
    for _ in range(saves):  # interleaved, so both see the same disk and the same neighbours
        one = timed(raw_insert, 1)
        raw_samples += one
        raw_cpu += CPU_MS.pop(id(one))
        one = timed(facade_save, 1)
        save_samples += one
        save_cpu += CPU_MS.pop(id(one))
    CPU_MS[id(raw_samples)], CPU_MS[id(save_samples)] = raw_cpu, save_cpu
    raw.close()
    report("raw SQLCipher insert of the row (baseline)", raw_samples)
    report(
        "save_record (record + outbox + audit)", save_samples, raw_samples, "goal: ratio <= 2, p95 <= 20 ms"
    )

    # Lookups, each as the GUI runs it per keystroke: a page of 100 and the count, audited.
    raw = connect_raw(db_path(data_dir), bytes(store._key or b""))
    prefixes = [f"{FAMILY[i % 10]}{i}"[: 4 + i % 5] for i in range(1, 60)]  # what a clerk has typed so far
    documents = [f"P{n:08d}" for n in range(7, count, max(1, count // 60))]
    it_prefix, it_doc = iter(prefixes * 10), iter(documents * 10)

    def raw_lookup() -> None:
        raw.execute(
            "SELECT version_id FROM records WHERE is_latest = 1 AND document_number = ?", (next(it_doc),)
        ).fetchall()

    def by_prefix() -> None:
        text = next(it_prefix)
        search.search(store, text, order_by="family_name", limit=100)
        search.count(store, text)

    def by_document() -> None:
        text = next(it_doc)
        search.search(store, text, limit=100)
        search.count(store, text)

    baseline = timed(raw_lookup, 50)
    report("raw indexed SELECT by document (baseline)", baseline)
    report("family-name prefix: page of 100 + count", timed(by_prefix, 50), baseline, "goal < 50 ms")
    report("document number: page of 100 + count", timed(by_document, 50), baseline, "goal < 50 ms")
    report(
        "newest first, page 1000 of 100k (no text)",
        timed(lambda: search.search(store, offset=99_900 % max(count, 1), limit=100), 10),
        baseline,
    )
    raw.close()
    store.close()


if __name__ == "__main__":
    if sys.argv[1:] == ["--fill-child"]:
        fill_child()
    else:
        main()
