"""The registry's page for sealed batch files: ``/sealed-import``.

An admin or registrar uploads a sealed file a supervisor carried from a laptop without network; the
page imports it exactly as `diaspora-server import-sealed` does (sync/server/sealed_import.py: verified,
decrypted, each batch through the same ingestion as a sync, exactly once) and shows what was imported
(the laptop, the batches, each record's status) or, in one sentence, why the file was refused. The
receipt the laptop imports comes back as a download ("Import and download the receipt"); importing the
same file again adds nothing, so the receipt can be fetched again the same way. Same sign-in, roles,
CSRF and look as the registry's other pages; each import is in the registry's audit log.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from sync.server.db import transaction
from sync.server.openrosa.multipart import MultipartError, read_parts
from sync.server.registry import audit, sessions
from sync.server.registry.i18n import translator
from sync.server.registry.web import SECURITY_HEADERS
from sync.server.sealed_import import SealedImport, SealedImportError, import_sealed

PATH = "/sealed-import"
ROLES = ("admin", "registrar")
MAX_SEALED_BYTES = 32 * 1024 * 1024  # the body limit of PATH (sync/server/app.py); a file is ~100 B a record
SEE_OTHER = 303
IMPORT_SEALED = "import_sealed"
FILE_FIELD = "sealed_file"
_SAFE = re.compile(r"[^A-Za-z0-9._-]")


def _secure(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    return response


def sealed_router(engine: Engine, factory: sessionmaker[Session]) -> APIRouter:
    router = APIRouter()
    templates = Environment(
        loader=PackageLoader("sync.server.registry", "templates"),
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

    def render(me: sessions.SignedIn, status: int = 200, **context: Any) -> Response:
        lang = me.account.language
        html = templates.get_template("sealed_import.html").render(
            _=translator(lang), lang=lang, me=me.account, csrf=me.csrf_token, page="sealed", **context
        )
        return _secure(HTMLResponse(html, status_code=status))

    def guard(request: Request) -> sessions.SignedIn | Response:
        me = signed_in(request)
        if me is None:
            return _secure(RedirectResponse("/login?" + urlencode({"next": PATH}), status_code=SEE_OTHER))
        if me.account.role not in ROLES:
            t = translator(me.account.language)
            html = templates.get_template("message.html").render(
                _=t,
                lang=me.account.language,
                me=me.account,
                csrf=me.csrf_token,
                page="sealed",
                heading=t("Not for your role"),
                message=t("Your role does not open this page. An admin can change roles."),
            )
            return _secure(HTMLResponse(html, status_code=403))
        return me

    @router.get(PATH, include_in_schema=False)
    def form(request: Request) -> Response:
        me = guard(request)
        return me if isinstance(me, Response) else render(me)

    @router.post(PATH, include_in_schema=False)
    async def upload(request: Request) -> Response:
        me = await run_in_threadpool(guard, request)
        if isinstance(me, Response):
            return me
        t = translator(me.account.language)
        body = await request.body()  # bounded by the body limit before the route runs
        try:
            parts = {part.name: part for part in read_parts(request.headers.get("content-type", ""), body)}
        except MultipartError:
            parts = {}
        token = parts.get("csrf_token")
        if token is None or not sessions.csrf_ok(me, token.data.decode("utf-8", "replace")):
            return render(
                me,
                403,
                refused=t(
                    "The form was not sent from this registry's page (its anti-forgery token is missing). "
                    "Reload the page and try again."
                ),
            )
        sealed_file = parts.get(FILE_FIELD)
        if sealed_file is None or not sealed_file.data:
            return render(me, 400, refused=t("Choose a sealed file to import."))
        want_receipt = parts.get("action") is not None and parts["action"].data == b"receipt"
        base = sealed_file.filename.replace("\\", "/").rsplit("/", 1)[-1]
        filename = _SAFE.sub("_", base)[:100] or "sealed"
        try:
            result = await run_in_threadpool(import_sealed, engine, sealed_file.data)
        except SealedImportError as error:
            await run_in_threadpool(_audit, me.account.username, None, error.message)
            return render(me, 400, refused=error.message, filename=filename)
        await run_in_threadpool(_audit, me.account.username, result, None)
        if want_receipt:
            response = Response(
                result.receipt,
                media_type="application/octet-stream",
                headers={"Content-Disposition": f'attachment; filename="{filename}.receipt"'},
            )
            return _secure(response)
        statuses = ("accepted", "duplicate", "conflict", "rejected")
        return render(
            me,
            result=result,
            filename=filename,
            counts=[(status, result.counts.get(status, 0)) for status in statuses],
            records=sum(result.counts.values()),
        )

    def _audit(actor: str, result: SealedImport | None, refused: str | None) -> None:
        details: dict[str, Any] = {}  # not the file's name: a person's name could be in it
        if result is not None:
            details.update(
                device_id=result.device_id,
                export_id=result.export_id,
                batches=result.batches,
                already=result.already,
                **{status: n for status, n in result.counts.items()},
            )
        else:
            details["refused"] = refused
        with transaction(factory) as session:
            audit.append(session, actor, IMPORT_SEALED, result.export_id if result else "", details)

    return router
