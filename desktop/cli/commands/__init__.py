"""One module per `diaspora-desk` verb; each exposes ``register(subparsers)`` (see desktop.cli.main)."""
