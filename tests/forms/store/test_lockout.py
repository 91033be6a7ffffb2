"""Failed unlocks: 3 free, then 30 s doubling to 15 min, lockout after 10; persisted across restarts."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from pathlib import Path

import pytest

from forms.store import LockedOutError, Store, WaitBeforeRetryError, WrongPassphraseError, audit
from forms.store.lockout import ATTEMPTS_FILE, AttemptLog, delay_after
from tests.forms.store.conftest import CLERK_PASSPHRASE, PASSPHRASE

WRONG = "not the right passphrase"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_delay_schedule() -> None:
    assert [delay_after(n) for n in range(0, 11)] == [0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]


def _fail(data_dir: Path, clock: FakeClock, name: str = "kofi") -> WrongPassphraseError:
    with pytest.raises(WrongPassphraseError) as caught:
        Store.unlock(data_dir, name, WRONG, clock=clock)
    return caught.value


@pytest.fixture
def with_clerk(store: Store, data_dir: Path) -> Path:
    store.add_operator("kofi", "clerk", CLERK_PASSPHRASE)
    return data_dir


def test_delays_are_enforced_and_survive_a_restart(with_clerk: Path) -> None:
    data_dir, clock = with_clerk, FakeClock()
    assert [_fail(data_dir, clock).wait_seconds for _ in range(2)] == [0, 0]
    third = _fail(data_dir, clock)
    assert third.wait_seconds == 30 and "wait 30 seconds" in third.message
    # A "restart": nothing is kept in memory between calls, only attempts.json on disk.
    with pytest.raises(WaitBeforeRetryError) as waiting:
        Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock)
    assert waiting.value.wait_seconds == 30
    clock.now += 29
    with pytest.raises(WaitBeforeRetryError):
        Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock)
    clock.now += 1
    assert _fail(data_dir, clock).wait_seconds == 60
    clock.now += 60
    Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock).close()  # success resets the count
    assert _fail(data_dir, clock).wait_seconds == 0


def test_a_clock_set_back_does_not_shorten_the_delay(with_clerk: Path) -> None:
    data_dir, clock = with_clerk, FakeClock()
    for _ in range(3):
        _fail(data_dir, clock)
    clock.now -= 3600
    with pytest.raises(WaitBeforeRetryError):
        Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock)


def test_ten_failures_lock_out_until_a_supervisor_resets(with_clerk: Path) -> None:
    data_dir, clock = with_clerk, FakeClock()
    for _ in range(9):
        _fail(data_dir, clock)
        clock.now += 900
    with pytest.raises(LockedOutError, match="locked out"):
        Store.unlock(data_dir, "kofi", WRONG, clock=clock)
    clock.now += 10 * 86400  # time alone does not lift a lockout
    with pytest.raises(LockedOutError):
        Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock)
    assert "kofi" in (data_dir / ATTEMPTS_FILE).read_text()
    # The supervisor's own account is not affected by the clerk's failures.
    with Store.unlock(data_dir, "amara", PASSPHRASE, clock=clock) as supervisor:
        supervisor.reset_lockout("kofi")
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock) as clerk, clerk.session() as session:
        actions = [entry.action for entry in audit.entries(session, limit=50)]
    assert actions.count("lockout_reset") == 1
    assert "unlock_failed" in actions


def test_failed_attempts_are_audited_at_the_next_unlock_without_the_secret(with_clerk: Path) -> None:
    data_dir, clock = with_clerk, FakeClock()
    _fail(data_dir, clock)
    _fail(data_dir, clock)
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock) as clerk, clerk.session() as session:
        entries = audit.entries(session, limit=10)
    assert [entry.action for entry in entries[:3]] == ["unlock", "unlock_failed", "unlock_failed"]
    assert all(WRONG not in entry.details for entry in entries)


def test_the_recovery_code_lifts_a_lockout(created: tuple[Store, str], data_dir: Path) -> None:
    store, code = created
    store.close()
    clock = FakeClock()
    for _ in range(10):
        with pytest.raises((WrongPassphraseError, LockedOutError)):
            Store.unlock(data_dir, "amara", WRONG, clock=clock)
        clock.now += 900
    with pytest.raises(LockedOutError):
        Store.unlock(data_dir, "amara", PASSPHRASE, clock=clock)
    Store.recover(data_dir, code, "amara", "after the lockout phrase").close()
    Store.unlock(data_dir, "amara", "after the lockout phrase", clock=clock).close()


# --- issue 14, item 10: the counter cannot be reset unnoticed, and attempts are serialised ---------------


def _incidents(data_dir: Path) -> list[str]:
    with Store.unlock(data_dir, "amara", PASSPHRASE) as store, store.session() as session:
        return [e.action for e in audit.entries(session, limit=50) if e.action == "attempts_file_tampered"]


def test_deleting_the_attempts_file_is_reported_at_the_next_unlock_and_by_verify(with_clerk: Path) -> None:
    data_dir, clock = with_clerk, FakeClock()
    Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock).close()  # the state is recorded
    for _ in range(3):
        _fail(data_dir, clock)
    (data_dir / ATTEMPTS_FILE).unlink()  # the attacker's reset: no delay now
    _fail(data_dir, clock)
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock) as clerk:
        assert any("attempts.json) was deleted" in warning for warning in clerk.warnings)
        problems = clerk.verify()
    assert any("failed-unlock counter" in problem for problem in problems)
    assert _incidents(data_dir) == ["attempts_file_tampered"]
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock) as again:
        assert again.warnings == []  # reported once, then the counter is trusted again


def _edit_attempts(data_dir: Path, change: object, *, forge: bool) -> None:
    path = data_dir / ATTEMPTS_FILE
    document = json.loads(path.read_text())
    document.pop("mac")
    change(document["operators"]["kofi"])  # type: ignore[operator]
    if forge:  # the MAC key comes from the store id, which keys.json shows: an informed attacker
        store_id = json.loads((data_dir / "keys.json").read_text())["store_id"]
        key = hashlib.sha256(f"diaspora-desk attempts.json {store_id}".encode()).digest()
        canonical = json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
        document["mac"] = hmac.new(key, canonical, "sha256").hexdigest()
    else:
        document["mac"] = "0" * 64
    path.write_text(json.dumps(document))


@pytest.mark.parametrize(
    ("change", "forge"),
    [
        (lambda entry: entry.update(failures=0), False),  # a hand edit: the MAC fails
        (lambda entry: entry.update(failures=0), True),  # forged MAC: failures fell, total did not
        (lambda entry: entry.update(failures=0, total=0), True),  # forged: the total fell
    ],
    ids=["hand-edit", "forged-count", "forged-count-and-total"],
)
def test_editing_the_attempts_file_is_reported(with_clerk: Path, change: object, forge: bool) -> None:
    data_dir, clock = with_clerk, FakeClock()
    _fail(data_dir, clock)
    Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock).close()  # records (0 now, 1 ever)
    for _ in range(3):
        _fail(data_dir, clock)
    _edit_attempts(data_dir, change, forge=forge)
    clock.now += 15 * 60  # a hand-edited file costs the longest delay short of a lockout first
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock) as clerk:
        assert any("attempts.json) was edited" in warning for warning in clerk.warnings)


def test_a_supervisor_reset_is_not_mistaken_for_tampering(with_clerk: Path) -> None:
    data_dir, clock = with_clerk, FakeClock()
    Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock).close()
    for _ in range(3):
        _fail(data_dir, clock)
    with Store.unlock(data_dir, "amara", PASSPHRASE, clock=clock) as supervisor:
        supervisor.reset_lockout("kofi")
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE, clock=clock) as clerk:
        assert clerk.warnings == []


def test_ten_simultaneous_wrong_attempts_are_evaluated_one_at_a_time(with_clerk: Path) -> None:
    """The attack ran 10 wrong guesses at once and all 10 were evaluated; with the lock, the delay that
    follows the third applies to the other seven exactly as if they had come one after the other."""
    data_dir = with_clerk
    start = threading.Barrier(10)
    outcomes: list[str] = []

    def guess() -> None:
        start.wait()
        try:
            Store.unlock(data_dir, "kofi", WRONG)
        except WrongPassphraseError:
            outcomes.append("wrong")
        except WaitBeforeRetryError:
            outcomes.append("wait")

    threads = [threading.Thread(target=guess) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["wait"] * 7 + ["wrong"] * 3
    assert AttemptLog(data_dir).get("kofi").failures == 3
