"""A clerk's enrolment code for an event hub: the hub's address, its certificate's fingerprint and the
one-time code, in one line (shown as text and QR on the supervisor's screen)::

    diaspora-hub:1/192.168.1.20:8765/<64 hex: SHA-256 of the hub's certificate>/7K2M-QX4D-9TZP-H3WA

`diaspora-desk enroll --code LINE` needs no --server: the address is in the line, and the fingerprint
is pinned, so a laptop on the event network talks only to that hub even without a certificate authority.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from forms.errors import DeskError

PREFIX = "diaspora-hub:1/"
_PATTERN = re.compile(
    r"diaspora-hub:1/(?P<host>[A-Za-z0-9.\-]+|\[[0-9A-Fa-f:]+\]):(?P<port>\d{1,5})/(?P<pin>[0-9a-fA-F]{64})/"
    r"(?P<code>[A-Za-z0-9\-]{4,100})"
)


class HubCodeError(DeskError):
    """The text looks like a hub code but cannot be read."""


@dataclass(frozen=True)
class HubCode:
    host: str
    port: int
    fingerprint: str
    code: str

    @property
    def server_url(self) -> str:
        return f"https://{self.host}:{self.port}"

    def text(self) -> str:
        return f"{PREFIX}{self.host}:{self.port}/{self.fingerprint}/{self.code}"


def is_hub_code(text: str) -> bool:
    return text.strip().lower().startswith(PREFIX)


def parse_hub_code(text: str) -> HubCode:
    match = _PATTERN.fullmatch(text.strip())
    if match is None or not 0 < int(match["port"]) < 65536:
        raise HubCodeError("The hub code is incomplete; type it again as the supervisor's screen shows it.")
    return HubCode(match["host"], int(match["port"]), match["pin"].lower(), match["code"])
