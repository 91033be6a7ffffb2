"""The review page: supervisors check batches, send records back, approve; clerks see what came back.

Discovered by ``desktop.pages.discover_pages`` (``create_page``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.pages import DeskContext, PageSpec


PAGE_KEY = "review"


def create_page(context: DeskContext) -> PageSpec:
    from desktop.pages import PageSpec
    from desktop.pages.review.page import ReviewPage

    page = ReviewPage(context)
    return PageSpec(PAGE_KEY, page, page.title, order=40)
