"""A record version as the XForm instance XML a destination stores, built by the form engine.

``meta/instanceID`` is the version's ``uuid:...``; an edit carries ``meta/deprecatedID`` naming the version
it replaces (ODK Central refuses an edit without it). Forms are found among those downloaded from our
server at sync (sync.client.forms_download) and the form shipped with the desk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from forms.engine import FormDefinition, load_form_bytes, load_xform, shipped_form_path
from forms.engine.prebuilt import read_prebuilt
from forms.store.outbox import OutboxItem
from sync.client.forms_download import downloaded_forms
from sync.client.state import SessionSource

FormResolver = Callable[[str, str], FormDefinition | None]


def store_forms(store: SessionSource) -> FormResolver:
    """Forms this desk holds, by (form id, version), loaded once each."""
    cache: dict[tuple[str, str], FormDefinition | None] = {}

    def resolve(form_id: str, version: str) -> FormDefinition | None:
        key = (form_id, version)
        if key not in cache:
            cache[key] = _find(store, form_id, version)
        return cache[key]

    return resolve


def _find(store: SessionSource, form_id: str, version: str) -> FormDefinition | None:
    for form in downloaded_forms(store):
        if (form.form_id, form.version) == (form_id, version):
            return load_form_bytes(form.content, f"{form_id}.xlsx")
    path = shipped_form_path()
    data = path.read_bytes()
    prebuilt = read_prebuilt(path, data)
    shipped = load_xform(prebuilt, path.name) if prebuilt is not None else load_form_bytes(data, path.name)
    if (str(shipped.form_id), str(shipped.version)) == (form_id, version):
        return shipped
    return None


def instance_xml(definition: FormDefinition, item: OutboxItem) -> bytes:
    answers: dict[str, Any] = dict(item.answers)
    meta = dict(answers.get("meta") or {})
    meta["instanceID"] = f"uuid:{item.version_id}"
    if item.replaces:
        meta["deprecatedID"] = f"uuid:{item.replaces}"
    else:
        meta.pop("deprecatedID", None)
    answers["meta"] = meta
    session = definition.new_session(answers=answers)
    return session.to_xml().encode("utf-8")
