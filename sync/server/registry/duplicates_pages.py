"""The registry's adjudication pages: ``/duplicates`` (candidate pairs, paged) and ``/duplicates/PAIR``
(both records side by side, field by field, with the form's labels and the differences marked).

Registrars and admins decide "same person" (choosing, where both records hold different values, the
value that survives; the default is the newest non-empty one, as the export does) or "different
people". The decision itself is sync.server.dedup.decisions.resolve, which also writes the audit log;
these pages only show and ask. Same sign-in, roles, CSRF and look as the registry's other pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from sync.server.db import transaction
from sync.server.dedup import decisions
from sync.server.dedup.index import OPEN
from sync.server.models import DedupPairRow, RecordRow, RecordVersionRow
from sync.server.registry import audit, sessions
from sync.server.registry.i18n import translator
from sync.server.registry.labels import FormLabels, form_labels
from sync.server.registry.person import SHOWN_TYPES, _value
from sync.server.registry.web import SECURITY_HEADERS
from sync.server.validation import FormCatalog

ROLES = ("admin", "registrar")
PAGE = 50
MAX_FORM_BYTES = 64 * 1024
SEE_OTHER = 303
VIEW_DUPLICATE = "view_duplicate"
KEEP = "keep_"


@dataclass(frozen=True)
class Side:
    record_id: str
    received_at: str
    answers: dict[str, Any]


@dataclass(frozen=True)
class FieldRow:
    name: str
    label: str
    value_a: str
    value_b: str
    differs: bool
    choosable: bool  # both hold a value and they differ: the registrar picks the survivor
    default: str  # the record whose value survives unless another is chosen (newest non-empty)


@dataclass(frozen=True)
class Listed:
    pair: decisions.Pair
    name_a: str
    name_b: str


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _secure(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    return response


def _heads(session: Session, record_ids: list[str]) -> dict[str, Side]:
    rows = session.execute(
        select(RecordRow.record_id, RecordVersionRow.answers_json, RecordVersionRow.received_at)
        .join(RecordVersionRow, RecordVersionRow.version_id == RecordRow.head_version_id)
        .where(RecordRow.record_id.in_(record_ids), RecordRow.deleted.is_(False))
    ).all()
    return {
        row.record_id: Side(
            row.record_id, row.received_at.strftime("%Y-%m-%d %H:%M"), json.loads(row.answers_json)
        )
        for row in rows
    }


def _name(side: Side | None) -> str:
    if side is None:
        return ""
    return " ".join(str(side.answers.get(k, "")) for k in ("given_name", "family_name")).strip()


def field_rows(a: Side, b: Side, labels: FormLabels | None, newest: str) -> list[FieldRow]:
    """Every shown field either record holds, in the form's order (the raw names without a form)."""
    if labels is not None:
        questions = [
            node
            for top in labels.questions
            for node in top.walk()
            if node.kind not in ("group", "repeat") and node.type in SHOWN_TYPES
        ]
    else:
        questions = []
    known = {q.name for q in questions}
    rows: list[FieldRow] = []

    def add(name: str, label: str, show: Any) -> None:
        raw_a, raw_b = a.answers.get(name), b.answers.get(name)
        if _empty(raw_a) and _empty(raw_b):
            return
        text_a = "" if _empty(raw_a) else show(raw_a)
        text_b = "" if _empty(raw_b) else show(raw_b)
        differs = raw_a != raw_b
        choosable = differs and not _empty(raw_a) and not _empty(raw_b)
        default = newest if choosable else (a.record_id if not _empty(raw_a) else b.record_id)
        rows.append(FieldRow(name, label, text_a, text_b, differs, choosable, default))

    for question in questions:
        assert labels is not None
        add(
            question.name,
            labels.text(question.labels, question.name),
            lambda v, q=question: _value(q, v, labels),
        )
    for name in sorted((set(a.answers) | set(b.answers)) - known):
        if name != "meta" and not isinstance(a.answers.get(name, b.answers.get(name)), dict):
            add(name, name, str)
    return rows


def duplicates_router(factory: sessionmaker[Session], catalog: FormCatalog) -> APIRouter:
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

    def render(name: str, me: sessions.SignedIn, status: int = 200, **context: Any) -> Response:
        lang = me.account.language
        html = templates.get_template(name).render(
            _=translator(lang), lang=lang, me=me.account, csrf=me.csrf_token, page="duplicates", **context
        )
        return _secure(HTMLResponse(html, status_code=status))

    def message(me: sessions.SignedIn, status: int, heading: str, text: str) -> Response:
        return render("message.html", me, status=status, heading=heading, message=text)

    def guard(request: Request) -> sessions.SignedIn | Response:
        me = signed_in(request)
        if me is None:
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            login = "/login?" + urlencode({"next": target})
            return _secure(RedirectResponse(login, status_code=SEE_OTHER))
        if me.account.role not in ROLES:
            t = translator(me.account.language)
            return message(
                me,
                403,
                t("Not for your role"),
                t("Your role does not open this page. An admin can change roles."),
            )
        return me

    def not_found(me: sessions.SignedIn) -> Response:
        t = translator(me.account.language)
        return message(me, 404, t("Not found"), t("There is no such pair of possible duplicates."))

    @router.get("/duplicates", include_in_schema=False)
    def queue(request: Request) -> Response:
        me = guard(request)
        if isinstance(me, Response):
            return me
        raw = request.query_params.get("page", "1")
        page = max(1, min(int(raw), 10_000)) if raw.isdigit() else 1
        with factory() as session:
            total = (
                session.scalar(
                    select(func.count()).select_from(DedupPairRow).where(DedupPairRow.status == OPEN)
                )
                or 0
            )
            pairs = decisions.list_pairs(session, OPEN, limit=page * PAGE + 1)
            shown = pairs[(page - 1) * PAGE : page * PAGE]
            heads = _heads(session, sorted({rid for p in shown for rid in (p.record_a, p.record_b)}))
        items = [Listed(p, _name(heads.get(p.record_a)), _name(heads.get(p.record_b))) for p in shown]
        t = translator(me.account.language)
        done = {"same": t("Linked as one person."), "different": t("Marked as different people.")}.get(
            request.query_params.get("done", ""), ""
        )
        return render(
            "duplicates.html",
            me,
            items=items,
            total=total,
            page_number=page,
            has_next=len(pairs) > page * PAGE,
            done=done,
        )

    @router.get("/duplicates/{pair_id}", include_in_schema=False)
    def pair_page(pair_id: str, request: Request) -> Response:
        me = guard(request)
        if isinstance(me, Response):
            return me
        if not pair_id.isdigit() or len(pair_id) > 12:
            return not_found(me)
        with transaction(factory) as session:
            try:
                pair = decisions.get_pair(session, int(pair_id))
            except decisions.PairError:
                return not_found(me)
            heads = _heads(session, [pair.record_a, pair.record_b])
            if len(heads) < 2:
                return not_found(me)
            a, b = heads[pair.record_a], heads[pair.record_b]
            newest = _newest(session, pair)
            version = session.scalar(
                select(RecordVersionRow.form_version)
                .join(RecordRow, RecordRow.head_version_id == RecordVersionRow.version_id)
                .where(RecordRow.record_id == newest)
            )
            labels = form_labels(catalog, session, pair.form_id, version, me.account.language)
            rows = field_rows(a, b, labels, newest)
            audit.append(
                session,
                me.account.username,
                VIEW_DUPLICATE,
                f"pair {pair.id}",
                {"record_a": pair.record_a, "record_b": pair.record_b},
            )
        return render(
            "duplicate_pair.html",
            me,
            pair=pair,
            a=a,
            b=b,
            name_a=_name(a),
            name_b=_name(b),
            rows=rows,
            form_title=labels.title if labels else pair.form_id,
            keep=KEEP,
        )

    @router.post("/duplicates/{pair_id}", include_in_schema=False)
    async def decide(pair_id: str, request: Request) -> Response:
        me = await run_in_threadpool(guard, request)
        if isinstance(me, Response):
            return me
        fields = await _form_fields(request)
        t = translator(me.account.language)
        if not sessions.csrf_ok(me, fields.get("csrf_token")):
            return message(
                me,
                403,
                t("Refused"),
                t(
                    "The form was not sent from this registry's page (its anti-forgery token is missing). "
                    "Reload the page and try again."
                ),
            )
        decision = fields.get("decision", "")
        if not pair_id.isdigit() or len(pair_id) > 12 or decision not in ("same", "different"):
            return not_found(me)
        choices = {
            key[len(KEEP) :]: value
            for key, value in fields.items()
            if key.startswith(KEEP) and decision == "same"
        }
        try:
            await run_in_threadpool(_resolve, int(pair_id), decision == "same", me.account.username, choices)
        except decisions.PairError as error:
            return message(me, 409, t("Not decided"), str(error))
        return _secure(RedirectResponse(f"/duplicates?done={decision}", status_code=SEE_OTHER))

    def _resolve(pair_id: int, same: bool, actor: str, choices: dict[str, str]) -> None:
        with transaction(factory) as session:
            decisions.resolve(session, pair_id, same=same, actor=actor, choices=choices)

    return router


def _newest(session: Session, pair: decisions.Pair) -> str:
    """The record whose head version the server received last (the export's "newest non-empty")."""
    newest = session.scalar(
        select(RecordRow.record_id)
        .join(RecordVersionRow, RecordVersionRow.version_id == RecordRow.head_version_id)
        .where(RecordRow.record_id.in_([pair.record_a, pair.record_b]))
        .order_by(RecordVersionRow.received_at.desc(), RecordRow.record_id)
        .limit(1)
    )
    return newest or pair.record_b


async def _form_fields(request: Request) -> dict[str, str]:
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return {}
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=400)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {key: values[0] for key, values in parsed.items() if values}
