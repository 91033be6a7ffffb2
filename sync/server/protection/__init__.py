"""Data protection on the server: erasure that reaches every copy, restriction, subject access, retention.

Tables: ``models.py`` (migration 0007_protection). Erasure notices reach the laptops through
``GET /v1/erasures`` (``notices.py``); the registry's erase button is ``web.py``; the CLI is ``cli.py``.
"""
