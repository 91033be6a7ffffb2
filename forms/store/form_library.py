"""The form library inside the encrypted store: every XLSForm version the desk can register with.

Three origins: the form shipped with the app (``shipped``, not stored: it is read from the app's
folder), forms downloaded from the server at sync (``server``) and forms a supervisor adds from a file
(``added``). Each version keeps its XLSForm bytes and the XForm XML pyxform made of it, so opening a
form never needs pyxform again. A version is never changed; retiring a form hides it from new batches
while its records keep opening with the version they were made with.

``batch_forms`` names the form a batch was opened with (no row: the shipped form).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# Schema step 4 (registered in migrate.MIGRATIONS): explicit DDL, never create_all.
FORM_LIBRARY_DDL = (
    """
    CREATE TABLE IF NOT EXISTS form_library (
        form_id VARCHAR(200) NOT NULL,
        version VARCHAR(200) NOT NULL,
        title VARCHAR(500) NOT NULL,
        origin VARCHAR(16) NOT NULL,
        filename VARCHAR(300) NOT NULL,
        sha256 VARCHAR(64) NOT NULL,
        xlsform BLOB NOT NULL,
        xform TEXT NOT NULL,
        added_at VARCHAR(40) NOT NULL,
        added_by VARCHAR(64),
        retired_at VARCHAR(40),
        PRIMARY KEY (form_id, version)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS batch_forms (
        batch_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES batches (id),
        form_id VARCHAR(200) NOT NULL
    )
    """,
)


def create_form_library(connection: Connection) -> None:
    for statement in FORM_LIBRARY_DDL:
        connection.execute(text(statement))
