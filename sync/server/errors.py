"""Errors that never echo a request's input: validation answers, and the last line of defence for bugs.

FastAPI's own 422 repeats each invalid field's `input` (and fails to render a lone surrogate or an
infinity in it, becoming a 500); its tracebacks and pydantic's messages carry the same values into the
log. Here a validation refusal names only where and what kind of problem, and an unexpected exception
is answered with a plain 500 and logged as its class and stack frames (file, line, function): never
its message, which may hold what the request sent.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from sync import protocol as p
from sync.server.limits import ASGIApp, Receive, Scope, Send

log = logging.getLogger("sync.server.errors")


def field_names(errors: list[Any]) -> str:
    """'body.code, header.x' from pydantic errors: locations only (strings and ints, never inputs)."""
    names = []
    for error in errors[:5]:
        location = error.get("loc", ()) if isinstance(error, dict) else ()
        parts = [str(part) if isinstance(part, int) else _safe_name(part) for part in location]
        names.append(".".join(parts) or "?")
    return ", ".join(names)


def _safe_name(part: Any) -> str:
    # A location can be a key the client sent (an extra field): keep it short and printable.
    text = str(part)
    cleaned = "".join(ch for ch in text if ch.isascii() and ch.isprintable())[:40]
    return cleaned or "?"


def validation_response(errors: list[Any]) -> JSONResponse:
    return JSONResponse(
        {
            "detail": f"The request has missing or invalid fields: {field_names(errors)}.",
            "code": p.ERROR_MALFORMED_REQUEST,
            "erase_keys": False,
        },
        status_code=422,
    )


def install_validation_handler(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        log.warning("refused %s %s: %s (422)", request.method, request.url.path, p.ERROR_MALFORMED_REQUEST)
        return validation_response(list(exc.errors()))


def frames_only(exc: BaseException) -> str:
    """The traceback without the exception's message (or any chained one's)."""
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in frames]
    return "\n".join([f"{type(exc).__module__}.{type(exc).__qualname__} (message withheld)", *lines])


class SafeErrorsMiddleware:
    """Answer an unhandled exception with 500 and a frames-only log line (uvicorn would log the message)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            method, path = scope.get("method"), scope.get("path")
            log.error("unexpected error on %s %s:\n%s", method, path, frames_only(exc))
            if started:
                return
            response = JSONResponse(
                {"detail": "The server failed; the error is logged.", "code": p.ERROR_INTERNAL},
                status_code=500,
            )
            await response(scope, receive, send)
