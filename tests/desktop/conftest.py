"""Desktop test set-up: compiled translations (as `make resources` builds them) and a fast key derivation."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT
from tests.desktop.review_helpers import CLERK, CLERK_PASSPHRASE, PERSON, ReviewDesk


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    # `make test` compiles them first; a direct pytest run should not depend on having done so.
    subprocess.run([sys.executable, str(REPO_ROOT / "resources" / "build.py")], check=True)


@pytest.fixture
def english(qapp, compiled_translations):
    """The English catalogue installed, as the app does at start (it holds the plural forms)."""
    from desktop.i18n import LanguageController

    languages = LanguageController(qapp)
    languages.switch_to("en")
    yield languages
    languages.uninstall()  # the next test starts without our translators, whatever this one switched to


@pytest.fixture(autouse=True)
def fast_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    # The store's documented switch for tests: 8 MiB, t=1 instead of ~0.7 s per derivation.
    monkeypatch.setenv("DIASPORA_KDF_TEST_FAST", "1")


SUPERVISOR = "Amara Diallo"
PASSPHRASE = "amber kettle violin river 42"


@pytest.fixture
def existing_store(data_dir):
    """A real store with one supervisor, closed again: what the unlock screen finds on disk."""
    from forms.store import Store

    store, _recovery_code = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    store.close()
    return data_dir


@pytest.fixture
def lane(qapp):
    from desktop.tasks import StoreLane

    store_lane = StoreLane()
    yield store_lane
    store_lane.detach_and_close()
    store_lane.wait_for_done(10_000)


def unlock_through_window(qtbot, controller, name: str = SUPERVISOR, passphrase: str = PASSPHRASE) -> None:
    """Unlock the running app the way a clerk does: pick the operator, type the passphrase, Unlock."""
    unlock = controller.unlock_window
    assert unlock is not None
    qtbot.waitUntil(lambda: unlock.operator_combo.findText(name) >= 0, timeout=10_000)
    unlock.operator_combo.setCurrentText(name)
    unlock.passphrase_edit.setText(passphrase)
    with qtbot.waitSignal(controller.lock.unlocked, timeout=15_000):
        unlock.try_unlock()


@pytest.fixture
def desk(qtbot, qapp, data_dir):
    """The desk of the registration and records tests (tests/desktop/harness.py)."""
    from tests.desktop.harness import open_desk  # the harness imports this module

    opened = open_desk(qtbot, qapp, data_dir)
    yield opened
    opened.shutdown()


@pytest.fixture
def seeded(data_dir) -> dict[str, str]:
    """A supervisor, a clerk, one batch with the clerk's saved record."""
    from forms.store import CLERK as CLERK_ROLE
    from forms.store import Store
    from forms.store.batches import open_batch
    from forms.store.records import save_record

    supervisor, _code = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    supervisor.add_operator(CLERK, CLERK_ROLE, CLERK_PASSPHRASE)
    batch = open_batch(supervisor, "Lisbon consulate day", "Lisbon", "2026-06-20")
    supervisor.close()
    with Store.unlock(data_dir, CLERK, CLERK_PASSPHRASE) as clerk:
        record = save_record(clerk, batch.id, "diaspora_registration", "1", PERSON, draft=False)
    return {"batch": batch.id, "record": record.record_id}


@pytest.fixture
def review_desk(qtbot, qapp, data_dir, seeded):
    """The review page (with the registration page) over the seeded store; shut down afterwards."""
    opened = ReviewDesk(qtbot, qapp, data_dir)
    yield opened
    opened.shutdown()
