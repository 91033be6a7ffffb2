"""The files an export writes beside its workbook are collected by one function, forms.export.desk's
collect_attachments, for the desk's export and the central server's (sync/server/export.py, which had its
own near copy, _noting_files): each name once, with the first record holding it, in export order."""

from __future__ import annotations

import ast
from pathlib import Path

from forms.engine import load_form
from forms.export.desk import collect_attachments
from forms.export.source import ExportRecord
from tests.forms.engine.xlsform import workbook_bytes

ROOT = Path(__file__).resolve().parents[3]
SURVEY = [
    ["type", "name", "label"],
    ["text", "full_name", "Full name"],
    ["image", "photo", "Photo"],
    ["begin_repeat", "children", "Children"],
    ["image", "child_photo", "Child's photo"],
    ["end_repeat", "", ""],
]
A, B, C = "a" * 20 + ".jpg", "b" * 20 + ".png", "c" * 20 + ".jpg"


def _record(record_id: str, answers: dict[str, object]) -> ExportRecord:
    return ExportRecord(record_id=record_id, version_id=record_id + "-v", batch_id="b", operator="op",
                        device_id="d", created_at="2026-12-07T10:00:00", updated_at="2026-12-07T10:00:00",
                        status="final", answers=dict(answers))  # fmt: skip


def test_each_attached_file_is_noted_once_with_the_first_record_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "files.xlsx"
    path.write_bytes(workbook_bytes(SURVEY, settings=[["form_id", "version"], ["collect_files", "1"]]))
    form = load_form(path)
    records = [
        _record("r1", {"full_name": "Ama", "photo": A, "children": [{"child_photo": B}]}),
        _record("r2", {"full_name": "Kofi", "photo": B}),  # B again: kept with r1
        _record(
            "r3", {"full_name": "Yaw", "photo": "not a stored name.jpg", "children": [{"child_photo": C}]}
        ),
    ]
    found: dict[str, str] = {}
    exported = list(collect_attachments(form, iter(records), found))
    assert exported == records  # every record goes on, unchanged, in order
    assert list(found.items()) == [(A, "r1"), (B, "r1"), (C, "r3")]


def test_the_server_export_collects_its_files_with_the_desks_function() -> None:
    tree = ast.parse((ROOT / "sync/server/export.py").read_text(encoding="utf-8"))
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    imported = {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names
    }
    assert "collect_attachments" in names and "collect_attachments" in imported
    assert "attachment_names" not in names | imported  # no second collector of answers' file names
