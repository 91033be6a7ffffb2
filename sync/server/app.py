"""The central server's HTTP API (FastAPI). Paths are versioned (/v1); the wire format is sync/protocol.py.

Every refusal is logged with the request path, the error code and the device id when known: never a
credential, a code or a personal value.

No `from __future__ import annotations` here: FastAPI resolves the dependency annotations of the
routes, and those are local to create_app.
"""

import base64
import gc
import logging
import os
import re
import uuid
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool

from sync import protocol as p
from sync.server import admin, attachments, auth, hub_api, ratelimit
from sync.server.audit_anchor import StoreRolledBack
from sync.server.audit_entries import check_audit_entries
from sync.server.db import session_factory, transaction
from sync.server.dedup import api as dedup_api
from sync.server.errors import SafeErrorsMiddleware, install_validation_handler, validation_response
from sync.server.hub_models import DeviceLaptopRow
from sync.server.ingest import BatchIdReused, NotRecordOwner, ingest_batch
from sync.server.limits import DEFAULT_BODY_BYTES, PREFIX_LIMITS
from sync.server.models import DeviceRow, FormVersionRow
from sync.server.openrosa import routes as openrosa_routes
from sync.server.openrosa.limits import BodyLimitWithOpenRosa
from sync.server.protection import notices as protection_notices
from sync.server.protection.web import protection_router
from sync.server.registry.duplicates_pages import duplicates_router
from sync.server.registry.sealed_pages import MAX_SEALED_BYTES
from sync.server.registry.sealed_pages import PATH as SEALED_PAGE
from sync.server.registry.web import registry_router
from sync.server.schemas import (
    BatchPayloadModel,
    BatchResponseModel,
    DeviceStatus,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    FormSummary,
    Health,
    SealingKey,
    Stats,
)
from sync.server.sealing_key import sealing_public_key
from sync.server.selfreg.web import selfreg_router, submits_per_hour
from sync.server.settings import ENROL_FAILURES_ENV, LOG_FORMAT, LOG_LEVEL_ENV, worker_database
from sync.server.validation import FormCatalog

log = logging.getLogger("sync.server.app")

# gzip of 5 MB of incompressible bytes is a little larger than 5 MB.
MAX_BODY_BYTES = p.MAX_BATCH_BYTES + 64 * 1024
# Wrong enrolment codes per client address per 15 minutes (`serve --enrol-failures`).
DEFAULT_ENROL_FAILURES = 10

_bearer = HTTPBearer(auto_error=False, description="Device credential (or admin token for /v1/admin).")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, detail: str, *, erase_keys: bool = False, retry_after: int = 0
    ) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail, self.erase_keys = status, code, detail, erase_keys
        self.retry_after = retry_after


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorBody} for status in statuses}


def create_app_from_environment() -> FastAPI:
    """Factory for `uvicorn --factory` / gunicorn workers: the database comes from the environment."""
    if not logging.getLogger().handlers:  # a worker process started by uvicorn --workers or gunicorn
        logging.basicConfig(level=os.environ.get(LOG_LEVEL_ENV, "INFO").upper(), format=LOG_FORMAT)
    failures = int(os.environ.get(ENROL_FAILURES_ENV) or DEFAULT_ENROL_FAILURES)
    app = create_app(worker_database(), enrol_failures=failures)
    settle_collector()
    return app


# The cyclic garbage collector's first threshold in a serving process (Python's default is 700).
GC_YOUNG_OBJECTS = 20_000


def settle_collector() -> None:
    """Once a serving process has built its app: what it holds so far (modules, the app) is frozen out of
    the cyclic collector's scans, and a collection starts after 20,000 new objects instead of 700. A
    500-record batch makes hundreds of thousands of short-lived objects (answers, rows, results), and
    ten batches at once in a worker kept the collector scanning the whole heap: under bench/sync_server.py
    this took 0.85 -> 0.74 ms of server CPU a record. Garbage is still collected, in fewer passes."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_OBJECTS, 10, 10)


def create_app(engine: Engine, *, enrol_failures: int = DEFAULT_ENROL_FAILURES) -> FastAPI:
    factory = session_factory(engine)
    catalog = FormCatalog(factory)
    enrol_limiter = ratelimit.enrolment_limiter(enrol_failures)
    app = FastAPI(
        title="Diaspora Desk central server",
        version=f"protocol {p.PROTOCOL_VERSION}",
        description="Enrolment of laptops, exactly-once batch sync of records, published forms.",
    )
    # Every body is bounded before anything reads it; errors never echo what the request sent.
    app.add_middleware(
        BodyLimitWithOpenRosa,
        default_limit=DEFAULT_BODY_BYTES,
        path_limits={
            p.BATCHES_PATH: MAX_BODY_BYTES,
            SEALED_PAGE: MAX_SEALED_BYTES,
            p.ATTACHMENTS_MISSING_PATH: attachments.MISSING_BODY_BYTES,
        },
        # a desk's file, one a request (PUT /v1/attachments/RECORD/NAME): the file's own bound
        prefix_limits={**PREFIX_LIMITS, attachments.UPLOAD_PREFIX: attachments.MAX_FILE_BYTES},
    )
    app.add_middleware(SafeErrorsMiddleware)
    install_validation_handler(app)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        log.warning("refused %s %s: %s (%d)", request.method, request.url.path, exc.code, exc.status)
        body = ErrorBody(detail=exc.detail, code=exc.code, erase_keys=exc.erase_keys)
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else {}
        if exc.retry_after:
            headers["Retry-After"] = str(exc.retry_after)
        return JSONResponse(body.model_dump(), status_code=exc.status, headers=headers)

    def authenticate(
        credentials: HTTPAuthorizationCredentials | None, *, allow_lost: bool
    ) -> auth.AuthenticatedDevice:
        token = credentials.credentials if credentials else None
        if not token or len(token) > 200:
            raise ApiError(401, p.ERROR_UNAUTHENTICATED, "A device credential is required.")
        with factory() as session:
            device = auth.find_device_by_credential(session, token)
        if device is None:
            raise ApiError(401, p.ERROR_UNAUTHENTICATED, "The device credential is not known to this server.")
        if device.status == auth.DEVICE_REVOKED:
            log.warning("device %s is revoked", device.device_id)
            raise ApiError(403, p.ERROR_DEVICE_REVOKED, "This device has been revoked by the administrator.")
        if device.status == auth.DEVICE_LOST and not allow_lost:
            log.warning("device %s is marked lost; told to erase its keys", device.device_id)
            raise ApiError(
                403,
                p.ERROR_DEVICE_LOST,
                "This device is marked lost; it must erase its keys.",
                erase_keys=True,
            )
        return device

    def active_device(credentials: Credentials) -> auth.AuthenticatedDevice:
        return authenticate(credentials, allow_lost=False)

    Device = Annotated[auth.AuthenticatedDevice, Depends(active_device)]
    dedup_api.register(app, engine, active_device, ErrorBody)  # POST /v1/possible-match; dedup rules
    protection_notices.register(app, factory, active_device, ErrorBody)  # GET /v1/erasures: for the laptops
    hub_api.register(app, factory, active_device, ErrorBody)  # POST /v1/hub/approvals: from event hubs
    attachments.register(app, factory, active_device, ErrorBody)  # a desk's files, before their batch

    @app.get(p.HEALTH_PATH, response_model=Health, responses=_errors(503), tags=["health"])
    def health() -> Health:
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except OperationalError as exc:
            raise ApiError(503, "database_unavailable", "The server's database is not reachable.") from exc
        return Health(status="ok", protocol=p.PROTOCOL_VERSION, server_time=p.now_iso())

    @app.post(
        p.ENROLL_PATH,
        response_model=EnrollResponse,
        responses=_errors(400, 403, 413, 422, 429),
        tags=["devices"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": _inline_schema(EnrollRequest)}},
            }
        },
    )
    async def enroll(http_request: Request) -> Response:
        try:
            request = EnrollRequest.model_validate(p.strict_json_loads(await http_request.body()))
        except p.ProtocolError as exc:
            raise ApiError(400, p.ERROR_MALFORMED_REQUEST, exc.message) from exc
        except ValidationError as exc:
            return validation_response(exc.errors(include_input=False, include_context=False))
        address = http_request.client.host if http_request.client else "unknown"
        answer = await run_in_threadpool(_enroll, request, address)
        return JSONResponse(answer.model_dump())

    def _enroll(request: EnrollRequest, address: str) -> EnrollResponse:
        # Count the attempt before the code is checked (refunded on success): guesses are throttled.
        with transaction(factory) as session:
            decision = enrol_limiter.attempt(session, address)
        if not decision.allowed:
            log.warning(
                "enrolment attempts from one address over the limit; refused for %ss",
                decision.retry_after_seconds,
            )
            raise ApiError(
                429,
                p.ERROR_RATE_LIMITED,
                "Too many wrong enrolment codes from this address; wait and try again.",
                retry_after=decision.retry_after_seconds,
            )
        try:
            public_key = p.decode_public_key_b64(request.public_key)
        except p.ProtocolError as exc:
            raise ApiError(400, p.ERROR_MALFORMED, exc.message) from exc
        credential = auth.new_token()
        laptop_id = _laptop_id(request.laptop_id) if request.laptop_id else None
        with transaction(factory) as session:
            code = auth.redeem_enrollment_code(session, request.code)
            if code is None:
                raise ApiError(
                    403, p.ERROR_ENROLLMENT_REFUSED, "The enrolment code is unknown, used or expired."
                )
            enrol_limiter.refund(session, address)
            device_id = auth.enrolled_device_id(session, laptop_id)  # the laptop's own id when free
            session.add(
                DeviceRow(
                    device_id=device_id,
                    label=code.label,
                    device_label=request.label.replace("\x00", ""),
                    credential_hash=auth.token_hash(credential),
                    public_key=public_key,
                    status=auth.DEVICE_ACTIVE,
                    enrolled_at=auth.utcnow(),
                )
            )
            code.device_id = device_id
            if laptop_id:  # the desk adopts the answered id: that is its laptop id from now on
                session.add(DeviceLaptopRow(device_id=device_id, laptop_id=device_id))
        log.info("device %s enrolled", device_id)
        return EnrollResponse(
            device_id=device_id,
            credential=credential,
            server_time=p.now_iso(),
            protocol=p.PROTOCOL_VERSION,
            sealing_key=base64.b64encode(sealing_public_key(factory)).decode("ascii"),
        )

    def _laptop_id(text: str) -> str:
        try:
            return str(uuid.UUID(text))
        except ValueError as exc:
            raise ApiError(400, p.ERROR_MALFORMED_REQUEST, "The laptop id is not a UUID.") from exc

    @app.get(p.SEALING_KEY_PATH, response_model=SealingKey, responses=_errors(401, 403), tags=["devices"])
    def sealing_key(device: Device) -> SealingKey:
        return SealingKey(sealing_key=base64.b64encode(sealing_public_key(factory)).decode("ascii"))

    @app.get(p.DEVICE_STATUS_PATH, response_model=DeviceStatus, responses=_errors(401, 403), tags=["devices"])
    def device_status(credentials: Credentials) -> DeviceStatus:
        device = authenticate(credentials, allow_lost=True)
        lost = device.status == auth.DEVICE_LOST
        if lost:
            log.warning("device %s is marked lost; told to erase its keys", device.device_id)
        with transaction(factory) as session:
            row = session.get(DeviceRow, device.device_id)
            label = row.label if row else ""
            if row is not None:
                row.last_seen_at = auth.utcnow()
        return DeviceStatus(
            device_id=device.device_id,
            status="lost" if lost else "active",
            erase_keys=lost,
            label=label,
            server_time=p.now_iso(),
        )

    @app.get(p.FORMS_PATH, response_model=list[FormSummary], responses=_errors(401, 403), tags=["forms"])
    def list_forms(device: Device) -> list[FormSummary]:
        return [
            FormSummary(
                form_id=f.form_id,
                version=f.version,
                title=f.title,
                sha256=f.sha256,
                download_path=p.form_download_path(f.form_id, f.version),
            )
            for f in admin.list_forms(engine)
        ]

    @app.get(
        p.FORMS_PATH + "/{form_id}/versions/{version}",
        responses={200: {"content": {"application/octet-stream": {}}}, **_errors(401, 403, 404)},
        response_class=Response,
        tags=["forms"],
    )
    def download_form(form_id: str, version: str, device: Device) -> Response:
        with factory() as session:
            row = session.execute(
                select(FormVersionRow.filename, FormVersionRow.content, FormVersionRow.sha256).where(
                    FormVersionRow.form_id == form_id, FormVersionRow.version == version
                )
            ).first()
        if row is None:
            raise ApiError(404, "form_not_found", "No such published form version.")
        safe_name = re.sub(r"[^A-Za-z0-9._-]", "_", row.filename) or "form.xlsx"
        return Response(
            bytes(row.content),
            media_type="application/octet-stream",
            headers={
                "Content-Disposition": f'attachment; filename="{safe_name}"',
                "X-Form-SHA256": row.sha256,
            },
        )

    @app.post(
        p.BATCHES_PATH,
        response_model=BatchResponseModel,
        responses=_errors(400, 401, 403, 409, 413),  # 403 also: a record another device owns
        tags=["sync"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "description": "gzip canonical JSON (Content-Encoding: gzip), signed; see sync/protocol.py.",
                "content": {"application/json": {"schema": _inline_schema(BatchPayloadModel)}},
            },
            "parameters": [
                {"name": name, "in": "header", "required": False, "schema": {"type": "string"}}
                for name in (
                    p.HEADER_BATCH_ID,
                    p.HEADER_PAYLOAD_SHA256,
                    p.HEADER_SIGNATURE,
                    p.HEADER_PROTOCOL,
                )
            ],
        },
    )
    async def submit_batch(request: Request, credentials: Credentials) -> Response:
        device = await run_in_threadpool(authenticate, credentials, allow_lost=False)
        signature = request.headers.get(p.HEADER_SIGNATURE, "")
        digest = request.headers.get(p.HEADER_PAYLOAD_SHA256, "")
        if not signature:
            raise ApiError(401, p.ERROR_BAD_SIGNATURE, "The batch is not signed.")
        if not re.fullmatch(r"[0-9a-fA-F]{64}", digest):
            raise ApiError(400, p.ERROR_MALFORMED, "The batch has no valid X-Payload-SHA256 header.")
        if not request.headers.get(p.HEADER_BATCH_ID):
            raise ApiError(400, p.ERROR_MALFORMED, "The batch has no X-Batch-Id header.")
        body = await request.body()  # BodyLimitMiddleware has bounded it
        answer = await run_in_threadpool(_receive, device, body, digest, signature, request.headers)
        return Response(answer, media_type="application/json")

    def _receive(
        device: auth.AuthenticatedDevice, body: bytes, digest: str, signature: str, headers: Any
    ) -> bytes:
        try:
            payload, _ = p.decode_batch(
                body=body,
                batch_id=headers.get(p.HEADER_BATCH_ID, ""),
                payload_sha256=digest,
                signature_b64=signature,
                public_key=device.public_key,
            )
            check_audit_entries(payload.audit)
        except p.InvalidBatchSignature as exc:
            log.warning("device %s: batch signature does not verify", device.device_id)
            raise ApiError(401, p.ERROR_BAD_SIGNATURE, exc.message) from exc
        except p.PayloadTooLarge as exc:
            raise ApiError(413, p.ERROR_TOO_LARGE, exc.message) from exc
        except p.ProtocolError as exc:
            raise ApiError(400, p.ERROR_MALFORMED, exc.message) from exc
        if payload.device_id != device.device_id:
            log.warning("device %s sent a batch naming another device", device.device_id)
            raise ApiError(403, "device_mismatch", "The batch names a different device than the credential.")
        try:
            return ingest_batch(
                factory, catalog, device_id=device.device_id, payload=payload, payload_sha256=digest.lower()
            )
        except NotRecordOwner as exc:
            # Audited with ids only: which device, which batch, which records.
            log.warning(
                "device %s refused: batch %s changes records another device owns: %s",
                device.device_id,
                payload.batch_id,
                " ".join(exc.record_ids[:20]),
            )
            raise ApiError(
                403,
                p.ERROR_NOT_RECORD_OWNER,
                f"The batch changes {len(exc.record_ids)} records that another device created; a device "
                "may change only its own records, or those a supervisor handed over to it on the server.",
            ) from exc
        except StoreRolledBack as exc:
            log.warning(
                "device %s refused: audit chain goes back (server holds entry %d, batch starts at %d)",
                device.device_id,
                exc.held_seq,
                exc.sent_seq,
            )
            raise ApiError(409, p.ERROR_STORE_ROLLED_BACK, exc.sentence()) from exc
        except BatchIdReused as exc:
            log.warning(
                "device %s reused batch id %s for a different body", device.device_id, payload.batch_id
            )
            raise ApiError(
                409, p.ERROR_BATCH_ID_REUSED, "This batch id was already used for a different batch."
            ) from exc

    @app.get("/v1/admin/stats", response_model=Stats, responses=_errors(401), tags=["admin"])
    def admin_stats(credentials: Credentials) -> Stats:
        token = credentials.credentials if credentials else ""
        with factory() as session:
            allowed = bool(token) and len(token) <= 200 and admin.is_admin_token(session, token)
        if not allowed:
            raise ApiError(401, p.ERROR_UNAUTHENTICATED, "An admin token is required.")
        return Stats(**admin.stats(engine))

    # The registry's pages (/login, /dashboard, /people, ...) for the diaspora office's staff.
    app.include_router(registry_router(engine, factory, catalog))
    app.include_router(duplicates_router(factory, catalog))  # /duplicates: the adjudication queue
    app.include_router(protection_router(engine, factory))  # the person page's erase and subject access
    openrosa_routes.register(app, factory, catalog)  # /v1/openrosa/TOKEN/...: ODK Collect, Enketo
    app.include_router(selfreg_router(factory, catalog, submits_per_hour()))  # /register/FORM_ID: public
    return app


def _inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema with its $defs inlined (a raw-body operation has no components to point at)."""
    schema = model.model_json_schema()
    definitions = schema.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return inline(definitions[ref.removeprefix("#/$defs/")])
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(item) for item in node]
        return node

    inlined: dict[str, Any] = inline(schema)
    return inlined
