"""Nothing typed is lost (issue 12, defect 1): the open form is kept encrypted in the store and offered
back at the next unlock, after a lock and after the process was killed; Ctrl+N leaves no empty,
nameless drafts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

from PySide6.QtCore import Qt

from forms.store import Store
from forms.store.autosave import read_autosave
from forms.store.batches import open_batch
from forms.store.stats import counts
from tests.conftest import REPO_ROOT
from tests.desktop.autosave_child import HALF_A_REGISTRATION
from tests.desktop.autosave_helpers import _accept_offer, _unlock_again, _wait_for_offer
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
from tests.desktop.harness import (
    focused_field,
    open_desk,
    press,
    run_on_lane,
    type_steps,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def test_half_a_registration_survives_a_lock(qtbot, desk) -> None:
    page = desk.registration
    type_steps(qtbot, HALF_A_REGISTRATION)
    desk.context.lock.lock()
    assert page.renderer.session is None  # the screen holds nobody while locked
    _unlock_again(qtbot, desk)
    assert _accept_offer(qtbot, page) == "Continue the registration of Kwame Asante?"
    assert page.renderer.session.value("family_name") == "Asante"
    assert page.renderer.session.value("consent") == "yes"
    # The clerk goes on where they were (after the family name), not at the first question.
    # (Offscreen, no window is active after a dialog: ask the window for its focus.)
    other_names = next(r for r in page.renderer.rows if r.question.name == "other_names")
    qtbot.waitUntil(lambda: desk.window.focusWidget() in other_names.input.focus_widgets(), timeout=5000)
    assert page.record_id is None  # not a draft: the clerk finishes and saves it as usual
    figures = run_on_lane(qtbot, desk, lambda store: _counts(store))
    assert figures.drafts == 0 and figures.autosaves == 1


def test_discarding_the_offer_is_audited_and_leaves_nothing(qtbot, desk) -> None:
    page = desk.registration
    type_steps(qtbot, HALF_A_REGISTRATION)
    desk.context.lock.lock()
    _unlock_again(qtbot, desk)
    _wait_for_offer(qtbot, page)
    page.autosave.offer.findChild(object, "discard").click()
    qtbot.waitUntil(lambda: page.message.text() == "The unfinished registration was discarded.", timeout=5000)
    assert page.renderer.session.value("given_name") is None
    assert run_on_lane(qtbot, desk, read_autosave) is None
    assert "autosave_discarded" in run_on_lane(qtbot, desk, _actions)


def test_saving_clears_the_autosave(qtbot, desk) -> None:
    page = desk.registration
    type_steps(qtbot, HALF_A_REGISTRATION)
    page.autosave.write_now()
    qtbot.waitUntil(lambda: run_on_lane(qtbot, desk, read_autosave) is not None, timeout=5000)
    with qtbot.waitSignal(page.record_saved, timeout=5000):
        press(qtbot, Qt.Key.Key_D, CTRL)
    assert run_on_lane(qtbot, desk, read_autosave) is None


def test_the_autosave_writes_only_what_changed_and_never_piles_up_on_the_lane(qtbot, desk) -> None:
    """The clerk never waits for the autosave (issue 12, figures): a pause with nothing new typed
    encrypts nothing again, and pauses while a write is still on the lane end in one write of the newest
    answers, not one write each."""
    page = desk.registration
    keeper = page.autosave
    type_steps(qtbot, HALF_A_REGISTRATION)
    keeper.pending = True
    keeper.write_now()
    written = keeper.writes
    qtbot.waitUntil(lambda: run_on_lane(qtbot, desk, read_autosave) is not None, timeout=5000)
    keeper.edited()  # a key that changed nothing (Enter, an edit undone)
    keeper.timer.timeout.emit()
    assert keeper.writes == written
    row = next(r for r in page.renderer.rows if r.question.name == "family_name")
    # The lane busy with something slow (a sync batch, an export): three pauses, three changes.
    release = threading.Event()
    desk.context.lane.run(lambda _store: release.wait(10), None, None)
    for name in ("Asantewaa", "Asante-Mensah", "Boateng"):
        row.input.set_value(name)
        page.renderer.session.set("family_name", name)
        keeper.edited()
        keeper.timer.timeout.emit()
    assert keeper.writes == written + 1  # the first pause's write waits behind it; the others wait for it
    release.set()
    qtbot.waitUntil(
        lambda: run_on_lane(qtbot, desk, read_autosave).answers["family_name"] == "Boateng", timeout=5000
    )
    assert keeper.writes == written + 2  # the newest, in one more write


def test_an_untouched_form_is_neither_autosaved_nor_kept_as_a_draft(qtbot, desk) -> None:
    page = desk.registration
    press(qtbot, Qt.Key.Key_N, CTRL)
    press(qtbot, Qt.Key.Key_D, CTRL)
    assert page.message.text() == "Nothing typed yet: there is no draft to keep."
    type_steps(qtbot, HALF_A_REGISTRATION[:2])  # the legal basis and consent: nobody named yet
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: focused_field() == "legal_basis", timeout=5000)
    assert page.message.text() == "Nothing was kept: no name or document number had been typed."
    desk.context.lock.lock()
    _unlock_again(qtbot, desk)
    qtbot.waitUntil(lambda: page.renderer.session is not None, timeout=5000)
    figures = run_on_lane(qtbot, desk, lambda store: _counts(store))
    assert figures.drafts == 0 and figures.autosaves == 0
    assert page.autosave.offer is None


def test_half_a_registration_survives_sigkill(qtbot, qapp, data_dir) -> None:
    store, _code = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    open_batch(store, "Minneapolis community day", "Minneapolis", "2026-06-13")
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.desktop.autosave_child", str(data_dir)],
        cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "autosaved"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    assert child.returncode == -signal.SIGKILL
    store = Store.unlock(data_dir, SUPERVISOR, PASSPHRASE)
    restarted = open_desk(qtbot, qapp, data_dir, batch=False, store=store, settle_focus=False)
    try:
        assert _accept_offer(qtbot, restarted.registration) == "Continue the registration of Kwame Asante?"
        assert restarted.registration.renderer.session.value("family_name") == "Asante"
    finally:
        restarted.shutdown()


def _counts(store):
    with store.session() as session:
        return counts(session)


def _actions(store) -> list[str]:
    from forms.store.audit import entries

    with store.session() as session:
        return [entry.action for entry in entries(session, limit=50)]


def test_a_failed_preparation_does_not_stop_later_autosaves(qtbot, desk, monkeypatch) -> None:
    """The row is serialised on the GUI thread (also in the lock's slot): if that fails once, the next
    pause must still write; a write counted in flight that never ends would stop them all."""
    import forms.store.autosave as autosave_module

    page = desk.registration
    real = autosave_module.prepare_autosave
    calls = {"n": 0}

    def failing_once(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise ValueError("not serialisable")
        return real(*args, **kwargs)

    monkeypatch.setattr(autosave_module, "prepare_autosave", failing_once)
    type_steps(qtbot, HALF_A_REGISTRATION)
    keeper = page.autosave
    keeper.timer.stop()
    keeper.pending = True
    keeper.write_now()  # the failure happens here, if not already at a pause while typing
    keeper.pending = True
    keeper.write_now()
    qtbot.waitUntil(lambda: run_on_lane(qtbot, desk, read_autosave) is not None, timeout=5000)
    assert run_on_lane(qtbot, desk, read_autosave).answers["given_name"] == "Kwame"
    assert calls["n"] >= 2
