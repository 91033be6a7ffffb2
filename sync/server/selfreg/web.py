"""The public pages: ``GET/POST /register/FORM_ID``, ``POST /register/FORM_ID/confirm``, and
``POST /register/FORM_ID/relevance`` (what our small script asks to show or hide questions live).

No session and no sign-in: CSRF is a double-submit cookie; a honeypot field and per-address limits keep
robots out; the answer to a sent form never says whether an address is known. Logs carry record ids
only. Every page has the registry's security headers (CSP without inline script).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from forms.engine import FormDefinition
from forms.reference import reference_of
from sync.server.db import transaction
from sync.server.models import FormVersionRow
from sync.server.ratelimit import Decision, RateLimiter
from sync.server.registry.web import SECURITY_HEADERS
from sync.server.selfreg import registration, render, smtp, tokens
from sync.server.selfreg.texts import choose_language, translator
from sync.server.validation import FormCatalog

log = logging.getLogger("sync.server.selfreg")

CSRF_COOKIE = "dd_selfreg_csrf"
MAX_FIELDS = 600
SUBMITS_PER_HOUR_ENV = "DIASPORA_SERVER_SELFREG_PER_HOUR"
DEFAULT_SUBMITS_PER_HOUR = 10  # registrations sent per client address per hour
CODES_PER_ADDRESS = 5  # confirmation e-mails per recipient per hour
WRONG_CODES = 10  # wrong codes per client address per 15 minutes
# relevance questions per client address per hour, per registration allowed: a person filling the form
# asks once per change; over the limit the script stops updating and the page still works as a plain form
RELEVANCE_PER_SUBMIT = 100
STATIC = {"selfreg.css": "text/css; charset=utf-8", "selfreg.js": "text/javascript; charset=utf-8"}


def _secure(response: Response, *, cache: bool = False) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    if cache:
        response.headers["Cache-Control"] = "public, max-age=3600"
    return response


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _fields(body: bytes) -> dict[str, list[str]]:
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {key[:200]: [v[: render.MAX_ANSWER_CHARS] for v in values] for key, values in parsed.items()}


def _raw_answers(definition: FormDefinition, fields: dict[str, list[str]]) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    _, addresses = render.fill(definition, definition.default_language, {})
    for address, kind in addresses.items():
        values = fields.get(address)
        if values is None:
            continue
        raw[address] = [v for v in values if v] if kind == "select_multiple" else values[0]
    return raw


def selfreg_router(factory: sessionmaker[Session], catalog: FormCatalog, submits_per_hour: int) -> APIRouter:
    router = APIRouter()
    templates = Environment(
        loader=PackageLoader("sync.server.selfreg", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    static_files = {
        name: resources.files("sync.server.selfreg").joinpath(f"static/{name}").read_bytes()
        for name in STATIC
    }
    submit_limiter = RateLimiter("selfreg_submit", limit=submits_per_hour, window=timedelta(hours=1))
    mail_limiter = RateLimiter("selfreg_mail", limit=CODES_PER_ADDRESS, window=timedelta(hours=1))
    code_limiter = RateLimiter("selfreg_code", limit=WRONG_CODES, window=timedelta(minutes=15))
    relevance_limiter = RateLimiter(
        "selfreg_relevance", limit=RELEVANCE_PER_SUBMIT * submits_per_hour, window=timedelta(hours=1)
    )

    def relevance_allowed(client: str) -> Decision:
        with transaction(factory) as db:
            return relevance_limiter.attempt(db, client)

    def published(form_id: str) -> tuple[str, FormDefinition] | None:
        if not form_id or len(form_id) > 200:
            return None
        with factory() as session:
            newest = session.scalar(
                select(func.max(FormVersionRow.id)).where(FormVersionRow.form_id == form_id)
            )
            version = session.scalar(select(FormVersionRow.version).where(FormVersionRow.id == newest))
        if version is None:
            return None
        form = catalog.get(form_id, version)
        return (version, form.definition()) if form is not None else None

    def page(name: str, lang: str, status: int = 200, csrf: str = "", **context: Any) -> Response:
        t = translator(lang)
        html = templates.get_template(name).render(_=t, lang=lang, csrf=csrf, **context)
        response = _secure(HTMLResponse(html, status_code=status))
        if csrf:
            response.set_cookie(
                CSRF_COOKIE, csrf, path="/register", max_age=4 * 3600, secure=True, httponly=True,
                samesite="strict",
            )  # fmt: skip
        return response

    def message(lang: str, status: int, text: str) -> Response:
        t = translator(lang)
        return page("message.html", lang, status, heading=t("Register online"), message=t(text))

    def form_page(
        form_id: str,
        definition: FormDefinition,
        lang: str,
        csrf: str,
        raw: dict[str, Any],
        *,
        email: str = "",
        show_errors: bool = False,
        notice: str = "",
        status: int = 200,
        email_error: str = "",
    ) -> Response:
        t = translator(lang)
        session, addresses = render.fill(definition, lang, raw)
        errors = session.errors() if show_errors else {}
        nodes = render.tree(definition, session, raw, errors, t)
        return page(
            "register.html",
            lang,
            status,
            csrf,
            form_id=form_id,
            title=definition.title,
            nodes=nodes,
            shown=" ".join(render.visible_addresses(session, addresses)),
            email=email,
            email_error=email_error,
            notice=notice,
            has_repeat=any(q.kind == "repeat" for q in definition.by_path.values()),
            email_field=render.EMAIL_FIELD,
            honeypot=render.HONEYPOT_FIELD,
        )

    @router.get("/register/static/{name}", include_in_schema=False)
    def selfreg_static(name: str) -> Response:
        if name not in static_files:
            return _secure(Response("Not found.", status_code=404, media_type="text/plain"))
        return _secure(Response(static_files[name], media_type=STATIC[name]), cache=True)

    @router.get("/register/{form_id}", include_in_schema=False)
    def register_form(form_id: str, request: Request) -> Response:
        lang = choose_language(request.query_params.get("lang"), request.headers.get("accept-language"))
        found = published(form_id)
        if found is None:
            return message(lang, 404, "This form is not open for online registration.")
        if smtp.SmtpSettings.from_environment() is None:
            return message(lang, 503, "Online registration is not available on this server.")
        csrf = request.cookies.get(CSRF_COOKIE, "")
        csrf = csrf if 20 <= len(csrf) <= 64 else tokens.new_csrf()
        return form_page(form_id, found[1], lang, csrf, {})

    @router.post("/register/{form_id}/relevance", include_in_schema=False)
    async def register_relevance(form_id: str, request: Request) -> Response:
        decision = await run_in_threadpool(relevance_allowed, _client(request))
        if not decision.allowed:  # counted before any work: the engine runs for no one over the limit
            log.warning("self-registration: too many relevance requests from one client address")
            return _secure(
                JSONResponse(
                    {"detail": "Too many requests from your connection. Please wait and try again later."},
                    status_code=429,
                    headers={"Retry-After": str(decision.retry_after_seconds)},
                )
            )
        fields = _fields(await request.body())
        found = await run_in_threadpool(published, form_id)
        if found is None:
            return JSONResponse({"detail": "No such form."}, status_code=404)
        definition = found[1]

        def visibility() -> dict[str, bool]:
            raw = _raw_answers(definition, fields)
            session, _ = render.fill(definition, definition.default_language, raw)
            nodes = render.tree(definition, session, raw, {}, translator("en"))
            out: dict[str, bool] = {}
            stack = list(nodes)
            while stack:
                node = stack.pop()
                out[node.name] = node.visible
                stack.extend(node.children)
            return out

        return _secure(JSONResponse({"visible": await run_in_threadpool(visibility)}))

    @router.post("/register/{form_id}", include_in_schema=False)
    async def register_send(form_id: str, request: Request) -> Response:
        fields = _fields(await request.body())
        first = {key: values[0] if values else "" for key, values in fields.items()}
        lang = choose_language(first.get("lang"), request.headers.get("accept-language"))
        return await run_in_threadpool(
            _send, form_id, lang, fields, first, request.cookies.get(CSRF_COOKIE, ""), _client(request)
        )

    def _send(
        form_id: str,
        lang: str,
        fields: dict[str, list[str]],
        first: dict[str, str],
        cookie: str,
        client: str,
    ) -> Response:
        found = published(form_id)
        if found is None:
            return message(lang, 404, "This form is not open for online registration.")
        settings = smtp.SmtpSettings.from_environment()
        if settings is None:
            return message(lang, 503, "Online registration is not available on this server.")
        version, definition = found
        t = translator(lang)
        raw = _raw_answers(definition, fields)
        email = first.get(render.EMAIL_FIELD, "").strip()[:254]

        def again(status: int, notice: str = "", show_errors: bool = True, email_error: str = "") -> Response:
            csrf = cookie if tokens.csrf_matches(first.get("csrf_token", ""), cookie) else tokens.new_csrf()
            return form_page(
                form_id, definition, lang, csrf, raw, email=email, show_errors=show_errors,
                notice=t(notice) if notice else "", status=status, email_error=email_error,
            )  # fmt: skip

        if not tokens.csrf_matches(first.get("csrf_token", ""), cookie):
            return again(400, "The page expired. Please send the form again.", show_errors=False)
        if first.get(render.HONEYPOT_FIELD, ""):
            log.warning("self-registration: honeypot field filled; nothing kept, nothing sent")
            return confirm_page(form_id, lang, cookie, "00000000-0000-4000-8000-000000000000.0000000000.0")
        session, addresses = render.fill(definition, lang, raw)
        shown = set(first.get("shown", "").split())
        unseen = [a for a in render.visible_addresses(session, addresses) if a not in shown]
        if unseen:  # questions that apply now and were not on the page: show them first
            return again(
                200,
                "More questions apply to your answers: please look at them, then send again.",
                show_errors=False,
            )
        errors = session.errors()
        email_error = (
            "" if render.valid_email(email) else t("Enter an e-mail address such as name@example.org.")
        )
        if errors or email_error:
            return again(
                400, "Some answers need your attention; they are marked below.", email_error=email_error
            )
        with transaction(factory) as db:
            by_client = submit_limiter.attempt(db, client)
            by_mail = mail_limiter.attempt(db, email.lower()) if by_client.allowed else by_client
        if not (by_client.allowed and by_mail.allowed):
            log.warning("self-registration: over the limit for one client address or recipient")
            return again(429, "Too many attempts from your connection. Please wait and try again later.")
        record_id = registration.new_record_id()
        code = tokens.new_code()
        body = t(
            "Your confirmation code is {code}. It is valid for {minutes} minutes. If you did not register, "
            "ignore this message."
        ).format(code=code, minutes=tokens.CODE_MINUTES)
        try:
            smtp.send(settings, email, t("Your registration code") + f": {definition.title}", body)
        except smtp.MailNotSent:
            return again(
                503, "The confirmation e-mail could not be sent. Nothing was kept; please try again later."
            )
        try:
            registration.store(factory, catalog, record_id, (form_id, version), session.answers())
        except registration.NotStored as exc:
            log.warning("self-registration for form %s not stored: %s", form_id, exc)
            return again(400, "Some answers need your attention; they are marked below.")
        token = tokens.confirmation_token(tokens.confirmation_key(factory), record_id, code)
        return confirm_page(form_id, lang, cookie, token)

    def confirm_page(
        form_id: str, lang: str, csrf: str, token: str, error: str = "", status: int = 200
    ) -> Response:
        return page("confirm.html", lang, status, csrf, form_id=form_id, token=token, error=error)

    @router.post("/register/{form_id}/confirm", include_in_schema=False)
    async def register_confirm(form_id: str, request: Request) -> Response:
        fields = _fields(await request.body())
        first = {key: values[0] if values else "" for key, values in fields.items()}
        lang = choose_language(first.get("lang"), request.headers.get("accept-language"))
        return await run_in_threadpool(
            _confirm, form_id, lang, first, request.cookies.get(CSRF_COOKIE, ""), _client(request)
        )

    def _confirm(form_id: str, lang: str, first: dict[str, str], cookie: str, client: str) -> Response:
        t = translator(lang)
        token = first.get("token", "")[:200]
        if not tokens.csrf_matches(first.get("csrf_token", ""), cookie):
            return confirm_page(
                form_id,
                lang,
                tokens.new_csrf(),
                token,
                t("The page expired. Please send the form again."),
                400,
            )
        with transaction(factory) as db:
            decision = code_limiter.attempt(db, client)
        if not decision.allowed:
            log.warning("self-registration: too many wrong codes from one client address")
            return confirm_page(
                form_id, lang, cookie, token,
                t("Too many attempts from your connection. Please wait and try again later."), 429,
            )  # fmt: skip
        checked = tokens.check(tokens.confirmation_key(factory), token, first.get("code", ""))
        if (
            not checked.valid
            or checked.record_id is None
            or not registration.confirm(factory, checked.record_id)
        ):
            return confirm_page(
                form_id, lang, cookie, token,
                t("This code is not right, or it expired. Check the e-mail and try again."), 400,
            )  # fmt: skip
        with transaction(factory) as db:
            code_limiter.refund(db, client)
        return page("receipt.html", lang, 200, reference=reference_of(checked.record_id), form_id=form_id)

    return router


def submits_per_hour() -> int:
    """Registrations per client address per hour (`serve --selfreg-per-hour`, through the environment)."""
    import os

    text = os.environ.get(SUBMITS_PER_HOUR_ENV, "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else DEFAULT_SUBMITS_PER_HOUR
