"""`python -m desktop.screenshots OUTDIR`: PNGs of the main screens, in English and French.

Builds a throwaway store in a temporary folder, opens each screen offscreen through the same classes
the app uses, and saves ``QWidget.grab()``. To add a screen, append a ``Screen(name, builder)`` to
``SCREENS``: the builder gets a ``ShotContext`` and returns the widget to grab (already shown).
Pages plugged into the main window are shot automatically (``main-<page key>``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import DeskController, load_fonts
from desktop.windows.main_window import MainWindow
from desktop.windows.setup_wizard import PAGE_RECOVERY, SetupWizard
from desktop.windows.unlock_window import UnlockWindow
from forms.store import Store
from forms.store.errors import WrongPassphraseError

LANGUAGES = ("en", "fr")
SUPERVISOR = "Amara Diallo"
PASSPHRASE = "amber kettle violin river 42"  # a throwaway store, deleted after the run
WINDOW_SIZE = (1366, 768)  # a consulate laptop, at 100% scaling
# Every main-window page is also shot at these sizes (logical pixels): a large screen, and the same
# 1366x768 laptop at 150% scaling (911x512 logical pixels, minus nothing: the worst case).
EXTRA_SIZES = {"1920x1080": (1920, 1080), "1366x768-150pct": (911, 512)}


@dataclass
class ShotContext:
    app: QApplication
    root: Path  # a temporary folder, removed at the end
    controller: DeskController  # languages, lane and lock of this run
    data_dir: Path  # holds a store with one supervisor
    _serial: list[int] = field(default_factory=lambda: [0])

    def fresh_dir(self) -> Path:
        self._serial[0] += 1
        return self.root / f"fresh-{self._serial[0]}"


Builder = Callable[[ShotContext], QWidget]


@dataclass(frozen=True)
class Screen:
    name: str
    builder: Builder


def settle(msecs: int = 50) -> None:
    """Let queued signals and the LanguageChange events arrive before grabbing."""
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], bool], timeout_ms: int = 30_000) -> None:
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError("a screen did not reach the state to photograph")
        settle(25)
        waited += 25


def _wizard(ctx: ShotContext, page_id: int | None = None) -> SetupWizard:
    wizard = SetupWizard(
        ctx.fresh_dir(), ctx.controller.lane, ctx.controller.languages.language, ctx.controller.enroller
    )
    wizard.show()
    if page_id is None:
        return wizard
    wizard.next()
    page = wizard.supervisor_page
    page.name_edit.setText(SUPERVISOR)
    page.passphrase_edit.setText(PASSPHRASE)
    page.repeat_edit.setText(PASSPHRASE)
    if page_id == PAGE_RECOVERY:
        wizard.next()
        wait_for(lambda: wizard.currentId() == PAGE_RECOVERY)
    return wizard


def wizard_language(ctx: ShotContext) -> QWidget:
    return _wizard(ctx)


def wizard_supervisor(ctx: ShotContext) -> QWidget:
    return _wizard(ctx, page_id=1)


def wizard_recovery(ctx: ShotContext) -> QWidget:
    wizard = _wizard(ctx, page_id=PAGE_RECOVERY)
    ctx.controller.lane.run_unlocked(wizard.store.close)
    return wizard


def wizard_server(ctx: ShotContext) -> QWidget:
    wizard = _wizard(ctx, page_id=PAGE_RECOVERY)
    wizard.recovery_page.written_check.setChecked(True)
    wizard.next()
    ctx.controller.lane.run_unlocked(wizard.store.close)
    return wizard


def _unlock(ctx: ShotContext) -> UnlockWindow:
    window = UnlockWindow(ctx.data_dir, ctx.controller.lane)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.load_operators()
    wait_for(lambda: window.operator_combo.count() > 0)
    return window


def unlock(ctx: ShotContext) -> QWidget:
    return _unlock(ctx)


def unlock_wrong_passphrase(ctx: ShotContext) -> QWidget:
    window = _unlock(ctx)
    # The sentence the store's refusal produces after the third wrong passphrase in a row.
    window._refused(WrongPassphraseError("The passphrase is wrong.", wait_seconds=30))
    window._countdown.stop()  # a still photograph
    return window


def recovery_dialog(ctx: ShotContext) -> QWidget:
    window = _unlock(ctx)
    dialog = window.open_recovery()
    dialog.code_edit.setText("H6BMP-SW54C-YCP39-VW283-GB6DY-5WRAE")
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.adjustSize()
    window.close()
    return dialog


def main_window(ctx: ShotContext, size: tuple[int, int] = WINDOW_SIZE) -> MainWindow:
    controller = ctx.controller
    if not controller.lock.is_unlocked:
        controller.lock.start_session(Store.unlock(ctx.data_dir, SUPERVISOR, PASSPHRASE))
    window = controller.main_window
    assert window is not None
    window.setWindowState(Qt.WindowState.WindowNoState)  # it maximises itself on a small screen
    window.setMinimumSize(0, 0)
    window.resize(*size)
    window.show_page(window.page_keys()[0])
    wait_for(lambda: bool(window.operator_label.text()))
    return window


SCREENS: list[Screen] = [
    Screen("wizard-language", wizard_language),
    Screen("wizard-supervisor", wizard_supervisor),
    Screen("wizard-recovery", wizard_recovery),
    Screen("wizard-server", wizard_server),
    Screen("unlock", unlock),
    Screen("unlock-wrong-passphrase", unlock_wrong_passphrase),
    Screen("unlock-recovery-code", recovery_dialog),
    Screen("main", main_window),
]


def _page_screens(ctx: ShotContext) -> list[Screen]:
    window = main_window(ctx)

    def shoot(key: str, size: tuple[int, int] = WINDOW_SIZE) -> Builder:
        def build(inner: ShotContext) -> QWidget:
            shown = main_window(inner, size)
            shown.show_page(key)
            settle(1500)  # pages load their rows on the store lane after a short typing pause
            if key == "review":
                _open_first_record(shown)
            return shown

        return build

    keys = window.page_keys()
    screens = [Screen(f"main-{key}", shoot(key)) for key in keys[1:]]
    for label, size in EXTRA_SIZES.items():
        screens += [Screen(f"main-{key}-{label}", shoot(key, size)) for key in keys]
    return [*screens, Screen("passport-dialog", passport_dialog), Screen("receipt", receipt_page)]


def _open_first_record(window: MainWindow) -> None:
    """The review page with its first batch and first record open (the readable record pane)."""
    from desktop.pages.review.page import ReviewPage

    page = window.page("review")
    if not isinstance(page, ReviewPage) or page.batches.rowCount() == 0:
        return
    page.batches.selectRow(0)
    wait_for(lambda: page.records.rowCount() > 0)
    page.records.selectRow(0)
    wait_for(lambda: bool(page.detail.toPlainText()))


def passport_dialog(ctx: ShotContext) -> QWidget:
    """Scan passport with one altered digit: the refusal in words."""
    window = main_window(ctx)
    window.show_page("registration")
    from desktop.pages.registration.page import RegistrationPage

    page = window.page("registration")
    assert isinstance(page, RegistrationPage)
    wait_for(lambda: page.renderer.session is not None)
    dialog = page.form_tools.passport.open()
    assert dialog is not None
    dialog.lines.setPlainText(
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408112F1204159ZE184226B<<<<<10"
    )
    dialog.adjustSize()
    return dialog


def receipt_page(ctx: ShotContext) -> QWidget:
    """The person's receipt for the first saved record, in the screenshot's language, as a picture."""
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QLabel

    from desktop.receipt_pdf import render_png
    from forms.receipt import content_for_record

    store = ctx.controller.lane.store
    assert store is not None
    record_id = _first_record_id(store)
    content = content_for_record(store, record_id, ctx.controller.languages.language)
    target = ctx.root / "receipt.png"
    render_png(content, target, width=900)
    label = QLabel()
    label.setPixmap(QPixmap(str(target)))
    label.resize(label.pixmap().size())
    label.show()
    return label


def _first_record_id(store: Store) -> str:
    from forms.store.records import any_final_record_id

    found = any_final_record_id(store)
    if found is None:
        raise RuntimeError("the screenshot store has no saved record")
    return found


def seed_store(data_dir: Path, scratch: Path) -> None:
    """A store with today's batch open and a few dozen invented registrations, as on an event day."""
    from forms.demo_data import write_demo_file
    from forms.engine import load_form, shipped_form_path
    from forms.importing.importer import batch_for_import, import_file

    store = Store.create(data_dir, SUPERVISOR, PASSPHRASE)[0]
    try:
        form = load_form(shipped_form_path())
        demo = scratch / "demo.csv"  # invented people only; removed with the temporary folder
        write_demo_file(form, demo, 40, seed=13)
        batch = batch_for_import(store, "Minneapolis community day", "Minneapolis")
        import_file(store, form, demo, batch)
    finally:
        store.close()


def take_all(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    load_fonts(app)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="desk-shots-") as temp:
        root = Path(temp)
        data_dir = root / "store"
        seed_store(data_dir, root)
        controller = DeskController(app, data_dir)
        ctx = ShotContext(app, root, controller, data_dir)
        try:
            screens = SCREENS + _page_screens(ctx)
            for language in LANGUAGES:
                controller.languages.switch_to(language)
                for screen in screens:
                    widget = screen.builder(ctx)
                    settle()
                    target = out_dir / f"{screen.name}-{language}.png"
                    if not widget.grab().save(str(target)):
                        raise OSError(f"could not write {target}")
                    saved.append(target)
                    if widget is not controller.main_window:
                        widget.close()
                        widget.deleteLater()
        finally:
            controller.shutdown()
            QCoreApplication.processEvents()
    return saved


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m desktop.screenshots OUTDIR", file=sys.stderr)  # noqa: T201
        return 2
    for path in take_all(Path(args[0])):
        print(path)  # noqa: T201
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # The PNGs are written and the store is closed. Skip the interpreter's teardown: destroying the
    # many windows this tool made in garbage-collection order sometimes aborts ("shared QObject was
    # deleted directly"), which would turn a finished run into a failed `make screenshots`.
    os._exit(status)
