"""The OpenRosa endpoints (``/v1/openrosa/TOKEN/...``): formList, the XForm download and submissions.

Every answer carries ``X-OpenRosa-Version: 1.0``; errors are an OpenRosaResponse message, one sentence,
never what was sent. A wrong token is 401, a revoked one 403.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from sync.server.models import FormVersionRow
from sync.server.openrosa import app_users, submissions
from sync.server.openrosa.responses import (
    XML_TYPE,
    ListedForm,
    forms_list_xml,
    message_xml,
    openrosa_headers,
)
from sync.server.openrosa.review_page import review_router
from sync.server.validation import FormCatalog

log = logging.getLogger("sync.server.openrosa")

PREFIX = "/v1/openrosa/{token}"
_TOKEN_PARAM = {"name": "token", "in": "path", "required": True, "schema": {"type": "string"}}


class _Refusal(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def _answer(status: int, message: str, *, error: bool = True, accept: bool = False) -> Response:
    headers = openrosa_headers(submissions.MAX_SUBMISSION_BYTES if accept else None)
    return Response(
        message_xml(message, error=error), status_code=status, media_type=XML_TYPE, headers=headers
    )


def _user(factory: sessionmaker[Session], token: str) -> app_users.AppUser:
    with factory() as session:
        user = app_users.find_by_token(session, token)
    if user is None:
        raise _Refusal(401, "This app user token is not known to this server.")
    if user.status != app_users.ACTIVE:
        log.warning("openrosa: app user %s is revoked", user.user_id)
        raise _Refusal(403, "This app user has been revoked.")
    return user


def _latest_forms(session: Session, only: str | None) -> list[Any]:
    newest = select(FormVersionRow.form_id, func.max(FormVersionRow.id).label("id")).group_by(
        FormVersionRow.form_id
    )
    if only is not None:
        newest = newest.where(FormVersionRow.form_id == only)
    ids = [row.id for row in session.execute(newest)]
    if not ids:
        return []
    query = select(FormVersionRow.form_id, FormVersionRow.version, FormVersionRow.title).where(
        FormVersionRow.id.in_(ids)
    )
    return list(session.execute(query.order_by(FormVersionRow.form_id)))


def register(app: FastAPI, factory: sessionmaker[Session], catalog: FormCatalog) -> None:
    router = APIRouter(tags=["openrosa"])

    def xform_bytes(form_id: str, version: str) -> bytes | None:
        published = catalog.get(form_id, version)
        if published is None:
            return None
        return str(published.definition().xform_xml).encode("utf-8")

    def form_list(token: str, base_url: str) -> bytes:
        user = _user(factory, token)
        with factory() as session:
            rows = _latest_forms(session, user.form_id)
        listed = []
        for row in rows:
            xml = xform_bytes(row.form_id, row.version)
            if xml is None:
                continue
            path = f"forms/{quote(row.form_id, safe='')}/versions/{quote(row.version, safe='')}/form.xml"
            url = f"{base_url}/v1/openrosa/{token}/{path}"
            listed.append(
                ListedForm(
                    row.form_id,
                    row.title,
                    row.version,
                    hashlib.md5(xml, usedforsecurity=False).hexdigest(),
                    url,
                )
            )
        return forms_list_xml(listed)

    @router.get(PREFIX + "/formList", response_class=Response, responses={200: {"content": {"text/xml": {}}}})
    async def openrosa_form_list(token: str, request: Request) -> Response:
        base_url = str(request.base_url).rstrip("/")
        try:
            body = await run_in_threadpool(form_list, token, base_url)
        except _Refusal as refusal:
            return _answer(refusal.status, refusal.message)
        return Response(body, media_type=XML_TYPE, headers=openrosa_headers())

    def download(token: str, form_id: str, version: str) -> bytes:
        user = _user(factory, token)
        if user.form_id is not None and user.form_id != form_id:
            raise _Refusal(403, "This app user may not use this form.")
        xml = xform_bytes(form_id, version)
        if xml is None:
            raise _Refusal(404, "No such published form version.")
        return xml

    @router.get(
        PREFIX + "/forms/{form_id}/versions/{version}/form.xml",
        response_class=Response,
        responses={200: {"content": {"text/xml": {}}}},
    )
    async def openrosa_form_download(token: str, form_id: str, version: str) -> Response:
        try:
            body = await run_in_threadpool(download, token, form_id, version)
        except _Refusal as refusal:
            return _answer(refusal.status, refusal.message)
        return Response(body, media_type=XML_TYPE, headers=openrosa_headers())

    @router.head(PREFIX + "/submission", response_class=Response, status_code=204)
    async def openrosa_submission_head(token: str) -> Response:
        try:
            await run_in_threadpool(_user, factory, token)
        except _Refusal as refusal:
            return Response(status_code=refusal.status, headers=openrosa_headers())
        return Response(status_code=204, headers=openrosa_headers(submissions.MAX_SUBMISSION_BYTES))

    def submit(token: str, content_type: str, body: bytes) -> submissions.Outcome:
        user = _user(factory, token)
        return submissions.receive(factory, catalog, user, content_type, body)

    @router.post(
        PREFIX + "/submission",
        response_class=Response,
        status_code=201,
        responses={201: {"content": {"text/xml": {}}}},
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "properties": {"xml_submission_file": {"type": "string", "format": "binary"}},
                        }
                    }
                },
            }
        },
    )
    async def openrosa_submission(token: str, request: Request) -> Response:
        body = await request.body()  # bounded by the body-limit middleware (10 MB here)
        content_type = request.headers.get("content-type", "")
        try:
            outcome = await run_in_threadpool(submit, token, content_type, body)
        except _Refusal as refusal:
            return _answer(refusal.status, refusal.message, accept=True)
        if outcome.status >= 400:
            log.warning("openrosa submission refused (%d)", outcome.status)
        return _answer(outcome.status, outcome.message, error=outcome.status >= 400, accept=True)

    app.include_router(router)
    app.include_router(review_router(factory))  # /review: the registrars' queue of pending submissions
