"""Sending the confirmation code by e-mail (SMTP; STARTTLS when asked). Settings come from the
environment, which ``diaspora-server serve --smtp-host/--smtp-port/--smtp-from/--smtp-starttls`` sets
for every worker; the SMTP password, when one is needed, only from DIASPORA_SERVER_SMTP_PASSWORD_FILE.
Nothing of the message (address, code) is ever logged."""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

log = logging.getLogger("sync.server.selfreg")

HOST_ENV = "DIASPORA_SERVER_SMTP_HOST"
PORT_ENV = "DIASPORA_SERVER_SMTP_PORT"
FROM_ENV = "DIASPORA_SERVER_SMTP_FROM"
STARTTLS_ENV = "DIASPORA_SERVER_SMTP_STARTTLS"
USER_ENV = "DIASPORA_SERVER_SMTP_USER"
PASSWORD_FILE_ENV = "DIASPORA_SERVER_SMTP_PASSWORD_FILE"
TIMEOUT_SECONDS = 15


class MailNotSent(Exception):
    """The SMTP server could not be reached or refused the message."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    starttls: bool = False
    user: str = ""
    password_file: str = ""

    @classmethod
    def from_environment(cls) -> SmtpSettings | None:
        """The settings, or None when no SMTP server is configured (self-registration is then closed)."""
        host = os.environ.get(HOST_ENV, "").strip()
        sender = os.environ.get(FROM_ENV, "").strip()
        if not host or not sender:
            return None
        port_text = os.environ.get(PORT_ENV, "").strip() or "25"
        return cls(
            host=host,
            port=int(port_text) if port_text.isdigit() else 25,
            sender=sender,
            starttls=os.environ.get(STARTTLS_ENV, "").strip().lower() in ("1", "yes", "true"),
            user=os.environ.get(USER_ENV, "").strip(),
            password_file=os.environ.get(PASSWORD_FILE_ENV, "").strip(),
        )


def send(settings: SmtpSettings, to: str, subject: str, body: str) -> None:
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS) as client:
            if settings.starttls:
                client.starttls(context=ssl.create_default_context())
            if settings.user and settings.password_file:
                password = Path(settings.password_file).read_text(encoding="utf-8").strip()
                client.login(settings.user, password)
            client.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("self-registration: the confirmation e-mail was not sent (%s)", type(exc).__name__)
        raise MailNotSent() from None
