"""The registry's data-protection pages: erase a person (with a reason) and download their subject access
export. Registrars and admins only; the erase form needs the session's CSRF token like every form of the
registry. Mounted by sync.server.app next to the registry's own router; the person page links here.
"""

from __future__ import annotations

import json
from dataclasses import replace
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
from sync.server.protection.access import form_labels_in, published_form, write_subject_access
from sync.server.protection.access import subject_access_pdf as make_pdf
from sync.server.protection.correct import correct_record, editable_fields, head_of
from sync.server.protection.erase import REASON_CODES, ProtectionError, checkpoint, erase_record
from sync.server.registry import sessions
from sync.server.registry.i18n import translator
from sync.server.registry.web import SECURITY_HEADERS

ALLOWED = ("admin", "registrar")
CORRECTION_REASONS = ("subject_request", "registered_in_error", "other")
CORRECTION_NOTE = (
    "The correction is saved as a new version of the record: the earlier versions stay in its history "
    "(and in the person's subject access export). The audit log keeps who corrected which questions, when "
    "and why, never the answers."
)
MAX_CORRECTION_BYTES = 64 * 1024
WARNING = (
    "Erasure is final: every version, duplicate pair and index entry of this record is deleted on the server "
    "now, and on every laptop at its next sync. The audit log keeps who erased it, when and why."
)
ANONYMISE_NOTE = (
    "Anonymise instead: the person's names, dates, documents, contacts and every earlier version are "
    "deleted the same way, but their country, city, occupation, skills and interests stay in the "
    "registry's figures."
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
        ANONYMISE_NOTE: (
            "Anonymiser plutôt : les noms, dates, documents, contacts et toutes les versions antérieures de "
            "la personne sont supprimés de la même façon, mais son pays, sa ville, sa profession, ses "
            "compétences et ses intérêts restent dans les chiffres du registre."
        ),
        "Anonymise instead": "Anonymiser plutôt",
        "Anonymised": "Anonymisée",
        "The record was anonymised: nothing identifies the person any more, their figures stay. Laptops "
        "holding it erase it at their next sync.": (
            "La fiche a été anonymisée : plus rien n'identifie la personne, ses chiffres restent. Les "
            "ordinateurs qui la détiennent l'effacent à leur prochaine synchronisation."
        ),
        "Erased": "Effacée",
        "The record was erased. Laptops holding it erase it at their next sync.": (
            "La fiche a été effacée. Les ordinateurs qui la détiennent l'effacent à leur prochaine "
            "synchronisation."
        ),
        "Subject access export (JSON)": "Export du droit d'accès (JSON)",
        "For the person (PDF)": "Pour la personne (PDF)",
        "Correct this person's answers": "Corriger les réponses de cette personne",
        CORRECTION_NOTE: (
            "La correction est enregistrée comme une nouvelle version de la fiche : les versions "
            "antérieures restent dans son historique (et dans l'export du droit d'accès de la personne). "
            "Le journal d'audit garde qui a corrigé quelles questions, quand et pourquoi, "
            "jamais les réponses."
        ),
        "Save the correction": "Enregistrer la correction",
        "Corrected": "Corrigée",
        "The correction was saved as a new version of the record.": (
            "La correction a été enregistrée comme une nouvelle version de la fiche."
        ),
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
        ANONYMISE_NOTE: (
            "Anonimizar em vez disso: os nomes, datas, documentos, contactos e todas as versões anteriores "
            "da pessoa são eliminados da mesma forma, mas o seu país, cidade, profissão, competências e "
            "interesses ficam nos números do registo."
        ),
        "Anonymise instead": "Anonimizar em vez disso",
        "Anonymised": "Anonimizado",
        "The record was anonymised: nothing identifies the person any more, their figures stay. Laptops "
        "holding it erase it at their next sync.": (
            "O registo foi anonimizado: já nada identifica a pessoa, os seus números ficam. Os computadores "
            "que o têm apagam-no na próxima sincronização."
        ),
        "Erased": "Apagado",
        "The record was erased. Laptops holding it erase it at their next sync.": (
            "O registo foi apagado. Os computadores que o têm apagam-no na próxima sincronização."
        ),
        "Subject access export (JSON)": "Exportação do direito de acesso (JSON)",
        "For the person (PDF)": "Para a pessoa (PDF)",
        "Correct this person's answers": "Corrigir as respostas desta pessoa",
        CORRECTION_NOTE: (
            "A correção é guardada como uma nova versão do registo: as versões anteriores ficam no seu "
            "histórico (e na exportação do direito de acesso da pessoa). O registo de auditoria guarda quem "
            "corrigiu que perguntas, quando e porquê, nunca as respostas."
        ),
        "Save the correction": "Guardar a correção",
        "Corrected": "Corrigido",
        "The correction was saved as a new version of the record.": (
            "A correção foi guardada como uma nova versão do registo."
        ),
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
        return render(
            "erase.html", me, record_id=record_id[:64], reasons=REASON_CODES, warning=WARNING,
            anonymise_note=ANONYMISE_NOTE,
        )  # fmt: skip

    @router.post("/people/{record_id}/anonymise", include_in_schema=False)
    async def anonymise(record_id: str, request: Request) -> Response:
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
        try:
            await run_in_threadpool(
                _anonymise, record_id[:64], me.account.username, fields.get("reason", "")[:500]
            )
        except DeskError as exc:
            return _secure(HTMLResponse(_plain_page(exc.message), status_code=400))
        return message(
            me,
            "Anonymised",
            "The record was anonymised: nothing identifies the person any more, their figures stay. Laptops "
            "holding it erase it at their next sync.",
            200,
        )

    def _anonymise(record_id: str, actor: str, reason: str) -> None:
        from sync.server.protection.anonymise import anonymise_record

        with transaction(factory) as session:
            anonymise_record(session, record_id, actor=actor, reason=reason)
        checkpoint(engine)

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

    def correction_page(
        me: sessions.SignedIn, record_id: str, status: int = 200, problem: str | None = None,
        typed: dict[str, str] | None = None,
    ) -> Response:  # fmt: skip
        with factory() as session:
            found = head_of(session, record_id)
            if found is None:
                return message(
                    me, "Not found", "There is no person with that record id (or the record was erased).", 404
                )
            labels = form_labels_in(session, found[1].form_id, found[1].form_version, me.account.language)
            answers = json.loads(found[1].answers_json or "{}")
        if labels is None:
            return message(me, "Not found", "This record's form is not on this server.", 404)
        fields = editable_fields(labels, answers)
        if typed:  # what the registrar typed stays in the form after a refusal
            fields = [replace(f, value=typed.get(f.name, f.value)) for f in fields]
        return render(
            "correct.html", me, status=status, record_id=record_id, fields=fields, reasons=CORRECTION_REASONS,
            explanation=CORRECTION_NOTE, problem=problem,
        )  # fmt: skip

    @router.get("/people/{record_id}/correct", include_in_schema=False)
    def correct_form(record_id: str, request: Request) -> Response:
        me, refused = gate(request)
        if me is None:
            return refused  # type: ignore[return-value]
        return correction_page(me, record_id[:64])

    @router.post("/people/{record_id}/correct", include_in_schema=False)
    async def correct(record_id: str, request: Request) -> Response:
        me, refused = await run_in_threadpool(gate, request)
        fields = await _form_fields(request, MAX_CORRECTION_BYTES, 500)
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
        typed = {key[2:]: value for key, value in fields.items() if key.startswith("q_")}
        try:
            await run_in_threadpool(
                _correct, record_id[:64], me.account.username, fields.get("reason", ""), typed
            )
        except DeskError as exc:
            return await run_in_threadpool(correction_page, me, record_id[:64], 400, exc.message, typed)
        return message(me, "Corrected", "The correction was saved as a new version of the record.", 200)

    def _correct(record_id: str, actor: str, reason: str, typed: dict[str, str]) -> None:
        with transaction(factory) as session:
            found = head_of(session, record_id)
            if found is None:
                raise ProtectionError("There is no person with that record id (or the record was erased).")
            head = found[1]
            labels = form_labels_in(session, head.form_id, head.form_version, "en")
            published = published_form(session, head.form_id, head.form_version)
            correct_record(
                session,
                record_id,
                typed,
                actor=actor,
                reason=reason[:500],
                labels=labels,
                published=published,
            )

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


async def _form_fields(request: Request, limit: int = MAX_FORM_BYTES, most: int = 10) -> dict[str, str]:
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return {}
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=most)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {key: values[0] for key, values in parsed.items() if values}
