"""The desktop application: Qt windows and dialogs, table models, background tasks, and the CLI.

The only package allowed to import PySide6. The CLI imports Qt lazily, so scripted commands stay fast
and work on machines without a display.
"""
