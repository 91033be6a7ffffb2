"""The project's own test data: small XLSForms written for the suite (no file outside the clone)."""
