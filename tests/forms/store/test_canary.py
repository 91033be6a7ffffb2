"""Nothing personal in plaintext on disk: canaries in every personal field, then every byte left under
the data folder, the temp folder and the logs is scanned. The plain-sqlite3 control must find them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from forms.store.fields import normalize_document, normalize_phone
from forms.store.kdf import TEST_FAST_ENV
from tests.conftest import REPO_ROOT
from tests.forms.store.canary_scenario import canaries


def _run_scenario(root: Path, plain: bool) -> tuple[list[Path], bytes]:
    data_dir, temp_dir, log_dir = root / "data", root / "tmp", root / "logs"
    temp_dir.mkdir(parents=True)
    log_dir.mkdir()
    env = dict(
        os.environ, TMPDIR=str(temp_dir), TEMP=str(temp_dir), TMP=str(temp_dir), **{TEST_FAST_ENV: "1"}
    )
    command = [
        sys.executable,
        "-m",
        "tests.forms.store.canary_scenario",
        str(data_dir),
        str(log_dir / "desk.log"),
    ]
    done = subprocess.run(
        command + (["--plain"] if plain else []), cwd=REPO_ROOT, env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    files = [path for folder in (data_dir, temp_dir, log_dir) for path in folder.rglob("*") if path.is_file()]
    return files, done.stdout + done.stderr


def _needles(run_id: str) -> dict[str, list[bytes]]:
    """Each canary as stored, as normalised for the indexes, and case-insensitively."""
    needles: dict[str, list[bytes]] = {}
    for field, value in canaries(run_id).items():
        forms = {value, value.lower(), normalize_document(value).lower()}
        if field == "phone":
            forms.add(normalize_phone(value))
        needles[field] = sorted(form.encode("utf-8") for form in forms if form)
    return needles


def _hits(files: list[Path], output: bytes, run_id: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    blobs = [(str(path), path.read_bytes().lower()) for path in files] + [("process output", output.lower())]
    for field, forms in _needles(run_id).items():
        for where, blob in blobs:
            if any(form in blob for form in forms):
                found.setdefault(field, []).append(where)
    return found


def test_no_canary_reaches_the_disk_or_the_logs(tmp_path: Path) -> None:
    files, output = _run_scenario(tmp_path / "data", plain=False)
    assert any(path.name == "store.db-wal" for path in files) or any(
        path.name == "store.db" for path in files
    )
    assert any(path.name == "desk.log" and path.stat().st_size > 0 for path in files)  # logging did run
    assert _hits(files, output, "data") == {}


def test_control_plain_sqlite_leaks_every_canary(tmp_path: Path) -> None:
    files, output = _run_scenario(tmp_path / "data", plain=True)
    found = _hits(files, output, "data")
    assert set(found) == set(canaries("data")), (
        "the scan could not see plaintext: the canary test proves nothing"
    )
