"""The small form with files that the attachment tests and bench/sync_files.py upload against."""

from __future__ import annotations

FORM_ID, FORM_VERSION = "visit_files", "1"
SURVEY = [
    ["type", "name", "label", "appearance"],
    ["text", "full_name", "Full name", ""],
    ["image", "photo", "Photo", ""],
    ["image", "signature", "Signature", "signature"],
]
SETTINGS = [["form_id", "version", "form_title"], [FORM_ID, FORM_VERSION, "Visits with files"]]
