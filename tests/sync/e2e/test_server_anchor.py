"""Issue 14, item 12, the server's part: a laptop whose store.db and keys.json were put back to an older
copy (a consistent pair its own anchor cannot tell apart) is refused at its next sync, says so in one
sentence, and `verify` reports it. The real server and the real `diaspora-desk` verbs, over HTTP."""

from __future__ import annotations

import shutil
from pathlib import Path

from forms.store import Store
from tests.sync.client.helpers import OPERATOR, PASSPHRASE, add_records
from tests.sync.e2e.desk_cli import desk, laptop_with_records
from tests.sync.e2e.servers import ServerProcess


def _sync(laptop: Path) -> tuple[int, str, str]:
    done = desk("sync", "--data-dir", str(laptop), "--operator", OPERATOR, "--attempts", "2", "--quiet")
    return done.returncode, done.stdout, done.stderr


def test_a_store_put_back_to_an_older_copy_is_refused_and_verify_says_so(
    tmp_path: Path, server: ServerProcess
) -> None:
    laptop = tmp_path / "laptop"
    laptop_with_records(laptop, 3)
    enrolled = desk(
        "enroll", "--data-dir", str(laptop), "--operator", OPERATOR, "--server", server.url,
        "--code", server.enrollment_code(),
    )  # fmt: skip
    assert enrolled.returncode == 0, enrolled.stderr
    code, out, err = _sync(laptop)
    assert code == 0, err
    assert "3 accepted" in out

    old_copy = tmp_path / "old-copy"
    shutil.copytree(laptop, old_copy)  # store.db, keys.json and anchor.json of the same moment

    store = Store.unlock(laptop, OPERATOR, PASSPHRASE)
    try:
        add_records(store, 2, start=3)
    finally:
        store.close()
    code, out, err = _sync(laptop)  # an ordinary second sync: the chain goes on, not refused
    assert code == 0, err
    assert "2 accepted" in out

    shutil.rmtree(laptop)
    shutil.copytree(old_copy, laptop)
    code, out, err = _sync(laptop)
    assert code != 0
    assert "Traceback" not in err
    assert "store is older than what it already sent" in err
    assert "replaced by an older copy" in err

    verified = desk("verify", "--data-dir", str(laptop), "--operator", OPERATOR)
    assert verified.returncode == 1, verified.stderr
    assert "the server refused this store as rolled back" in verified.stderr
    assert "Traceback" not in verified.stderr


def test_syncs_of_a_store_that_goes_on_are_never_refused(tmp_path: Path, server: ServerProcess) -> None:
    laptop = tmp_path / "laptop"
    laptop_with_records(laptop, 1)
    enrolled = desk(
        "enroll", "--data-dir", str(laptop), "--operator", OPERATOR, "--server", server.url,
        "--code", server.enrollment_code(),
    )  # fmt: skip
    assert enrolled.returncode == 0, enrolled.stderr
    for _ in range(3):  # nothing new in the last rounds but the audit entries of unlock and sync
        code, _out, err = _sync(laptop)
        assert code == 0, err
    verified = desk("verify", "--data-dir", str(laptop), "--operator", OPERATOR)
    assert verified.returncode == 0, verified.stderr
