"""The registry's pages and its JSON summary: a FastAPI router mounted by sync.server.app.

Every response carries the security headers (CSP without inline script, frame-ancestors none, no
caching of pages with personal data). Without a live session a page redirects to /login and the JSON
answers 401: no data either way. Every state change (login, logout, language) needs its CSRF token.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Callable
from dataclasses import asdict
from datetime import timedelta
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from sync.server import admin
from sync.server.db import transaction
from sync.server.models import DeviceRow
from sync.server.ratelimit import RateLimiter
from sync.server.registry import accounts, audit, figures, index, person, search, sessions
from sync.server.registry.accounts import Account
from sync.server.registry.charts import PngUnavailable, legend, png
from sync.server.registry.i18n import browser_language, translator
from sync.server.registry.labels import FormLabels, form_labels
from sync.server.registry.views import CHARTS, CHOICE_CHARTS, chart
from sync.server.validation import FormCatalog

log = logging.getLogger("sync.server.registry")

LOGIN_CSRF_COOKIE = "dd_login_csrf"
MAX_FORM_BYTES = 16 * 1024
SEE_OTHER = 303
# Failed logins per client address (any accounts) per window, on top of each account's own delays.
ADDRESS_FAILURES, ADDRESS_WINDOW_MINUTES = 30, 15
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
STATIC = {
    "registry.css": "text/css; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}
READERS = ("admin", "registrar")  # who may see a person


def _secure(response: Response, *, cache: bool = False) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    if cache:
        response.headers["Cache-Control"] = "public, max-age=3600"
    return response


def _cookie(
    response: Response, name: str, value: str, *, path: str = "/", max_age: int | None = None
) -> None:
    response.set_cookie(
        name, value, path=path, max_age=max_age, secure=True, httponly=True, samesite="strict"
    )


def _safe_next(target: str) -> str:
    """Only a local path (never //host or a scheme) is followed after login."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target and len(target) < 500:
        return target
    return "/dashboard"


def registry_router(engine: Engine, factory: sessionmaker[Session], catalog: FormCatalog) -> APIRouter:
    router = APIRouter()
    address_limiter = RateLimiter(
        "registry_login", limit=ADDRESS_FAILURES, window=timedelta(minutes=ADDRESS_WINDOW_MINUTES)
    )
    templates = Environment(
        loader=PackageLoader("sync.server.registry", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    static_files = {
        name: resources.files("sync.server.registry").joinpath(f"static/{name}").read_bytes()
        for name in STATIC
    }

    # --- helpers -------------------------------------------------------------------------------

    def signed_in(request: Request) -> sessions.SignedIn | None:
        token = request.cookies.get(sessions.COOKIE)
        if not token:
            return None
        with transaction(factory) as session:
            return sessions.lookup(session, token)

    def render(
        name: str, me: sessions.SignedIn | None, status: int = 200, *, guest: str = "en", **context: Any
    ) -> Response:
        lang = me.account.language if me else guest  # guest: the browser's language (login page)
        t = translator(lang)
        html = templates.get_template(name).render(
            _=t, lang=lang, me=me.account if me else None, csrf=me.csrf_token if me else "", **context
        )
        return _secure(HTMLResponse(html, status_code=status))

    def to_login(request: Request) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return _secure(RedirectResponse("/login?" + urlencode({"next": target}), status_code=SEE_OTHER))

    def refused(me: sessions.SignedIn, status: int = 403) -> Response:
        t = translator(me.account.language)
        return render(
            "message.html",
            me,
            status=status,
            heading=t("Not for your role"),
            message=t("Your role does not open this page. An admin can change roles."),
        )

    def labels_for(session: Session, form_id: str | None, language: str) -> FormLabels | None:
        if form_id is None:
            return None
        return form_labels(catalog, session, form_id, None, language)

    def main_form(session: Session, counted: list[tuple[str, int]], wanted: str | None) -> str | None:
        if wanted:
            return wanted
        return counted[0][0] if counted else None

    async def form_fields(request: Request) -> dict[str, str]:
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_FORM_BYTES:
                return {}
        try:
            parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
        except (UnicodeDecodeError, ValueError):
            return {}
        return {key: values[0] for key, values in parsed.items() if values}

    def catch_up() -> None:
        index.catch_up(factory)

    # --- login and logout ----------------------------------------------------------------------

    def login_page(
        message: str = "",
        username: str = "",
        next_path: str = "/dashboard",
        status: int = 200,
        language: str = "en",
    ) -> Response:
        token = accounts_token()
        response = render(
            "login.html",
            None,
            status=status,
            guest=language,
            message=message,
            username=username,
            next=next_path,
            login_csrf=token,
        )
        _cookie(response, LOGIN_CSRF_COOKIE, token, path="/login", max_age=3600)
        return response

    def accounts_token() -> str:
        return secrets.token_urlsafe(24)

    @router.get("/login", include_in_schema=False)
    def login_form(request: Request) -> Response:
        if signed_in(request) is not None:
            return _secure(RedirectResponse("/dashboard", status_code=SEE_OTHER))
        return login_page(
            next_path=_safe_next(request.query_params.get("next", "/dashboard")),
            language=browser_language(request.headers.get("accept-language")),
        )

    @router.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        fields = await form_fields(request)
        sent, expected = fields.get("csrf_token", ""), request.cookies.get(LOGIN_CSRF_COOKIE, "")
        language = browser_language(request.headers.get("accept-language"))
        t = translator(language)
        if not sent or not expected or not _equal(sent, expected):
            return login_page(t("The form expired; please log in again."), status=400, language=language)
        username, password = fields.get("username", "")[:64], fields.get("password", "")[:1024]
        next_path = _safe_next(fields.get("next", "/dashboard"))
        address = request.client.host if request.client else "unknown"
        outcome, token = await run_in_threadpool(
            _login, username, password, fields.get("code", "")[:12], address
        )
        if outcome.account is None or token is None:
            status = 429 if outcome.reason == "address" else 401
            return login_page(
                _login_message(outcome, t),
                username=username,
                next_path=next_path,
                status=status,
                language=language,
            )
        response = _secure(RedirectResponse(next_path, status_code=SEE_OTHER))
        _cookie(response, sessions.COOKIE, token)
        response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
        return response

    def _login(
        username: str, password: str, code: str, address: str
    ) -> tuple[accounts.LoginOutcome, str | None]:
        with transaction(factory) as session:
            decision = address_limiter.attempt(session, address)
            if not decision.allowed:  # many accounts tried from one address: refused before any check
                audit.append(session, "-", audit.LOGIN_FAILED, "", {"reason": "address_throttled"})
                return accounts.LoginOutcome(None, "address", decision.retry_after_seconds), None
            outcome = accounts.attempt_login(session, username, password, code)
            row = accounts.find(session, username)
            target = str(row.id) if row is not None else ""
            if outcome.account is None:
                audit.append(
                    session,
                    "-",
                    audit.LOGIN_FAILED,
                    target,
                    {"reason": outcome.reason if row else "unknown_account"},
                )
                return outcome, None
            address_limiter.refund(session, address)  # only failures count against an address
            token = sessions.start(session, outcome.account)
            audit.append(session, outcome.account.username, audit.LOGIN, target)
            return outcome, token

    @router.get("/logout", include_in_schema=False)
    def logout_form(request: Request) -> Response:
        me = signed_in(request)
        if me is None:
            return _secure(RedirectResponse("/login", status_code=SEE_OTHER))
        return render("logout.html", me)

    @router.post("/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        me = await run_in_threadpool(signed_in, request)
        fields = await form_fields(request)
        if me is None:
            return _secure(RedirectResponse("/login", status_code=SEE_OTHER))
        if not sessions.csrf_ok(me, fields.get("csrf_token")):
            return csrf_refused(me)
        with transaction(factory) as session:
            sessions.end(session, me.token_hash)
            audit.append(session, me.account.username, audit.LOGOUT, str(me.account.id))
        response = _secure(RedirectResponse("/login", status_code=SEE_OTHER))
        response.delete_cookie(sessions.COOKIE, path="/", secure=True, httponly=True, samesite="strict")
        return response

    def csrf_refused(me: sessions.SignedIn) -> Response:
        t = translator(me.account.language)
        return render(
            "message.html",
            me,
            status=403,
            heading=t("Refused"),
            message=t(
                "The form was not sent from this registry's page (its anti-forgery token is missing). "
                "Reload the page and try again."
            ),
        )

    # --- the dashboard -----------------------------------------------------------------------

    def dashboard_data(
        me: sessions.SignedIn, params: Any
    ) -> tuple[figures.Filters, figures.Figures, FormLabels | None]:
        catch_up()
        filters = figures.Filters.parse(params)
        with factory() as session:
            first = figures.compute(session, filters, [])
            form_id = main_form(session, first.forms, filters.form)
            labels = labels_for(session, form_id, me.account.language)
            sectors = list(labels.choices("invest_sectors")) if labels else []
            first.invest_sectors = figures.sector_counts(session, filters, sectors)
        return filters, first, labels

    @router.get("/dashboard", include_in_schema=False)
    def dashboard(request: Request) -> Response:
        me = signed_in(request)
        if me is None:
            return to_login(request)
        filters, found, labels = dashboard_data(me, request.query_params)
        suppress = me.account.role == "analyst"
        t = translator(me.account.language)
        countries = labels.choices("residence_country") if labels else {}
        with factory() as session:
            device_options = [
                (d, label)
                for d, label in session.execute(
                    select(DeviceRow.device_id, DeviceRow.label).order_by(DeviceRow.label)
                )
            ]
        country_chart = chart("country", found, labels, suppress, t)
        return render(
            "dashboard.html",
            me,
            page="dashboard",
            filters=filters,
            figures=found,
            total_shown=figures.shown(found.total, suppress),
            suppress=suppress,
            map=country_chart,
            legend=legend(
                max((n for _, n in found.countries), default=0), figures.SUPPRESS_BELOW if suppress else 0
            ),
            cities=chart("city", found, labels, suppress, t),
            charts=[chart(name, found, labels, suppress, t) for name in ("time", "device", *CHOICE_CHARTS)],
            country_options=sorted(countries.items(), key=lambda item: item[1]),
            device_options=device_options,
            qs=filters.query_string(),
        )

    @router.get("/dashboard/charts/{filename}", include_in_schema=False)
    def chart_file(filename: str, request: Request) -> Response:
        me = signed_in(request)
        if me is None:
            return to_login(request)
        name, _, extension = filename.rpartition(".")
        if name not in CHARTS or extension not in ("csv", "svg", "png"):
            return render(
                "message.html",
                me,
                status=404,
                heading="404",
                message=translator(me.account.language)("There is no such chart."),
            )
        filters, found, labels = dashboard_data(me, request.query_params)
        t = translator(me.account.language)
        one = chart(name, found, labels, me.account.role == "analyst", t)
        with transaction(factory) as session:
            audit.append(
                session,
                me.account.username,
                audit.EXPORT,
                name,
                {
                    "format": extension,
                    "rows": len(one.items),
                    "filters": ",".join(k for k, v in asdict(filters).items() if v and k != "period")
                    or "none",
                },
            )
        body: str | bytes
        if extension == "csv":
            body, media = one.csv((t("Value"), t("Count"))), "text/csv; charset=utf-8"
        elif extension == "png":
            try:
                body, media = png(str(one.svg()), width=1400 if one.kind == "map" else 1040), "image/png"
            except PngUnavailable:
                message = t("This server cannot draw PNG images (the cairo library is missing); use SVG.")
                return render("message.html", me, status=503, heading="503", message=message)
        else:
            body, media = str(one.svg()), "image/svg+xml"
        response = Response(body, media_type=media)
        response.headers["Content-Disposition"] = f'attachment; filename="registry-{name}.{extension}"'
        return _secure(response)

    # --- people -----------------------------------------------------------------------------

    @router.get("/people", include_in_schema=False)
    def people(request: Request) -> Response:
        me = signed_in(request)
        if me is None:
            return to_login(request)
        if me.account.role not in READERS:
            return refused(me)
        catch_up()
        query = search.PeopleQuery.parse(request.query_params)
        with transaction(factory) as session:
            total, hits = search.search(session, query)
            if not query.empty:
                audit.append(
                    session,
                    me.account.username,
                    audit.SEARCH,
                    "",
                    {"by": ",".join(query.kinds()), "results": total, "page": query.page},
                )
            form_id = session.scalar(select(figures.P.form_id).limit(1))
            labels = labels_for(session, form_id, me.account.language)

        def page_qs(page: int) -> str:
            pairs = {
                "q": query.text,
                "skill": query.skill,
                "sector": query.sector,
                "country": query.country,
                "city": query.city,
                "language": query.language,
                "interest": query.interest,
                "page": page,
            }
            return urlencode({k: v for k, v in pairs.items() if v})

        countries = labels.choices("residence_country") if labels else {}
        skills = labels.choices("skills_sector") if labels else {}
        return render(
            "people.html",
            me,
            page="people",
            query=query,
            total=total,
            hits=hits,
            page_size=search.PAGE,
            page_qs=page_qs,
            countries=countries,
            skills=skills,
            country_options=sorted(countries.items(), key=lambda item: item[1]),
            skill_options=sorted(skills.items(), key=lambda item: item[1]),
            sector_options=sorted(
                (labels.choices("invest_sectors") if labels else {}).items(), key=lambda item: item[1]
            ),
            language_options=sorted(
                (labels.choices("languages_spoken") if labels else {}).items(), key=lambda item: item[1]
            ),
        )

    @router.get("/people/{record_id}", include_in_schema=False)
    def person_page(record_id: str, request: Request) -> Response:
        me = signed_in(request)
        if me is None:
            return to_login(request)
        if me.account.role not in READERS:
            return refused(me)
        t = translator(me.account.language)
        with transaction(factory) as session:
            loaded = person.load(session, record_id[:64])
            if loaded is None:
                return render(
                    "message.html",
                    me,
                    status=404,
                    heading=t("Not found"),
                    message=t("There is no person with that record id (or the record was erased)."),
                )
            record, versions = loaded
            head = next((v for v in versions if v.version_id == record.head_version_id), None)
            labels = form_labels(
                catalog, session, record.form_id, head.form_version if head else None, me.account.language
            )
            shown = person.page(session, record, versions, labels)
            audit.append(session, me.account.username, audit.VIEW_PERSON, record.record_id)
        return render("person.html", me, page="people", person=shown)

    # --- audit and account ---------------------------------------------------------------------

    @router.get("/audit", include_in_schema=False)
    def audit_page(request: Request) -> Response:
        me = signed_in(request)
        if me is None:
            return to_login(request)
        if me.account.role != "admin":
            return refused(me)
        before = request.query_params.get("before", "")
        with transaction(factory) as session:
            audit.append(session, me.account.username, audit.VIEW_AUDIT, "")
            entries = audit.entries(session, limit=100, before=int(before) if before.isdigit() else None)
            problems = audit.verify(session)
        return render("audit.html", me, page="audit", entries=entries, problems=problems)

    @router.get("/account", include_in_schema=False)
    def account_page(request: Request) -> Response:
        me = signed_in(request)
        if me is None:
            return to_login(request)
        return render("account.html", me, page="account")

    @router.post("/account/language", include_in_schema=False)
    async def account_language(request: Request) -> Response:
        me = await run_in_threadpool(signed_in, request)
        fields = await form_fields(request)
        if me is None:
            return _secure(RedirectResponse("/login", status_code=SEE_OTHER))
        if not sessions.csrf_ok(me, fields.get("csrf_token")):
            return csrf_refused(me)
        language = fields.get("language", "")
        if language in accounts.LANGUAGES:
            with transaction(factory) as session:
                accounts.set_language(session, me.account.id, language)
                audit.append(
                    session,
                    me.account.username,
                    audit.LANGUAGE_CHANGED,
                    str(me.account.id),
                    {"language": language},
                )
        return _secure(RedirectResponse("/account", status_code=SEE_OTHER))

    # --- the JSON summary ----------------------------------------------------------------------

    def api_account(request: Request) -> Account | None:
        me = signed_in(request)
        if me is not None:
            return me.account
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        with factory() as session:
            found = sessions.account_for_api_token(session, token.strip())
            if found is None and admin.is_admin_token(session, token.strip()):
                found = Account(0, "admin-token", "admin", "en", False, False)
        return found

    @router.get(
        "/api/v1/registry/summary",
        tags=["registry"],
        responses={401: {"description": "No session and no valid API token"}},
        summary="The dashboard's numbers (session cookie or Bearer API token)",
    )
    def summary(request: Request) -> Response:
        who = api_account(request)
        if who is None:
            return _secure(
                JSONResponse(
                    {"detail": "Log in or send an API token.", "code": "unauthenticated"},
                    status_code=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
            )
        me = sessions.SignedIn(who, "", "")
        filters, found, _labels = dashboard_data(me, request.query_params)
        suppress = who.role == "analyst"

        def pairs(items: list[tuple[str, int]]) -> list[dict[str, Any]]:
            return [{"key": key, "count": figures.shown(n, suppress) if suppress else n} for key, n in items]

        body = {
            "filters": {k: v for k, v in asdict(filters).items() if v},
            "small_cells_suppressed": suppress,
            "total": figures.shown(found.total, suppress) if suppress else found.total,
            "over_time": pairs(found.over_time),
            "devices": [
                {"device_id": d, "label": label, "count": figures.shown(n, suppress) if suppress else n}
                for d, label, n in found.devices
            ],
            "countries": pairs(found.countries),
            "cities": [
                {"country": c, "city": city, "count": figures.shown(n, suppress) if suppress else n}
                for c, city, n in found.cities
            ],
            "forms": pairs(found.forms),
            **{name: pairs(values) for name, values in found.choices.items()},
            "invest_sectors": pairs(found.invest_sectors),
        }
        return _secure(JSONResponse(body))

    # --- static files --------------------------------------------------------------------------

    @router.get("/registry/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in static_files:
            return _secure(Response("Not found", status_code=404, media_type="text/plain"))
        return _secure(Response(static_files[name], media_type=STATIC[name]), cache=True)

    from sync.server.registry.sealed_pages import sealed_router  # after web.py: it uses SECURITY_HEADERS

    router.include_router(sealed_router(engine, factory))  # /sealed-import: sealed batch files
    return router


def _equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def _login_message(outcome: accounts.LoginOutcome, t: Callable[[str], str]) -> str:
    if outcome.reason == "address":
        return t("Too many failed logins from this address: wait {n} seconds.").replace(
            "{n}", str(outcome.wait_seconds)
        )
    if outcome.reason == "wait":
        return t("Too many wrong passwords: wait {n} seconds before the next try.").replace(
            "{n}", str(outcome.wait_seconds)
        )
    if outcome.reason == "locked":
        return t("This account is locked after 10 wrong passwords; an admin must set a new password.")
    if outcome.reason == "disabled":
        return t("This account is disabled.")
    if outcome.reason == "code":
        return t("The authenticator code is wrong or missing.")
    if outcome.wait_seconds:
        return t("Wrong username or password. Wait {n} seconds before the next try.").replace(
            "{n}", str(outcome.wait_seconds)
        )
    return t("Wrong username or password.")
