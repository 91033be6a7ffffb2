"""Creating, unlocking and recovering a store: the key file, the recovery code and their failures."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from forms.store import (
    CorruptKeyFileError,
    MissingStoreError,
    NotAllowedError,
    Store,
    StoreExistsError,
    TamperedKeyFileError,
    UnknownOperatorError,
    WeakPassphraseError,
    WrongPassphraseError,
    kdf,
    keyfile,
)
from forms.store.database import db_path
from forms.store.kdf import FLOOR_MEMORY_KIB, MIN_ITERATIONS, TEST_FAST_ENV, KdfParams, KdfParamsError
from forms.store.keyfile import keys_path, load_keys, normalize_recovery_code, recovery_path
from forms.store.lockout import AttemptLog
from tests.forms.store.conftest import CLERK_PASSPHRASE, PASSPHRASE


def _db_bytes(data_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in data_dir.glob("store.db*")}


def test_create_then_unlock_gives_the_first_operator_as_supervisor(data_dir: Path) -> None:
    store, code = Store.create(data_dir, "amara", PASSPHRASE)
    store.close()
    assert Store.exists(data_dir)
    assert Store.operator_names(data_dir) == ["amara"]
    assert len(normalize_recovery_code(code).replace("-", "")) == 30
    with Store.unlock(data_dir, "Amara", PASSPHRASE) as again:
        assert again.operator.name == "amara"
        assert again.operator.role == "supervisor"
        assert again.store_id == store.store_id


def test_the_key_file_holds_no_key_or_secret_in_clear(data_dir: Path) -> None:
    store, code = Store.create(data_dir, "amara", PASSPHRASE)
    key = bytes(store._key or b"")
    store.close()
    for path in data_dir.iterdir():
        content = path.read_bytes()
        assert key not in content and key.hex().encode() not in content
        assert PASSPHRASE.encode() not in content
        assert normalize_recovery_code(code).encode() not in content


def test_create_refuses_an_existing_store_and_weak_passphrases(data_dir: Path) -> None:
    with pytest.raises(WeakPassphraseError, match="too short"):
        Store.create(data_dir, "amara", "short")
    with pytest.raises(WeakPassphraseError, match="common"):
        Store.create(data_dir, "amara", "Password1234")
    assert not data_dir.exists() or not any(data_dir.iterdir())
    Store.create(data_dir, "amara", PASSPHRASE)[0].close()
    with pytest.raises(StoreExistsError):
        Store.create(data_dir, "amara", PASSPHRASE)


def test_wrong_passphrase_is_refused_and_leaves_the_database_bytes_unchanged(data_dir: Path) -> None:
    Store.create(data_dir, "amara", PASSPHRASE)[0].close()
    before = _db_bytes(data_dir)
    with pytest.raises(WrongPassphraseError, match="passphrase is wrong"):
        Store.unlock(data_dir, "amara", PASSPHRASE + "x")
    assert _db_bytes(data_dir) == before


def test_missing_store_and_unknown_operator_are_sentences(tmp_path: Path, data_dir: Path) -> None:
    with pytest.raises(MissingStoreError, match="no store"):
        Store.unlock(tmp_path / "nothing", "amara", PASSPHRASE)
    Store.create(data_dir, "amara", PASSPHRASE)[0].close()
    with pytest.raises(UnknownOperatorError):
        Store.unlock(data_dir, "nobody", PASSPHRASE)


@pytest.mark.parametrize("damage", ["truncate", "garbage", "delete"])
def test_a_damaged_or_missing_key_file_is_a_clear_error(data_dir: Path, damage: str) -> None:
    Store.create(data_dir, "amara", PASSPHRASE)[0].close()
    path = keys_path(data_dir)
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[:100])
    elif damage == "garbage":
        path.write_bytes(b"\x00\xff" * 50)
    else:
        path.unlink()
    with pytest.raises(CorruptKeyFileError, match="recover"):
        Store.unlock(data_dir, "amara", PASSPHRASE)
    with pytest.raises(CorruptKeyFileError):
        Store.operator_names(data_dir)


def _rewrite(path: Path, edit: object, *, fix_digest: bool = True) -> None:
    """Edits keys.json as an attacker who read the source would: the damage digest recomputed."""
    document = json.loads(path.read_text())
    document.pop("digest", None)
    edit(document)  # type: ignore[operator]
    if fix_digest:
        document["digest"] = hashlib.sha256(
            json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
        ).hexdigest()
    path.write_text(json.dumps(document))


@pytest.mark.parametrize(
    "edit",
    [
        lambda doc: doc["operators"][0]["kdf"].update(
            iterations=doc["operators"][0]["kdf"]["iterations"] + 1
        ),
        lambda doc: doc["operators"][0].update(role="clerk"),  # role bound
        lambda doc: doc.update(store_id="00000000-0000-0000-0000-000000000000"),  # store bound
    ],
    ids=["wrap-kdf", "role-change", "store-id"],
)
def test_editing_bound_fields_of_the_key_file_makes_the_unwrap_fail(data_dir: Path, edit: object) -> None:
    Store.create(data_dir, "amara", PASSPHRASE)[0].close()
    _rewrite(keys_path(data_dir), edit)
    keys = load_keys(data_dir)
    with pytest.raises(WrongPassphraseError):
        keys.unwrap(keys.operators[0], PASSPHRASE)


# --- issue 14, item 8: the top-level KDF is bound and floored -------------------------------------------


def _downgrade(doc: dict) -> None:
    doc["kdf"].update(memory_kib=8, iterations=1)  # 8 KiB, t=1: the downgrade of the attack


def _weaker_within_bounds(doc: dict) -> None:
    doc["kdf"].update(memory_kib=doc["kdf"]["memory_kib"] + 1024)  # any change at all, within the bounds


def test_a_top_level_kdf_under_the_floor_is_refused_before_any_derivation(data_dir: Path) -> None:
    Store.create(data_dir, "amara", PASSPHRASE)[0].close()
    _rewrite(keys_path(data_dir), _downgrade)
    with pytest.raises(CorruptKeyFileError, match="outside the allowed range"):
        Store.unlock(data_dir, "amara", PASSPHRASE)
    assert AttemptLog(data_dir).get("amara").failures == 0  # not a wrong passphrase


def test_an_edited_top_level_kdf_breaks_the_seal_and_no_wrap_is_made_with_it(data_dir: Path) -> None:
    store, _code = Store.create(data_dir, "amara", PASSPHRASE)
    _rewrite(keys_path(data_dir), _weaker_within_bounds)  # while the store is open: the next passwd
    edited = keys_path(data_dir).read_bytes()
    with pytest.raises(TamperedKeyFileError, match="changed outside Diaspora Desk"):
        store.set_passphrase("a brand new passphrase")
    assert keys_path(data_dir).read_bytes() == edited  # nothing was wrapped under the edited parameters
    store.close()
    with pytest.raises(TamperedKeyFileError):  # and the next unlock says so (the passphrase was right)
        Store.unlock(data_dir, "amara", PASSPHRASE)
    assert AttemptLog(data_dir).get("amara").failures == 0


def test_the_floor_holds_outside_the_test_suite(monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed app never honours DIASPORA_KDF_TEST_FAST: without pytest's own marker, or in a frozen
    bundle, the floor is docs/security.md's (64 MiB, t >= 3) and nothing below it is derived or wrapped."""
    assert kdf.test_fast_enabled()  # this suite's fixture
    monkeypatch.delenv(kdf.PYTEST_MARKER_ENV)
    assert not kdf.test_fast_enabled()
    assert kdf.floor() == KdfParams(FLOOR_MEMORY_KIB, MIN_ITERATIONS)
    for weak in (kdf.TEST_FAST_PARAMS, KdfParams(FLOOR_MEMORY_KIB, 2), KdfParams(8, 1)):
        with pytest.raises(KdfParamsError):
            keyfile.seal(b"secret", b"k" * 32, weak, b"aad")
    assert kdf.calibrate().memory_kib >= FLOOR_MEMORY_KIB
    monkeypatch.setenv(kdf.PYTEST_MARKER_ENV, "x")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert not kdf.test_fast_enabled()


# --- issue 14, item 9: damage is not a wrong passphrase, and parameters are bounded first --------------


@pytest.mark.parametrize("field", ["sealed", "salt", "nonce", "name"])
def test_a_flipped_byte_in_the_key_file_is_damage_and_never_counted(data_dir: Path, field: str) -> None:
    Store.create(data_dir, "amara", PASSPHRASE)[0].close()
    path = keys_path(data_dir)
    text = path.read_text()
    value = json.loads(text)["operators"][0][field]
    flipped = value[:3] + ("A" if value[3] != "A" else "B") + value[4:]
    path.write_text(text.replace(json.dumps(value), json.dumps(flipped), 1))
    for _ in range(5):
        with pytest.raises(CorruptKeyFileError, match="damaged") as raised:
            Store.unlock(data_dir, "amara", PASSPHRASE)
        assert "passphrase is wrong" not in raised.value.message
    assert AttemptLog(data_dir).get("amara").failures == 0


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "change",
    [{"memory_kib": 64 * 1024 * 1024}, {"iterations": 2**31}, {"lanes": 2**24}, {"memory_kib": 1.5}],
    ids=["64GiB", "2^31-passes", "lanes", "not-an-integer"],
)
def test_hostile_wrap_parameters_are_refused_before_any_derivation(data_dir: Path, change: dict) -> None:
    Store.create(data_dir, "amara", PASSPHRASE)[0].close()
    _rewrite(keys_path(data_dir), lambda doc: doc["operators"][0]["kdf"].update(change))
    with pytest.raises(CorruptKeyFileError, match="recover"):
        Store.unlock(data_dir, "amara", PASSPHRASE)
    assert AttemptLog(data_dir).get("amara").failures == 0


def test_a_damaged_recovery_file_is_not_a_wrong_code(created: tuple[Store, str], data_dir: Path) -> None:
    store, code = created
    store.close()
    path = recovery_path(data_dir)
    document = json.loads(path.read_text())
    document["sealed"] = (
        document["sealed"][:5] + ("A" if document["sealed"][5] != "A" else "B") + document["sealed"][6:]
    )
    path.write_text(json.dumps(document))
    with pytest.raises(CorruptKeyFileError, match=r"recovery file .* is damaged"):
        Store.recover(data_dir, code, "amara", "a brand new passphrase")


def _as_version_1(doc: dict) -> None:
    for name in ("seal", "anchor"):
        doc.pop(name)
    doc["version"] = 1


def test_a_version_1_key_file_is_sealed_at_its_first_unlock_then_refused(data_dir: Path) -> None:
    store = Store.create(data_dir, "amara", PASSPHRASE)[0]
    with store.session() as session:  # a store from before the seal existed
        session.execute(text("DELETE FROM settings WHERE key = 'key_file_sealed'"))
    store.close()
    path = keys_path(data_dir)
    _rewrite(path, _as_version_1, fix_digest=False)
    Store.unlock(data_dir, "amara", PASSPHRASE).close()
    upgraded = json.loads(path.read_text())
    assert upgraded["version"] == 2 and upgraded["seal"] and upgraded["digest"]
    _rewrite(path, _as_version_1, fix_digest=False)  # the seal stripped off again
    with pytest.raises(TamperedKeyFileError, match="older format"):
        Store.unlock(data_dir, "amara", PASSPHRASE)


def test_recovery_code_unlocks_and_sets_a_new_passphrase(created: tuple[Store, str], data_dir: Path) -> None:
    store, code = created
    store.close()
    with pytest.raises(WrongPassphraseError, match="recovery code is wrong"):
        Store.recover(data_dir, "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", "amara", "a brand new passphrase")
    recovered = Store.recover(data_dir, code.lower().replace("-", " "), "amara", "a brand new passphrase")
    assert recovered.operator.role == "supervisor"
    recovered.close()
    with pytest.raises(WrongPassphraseError):
        Store.unlock(data_dir, "amara", PASSPHRASE)
    Store.unlock(data_dir, "amara", "a brand new passphrase").close()


def test_recovery_rebuilds_a_corrupt_key_file_and_keeps_the_data(
    created: tuple[Store, str], data_dir: Path
) -> None:
    store, code = created
    device = store.device_id
    store.close()
    keys_path(data_dir).write_text("{broken")
    Store.recover(data_dir, code, "amara", "a brand new passphrase").close()
    with Store.unlock(data_dir, "amara", "a brand new passphrase") as again:
        assert again.device_id == device
        assert again.verify() == []


def test_passphrase_change_rewraps_only_and_never_touches_the_database(store: Store, data_dir: Path) -> None:
    store.add_operator("kofi", "clerk", CLERK_PASSPHRASE)
    store.close()
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE) as clerk:
        with pytest.raises(NotAllowedError):
            clerk.add_operator("mensah", "clerk", "another long passphrase")
        with pytest.raises(NotAllowedError):
            clerk.set_passphrase("a new phrase for amara", name="amara")
        keys_before = keys_path(data_dir).read_bytes()
        db_before_change = db_path(data_dir).read_bytes()
        clerk.set_passphrase("kofi has a new passphrase")
        assert keys_path(data_dir).read_bytes() != keys_before
        # Only an audit entry is appended (to the WAL); the database file itself is not rewritten.
        assert db_path(data_dir).read_bytes() == db_before_change
    with pytest.raises(WrongPassphraseError):
        Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE)
    Store.unlock(data_dir, "kofi", "kofi has a new passphrase").close()
    assert [entry.role for entry in load_keys(data_dir).operators] == ["supervisor", "clerk"]


def test_a_closed_store_drops_its_key_and_refuses_work(store: Store) -> None:
    store.close()
    assert store.closed and store._key is None
    with pytest.raises(NotAllowedError, match="locked"), store.session():
        pass


def test_real_default_argon2_parameters(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The production path (no test switch): calibrated parameters within docs/security.md's bounds."""
    monkeypatch.delenv(TEST_FAST_ENV)
    store, _code = Store.create(data_dir, "amara", PASSPHRASE)
    store.close()
    stored = load_keys(data_dir)
    assert stored.kdf.memory_kib >= FLOOR_MEMORY_KIB and stored.kdf.iterations >= MIN_ITERATIONS
    assert stored.kdf.lanes == 1 and stored.kdf.algorithm == "argon2id"
    assert stored.operators[0].wrap.kdf == stored.kdf
    Store.unlock(data_dir, "amara", PASSPHRASE).close()
