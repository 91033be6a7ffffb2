"""The forms shipped with the app (XLSForm) and the generators that build them."""
