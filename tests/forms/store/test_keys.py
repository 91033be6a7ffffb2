"""Creating, unlocking and recovering a store: the key file, the recovery code and their failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forms.store import (
    CorruptKeyFileError,
    MissingStoreError,
    NotAllowedError,
    Store,
    StoreExistsError,
    UnknownOperatorError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from forms.store.database import db_path
from forms.store.kdf import FLOOR_MEMORY_KIB, MIN_ITERATIONS, TEST_FAST_ENV
from forms.store.keyfile import keys_path, load_keys, normalize_recovery_code
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


@pytest.mark.parametrize(
    "edit",
    [
        lambda op, doc: op["kdf"].update(iterations=op["kdf"]["iterations"] + 1),  # KDF parameters bound
        lambda op, doc: op.update(role="clerk"),  # role bound
        lambda op, doc: doc.update(store_id="00000000-0000-0000-0000-000000000000"),  # store bound
    ],
    ids=["kdf-downgrade", "role-change", "store-id"],
)
def test_editing_bound_fields_of_the_key_file_makes_the_unwrap_fail(data_dir: Path, edit: object) -> None:
    Store.create(data_dir, "amara", PASSPHRASE)[0].close()
    path = keys_path(data_dir)
    document = json.loads(path.read_text())
    edit(document["operators"][0], document)  # type: ignore[operator]
    path.write_text(json.dumps(document))
    with pytest.raises(WrongPassphraseError):
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
    """The production path (no test switch): calibrated parameters within security.md's bounds."""
    monkeypatch.delenv(TEST_FAST_ENV)
    store, _code = Store.create(data_dir, "amara", PASSPHRASE)
    store.close()
    stored = load_keys(data_dir)
    assert stored.kdf.memory_kib >= FLOOR_MEMORY_KIB and stored.kdf.iterations >= MIN_ITERATIONS
    assert stored.kdf.lanes == 1 and stored.kdf.algorithm == "argon2id"
    assert stored.operators[0].wrap.kdf == stored.kdf
    Store.unlock(data_dir, "amara", PASSPHRASE).close()
