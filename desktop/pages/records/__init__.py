"""The records list page: SQL search as you type over the encrypted store (see docs/desk.md).

Discovered by ``desktop.pages.discover_pages`` (``create_page``).
"""

from __future__ import annotations

from typing import Any

PAGE_KEY = "records"


def create_page(context: Any) -> Any:
    from desktop.pages import PageSpec
    from desktop.pages.records.page import RecordsPage

    page = RecordsPage(context)
    return PageSpec(PAGE_KEY, page, page.title, order=20)
