"""The store's CLI verbs, as IT officers script them: secrets on stdin, one sentence on failure."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import update

from forms.store import AuditRow, Store, WrongPassphraseError
from forms.store.kdf import TEST_FAST_ENV
from forms.store.keyfile import keys_path
from tests.cli.helpers import PASSPHRASE, run
from tests.conftest import REPO_ROOT

CLERK = "kofi walks to the market"

pytestmark = pytest.mark.usefixtures("fast_kdf")


def test_init_refuses_differing_passphrases(monkeypatch, capsys, data_dir: Path) -> None:
    code, _out, err = run(
        monkeypatch,
        capsys,
        f"{PASSPHRASE}\nsomething else\n",
        "init",
        "--data-dir",
        str(data_dir),
        "--operator",
        "amara",
    )
    assert code == 2 and "differ" in err and not Store.exists(data_dir)


def test_status_json_counts(monkeypatch, capsys, data_dir: Path, initialised: str) -> None:
    code, out, _err = run(
        monkeypatch,
        capsys,
        f"{PASSPHRASE}\n",
        "--data-dir",
        str(data_dir),
        "status",
        "--operator",
        "amara",
        "--json",
    )
    assert code == 0
    figures = json.loads(out)
    assert {k: figures[k] for k in ("records", "drafts", "batches", "waiting_to_sync")} == {
        "records": 0,
        "drafts": 0,
        "batches": 0,
        "waiting_to_sync": 0,
    }


@pytest.mark.parametrize(
    ("setup", "stdin", "expected_code", "words"),
    [
        ("none", f"{PASSPHRASE}\n", 3, "no store"),
        ("store", "wrong passphrase here\n", 6, "passphrase is wrong"),
        ("corrupt-keys", f"{PASSPHRASE}\n", 4, "key file"),
        ("store", "", 2, "expected a line on standard input"),
    ],
)
def test_failures_are_one_sentence_and_a_non_zero_exit(
    monkeypatch,
    capsys,
    data_dir: Path,
    tmp_path: Path,
    setup: str,
    stdin: str,
    expected_code: int,
    words: str,
) -> None:
    target = tmp_path / "missing" if setup == "none" else data_dir
    if setup != "none":
        Store.create(data_dir, "amara", PASSPHRASE)[0].close()
    if setup == "corrupt-keys":
        keys_path(data_dir).write_text("{not json")
    code, _out, err = run(
        monkeypatch, capsys, stdin, "status", "--data-dir", str(target), "--operator", "amara"
    )
    assert code == expected_code
    assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_operator_add_passwd_unlock(monkeypatch, capsys, data_dir: Path, initialised: str) -> None:
    base = ("--data-dir", str(data_dir))
    code, out, err = run(
        monkeypatch,
        capsys,
        f"{PASSPHRASE}\n{CLERK}\n{CLERK}\n",
        "operator",
        "add",
        *base,
        "--operator",
        "amara",
        "--name",
        "kofi",
    )
    assert code == 0 and "Added clerk kofi" in out, err
    code, _out, err = run(
        monkeypatch, capsys, f"{CLERK}\n", "operator", "add", *base, "--operator", "kofi", "--name", "mensah"
    )
    assert code != 0 and "Only a supervisor" in err
    new = "kofi has a brand new phrase"
    code, _out, err = run(
        monkeypatch, capsys, f"{CLERK}\n{new}\n{new}\n", "operator", "passwd", *base, "--operator", "kofi"
    )
    assert code == 0, err
    for _ in range(3):
        run(monkeypatch, capsys, "wrong wrong wrong\n", "status", *base, "--operator", "kofi")
    code, _out, err = run(monkeypatch, capsys, f"{new}\n", "status", *base, "--operator", "kofi")
    assert code == 7 and "wait 30 seconds" in err
    code, _out, err = run(
        monkeypatch,
        capsys,
        f"{PASSPHRASE}\n",
        "operator",
        "unlock",
        *base,
        "--operator",
        "amara",
        "--name",
        "kofi",
    )
    assert code == 0, err
    code, _out, err = run(monkeypatch, capsys, f"{new}\n", "status", *base, "--operator", "kofi")
    assert code == 0, err


def test_recover_sets_a_new_passphrase_and_rebuilds_a_damaged_key_file(
    monkeypatch, capsys, data_dir: Path, initialised: str
) -> None:
    keys_path(data_dir).write_text("garbage")
    new = "recovered passphrase words"
    code, _out, err = run(
        monkeypatch,
        capsys,
        f"{initialised}\n{new}\n{new}\n",
        "recover",
        "--data-dir",
        str(data_dir),
        "--operator",
        "amara",
    )
    assert code == 0, err
    code, _out, err = run(
        monkeypatch, capsys, f"{new}\n", "verify", "--data-dir", str(data_dir), "--operator", "amara"
    )
    assert code == 0, err


def test_verify_names_an_altered_audit_entry(monkeypatch, capsys, data_dir: Path, initialised: str) -> None:
    with Store.unlock(data_dir, "amara", PASSPHRASE) as store, store.session() as session:
        session.execute(update(AuditRow).where(AuditRow.seq == 1).values(action="nothing_happened"))
    code, _out, err = run(
        monkeypatch, capsys, f"{PASSPHRASE}\n", "verify", "--data-dir", str(data_dir), "--operator", "amara"
    )
    assert code == 1 and "audit entry 1 was altered" in err


def test_the_installed_command_end_to_end(tmp_path: Path) -> None:
    """Through the console script, as a shell script would: init, then status."""
    command = REPO_ROOT / ".venv" / "bin" / "diaspora-desk"
    env = dict(os.environ, **{TEST_FAST_ENV: "1"})
    data = str(tmp_path / "desk")
    done = subprocess.run(
        [command, "init", "--data-dir", data, "--operator", "amara"],
        input=f"{PASSPHRASE}\n" * 2,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [command, "--data-dir", data, "status", "--operator", "amara"],
        input="wrong one here\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 6 and done.stderr.strip() == "diaspora-desk: The passphrase is wrong."


# --- issue 14, item 11: a damaged page is reported in words, with what to do --------------------------


def _filled_then_damaged(data_dir: Path, damage: str) -> None:
    """400 records (about 180 pages) after the day's automatic backup, then one byte of damage."""
    from forms.store import batches, records

    with Store.unlock(data_dir, "amara", PASSPHRASE) as store:  # the first unlock of the day: a backup
        batch = batches.open_batch(store, "Community day", "Lisbon", "2026-06-13").id
        for n in range(400):
            answers = {"given_name": f"G{n}", "family_name": f"F{n}", "document_number": f"P{n:07d}"}
            records.save_record(store, batch, "reg", "1", answers, draft=False)
        store.checkpoint()
    path = data_dir / "store.db"
    data = bytearray(path.read_bytes())
    assert len(data) > 60 * 4096
    if damage == "page-50":
        data[50 * 4096 + 100] ^= 0x01
    else:
        del data[-1]
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["page-50", "truncated-by-one-byte"])
def test_verify_and_status_report_a_damaged_page_and_the_backup_restores_it(
    monkeypatch, capsys, data_dir: Path, initialised: str, damage: str
) -> None:
    _filled_then_damaged(data_dir, damage)
    for verb in ("verify", "status"):
        code, _out, err = run(
            monkeypatch, capsys, f"{PASSPHRASE}\n", verb, "--data-dir", str(data_dir), "--operator", "amara"
        )
        assert code == 4, (verb, err)
        assert "internal error" not in err and "Traceback" not in err
        assert "damaged" in err and "backup restore --operator" in err, err

    code, out, _err = run(monkeypatch, capsys, "", "backup", "list", "--data-dir", str(data_dir))
    assert code == 0 and "daily" in out
    code, out, err = run(
        monkeypatch,
        capsys,
        f"{PASSPHRASE}\n",
        "backup",
        "restore",
        "--data-dir",
        str(data_dir),
        "--operator",
        "amara",
    )
    assert code == 0, err
    assert "Restored the backup" in out and "store.db.replaced-" in out
    code, out, err = run(
        monkeypatch, capsys, f"{PASSPHRASE}\n", "verify", "--data-dir", str(data_dir), "--operator", "amara"
    )
    assert code == 0, err
    assert list(data_dir.glob("store.db.replaced-*"))  # the damaged file is kept, not deleted


def test_backup_restore_refuses_a_wrong_passphrase_like_an_unlock(
    monkeypatch, capsys, data_dir: Path, initialised: str
) -> None:
    Store.unlock(data_dir, "amara", PASSPHRASE).close()  # the day's backup
    code, _out, err = run(
        monkeypatch,
        capsys,
        "wrong one here\n",
        "backup",
        "restore",
        "--data-dir",
        str(data_dir),
        "--operator",
        "amara",
    )
    assert code == 6 and err.strip() == "diaspora-desk: The passphrase is wrong."


def test_verify_reports_a_deleted_attempts_file(
    monkeypatch, capsys, data_dir: Path, initialised: str
) -> None:
    with pytest.raises(WrongPassphraseError):
        Store.unlock(data_dir, "amara", "wrong one here")
    (data_dir / "attempts.json").unlink()
    code, _out, err = run(
        monkeypatch, capsys, f"{PASSPHRASE}\n", "verify", "--data-dir", str(data_dir), "--operator", "amara"
    )
    assert code == 1
    assert "attempts.json) was deleted" in err  # at the unlock
    assert "failed-unlock counter (attempts.json) had been deleted or edited" in err  # and by verify
