"""The supervisor's day at a glance on the Start page, over a real store: counts, charts in the interface
language, a chart exported as PNG, and everything cleared on lock."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QImage

from tests.desktop.conftest import PASSPHRASE, SUPERVISOR

CLERK, CLERK_PASSPHRASE = "Kofi Mensah", "cobalt lantern meadow 77"


def _person(n: int, **extra: str) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "given_name": f"Given{n}",
        "family_name": f"Family{n}",
        "birth_date": "1980-01-01",
        "residence_country": "FR",
        "occupation": "student",
        "skills_sector": "energy",
        "invest_interest": "yes",
        "invest_sectors": "energy health",
    }
    answers.update(extra)
    return answers


@pytest.fixture
def desk(qtbot, qapp, data_dir, compiled_translations):
    from desktop.controllers.lock import LockController
    from desktop.i18n import LanguageController
    from desktop.pages import DeskContext
    from desktop.pages.home import create_page
    from desktop.tasks import StoreLane, TaskRunner
    from desktop.windows.main_window import MainWindow
    from forms.store import CLERK as CLERK_ROLE
    from forms.store import Store, batches, records

    store, _code = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    batch = batches.open_batch(store, "Paris consulate day", "Paris", "2026-06-13").id
    for n in range(3):
        records.save_record(store, batch, "diaspora", "1", _person(n), draft=False)
    records.save_record(store, batch, "diaspora", "1", _person(9), draft=True)
    store.add_operator(CLERK, CLERK_ROLE, CLERK_PASSPHRASE)
    store.close()
    with Store.unlock(data_dir, CLERK, CLERK_PASSPHRASE) as clerk:
        mine = batches.open_batch(clerk, "Kofi's outreach", "Lyon", "2026-06-13").id
        records.save_record(clerk, mine, "diaspora", "1", _person(5, residence_country="CI"), draft=False)

    languages = LanguageController(qapp)
    languages.switch_to("fr")
    lane = StoreLane()
    lock = LockController(lane)
    window = MainWindow()
    qtbot.addWidget(window)
    context = DeskContext(data_dir, lane, TaskRunner(), lock, languages, window)
    spec = create_page(context)
    window.add_page(spec.key, spec.widget, spec.title)
    window.resize(1366, 768)
    window.show()
    page = spec.widget
    with qtbot.waitSignal(page.glance_shown, timeout=15_000):
        lock.start_session(Store.unlock(data_dir, SUPERVISOR, PASSPHRASE))
    yield page, lock, languages
    lock.lock()
    lane.detach_and_close()
    lane.wait_for_done(10_000)
    languages.uninstall()


def test_the_day_at_a_glance(desk, tmp_path) -> None:
    page, lock, _languages = desk
    assert page.dashboard.isVisible()
    assert page.glance.registered_today == 4
    assert "4" in page.facts["registered"].text()
    assert "1" in page.facts["drafts"].text()
    clerks = {page.per_clerk.item(r, 0).text(): page.per_clerk.item(r, 1).text() for r in range(2)}
    assert clerks == {SUPERVISOR: "3", CLERK: "1"}
    # choice labels in the interface language (French), not codes
    countries = dict(page.charts["residence_country"].bars())
    assert countries == {"France": 3, "Côte d'Ivoire": 1}
    occupations = dict(page.charts["occupation"].bars())
    assert "student" not in occupations and sum(occupations.values()) == 4
    assert dict(page.charts["invest_sectors"].bars())["Énergie"] == 4
    interest = page.charts["interest"].bars()
    assert len(interest) == 1 and interest[0][1] == 4 and "yes" not in interest[0][0]

    target = tmp_path / "pays.png"
    assert page.export_chart("residence_country", target)
    image = QImage(str(target))
    assert not image.isNull() and image.width() >= 960

    lock.lock()
    assert page.glance is None and page.charts["residence_country"].bars() == []
    assert page.per_clerk.rowCount() == 0 and not page.dashboard.isVisibleTo(page)


def test_a_chart_with_many_choices_keeps_the_tail_in_other(qtbot) -> None:
    from desktop.widgets.bar_chart import BarChart

    chart = BarChart("t")
    qtbot.addWidget(chart)
    chart.other_text = "Autre"
    chart.set_bars([(f"c{i}", 20 - i) for i in range(12)])
    bars = chart.bars()
    assert len(bars) == chart.max_bars and bars[-1] == ("Autre", sum(20 - i for i in range(7, 12)))


def test_the_longest_label_is_not_cut_when_there_is_room(qtbot) -> None:
    from PySide6.QtGui import QFont, QFontDatabase

    from desktop.paths import fonts_dir
    from desktop.widgets.bar_chart import BarChart

    for font_file in sorted(fonts_dir().glob("*.ttf")):  # the app's font, as on a laptop
        QFontDatabase.addApplicationFont(str(font_file))
    chart = BarChart("t")
    qtbot.addWidget(chart)
    chart.setFont(QFont("DejaVu Sans", 10))
    chart.resize(465, 240)
    chart.set_bars([("Information technology", 6), ("Agriculture", 4)])
    assert chart.shown_labels() == ["Information technology", "Agriculture"]
    chart.resize(120, 240)  # no room: elided, never overflowing
    assert chart.shown_labels()[0].endswith("…")


def test_start_page_fits_a_laptop_at_150_percent(desk, qtbot) -> None:
    page, _lock, _languages = desk
    page.window().resize(911, 512)  # 1366x768 at 150% scaling, in logical pixels
    qtbot.waitUntil(lambda: page._chart_columns == 1, timeout=5000)
    inner = page.dashboard.parentWidget()
    qtbot.waitUntil(lambda: inner.minimumSizeHint().width() <= page.width(), timeout=5000)
    assert page.shortcuts_box.minimumSizeHint().width() <= page.width()
