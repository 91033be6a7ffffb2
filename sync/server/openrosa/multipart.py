"""Reading a multipart/form-data submission from bytes already bounded by the body limit.

Everything stays in memory (the body is at most the submission limit): nothing a person sent is spooled
to a temporary file on disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser

XML_PART = "xml_submission_file"
MAX_PARTS = 60
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]")


class MultipartError(Exception):
    """The body is not a readable multipart submission (one sentence for the sender)."""


@dataclass(frozen=True)
class Part:
    name: str
    filename: str
    content_type: str
    data: bytes


def safe_filename(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _SAFE_NAME.sub("_", base).strip(" .")[:255]
    return cleaned or "attachment"


def read_parts(content_type: str, body: bytes) -> list[Part]:
    if not content_type.lower().startswith("multipart/form-data") or "boundary=" not in content_type:
        raise MultipartError("A submission must be multipart/form-data with an xml_submission_file part.")
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=policy.HTTP).parsebytes(head + body)
    if not message.is_multipart():
        raise MultipartError("The submission's multipart body cannot be read.")
    parts: list[Part] = []
    for index, item in enumerate(message.iter_parts()):
        if index >= MAX_PARTS:
            raise MultipartError(f"A submission may carry at most {MAX_PARTS} parts.")
        name = item.get_param("name", header="content-disposition")
        filename = item.get_filename() or ""
        payload = item.get_payload(decode=True)
        if not isinstance(name, str) or not isinstance(payload, bytes):
            continue
        parts.append(Part(name, filename, item.get_content_type(), payload))
    return parts
