"""What a device's audit entries may hold: ids, codes, counts, times and operator names. Nothing else.

The desk's audit log (forms/store/audit.py) holds ids, never personal values, and a batch carries its
new entries to the server. A stolen or modified laptop could put anything there, so the server checks
every entry before storing it and refuses the batch (400, naming the entry and field, never the value)
when one holds free text: a name, a phone number, a sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from sync import protocol as p

MAX_AUDIT_ENTRIES = 5000
MAX_DETAILS = 30

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_HEX = re.compile(r"[0-9a-f]{1,128}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?")
_CODE = re.compile(r"[a-z][a-z0-9_.:-]{0,63}")
# The desk's rule for an operator name (forms/store/store.py): a staff id, not a registrant's data.
_OPERATOR = re.compile(r"[^\W_][\w .@'-]{0,63}")
_OPERATOR_KEYS = frozenset({"operator_name"})

ENTRY_FIELDS = frozenset(
    {"seq", "at", "operator", "action", "record_id", "details", "previous_hash", "entry_hash"}
)


class AuditEntryRefused(p.ProtocolError):
    """An audit entry holds something other than ids and codes."""


def check_audit_entries(entries: tuple[Mapping[str, Any], ...]) -> None:
    if len(entries) > MAX_AUDIT_ENTRIES:
        raise AuditEntryRefused(f"A batch carries at most {MAX_AUDIT_ENTRIES} audit entries.")
    for position, entry in enumerate(entries, start=1):
        _check_entry(position, entry)


def _refuse(position: int, name: str) -> AuditEntryRefused:
    return AuditEntryRefused(
        f"Audit entry {position} of the batch has a field {name} that is not an id, a code, "
        "a count or a time; audit entries never carry personal values."
    )


def _check_entry(position: int, entry: Mapping[str, Any]) -> None:
    unknown = set(entry) - ENTRY_FIELDS
    if unknown:
        raise _refuse(position, "that the audit log does not have")
    checks = {
        "seq": lambda v: _is_count(v),
        "at": lambda v: isinstance(v, str) and bool(_TIME.fullmatch(v)),
        "operator": lambda v: v is None or (isinstance(v, str) and bool(_OPERATOR.fullmatch(v))),
        "action": lambda v: isinstance(v, str) and bool(_CODE.fullmatch(v)),
        "record_id": lambda v: v is None or (isinstance(v, str) and bool(_UUID.fullmatch(v))),
        "previous_hash": lambda v: isinstance(v, str) and bool(_HEX.fullmatch(v)),
        "entry_hash": lambda v: isinstance(v, str) and bool(_HEX.fullmatch(v)),
    }
    for name, check in checks.items():
        if name in entry and not check(entry[name]):
            raise _refuse(position, name)
    if "details" in entry:
        _check_details(position, entry["details"])


def _check_details(position: int, details: Any) -> None:
    # The desk sends its stored details text (a JSON object); accept the object itself too.
    if isinstance(details, str):
        try:
            details = p.strict_json_loads(details.encode("utf-8"))
        except p.ProtocolError:
            raise _refuse(position, "details") from None
    if not isinstance(details, dict) or len(details) > MAX_DETAILS:
        raise _refuse(position, "details")
    for key, value in details.items():
        if not _CODE.fullmatch(key) or not _is_detail_value(key, value):
            raise _refuse(position, "details." + (key if _CODE.fullmatch(key) else "?"))


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**63


def _is_detail_value(key: str, value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -(2**63) <= value < 2**63
    if isinstance(value, float):
        return math.isfinite(value)
    if not isinstance(value, str):
        return False
    if key in _OPERATOR_KEYS and _OPERATOR.fullmatch(value):
        return True
    return any(pattern.fullmatch(value) for pattern in (_UUID, _HEX, _TIME, _CODE))
