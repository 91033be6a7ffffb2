"""Names of the hub's files that a laptop checks without loading the server's code (sync/hub/place.py)."""

HUB_FOLDER = "hub"  # inside the store's data folder: the hub's encrypted database, certificate and settings


def require_server_code() -> None:
    """One sentence instead of an import error where the server's code is absent (the desk-only bundle)."""
    from importlib.util import find_spec

    from forms.errors import DeskError

    if find_spec("fastapi") is None or find_spec("sync.server") is None:
        raise DeskError(
            "This installation carries no server code, which an event hub runs: host the event from a "
            "Diaspora Desk installed from source (make run), see docs/events.md."
        )
