"""The column left of the registration form: Scan passport (Ctrl+M), Receipt (Ctrl+P) and the section
navigator with progress (Ctrl+G). ``attach_form_tools(page)`` is the page's one call to set them up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.pages.registration.mrz_dialog import PassportAction
from desktop.pages.registration.navigator import SectionNavigator, attach
from desktop.pages.registration.receipt_action import ReceiptAction


@dataclass
class FormTools:
    passport: PassportAction
    receipt: ReceiptAction
    navigator: SectionNavigator


def attach_form_tools(page: Any) -> FormTools:
    passport = PassportAction(page)
    receipt = ReceiptAction(page)
    navigator = attach(page, passport.button, receipt.button)
    return FormTools(passport, receipt, navigator)
