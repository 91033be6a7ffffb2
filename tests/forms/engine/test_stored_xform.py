"""A shipped workbook handed over as bytes (the server's published copy, a form sent by sync) is loaded
from its stored XForm: pyxform is neither imported nor run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from forms.engine import load_form_bytes, shipped_form_path
from forms.engine.prebuilt import shipped_xform_for
from tests.forms.engine.xlsform import workbook_bytes

ROOT = Path(__file__).resolve().parents[3]


def test_shipped_bytes_load_without_pyxform():
    script = (
        "import sys\n"
        "from forms.engine import load_form_bytes, shipped_form_path\n"
        "form = load_form_bytes(shipped_form_path().read_bytes(), 'published.xlsx')\n"
        "print(form.form_id, 'pyxform' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["diaspora_registration", "False"]


def test_any_other_workbook_is_converted():
    data = workbook_bytes([["type", "name", "label"], ["text", "a", "A"]])
    assert shipped_xform_for(data) is None
    assert load_form_bytes(data, "mine.xlsx").question("a").type == "text"


def test_the_stored_xform_is_the_shipped_forms():
    data = shipped_form_path().read_bytes()
    assert load_form_bytes(data, "x.xlsx").xform_xml == load_form_bytes(data, "y.xlsx").xform_xml
    assert "diaspora_registration" in (shipped_xform_for(data) or "")
