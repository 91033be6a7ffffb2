"""`diaspora-desk settings --purge-drafts-after-days N`: a supervisor sets it, the value is checked with one
sentence, and the setting is printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.store import Store
from forms.store.retention import draft_days
from tests.cli.helpers import PASSPHRASE, run

pytestmark = pytest.mark.usefixtures("fast_kdf")


@pytest.mark.usefixtures("initialised")
def test_a_supervisor_sets_the_draft_age_and_a_bad_value_is_one_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    common = ("--data-dir", str(data_dir), "--operator", "amara")
    code, out, err = run(monkeypatch, capsys, f"{PASSPHRASE}\n", "settings", *common)
    assert code == 0, err
    assert "purge drafts after days: 30" in out
    code, out, err = run(
        monkeypatch, capsys, f"{PASSPHRASE}\n", "settings", *common, "--purge-drafts-after-days", "3"
    )
    assert code == 2 and "--purge-drafts-after-days: the number of days is from 8 to 3650." in err
    assert "Traceback" not in err
    code, out, err = run(
        monkeypatch, capsys, f"{PASSPHRASE}\n", "settings", *common, "--purge-drafts-after-days", "14"
    )
    assert code == 0, err
    assert "purge drafts after days: 14" in out
    with Store.unlock(data_dir, "amara", PASSPHRASE) as store:
        assert draft_days(store) == 14
