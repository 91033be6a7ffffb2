"""The registry's review queue (``/review``): registrars accept or reject what came in through OpenRosa.

Same look, sign-in, roles, CSRF and audit as the registry's pages (sync/server/registry), in files of
its own: it extends the registry's ``base.html`` and reads its session cookie.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from forms.errors import DeskError
from sync.server.db import transaction
from sync.server.openrosa import review
from sync.server.registry import audit, sessions
from sync.server.registry.i18n import translator
from sync.server.registry.web import SECURITY_HEADERS

ROLES = ("admin", "registrar")
MAX_FORM_BYTES = 4096
SEE_OTHER = 303
_RECORD = re.compile(r"^[0-9a-f-]{36}$")

TEXTS = {
    "fr": {
        "Submissions to review": "Soumissions à examiner",
        "Records sent from ODK Collect or Enketo are counted in the registry only once a registrar "
        "accepts them.": "Les fiches envoyées depuis ODK Collect ou Enketo ne sont comptées dans le "
        "registre qu'après leur acceptation par un agent d'enregistrement.",
        "No submission waits for review.": "Aucune soumission n'attend d'examen.",
        "Record": "Fiche",
        "Form": "Formulaire",
        "Sent by": "Envoyée par",
        "Received (UTC)": "Reçue (UTC)",
        "Decision": "Décision",
        "Accept": "Accepter",
        "Reject": "Refuser",
        "Accepted.": "Acceptée.",
        "Rejected.": "Refusée.",
    },
    "pt": {
        "Submissions to review": "Submissões a rever",
        "Records sent from ODK Collect or Enketo are counted in the registry only once a registrar "
        "accepts them.": "Os registos enviados pelo ODK Collect ou pelo Enketo só contam no registo "
        "depois de um registador os aceitar.",
        "No submission waits for review.": "Nenhuma submissão aguarda revisão.",
        "Record": "Registo",
        "Form": "Formulário",
        "Sent by": "Enviado por",
        "Received (UTC)": "Recebido (UTC)",
        "Decision": "Decisão",
        "Accept": "Aceitar",
        "Reject": "Rejeitar",
        "Accepted.": "Aceite.",
        "Rejected.": "Rejeitado.",
    },
}


def _secure(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    return response


def review_router(factory: sessionmaker[Session]) -> APIRouter:
    router = APIRouter()
    templates = Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("sync.server.openrosa", "templates"),
                PackageLoader("sync.server.registry", "templates"),
            ]
        ),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def signed_in(request: Request) -> sessions.SignedIn | None:
        token = request.cookies.get(sessions.COOKIE)
        if not token:
            return None
        with transaction(factory) as session:
            return sessions.lookup(session, token)

    def texts(language: str) -> Any:
        registry_t = translator(language)
        mine = TEXTS.get(language, {})
        return lambda text: mine.get(text) or registry_t(text)

    def render(me: sessions.SignedIn, status: int = 200, **context: Any) -> Response:
        lang = me.account.language
        t = texts(lang)
        html = templates.get_template("review.html").render(
            _=t, t=t, lang=lang, me=me.account, csrf=me.csrf_token, page="review", **context
        )
        return _secure(HTMLResponse(html, status_code=status))

    def guard(request: Request) -> sessions.SignedIn | Response:
        me = signed_in(request)
        if me is None:
            login = "/login?" + urlencode({"next": "/review"})
            return _secure(RedirectResponse(login, status_code=SEE_OTHER))
        if me.account.role not in ROLES:
            return _secure(HTMLResponse("Your role does not open this page.", status_code=403))
        return me

    def page(me: sessions.SignedIn, done: str = "", status: int = 200) -> Response:
        with factory() as session:
            items = review.list_reviews(session, review.PENDING, limit=200)
        return render(me, status=status, items=items, done=done)

    @router.get("/review", include_in_schema=False)
    def review_queue(request: Request) -> Response:
        me = guard(request)
        if isinstance(me, Response):
            return me
        done = {"accept": "Accepted.", "reject": "Rejected."}.get(request.query_params.get("done", ""), "")
        return page(me, texts(me.account.language)(done) if done else "")

    @router.post("/review/{record_id}", include_in_schema=False)
    async def review_decide(record_id: str, request: Request) -> Response:
        me = await run_in_threadpool(guard, request)
        if isinstance(me, Response):
            return me
        body = await request.body()  # bounded by the server's body limit (64 KB)
        try:
            fields = parse_qs(body[:MAX_FORM_BYTES].decode("utf-8"), max_num_fields=5)
        except (UnicodeDecodeError, ValueError):
            fields = {}
        sent = (fields.get("csrf_token") or [""])[0]
        decision = (fields.get("decision") or [""])[0]
        if (
            not sessions.csrf_ok(me, sent)
            or decision not in ("accept", "reject")
            or not _RECORD.match(record_id)
        ):
            return _secure(HTMLResponse("Refused: reload the page and try again.", status_code=403))
        status = review.ACCEPTED if decision == "accept" else review.REJECTED
        try:
            await run_in_threadpool(_decide, me, record_id, status)
        except DeskError:
            return _secure(HTMLResponse("No such submission waits for review.", status_code=404))
        return _secure(RedirectResponse(f"/review?done={decision}", status_code=SEE_OTHER))

    def _decide(me: sessions.SignedIn, record_id: str, status: str) -> None:
        with transaction(factory) as session:
            review.decide(session, record_id, status, me.account.username)
            audit.append(session, me.account.username, f"review_{status}", record_id)

    return router
