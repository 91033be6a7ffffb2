"""A cancelled or failed export leaves nothing at the destination, and no temporary file beside it."""

from __future__ import annotations

import pytest

from forms.export import ExportCancelled, export_records
from forms.work import Work


def _cancelling(records, token: Work, after: int):
    for number, record in enumerate(records, start=1):
        yield record
        if number == after:
            token.cancel()  # as the GUI's Cancel button would, from another thread


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_cancelled_export_leaves_no_file(form, records, context, out_dir, file_format):
    token = Work()
    with pytest.raises(ExportCancelled):
        source = _cancelling(records, token, after=2)
        export_records(form, source, context, out=out_dir / f"day.{file_format}", file_format=file_format,
                       work=token)  # fmt: skip
    assert list(out_dir.iterdir()) == []


def test_cancelled_encrypted_export_leaves_no_file(form, records, context, out_dir):
    token = Work()
    with pytest.raises(ExportCancelled):
        export_records(form, _cancelling(records, token, after=3), context, out=out_dir / "day.xlsx",
                       password="long enough password", work=token)  # fmt: skip
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_a_failing_source_leaves_no_file_and_keeps_an_older_export(
    form, records, context, out_dir, file_format
):
    destination = out_dir / f"day.{file_format}"
    destination.write_bytes(b"yesterday's export")

    def broken():
        yield records[0]
        raise OSError("disk read error")

    with pytest.raises(OSError):
        export_records(form, broken(), context, out=destination, file_format=file_format)
    assert [p.name for p in out_dir.iterdir()] == [destination.name]
    assert destination.read_bytes() == b"yesterday's export"


def test_progress_is_reported(form, records, context, out_dir):
    seen: list[tuple[int, int | None]] = []
    export_records(
        form,
        records,
        context,
        out=out_dir / "day.xlsx",
        work=Work(progress=lambda d, t, _m: seen.append((d, t))),
    )
    assert seen[-1] == (3, 3)
