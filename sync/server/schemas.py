"""Pydantic models of the HTTP API, for request checking and the OpenAPI document.

They describe the JSON that sync/protocol.py builds and parses (protocol.py stays free of pydantic so the
laptop can import it without the server's dependencies).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ErrorBody(BaseModel):
    detail: str = Field(description="One sentence saying what is wrong.")
    code: str = Field(description="Machine-readable error code (sync.protocol.ERROR_*).")
    erase_keys: bool = Field(default=False, description="True when the device is marked lost.")


class Health(BaseModel):
    status: Literal["ok"]
    protocol: int
    server_time: str


class EnrollRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    code: str = Field(min_length=1, max_length=100, description="The one-time enrolment code.")
    public_key: str = Field(
        min_length=1, max_length=100, description="Base64 raw Ed25519 public key (32 bytes)."
    )
    label: str = Field(default="", max_length=200, description="The laptop's own name (hostname), optional.")
    laptop_id: str | None = Field(
        default=None,
        max_length=36,
        description=(
            "The laptop's device id (its store's), optional: proposed as the device_id, taken when no "
            "device of this server has it, else a new id is answered, which the laptop adopts."
        ),
    )
    protocol: int = 1


class EnrollResponse(BaseModel):
    device_id: str
    credential: str = Field(description="Bearer credential; the server keeps only its SHA-256.")
    server_time: str
    protocol: int
    sealing_key: str | None = Field(
        default=None, description="Base64 X25519 key that sealed batch files are encrypted to."
    )


class SealingKey(BaseModel):
    sealing_key: str = Field(description="Base64 X25519 key that sealed batch files are encrypted to.")


class DeviceStatus(BaseModel):
    device_id: str
    status: Literal["active", "lost"]
    erase_keys: bool = Field(description="True when the device must erase its keys now.")
    label: str
    server_time: str


class FormSummary(BaseModel):
    form_id: str
    version: str
    title: str
    sha256: str
    download_path: str


class WireRecordModel(BaseModel):
    record_id: str
    version_id: str
    replaces: str | None = None
    sequence: int
    form_id: str
    form_version: str
    deleted: bool = False
    created_at: str = ""
    answers: dict[str, Any]
    origin_device: str | None = None
    origin_operator: str | None = None


class BatchPayloadModel(BaseModel):
    """The uncompressed payload; sent gzip-compressed (Content-Encoding: gzip) and signed (see headers)."""

    protocol: Literal[1]
    batch_id: str
    device_id: str
    sequence_first: int
    sequence_last: int
    created_at: str = ""
    records: list[WireRecordModel] = Field(max_length=500)
    audit: list[dict[str, Any]] = []


class RecordResultModel(BaseModel):
    record_id: str
    version_id: str
    status: Literal["accepted", "duplicate", "conflict", "rejected"]
    reason: str | None
    problems: list[dict[str, Any]]


class BatchResponseModel(BaseModel):
    protocol: int
    batch_id: str
    received_at: str
    counts: dict[str, int]
    results: list[RecordResultModel]


class Stats(BaseModel):
    distinct_records: int
    deleted_records: int
    versions: int
    batches: int
    devices: int
    devices_by_status: dict[str, int]
    conflicts: int
    form_versions: int
