"""The autosave offer at the next unlock, as the autosave tests drive it."""

from __future__ import annotations

from forms.store import Store
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR


def _unlock_again(qtbot, desk) -> None:
    store = Store.unlock(desk.context.data_dir, SUPERVISOR, PASSPHRASE)
    desk.store = store
    desk.context.lock.start_session(store)


def _wait_for_offer(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.autosave.offer is not None and page.autosave.offer.isVisible(), timeout=9000)


def _accept_offer(qtbot, page) -> str:
    _wait_for_offer(qtbot, page)
    offer = page.autosave.offer
    text = offer.text()
    offer.findChild(object, "continue").click()
    qtbot.waitUntil(lambda: page.renderer.session.value("given_name") == "Kwame", timeout=5000)
    return text
