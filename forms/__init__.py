"""Everything about a form and a filled-in form: the XLSForm engine, records, the encrypted store, export.

No Qt and no network in this package (enforced by import-linter contracts in pyproject.toml).
"""
