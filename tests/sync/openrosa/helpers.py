"""Submissions as ODK Collect sends them: instance XML for the e2e form, posted as multipart."""

from __future__ import annotations

import uuid

import requests

from tests.sync.e2e.servers import E2E_FORM_ID


def instance_xml(
    instance_id: str,
    *,
    full_name: str = "Ama Mensah",
    age: int | str | None = 34,
    deprecated_id: str | None = None,
    form_id: str = E2E_FORM_ID,
    version: str = "1",
) -> bytes:
    age_xml = "" if age is None else f"<age>{age}</age>"
    deprecated = f"<deprecatedID>uuid:{deprecated_id}</deprecatedID>" if deprecated_id else ""
    return (
        '<?xml version="1.0"?><data xmlns:jr="http://openrosa.org/javarosa" '
        f'id="{form_id}" version="{version}">'
        f"<full_name>{full_name}</full_name>{age_xml}"
        f"<meta><instanceID>uuid:{instance_id}</instanceID>{deprecated}</meta></data>"
    ).encode()


def submit(
    base: str,
    token: str,
    xml: bytes,
    attachments: dict[str, bytes] | None = None,
) -> requests.Response:
    files = {"xml_submission_file": ("submission.xml", xml, "text/xml")}
    for name, data in (attachments or {}).items():
        files[name] = (name, data, "image/jpeg")
    return requests.post(
        f"{base}/v1/openrosa/{token}/submission",
        files=files,
        headers={"X-OpenRosa-Version": "1.0"},
        timeout=30,
    )


def new_id() -> str:
    return str(uuid.uuid4())
