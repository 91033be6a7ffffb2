"""The registry's data-protection pages: erase a person (with a reason) and download their subject access
export. Registrars and admins only; the erase form needs the session's CSRF token like every form of the
registry. Mounted by sync.server.app next to the registry's own router; the person page links here.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from forms.errors import DeskError
from sync.server.db import transaction
from sync.server.models import RecordRow
from sync.server.protection.access import subject_access_pdf as make_pdf
from sync.server.protection.access import write_subject_access
from sync.server.protection.erase import REASON_CODES, checkpoint, erase_record
from sync.server.registry import sessions
from sync.server.registry.i18n import translator
from sync.server.registry.web import SECURITY_HEADERS

ALLOWED = ("admin", "registrar")
WARNING = (
    "Erasure is final: every version, duplicate pair and index entry of this record is deleted on the server "
    "now, and on every laptop at its next sync. The audit log keeps who erased it, when and why."
)
MAX_FORM_BYTES = 8 * 1024
SEE_OTHER = 303
# The few sentences of these pages in the registry's other languages (the registry's catalogue has the rest).
OWN_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "Erase this person": "Effacer cette personne",
        WARNING: (
            "L'effacement est définitif : toutes les versions, paires de doublons et entrées d'index "
            "de cette fiche sont supprimées du serveur maintenant, et de chaque ordinateur à sa prochaine "
            "synchronisation. Le journal d'audit garde qui l'a effacée, quand et pourquoi."
        ),
        "Reason": "Motif",
        "Erase": "Effacer",
        "Erased": "Effacée",
        "The record was erased. Laptops holding it erase it at their next sync.": (
            "La fiche a été effacée. Les ordinateurs qui la détiennent l'effacent à leur prochaine "
            "synchronisation."
        ),
        "Subject access export (JSON)": "Export du droit d'accès (JSON)",
        "For the person (PDF)": "Pour la personne (PDF)",
    },
    "pt": {
        "Erase this person": "Apagar esta pessoa",
        WARNING: (
            "O apagamento é definitivo: todas as versões, pares de duplicados e entradas de índice deste "
            "registo são eliminados no servidor agora, e em cada computador na sua próxima "
            "sincronização. O registo de auditoria guarda quem o apagou, quando e porquê."
        ),
        "Reason": "Motivo",
        "Erase": "Apagar",
        "Erased": "Apagado",
        "The record was erased. Laptops holding it erase it at their next sync.": (
            "O registo foi apagado. Os computadores que o têm apagam-no na próxima sincronização."
        ),
        "Subject access export (JSON)": "Exportação do direito de acesso (JSON)",
        "For the person (PDF)": "Para a pessoa (PDF)",
    },
}


def _secure(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    return response


def protection_router(engine: Engine, factory: sessionmaker[Session]) -> APIRouter:
    router = APIRouter()
    templates = Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("sync.server.protection", "templates"),
                PackageLoader("sync.server.registry", "templates"),
            ]
        ),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def words(language: str) -> Any:
        registry = translator(language)
        own = OWN_WORDS.get(language, {})
        return lambda text: own.get(text) or registry(text)

    def signed_in(request: Request) -> sessions.SignedIn | None:
        with transaction(factory) as session:
            return sessions.lookup(session, request.cookies.get(sessions.COOKIE))

    def render(name: str, me: sessions.SignedIn, status: int = 200, **context: Any) -> Response:
        lang = me.account.language
        html = templates.get_template(name).render(
            _=words(lang), lang=lang, me=me.account, csrf=me.csrf_token, page="people", **context
        )
        return _secure(HTMLResponse(html, status_code=status))

    def message(me: sessions.SignedIn, heading: str, text: str, status: int) -> Response:
        t = words(me.account.language)
        return render("message.html", me, status=status, heading=t(heading), message=t(text))

    def gate(request: Request) -> tuple[sessions.SignedIn | None, Response | None]:
        me = signed_in(request)
        if me is None:
            return None, _secure(RedirectResponse("/login", status_code=SEE_OTHER))
        if me.account.role not in ALLOWED:
            return None, message(
                me, "Not for your role", "Your role does not open this page. An admin can change roles.", 403
            )
        return me, None

    @router.get("/people/{record_id}/erase", include_in_schema=False)
    def erase_form(record_id: str, request: Request) -> Response:
        me, refused = gate(request)
        if me is None:
            return refused  # type: ignore[return-value]
        with factory() as session:
            known = session.get(RecordRow, record_id[:64]) is not None
        if not known:
            return message(
                me, "Not found", "There is no person with that record id (or the record was erased).", 404
            )
        return render("erase.html", me, record_id=record_id[:64], reasons=REASON_CODES, warning=WARNING)

    @router.post("/people/{record_id}/erase", include_in_schema=False)
    async def erase(record_id: str, request: Request) -> Response:
        me, refused = await run_in_threadpool(gate, request)
        fields = await _form_fields(request)
        if me is None:
            return refused  # type: ignore[return-value]
        if not sessions.csrf_ok(me, fields.get("csrf_token")):
            return message(
                me,
                "Refused",
                "The form was not sent from this registry's page (its anti-forgery token is missing). "
                "Reload the page and try again.",
                403,
            )
        reason = fields.get("reason", "")[:500]
        try:
            await run_in_threadpool(_erase, record_id[:64], me.account.username, reason)
        except DeskError as exc:
            return _secure(HTMLResponse(_plain_page(exc.message), status_code=400))
        return message(
            me, "Erased", "The record was erased. Laptops holding it erase it at their next sync.", 200
        )

    def _erase(record_id: str, actor: str, reason: str) -> None:
        with transaction(factory) as session:
            erase_record(session, record_id, actor=actor, source="registry", reason=reason)
        checkpoint(engine)

    @router.get("/people/{record_id}/subject-access.json", include_in_schema=False)
    def subject_access(record_id: str, request: Request) -> Response:
        me, refused = gate(request)
        if me is None:
            return refused  # type: ignore[return-value]
        try:
            with transaction(factory) as session:
                document = _document(session, record_id[:64], me.account.username)
        except DeskError:
            return message(
                me, "Not found", "There is no person with that record id (or the record was erased).", 404
            )
        response = Response(
            json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True), media_type="application/json"
        )
        response.headers["Content-Disposition"] = (
            f'attachment; filename="subject-access-{record_id[:36]}.json"'
        )
        return _secure(response)

    @router.get("/people/{record_id}/subject-access.pdf", include_in_schema=False)
    def subject_access_pdf(record_id: str, request: Request) -> Response:
        """The person's own copy: in their preferred language, else the registrar's; audited."""
        me, refused = gate(request)
        if me is None:
            return refused  # type: ignore[return-value]
        try:
            with transaction(factory) as session:
                content, _document, _language = make_pdf(
                    session, record_id[:64], actor=me.account.username,
                    language=me.account.language,
                )  # fmt: skip
        except DeskError:
            return message(
                me, "Not found", "There is no person with that record id (or the record was erased).", 404
            )
        response = Response(content, media_type="application/pdf")
        response.headers["Content-Disposition"] = (
            f'attachment; filename="subject-access-{record_id[:36]}.pdf"'
        )
        return _secure(response)

    return router


def _document(session: Session, record_id: str, actor: str) -> dict[str, Any]:
    import os
    import tempfile
    from pathlib import Path

    # The same document as `diaspora-server person export`, audited the same way; the file is never kept.
    descriptor, name = tempfile.mkstemp(suffix=".json")
    os.close(descriptor)
    try:
        return write_subject_access(session, record_id, Path(name), actor=actor)
    finally:
        Path(name).unlink(missing_ok=True)


def _plain_page(sentence: str) -> str:
    from html import escape

    return (
        f"<!doctype html><title>Refused</title><p>{escape(sentence)}</p><p><a href='/people'>People</a></p>"
    )


async def _form_fields(request: Request) -> dict[str, str]:
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return {}
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=10)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {key: values[0] for key, values in parsed.items() if values}
