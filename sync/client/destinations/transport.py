"""OpenRosa HTTP to a destination, with the same TLS rules, timeouts and failure sorting as our own
server (sync.client.transport): verification always on, plain http only to loopback, no redirects."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import requests

from sync.client.backoff import is_retryable_status, parse_retry_after
from sync.client.destinations.config import Destination
from sync.client.transport import DEFAULT_TIMEOUT, Transport, TransportError

OPENROSA_HEADERS = {"X-OpenRosa-Version": "1.0"}


@dataclass(frozen=True)
class SubmissionAnswer:
    status: int  # 201/202 stored (or an identical resend), 409 different XML for the same instanceID, ...
    text: str  # the OpenRosa message, shortened (never logged with values)


def multipart_body(xml: bytes, attachments: dict[str, bytes] | None = None) -> tuple[bytes, str]:
    """``xml_submission_file`` and one part per attachment; returns (body, content type)."""
    boundary = uuid.uuid4().hex
    chunks: list[bytes] = []

    def part(name: str, filename: str, content_type: str, data: bytes) -> None:
        chunks.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
        )
        chunks.append(data)
        chunks.append(b"\r\n")

    part("xml_submission_file", "submission.xml", "text/xml", xml)
    for name, data in (attachments or {}).items():
        part(name, name, "application/octet-stream", data)
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


class OpenRosaTransport(Transport):
    """One destination: posts submissions and reads its forms list."""

    def __init__(
        self,
        destination: Destination,
        *,
        ca_bundle: str | None = None,
        pinned_sha256: str | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        super().__init__(destination.url, ca_bundle=ca_bundle, pinned_sha256=pinned_sha256, timeout=timeout)
        self.destination = destination

    def post_submission(self, xml: bytes) -> SubmissionAnswer:
        """The destination's answer; raises TransportError for what may pass (network, 5xx, 429, a 200)."""
        body, content_type = multipart_body(xml)
        headers = {**OPENROSA_HEADERS, "Content-Type": content_type, **self.destination.auth_headers()}
        response, content = self._send("POST", self.destination.submission_path, data=body, headers=headers)
        status = response.status_code
        text = content[:500].decode("utf-8", "replace")
        if status in (201, 202):
            return SubmissionAnswer(status, text)
        if status == 200:
            # OpenRosa success is 201/202; a 200 comes from a captive portal or a proxy's login page.
            raise TransportError(
                "The destination answered 200 instead of 201 (a captive portal or a proxy?).", retryable=True
            )
        if is_retryable_status(status):
            raise TransportError(
                f"The destination had a problem ({status}).",
                retryable=True,
                status=status,
                retry_after=parse_retry_after(response.headers),
            )
        return SubmissionAnswer(status, text)

    def form_list(self, limit: int | None = None) -> bytes:
        if limit is not None:
            return self.get_bounded(self.destination.form_list_path, limit, what="its forms list")
        response, content = self._send(
            "GET",
            self.destination.form_list_path,
            headers={**OPENROSA_HEADERS, **self.destination.auth_headers()},
        )
        if response.status_code != 200:
            raise TransportError(
                f"The destination refused its forms list ({response.status_code}).",
                retryable=is_retryable_status(response.status_code),
                status=response.status_code,
            )
        return content

    def get_bounded(self, path: str, limit: int, *, what: str) -> bytes:
        """GET ``path`` (below the destination's address) with its credentials, read up to ``limit``
        bytes: a longer answer is refused, never held whole in memory."""
        if not path.startswith("/"):
            raise TransportError("The destination named a download outside its own address.", retryable=False)
        headers = {**OPENROSA_HEADERS, **self.destination.auth_headers()}
        try:
            with self._session.get(
                self.base_url + path,
                headers=headers,
                timeout=self.timeout,
                verify=self._verify,
                allow_redirects=False,  # a redirect could carry the credential to another host
                stream=True,
            ) as response:
                if response.status_code != 200:
                    raise TransportError(
                        f"The destination refused {what} ({response.status_code}).",
                        retryable=is_retryable_status(response.status_code),
                        status=response.status_code,
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > limit:
                        raise TransportError(
                            f"The destination sent more than {limit // (1024 * 1024)} MB for {what}; "
                            "refused.",
                            retryable=False,
                        )
                    chunks.append(chunk)
        except requests.exceptions.SSLError as exc:
            raise TransportError(
                "The server's certificate could not be verified (check the CA bundle or the pinned "
                "certificate).",
                retryable=False,
            ) from exc
        except requests.Timeout as exc:
            raise TransportError("The server did not answer in time.", retryable=True) from exc
        except requests.ConnectionError as exc:
            raise TransportError("The server could not be reached.", retryable=True) from exc
        except requests.RequestException as exc:
            raise TransportError("The server's answer was cut off.", retryable=True) from exc
        return b"".join(chunks)
