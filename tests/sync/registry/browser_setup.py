"""Where the registry's browser tests put screenshots, and the Chromium arguments they use."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Screenshots go to a temporary folder unless `make screenshots` names docs/screenshots: a test run
# never rewrites tracked files.
SCREENSHOTS = Path(os.environ.get("DIASPORA_WEB_SCREENSHOTS") or tempfile.mkdtemp(prefix="dd-web-shots-"))


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
