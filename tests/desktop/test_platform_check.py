"""Before Qt starts: a Linux desktop without the xcb libraries gets one sentence with the apt-get
line and a non-zero exit, not Qt's platform-plugin abort. Checked on a library name that does not
exist (DIASPORA_XCB_LIBRARIES), through the real `diaspora-desk` entry and the standalone script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from desktop import platform_check
from tests.conftest import REPO_ROOT

MISSING = "libdiaspora-no-such-library.so.7"
OVERRIDE = f"{MISSING}=libdiaspora-no-such-library7"


@pytest.mark.parametrize(
    ("environ", "system", "expected"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, "linux", True),
        ({"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"}, "linux", True),
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"XDG_SESSION_TYPE": "wayland"}, "linux", True),  # no compositor to talk to: X11 it is
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_the_check_runs_only_when_qt_will_use_xcb(environ, system, expected):
    assert platform_check.will_use_xcb(environ, system) is expected


def test_a_library_that_does_not_exist_is_named_and_one_that_does_is_not():
    found = platform_check.missing_libraries(
        [(MISSING, "libdiaspora-no-such-library7"), ("libc.so.6", "libc6")]
    )
    assert found == [(MISSING, "libdiaspora-no-such-library7")]


def test_the_sentence_names_the_libraries_and_the_exact_apt_line():
    missing = [("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxcb-icccm.so.4", "libxcb-icccm4")]
    sentence = platform_check.describe_missing(missing, apt_available=True)
    assert sentence == (
        "Diaspora Desk cannot open its window: the system libraries libxcb-cursor.so.0 and "
        "libxcb-icccm.so.4 that Qt needs on X11 are missing; install them with "
        "'sudo apt-get install libxcb-cursor0 libxcb-icccm4' and start it again."
    )
    elsewhere = platform_check.describe_missing(missing[:1], apt_available=False)
    assert "libxcb-cursor.so.0 that Qt needs on X11 is missing" in elsewhere
    assert "(on Debian or Ubuntu: 'sudo apt-get install libxcb-cursor0')" in elsewhere


def test_offscreen_and_wayland_are_never_checked():
    for environ in ({"QT_QPA_PLATFORM": "offscreen"}, {"QT_QPA_PLATFORM": "wayland"}):
        assert platform_check.problem({**environ, platform_check.OVERRIDE_VARIABLE: OVERRIDE}) is None


def test_no_display_is_one_sentence_too():
    sentence = platform_check.problem(
        {"QT_QPA_PLATFORM": "xcb", platform_check.OVERRIDE_VARIABLE: "libc.so.6=libc6"}
    )
    assert sentence is not None and "DISPLAY is not set" in sentence and "\n" not in sentence
    with_display = {
        "QT_QPA_PLATFORM": "xcb",
        "DISPLAY": ":0",
        platform_check.OVERRIDE_VARIABLE: "libc.so.6=libc6",
    }
    assert platform_check.problem(with_display) is None


def _run(command: list[str], tmp_path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "DISPLAY": ":0",
        platform_check.OVERRIDE_VARIABLE: OVERRIDE,
    }
    return subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120)


def _assert_one_sentence_and_no_qt_abort(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert MISSING in lines[0] and "sudo apt-get install libdiaspora-no-such-library7" in lines[0]
    for qt_text in ("qt.qpa", "platform plugin", "Aborted", "core dumped", "Traceback"):
        assert qt_text not in result.stderr


def test_the_app_entry_says_so_before_qt_starts(tmp_path):
    data = tmp_path / "data"
    result = _run([sys.executable, "-m", "desktop", "--data-dir", str(data)], tmp_path)
    _assert_one_sentence_and_no_qt_abort(result)
    assert result.stderr.startswith("diaspora-desk: Diaspora Desk cannot open its window")
    assert not data.exists()  # nothing was created: the check ran before the app did anything


def test_the_standalone_script_needs_only_the_standard_library(tmp_path):
    # `make run` runs it with the system Python before .venv exists: -S means no site-packages at all
    result = _run([sys.executable, "-I", "-S", "desktop/platform_check.py"], tmp_path)
    _assert_one_sentence_and_no_qt_abort(result)
    assert result.stderr.startswith("Diaspora Desk cannot open its window")


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_checks_before_installing_anything(tmp_path):
    result = _run(["make", "--no-print-directory", "-s", "platform-check"], tmp_path)
    assert result.returncode != 0
    assert result.stderr.splitlines()[0].startswith("Diaspora Desk cannot open its window")
    assert "sudo apt-get install libdiaspora-no-such-library7" in result.stderr
