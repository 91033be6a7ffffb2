"""`python -m desktop.dialogs.host_event_shots OUTDIR`: PNGs of the event hub's screens, in English and
French, for docs/events.md: "Host this event" hosting with a clerk's code (text and QR) and the counts,
and its review page with two clerks' records and one batch approved.

Taken as desktop/screenshots.py takes the main screens (offscreen Qt, a throwaway store of invented
people in a temporary folder, ``QWidget.grab()``), plus what a hub needs: the hub is really started
(loopback port, not announced) and two throwaway clerk laptops enrol with its codes and sync to it.
Written ``host-event-<lang>.png`` and ``host-event-review-<lang>.png``.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import DeskController, load_fonts
from desktop.dialogs.host_event_dialog import HostEventDialog
from desktop.screenshots import LANGUAGES, PASSPHRASE, SUPERVISOR, seed_store, settle, wait_for
from forms.store import Store

CLERKS = (("Clerk 1, Minneapolis", "Grace Mensah", 6), ("Clerk 2, Minneapolis", "Tomas Pereira", 4))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _clerk_syncs(
    dialog: HostEventDialog, folder: Path, label: str, operator: str, count: int, seed: int
) -> None:
    """A clerk's laptop enrols with the hub's code and syncs `count` invented registrations to it."""
    from forms.demo_data import demo_registrations
    from forms.engine import load_form, shipped_form_path
    from forms.store.batches import open_batch
    from forms.store.records import save_record
    from sync.client.engine import SyncEngine
    from sync.client.enrollment import enroll
    from sync.hub.code import parse_hub_code

    dialog.label_edit.setText(label)
    dialog.code_button.click()
    code = parse_hub_code(dialog.code_view.text())
    form = load_form(shipped_form_path())
    clerk = Store.create(folder, operator, PASSPHRASE)[0]
    try:
        enroll(clerk, server_url=code.server_url, pinned_sha256=code.fingerprint, code=code.code)
        with clerk.session() as session:
            batch = open_batch(session, "Minneapolis community day", "Minneapolis", "2026-12-05").id
            for answers in demo_registrations(count, seed=seed):
                save_record(session, batch, str(form.form_id), str(form.version), answers, draft=False)
        if not SyncEngine(clerk, fetch_forms=False).run_once().ok:
            raise RuntimeError("a clerk's laptop could not sync to the hub")
    finally:
        clerk.close()


def _grab(widget: QWidget, target: Path) -> Path:
    settle(200)
    if not widget.grab().save(str(target)):
        raise OSError(f"could not write {target}")
    return target


def take_all(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    load_fonts(app)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="desk-hub-shots-") as temp:
        root = Path(temp)
        data_dir = root / "store"
        seed_store(data_dir, root)
        controller = DeskController(app, data_dir)
        controller.lock.start_session(Store.unlock(data_dir, SUPERVISOR, PASSPHRASE))
        dialog = HostEventDialog(controller.lane, announce=False)
        try:
            dialog.show()
            dialog.port.setValue(_free_port())
            dialog.start_button.click()
            wait_for(lambda: dialog.hub is not None, 60_000)
            for n, (label, operator, count) in enumerate(CLERKS):
                _clerk_syncs(dialog, root / f"clerk-{n}", label, operator, count, seed=70 + n)
            dialog.label_edit.setText("Clerk 3, Minneapolis")
            dialog.code_button.click()  # the code and QR the next clerk scans
            dialog.open_review()
            review = dialog.review
            assert review is not None
            total = sum(count for *_, count in CLERKS)
            wait_for(lambda: review.records.rowCount() == total)
            review.laptops.selectRow(0)
            wait_for(lambda: review.batches.rowCount() == 1)
            review.batches.selectRow(0)
            wait_for(review.approve_button.isEnabled)
            review.approve_button.click()
            wait_for(lambda: bool((item := review.batches.item(0, 3)) is not None and item.text()))
            review.all_button.click()
            wait_for(lambda: review.records.rowCount() == total)
            for language in LANGUAGES:
                controller.languages.switch_to(language)
                settle(300)
                dialog.refresh_counts()
                dialog.adjustSize()
                saved.append(_grab(dialog, out_dir / f"host-event-{language}.png"))
                review.refresh()
                wait_for(lambda: review.records.rowCount() == total)
                saved.append(_grab(review, out_dir / f"host-event-review-{language}.png"))
        finally:
            dialog.stop_hosting()
            dialog.close()
            controller.shutdown()
            QCoreApplication.processEvents()
    return saved


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m desktop.dialogs.host_event_shots OUTDIR", file=sys.stderr)  # noqa: T201
        return 2
    for path in take_all(Path(args[0])):
        print(path)  # noqa: T201
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)  # as desktop/screenshots.py: skip the teardown of many windows (see there)
