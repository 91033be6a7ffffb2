"""Forms and their records: the engine, the encrypted store of filled-in forms, import, export.

- ``forms.engine``: the XLSForm engine (load a form, fill it in with a ``FormSession``, validate answers);
  the desk, the importer and the server all validate through it.
- ``forms.store``: the encrypted store of filled-in forms on a laptop, with its keys, operators, batches,
  outbox, audit log and backups (the map is that package's docstring).
- ``forms.importing``: spreadsheets (CSV, XLSX) into a batch, every row checked by the engine.
- ``forms.export``: records to XLSX and CSV (the desk's store and the central server use the same one).
- ``forms.definitions``: the shipped registration form; small shared pieces beside them (``errors``'s
  ``DeskError``, ``dates``, ``phones``, ``names``, ``mrz``, ``receipt``, ``demo_data``).

No Qt and no network in this package (enforced by import-linter contracts in pyproject.toml). See
docs/architecture.md.
"""
