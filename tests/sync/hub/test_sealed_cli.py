"""The sealed-file verbs as the supervisor and the IT officer run them, as processes: `diaspora-desk
export-sealed`, `diaspora-server import-sealed` (twice), `diaspora-desk import-receipt`; refusals are one
sentence."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sync.client.enrollment import enroll
from tests.sync.client.helpers import OPERATOR, add_records, new_store
from tests.sync.e2e.servers import ServerProcess
from tests.sync.hub.hubs import desk


def server_cli(central: ServerProcess, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sync.server.cli", *args, "--data-dir", str(central.data_dir)],
        env=central.env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_export_import_twice_and_receipt(tmp_path: Path, central: ServerProcess) -> None:
    laptop = tmp_path / "laptop"
    store = new_store(laptop)
    try:
        enroll(store, server_url=central.url, code=central.enrollment_code("Consulate laptop"))
        add_records(store, 7)
    finally:
        store.close()
    sealed_file = tmp_path / "consulate.sealed"
    exported = desk(
        "export-sealed",
        "--data-dir",
        str(laptop),
        "--operator",
        OPERATOR,
        "--all-pending",
        "--out",
        str(sealed_file),
    )
    assert exported.returncode == 0, exported.stderr
    assert "Sealed 7 record versions in 1 batches" in exported.stdout

    first = server_cli(central, "import-sealed", str(sealed_file))
    assert first.returncode == 0, first.stderr
    assert "7 accepted" in first.stdout
    second = server_cli(
        central, "import-sealed", str(sealed_file), "--receipt", str(tmp_path / "again.receipt")
    )
    assert second.returncode == 0, second.stderr  # a replay: the first answer again, nothing stored twice

    receipt = tmp_path / "consulate.sealed.receipt"
    imported = desk("import-receipt", "--data-dir", str(laptop), "--operator", OPERATOR, str(receipt))
    assert imported.returncode == 0, imported.stderr
    assert "7 record versions in 1 batches acknowledged" in imported.stdout
    again = desk(
        "export-sealed",
        "--data-dir",
        str(laptop),
        "--operator",
        OPERATOR,
        "--all-pending",
        "--out",
        str(tmp_path / "x"),
    )
    assert again.returncode != 0 and "nothing to seal" in again.stderr


def test_refusals_are_one_sentence(tmp_path: Path, central: ServerProcess) -> None:
    junk = tmp_path / "junk.sealed"
    junk.write_bytes(b"not a sealed file")
    refused = server_cli(central, "import-sealed", str(junk))
    assert refused.returncode != 0 and "not a sealed batch file" in refused.stderr
    assert "Traceback" not in refused.stderr
    missing = server_cli(central, "import-sealed", str(tmp_path / "absent.sealed"))
    assert missing.returncode != 0 and "There is no file" in missing.stderr
    laptop = tmp_path / "unenrolled"
    new_store(laptop).close()
    unenrolled = desk(
        "export-sealed",
        "--data-dir",
        str(laptop),
        "--operator",
        OPERATOR,
        "--all-pending",
        "--out",
        str(tmp_path / "y"),
    )
    assert unenrolled.returncode != 0 and "not enrolled" in unenrolled.stderr
