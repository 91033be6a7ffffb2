"""A clone with nothing beside it passes: with the shared-forms folder pointed at an empty folder,
the shared-forms module is skipped with its reason (not failed, not in error) and the project's
own forms still run."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.conftest import REPO_ROOT

MODULES = ["tests/forms/engine/test_shared_forms.py", "tests/forms/engine/test_project_forms.py"]


def test_engine_tests_pass_with_the_shared_forms_folder_empty(tmp_path):
    empty = tmp_path / "no-shared-forms"
    empty.mkdir()
    env = {**os.environ, "DIASPORA_SHARED_XLSFORMS": str(empty), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *MODULES],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    tally = re.findall(r"(\d+) (passed|skipped|failed|errors?)\b", output)
    counts = {kind: int(number) for number, kind in tally}
    assert counts.get("passed", 0) > 0 and counts.get("skipped", 0) > 0, output
    assert "failed" not in counts and "error" not in counts and "errors" not in counts, output
    assert f"no shared XLSForms in {empty}" in output  # the reason, as -rs reports it
