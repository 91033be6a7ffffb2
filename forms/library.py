"""The forms a desk can register with: the shipped form plus the store's form library
(forms.store.form_library), loaded with the engine. No Qt.

``form_for(store, form_id, version)`` opens a record with the version it was made with;
``current_form(store, form_id)`` is the newest version for new records. Library forms are loaded from
their stored XForm (no pyxform), and the last few are kept in memory.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from forms.engine import FormDefinition, FormError, load_form, load_xform, shipped_form_path
from forms.engine.loader import convert_with_notes
from forms.engine.media import choice_files
from forms.errors import DeskError
from forms.form_bundle import read_bundle
from forms.store import NotAllowedError, Store
from forms.store._session import StoreOrSession, operator_of, transaction
from forms.store.batches import BatchInfo
from forms.store.form_library import (
    ORIGIN_ADDED,
    ORIGIN_SHIPPED,
    LibraryForm,
    batch_form_id,
    newest_versions,
    put_form,
    put_media,
    read_form,
    read_media,
    retire_form,
    version_key,
)

_XLSX_MAGIC, _XLS_MAGIC = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"


@dataclass(frozen=True)
class FormChoice:
    """A form offered to a batch: what `forms list` prints and the batch dialog shows."""

    form_id: str
    version: str
    title: str
    origin: str
    retired: bool = False

    def to_json(self) -> dict[str, object]:
        return {"form_id": self.form_id, "version": self.version, "title": self.title,
                "origin": self.origin, "retired": self.retired}  # fmt: skip


_SHIPPED: FormDefinition | None = None
_LOADED: dict[tuple[str, str, str], FormDefinition] = {}
_LOCK = threading.Lock()


def shipped_form() -> FormDefinition:
    """The registration form shipped with the app (loaded once per process, from its stored XForm)."""
    global _SHIPPED
    with _LOCK:
        if _SHIPPED is None:
            _SHIPPED = load_form(shipped_form_path())
        return _SHIPPED


def workbook_suffix(content: bytes, fallback: str = "xlsx") -> str:
    """``xlsx`` or ``xls`` from the file's first bytes (a downloaded .xls is not an .xlsx)."""
    if content.startswith(_XLS_MAGIC):
        return "xls"
    if content.startswith(_XLSX_MAGIC):
        return "xlsx"
    return fallback


def convert(
    content: bytes, filename: str, media: dict[str, bytes] | None = None
) -> tuple[FormDefinition, str]:
    """Loads an XLSForm with the engine: (definition, XForm XML); FormError when it cannot run here.
    ``media``: the files shipped with it (choices files of select_one_from_file)."""
    stem = Path(filename).stem or "form"
    name = f"{stem}.{workbook_suffix(content, Path(filename).suffix.lower().lstrip('.') or 'xlsx')}"
    xform, _notes = convert_with_notes(content, name)
    definition = load_xform(xform, name, media)
    return definition, xform


def _load_stored(
    target: StoreOrSession, form_id: str, version: str, sha256: str, xform: str
) -> FormDefinition:
    key = (form_id, version, sha256)
    with _LOCK:
        cached = _LOADED.get(key)
    if cached is not None:
        return cached
    media = read_media(target, form_id, version) if choice_files(xform) else None
    definition = load_xform(xform, f"{form_id}.xlsx", media)
    definition.form_id = form_id  # a form without settings is named after its file: keep the stored id
    with _LOCK:
        if len(_LOADED) >= 8:
            _LOADED.pop(next(iter(_LOADED)))
        _LOADED[key] = definition
    return definition


def form_for(target: StoreOrSession, form_id: str | None, version: str | None = None) -> FormDefinition:
    """The form a record or batch names: the exact version when it is held (records open with the
    version they were made with), else the newest one; the shipped form for None or its own id."""
    shipped = shipped_form()
    if not form_id or form_id == shipped.form_id:
        # the shipped form unless the server published a newer version of it (or the record names one)
        stored = read_form(target, shipped.form_id, version) if version != shipped.version else None
        newer = stored is not None and version_key(stored.entry.version) > version_key(str(shipped.version))
        if stored is None or (version is None and not newer):
            return shipped
    else:
        stored = read_form(target, form_id, version)
        if stored is None and version is not None:
            stored = read_form(target, form_id)
        if stored is None:
            raise DeskError(
                f"there is no form '{form_id}' in this store's library (see: diaspora-desk forms list)",
                exit_code=2,
            )
    entry = stored.entry
    return _load_stored(target, entry.form_id, entry.version, entry.sha256, stored.xform)


def current_form(target: StoreOrSession, form_id: str | None) -> FormDefinition:
    """The newest version of a form, for new records (the shipped form for None)."""
    return form_for(target, form_id)


def batch_form(target: StoreOrSession, batch_id: str) -> FormDefinition:
    """The form a batch is filled with (the shipped form unless it was opened with another)."""
    return current_form(target, batch_form_id(target, batch_id))


def available_forms(target: StoreOrSession, *, include_retired: bool = False) -> list[FormChoice]:
    """The shipped form first, then the newest version of each library form."""
    shipped = shipped_form()
    choices = [FormChoice(shipped.form_id, str(shipped.version), str(shipped.title), ORIGIN_SHIPPED)]
    for entry in newest_versions(target, include_retired=include_retired):
        if entry.form_id == shipped.form_id:
            if version_key(entry.version) > version_key(str(shipped.version)):
                choices[0] = _choice(entry)
        else:
            choices.append(_choice(entry))
    return choices


def _choice(entry: LibraryForm) -> FormChoice:
    return FormChoice(entry.form_id, entry.version, entry.title, entry.origin, entry.retired)


def keep_form(
    session: object,
    content: bytes,
    filename: str,
    origin: str,
    *,
    definition: FormDefinition | None = None,
    xform: str | None = None,
    media: dict[str, bytes] | None = None,
) -> tuple[FormDefinition, bool]:
    """Converts (unless given) and keeps a form version, with its media files, in the caller's
    transaction; (definition, added)."""
    if definition is None or xform is None:
        definition, xform = convert(content, filename, media)
    added = put_form(
        session,  # type: ignore[arg-type]
        form_id=str(definition.form_id),
        version=str(definition.version),
        title=str(definition.title or definition.form_id),
        origin=origin,
        filename=Path(filename).name,
        xlsform=content,
        xform=xform,
        added_by=operator_of(session).name,  # type: ignore[arg-type]
    )
    if added and media:
        put_media(session, str(definition.form_id), str(definition.version), media)  # type: ignore[arg-type]
    return definition, added


def add_form_file(
    store: Store, path: Path, media_files: list[Path] | None = None
) -> tuple[FormDefinition, bool]:
    """`forms add`: a supervisor adds an XLSForm from a file, a folder or a .zip holding it with its
    media (forms.form_bundle), plus any ``media_files``. Refused forms raise FormError (one sentence
    naming sheet, row and column); (definition, False) when that version was already held. A form whose
    choices file is missing is refused, naming the file and how to give it."""
    if not store.operator.is_supervisor:
        raise NotAllowedError("Only a supervisor may add forms; ask a supervisor to add it.")
    bundle = read_bundle(path, media_files)
    return add_form_bytes(store, bundle.workbook, bundle.filename, bundle.media)


def add_form_bytes(
    store: Store, content: bytes, filename: str, media: dict[str, bytes] | None = None
) -> tuple[FormDefinition, bool]:
    """An XLSForm workbook given as bytes (a file's, or one made from a destination's XForm) into the
    library, with the checks of ``forms add``."""
    if not store.operator.is_supervisor:
        raise NotAllowedError("Only a supervisor may add forms; ask a supervisor to add it.")
    media = media or {}
    # outside the transaction: pyxform takes seconds
    definition, xform = convert(content, filename, media)
    missing = [name for name in choice_files(xform) if name not in media]
    if missing:
        was, it = ("was", "it") if len(missing) == 1 else ("were", "them")
        raise DeskError(
            f"the form {filename} takes its choices from {', '.join(missing)}, which {was} not "
            f"given: add {it} with --media FILE, or put the workbook and its media in one folder (or .zip) "
            "and add that",
            exit_code=2,
        )
    if definition.form_id == shipped_form().form_id:
        raise DeskError(
            f"the form id '{definition.form_id}' is the shipped form's own: give your form another "
            "form_id in its settings sheet",
            exit_code=2,
        )
    with transaction(store) as session:
        return keep_form(
            session, content, filename, ORIGIN_ADDED, definition=definition, xform=xform, media=media
        )


def retire(store: Store, form_id: str) -> int:
    if not store.operator.is_supervisor:
        raise NotAllowedError("Only a supervisor may retire forms.")
    if form_id == shipped_form().form_id:
        raise DeskError("the shipped form cannot be retired", exit_code=2)
    if not any(c.form_id == form_id for c in available_forms(store, include_retired=True)):
        raise DeskError(f"there is no form '{form_id}' in this store's library", exit_code=2)
    return retire_form(store, form_id)


# Fields that identify a person in the records list, by well-known name, when the form does not say.
WELL_KNOWN_IDENTIFYING = ("family_name", "last_name", "surname", "given_name", "first_name", "full_name",
                          "name", "document_number", "id_number", "phone", "phone_number")  # fmt: skip
MAX_IDENTIFYING = 4
IDENTIFYING_SETTING = "identifying_fields"


def identifying_fields(target: StoreOrSession, definition: FormDefinition) -> list[str]:
    """The questions that identify a person in the records list: the form's own ``identifying_fields``
    setting (names separated by spaces), else the well-known names it has, else its first text
    questions (outside repeats)."""
    outside = {
        q.name: q
        for top in definition.questions
        for q in top.walk()
        if q.kind == "question" and not q.repeat_chain and q.answerable
    }
    chosen = [name for name in _setting_fields(target, definition) if name in outside]
    if not chosen:
        chosen = [name for name in WELL_KNOWN_IDENTIFYING if name in outside]
    if not chosen:
        chosen = [name for name, q in outside.items() if q.type == "text" and not q.preload][:3]
    return chosen[:MAX_IDENTIFYING]


_SEARCH_FIELDS: dict[tuple[str, str], list[str]] = {}


def search_fields(target: StoreOrSession, definition: FormDefinition) -> list[str] | None:
    """What ``save_record(identifying=...)`` takes for a record of this form: None for the shipped form
    (its own names), else its identifying fields (kept per form version: a version never changes)."""
    if is_shipped(definition.form_id):
        return None
    key = (str(definition.form_id), str(definition.version))
    with _LOCK:
        known = _SEARCH_FIELDS.get(key)
    if known is None:
        known = identifying_fields(target, definition)
        with _LOCK:
            _SEARCH_FIELDS[key] = known
    return list(known)


def _setting_fields(target: StoreOrSession, definition: FormDefinition) -> list[str]:
    from forms.engine.diagnostics import read_sheets

    stored = read_form(target, str(definition.form_id), str(definition.version))
    if stored is None:
        return []
    rows = read_sheets(stored.xlsform, workbook_suffix(stored.xlsform)).get("settings") or []
    if len(rows) < 2:
        return []
    header = [cell.strip().lower() for cell in rows[0]]
    if IDENTIFYING_SETTING not in header:
        return []
    value = (
        rows[1][header.index(IDENTIFYING_SETTING)] if header.index(IDENTIFYING_SETTING) < len(rows[1]) else ""
    )
    return [name for name in value.replace(",", " ").split() if name]


def answers_of(
    target: StoreOrSession, version_ids: list[str], fields: list[str]
) -> dict[str, dict[str, str]]:
    """``fields`` of the answers of these record versions (version id -> field -> text), for the
    records list of a form other than the shipped one (its search columns hold the shipped form's)."""
    from forms.store.records import answers_of_versions

    return {
        version_id: {f: "" if answers.get(f) is None else str(answers[f]) for f in fields}
        for version_id, answers in answers_of_versions(target, version_ids).items()
    }


def open_batch_with_form(
    store: Store, name: str, place: str, day: str, form_id: str | None
) -> tuple[BatchInfo, FormDefinition]:
    """A new batch, at once the operator's current one, filled with ``form_id`` (None: the shipped
    form); one transaction. A retired form is refused."""
    from forms.store.current_batch import open_and_choose
    from forms.store.form_library import set_batch_form

    form = current_form(store, form_id)
    offered = {choice.form_id for choice in available_forms(store)}
    if form_id and not is_shipped(form_id) and form_id not in offered:
        raise DeskError(f"the form '{form_id}' is retired: choose another form for the batch")
    with transaction(store) as session:
        batch = open_and_choose(session, name, place, day)
        set_batch_form(session, batch.id, None if is_shipped(form.form_id) else str(form.form_id))
    return batch, form


def is_shipped(form_id: object) -> bool:
    return str(form_id) == shipped_form().form_id


__all__ = [
    "FormChoice", "FormError", "add_form_file", "answers_of", "available_forms", "batch_form", "convert",
    "current_form", "form_for", "identifying_fields", "is_shipped", "keep_form", "open_batch_with_form",
    "retire", "search_fields", "shipped_form", "workbook_suffix",
]  # fmt: skip
