"""Issue 12 (defect 11): the sync line of the status bar speaks the interface language: "This laptop is
not enrolled…" was left in English in French and Portuguese. Real lane, real store, the real engine."""

from __future__ import annotations

from desktop.controllers.sync import SyncController
from desktop.windows.errors import sync_sentence


def test_not_enrolled_is_said_in_french(qtbot, lane, existing_store, english) -> None:
    from forms.store import Store
    from tests.desktop.conftest import PASSPHRASE, SUPERVISOR

    lane.attach(Store.unlock(existing_store, SUPERVISOR, PASSPHRASE))
    sync = SyncController(lane, interval_ms=3_600_000, health_interval_ms=3_600_000)
    english.switch_to("fr")
    try:
        with qtbot.waitSignal(sync.last_error_changed, timeout=20_000) as said:
            sync.sync_now()
        assert said.args[0] == "Cet ordinateur n'est inscrit auprès d'aucun serveur ; inscrivez-le d'abord."
        english.switch_to("pt")
        reached = sync_sentence("The server could not be reached.")
        assert reached == "Não foi possível contactar o servidor."
        assert sync_sentence("A sentence the server wrote.") == "A sentence the server wrote."
    finally:
        sync.shutdown()
