"""Every text the registry's templates and views show has a French and a Portuguese translation."""

from __future__ import annotations

import re
from pathlib import Path

from sync.server.registry.i18n import FR, PT, browser_language, translator
from sync.server.registry.views import CHOICE_CHARTS

PACKAGE = Path(__file__).resolve().parents[3] / "sync" / "server" / "registry"


def shown_texts() -> set[str]:
    texts: set[str] = set()
    for template in (PACKAGE / "templates").glob("*.html"):
        texts |= set(re.findall(r'_\("([^"]+)"\)', template.read_text("utf-8")))
    for module in PACKAGE.glob("*.py"):
        source = module.read_text("utf-8")
        # t("..." "...") possibly split over lines
        for call in re.findall(r'\bt\(\s*((?:"[^"]*"\s*)+)\)', source):
            texts.add("".join(re.findall(r'"([^"]*)"', call)))
    texts |= {title for title, _ in CHOICE_CHARTS.values()}
    texts |= {"admin", "registrar", "analyst"}
    return texts


def test_every_text_has_french_and_portuguese() -> None:
    texts = shown_texts()
    assert len(texts) > 80
    assert not sorted(texts - FR.keys()), "missing in French"
    assert not sorted(texts - PT.keys()), "missing in Portuguese"


def test_translations_keep_their_placeholders() -> None:
    for catalogue in (FR, PT):
        for english, translated in catalogue.items():
            assert english.count("{n}") == translated.count("{n}"), english


def test_an_unknown_language_falls_back_to_english() -> None:
    assert translator("xx")("Dashboard") == "Dashboard"
    assert translator("fr")("Dashboard") == "Tableau de bord"


def test_the_browser_language_picks_among_english_french_and_portuguese() -> None:
    assert browser_language("fr-FR,fr;q=0.9,en;q=0.8") == "fr"
    assert browser_language("de-DE, pt-BR;q=0.7, fr;q=0.5") == "pt"
    assert browser_language("en;q=0.2, fr;q=0.9") == "fr"
    assert browser_language("de, it") == "en"
    assert browser_language("pt;q=0, fr;q=x") == "en"
    assert browser_language(None) == "en"
    assert browser_language("") == "en"
