"""A body limit on every request, enforced by the server itself before anything parses the body.

An ASGI middleware (so it also covers routes that read the body themselves, and pages added later):
a declared Content-Length over the limit is refused at once, without reading a byte; a body without
one (chunked) is counted as it streams in and refused the moment it passes the limit. The refusal is
413 with the usual JSON error and ``Connection: close``.

Before answering, a refused body of moderate size (up to `DRAIN_BYTES` in all) is read and thrown
away: a client still writing its body when the server closes gets a TCP reset instead of the 413, and
would report a broken connection, not "too large". Draining holds nothing (each chunk is dropped), so
it costs bandwidth, never memory; a body declared larger than that is refused without reading a byte.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

from sync import protocol as p

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_BODY_BYTES = 64 * 1024  # enrolment, logins, small forms
# Path prefixes with their own limit: the public self-registration pages (a long form's answers as
# urlencoded fields are a few KB; nothing there needs more).
PREFIX_LIMITS = {"/register/": 32 * 1024}
# A refused body up to this size in all is read and discarded so the client sees the 413 (see above).
DRAIN_BYTES = 32 * 1024 * 1024


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() and len(text) <= 18 else None
    return None


def _size_words(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):.0f} MB"
    return f"{limit // 1024} KB"


async def refuse_too_large(send: Send, limit: int) -> None:
    body = json.dumps(
        {
            "detail": f"The request body is larger than this endpoint accepts ({_size_words(limit)}).",
            "code": p.ERROR_BODY_TOO_LARGE,
            "erase_keys": False,
        }
    ).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _drain(receive: Receive, budget: int) -> None:
    """Read and drop the rest of a refused body, at most `budget` bytes (then stop: the rest is the
    client's problem, and its connection is closed with the answer)."""
    while budget > 0:
        message = await receive()
        if message["type"] != "http.request":
            return
        budget -= len(message.get("body", b""))
        if not message.get("more_body", False):
            return


class BodyLimitMiddleware:
    """Refuse (413) any request body over `default_limit` bytes, over `path_limits[path]`, or over the
    limit of the first of `prefix_limits` the path starts with.

    The body is read here, whole and counted, before the route runs (and handed to it unchanged): so
    a route that never reads its body (a GET with a chunked body) is covered too, and no route ever
    sees more than its limit. What is held is at most the limit of one request.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        default_limit: int,
        path_limits: Mapping[str, int] | None = None,
        prefix_limits: Mapping[str, int] | None = None,
    ):
        self.app = app
        self.default_limit = default_limit
        self.path_limits = dict(path_limits or {})
        self.prefix_limits = dict(PREFIX_LIMITS if prefix_limits is None else prefix_limits)

    def limit_for(self, path: str) -> int:
        if path in self.path_limits:
            return self.path_limits[path]
        for prefix, limit in self.prefix_limits.items():
            if path.startswith(prefix):
                return limit
        return self.default_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = _declared_length(scope)
        if declared is not None and declared > limit:
            if declared <= DRAIN_BYTES:
                await _drain(receive, DRAIN_BYTES)
            await refuse_too_large(send, limit)
            return
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            body = message.get("body", b"")
            received += len(body)
            if received > limit:
                chunks.clear()
                if message.get("more_body", False):
                    await _drain(receive, DRAIN_BYTES - received)
                await refuse_too_large(send, limit)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        whole: Message = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        chunks.clear()
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return whole
            return await receive()  # after the body: a disconnect, when it comes

        await self.app(scope, replay, send)
