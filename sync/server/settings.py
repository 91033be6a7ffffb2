"""Environment variables the CLI hands to worker processes (uvicorn --workers, gunicorn); the log format."""

from __future__ import annotations

DATABASE_URL_ENV = "DIASPORA_SERVER_DATABASE_URL"
LOG_LEVEL_ENV = "DIASPORA_SERVER_LOG_LEVEL"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
