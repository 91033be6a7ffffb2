"""`diaspora-server user ...` and `audit ...` as the IT officer runs them, and tampering with the log."""

from __future__ import annotations

import json

import psycopg
import pytest
from sqlalchemy import text

from tests.sync.registry.conftest import Registry
from tests.sync.registry.helpers import PASSWORD, Browser, cli
from tests.sync.server.helpers import PG_ADMIN_DSN


def test_user_add_reads_the_password_from_stdin_and_lists_and_disables(registry: Registry) -> None:
    server = registry.server
    done = cli(server, "user", "add", "--username", "clerk.one", "--role", "registrar", stdin=PASSWORD + "\n")
    assert "clerk.one" in done.stdout
    listed = json.loads(cli(server, "user", "list", "--json").stdout)
    assert {"username": "clerk.one", "role": "registrar"}.items() <= next(
        a for a in listed if a["username"] == "clerk.one"
    ).items()
    browser = Browser(server.base_url)
    assert browser.login("clerk.one").status_code == 303
    cli(server, "user", "disable", "--username", "clerk.one")
    assert browser.get("/dashboard").status_code == 303  # its session ended
    assert Browser(server.base_url).login("clerk.one").status_code == 401
    cli(server, "user", "passwd", "--username", "clerk.one", stdin="another fine passphrase 7\n")
    actions = [e["action"] for e in json.loads(cli(server, "audit", "list", "--json").stdout)[:3]]
    assert actions == ["password_changed", "account_disabled", "login"] or "password_changed" in actions


def test_user_add_refusals_are_one_sentence(registry: Registry) -> None:
    server = registry.server
    weak = cli(server, "user", "add", "--username", "x1", "--role", "analyst", stdin="short\n", check=False)
    assert weak.returncode != 0 and "Traceback" not in weak.stderr
    assert len(weak.stderr.strip().splitlines()) == 1
    empty = cli(server, "user", "add", "--username", "x2", "--role", "analyst", stdin="", check=False)
    assert empty.returncode == 2 and "standard input" in empty.stderr
    unknown = cli(server, "user", "disable", "--username", "nobody-here", check=False)
    assert unknown.returncode != 0 and "No registry account" in unknown.stderr


def test_server_export_is_audited(registry: Registry) -> None:
    server = registry.server
    out = server.data_dir / "all.csv"
    cli(server, "export", "--all", "--format", "csv", "--form", "diaspora_registration", "--out", str(out))
    entry = json.loads(cli(server, "audit", "list", "--json", "--limit", "1").stdout)[0]
    assert entry["action"] == "export" and entry["actor"].startswith("cli:")
    assert entry["details"]["records"] >= len(registry.record_ids)
    assert entry["details"]["format"] == "csv"


def test_audit_verify_detects_an_altered_entry(tmp_path_factory: pytest.TempPathFactory) -> None:
    """On a server of its own: the test alters the log around its append-only trigger."""
    from tests.sync.server.helpers import running_server

    with running_server(tmp_path_factory.mktemp("registry-tamper")) as server:
        for name in ("a.one", "a.two", "a.three"):
            cli(server, "user", "add", "--username", name, "--role", "analyst", stdin=PASSWORD + "\n")
        assert cli(server, "audit", "verify").returncode == 0
        with server.engine() as engine, engine.begin() as connection:
            with pytest.raises(Exception, match="append-only"), connection.begin_nested():
                connection.execute(text("UPDATE registry_audit SET actor = 'someone' WHERE seq = 2"))
            connection.execute(text("DROP TRIGGER registry_audit_no_update"))
            connection.execute(
                text('UPDATE registry_audit SET details_json = \'{"role":"admin"}\' WHERE seq = 2')
            )
        broken = cli(server, "audit", "verify", check=False)
        assert broken.returncode == 1
        assert "audit entry 2 was altered" in broken.stderr


@pytest.mark.postgres
def test_audit_verify_detects_a_removed_tail_on_postgresql(pg_registry: Registry) -> None:
    server = pg_registry.server
    cli(server, "user", "add", "--username", "tail.one", "--role", "analyst", stdin=PASSWORD + "\n")
    assert cli(server, "audit", "verify").returncode == 0
    schema = server.env["DATABASE_URL"].rsplit("%3D", 1)[1]
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'SET search_path TO "{schema}"')
        with pytest.raises(psycopg.errors.RaiseException):
            conn.execute("DELETE FROM registry_audit WHERE seq = (SELECT max(seq) FROM registry_audit)")
        conn.execute("ALTER TABLE registry_audit DISABLE TRIGGER registry_audit_no_change")
        try:
            conn.execute("DELETE FROM registry_audit WHERE seq = (SELECT max(seq) FROM registry_audit)")
            broken = cli(server, "audit", "verify", check=False)
        finally:
            conn.execute("ALTER TABLE registry_audit ENABLE TRIGGER registry_audit_no_change")
    assert broken.returncode == 1
    assert "removed or replaced" in broken.stderr
