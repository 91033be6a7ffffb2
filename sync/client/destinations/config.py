"""Destinations kept in the store's settings (inside the SQLCipher file, so tokens are never plaintext).

One setting per destination (``destination.NAME``, JSON: kind, url, project id, token); its progress is
``destination.NAME.checkpoint`` (the last outbox sequence it acknowledged) and, while a submission is
on its way, ``destination.NAME.inflight`` (the exact XML being sent, so a retry sends the same bytes).
Adding and removing are for supervisors only and are audited (names and kinds, never a token).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from forms.errors import DeskError
from forms.store import audit
from forms.store._session import StoreOrSession, transaction
from forms.store.errors import NotAllowedError
from forms.store.settings import delete_setting, get_setting, put_setting, settings_with_prefix
from sync.client.transport import normalise_server_url

ODK_CENTRAL, KOBO, OPENROSA = "odk-central", "kobo", "openrosa"
# "openrosa": any OpenRosa server whose address is what ODK Collect is given (another Diaspora Desk
# server's app-user address, Ona): the token, if any, is in the address.
KINDS = (ODK_CENTRAL, KOBO, OPENROSA)
PREFIX = "destination."
_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


class DestinationError(DeskError):
    """A destination cannot be added, found or used as asked."""


@dataclass(frozen=True)
class Destination:
    name: str
    kind: str
    url: str  # the server's base address (https://central.example.org, https://kc.kobotoolbox.org)
    token: str  # Central: the app user's token; Kobo: the account's API token
    project_id: int | None = None  # Central only

    @property
    def submission_path(self) -> str:
        """The OpenRosa submission address below ``url``."""
        if self.kind == ODK_CENTRAL:
            return f"/v1/key/{quote(self.token, safe='')}/projects/{self.project_id}/submission"
        return "/submission"

    @property
    def form_list_path(self) -> str:
        if self.kind == ODK_CENTRAL:
            return f"/v1/key/{quote(self.token, safe='')}/projects/{self.project_id}/formList"
        return "/formList"

    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Token {self.token}"} if self.kind == KOBO else {}

    def describe(self) -> str:
        project = f" project {self.project_id}" if self.project_id is not None else ""
        return f"{self.name}  {self.kind}  {self.url}{project}"

    def to_setting(self) -> str:
        return json.dumps(
            {"kind": self.kind, "url": self.url, "token": self.token, "project_id": self.project_id},
            sort_keys=True,
        )


def _key(name: str) -> str:
    return PREFIX + name


def _from_setting(name: str, text: str) -> Destination:
    data: dict[str, Any] = json.loads(text)
    project = data.get("project_id")
    return Destination(name, str(data["kind"]), str(data["url"]), str(data["token"]), project)


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise DestinationError(
            "A destination name is 1 to 40 lower-case letters, digits, '-' or '_', starting with a letter."
        )
    return name


def _require_supervisor(store: Any, what: str) -> None:
    operator = getattr(store, "operator", None)
    if operator is None or not operator.is_supervisor:
        raise NotAllowedError(f"Only a supervisor may {what}.")


def add_destination(
    store: Any,
    *,
    kind: str,
    url: str,
    token: str,
    project_id: int | None = None,
    name: str | None = None,
) -> Destination:
    _require_supervisor(store, "add a destination")
    if kind not in KINDS:
        raise DestinationError(f"A destination is one of: {', '.join(KINDS)}.")
    base = normalise_server_url(url)
    token = token.strip()
    if (kind != OPENROSA and not token) or len(token) > 500 or any(ch.isspace() for ch in token):
        raise DestinationError("The token must be given, without spaces.")
    if kind == ODK_CENTRAL and (project_id is None or project_id < 1):
        raise DestinationError("An ODK Central destination needs --project-id (a positive number).")
    chosen = check_name(name or kind)
    destination = Destination(chosen, kind, base, token, project_id if kind == ODK_CENTRAL else None)
    with transaction(store) as session:
        if get_setting(session, _key(chosen)) is not None:
            raise DestinationError(f"A destination named {chosen!r} exists already; remove it first.")
        put_setting(session, _key(chosen), destination.to_setting())
        audit.append(session, "destination_added", details={"name": chosen, "kind": kind})
    return destination


def list_destinations(target: StoreOrSession) -> list[Destination]:
    with transaction(target, read_only=True) as session:
        rows = settings_with_prefix(session, PREFIX)
        return [
            _from_setting(key.removeprefix(PREFIX), value)
            for key, value in rows
            if "." not in key.removeprefix(PREFIX)
        ]


def get_destination(target: StoreOrSession, name: str) -> Destination:
    with transaction(target, read_only=True) as session:
        value = get_setting(session, _key(name))
        if value is None:
            raise DestinationError(f"There is no destination named {name!r}.")
        return _from_setting(name, value)


def remove_destination(store: Any, name: str) -> None:
    _require_supervisor(store, "remove a destination")
    with transaction(store) as session:
        if get_setting(session, _key(name)) is None:
            raise DestinationError(f"There is no destination named {name!r}.")
        for suffix in ("", ".checkpoint", ".inflight"):
            delete_setting(session, _key(name) + suffix)
        audit.append(session, "destination_removed", details={"name": name})
