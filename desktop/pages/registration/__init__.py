"""The registration page: the form engine's questions as widgets, typed with the keyboard.

Discovered by ``desktop.pages.discover_pages`` (``create_page``); see docs/desk.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.pages import DeskContext, PageSpec


PAGE_KEY = "registration"


def create_page(context: DeskContext) -> PageSpec:
    from desktop.pages import PageSpec
    from desktop.pages.registration.page import RegistrationPage

    page = RegistrationPage(context)
    return PageSpec(PAGE_KEY, page, page.title, order=10)
