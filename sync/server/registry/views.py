"""From figures to what a page shows: chart items with labels in the account's language, suppressed."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from sync.server.registry import charts
from sync.server.registry.charts import Item
from sync.server.registry.figures import Figures, shown
from sync.server.registry.i18n import Translate
from sync.server.registry.labels import FormLabels

# chart name -> (title, the form question whose choices label it)
CHOICE_CHARTS = {
    "education_level": ("Highest education", "education_level"),
    "occupation": ("Occupation", "occupation"),
    "skills_sector": ("Main skills sector", "skills_sector"),
    "invest_sectors": ("Sectors to invest in", "invest_sectors"),
    "invest_interest": ("Interested in investing at home", "invest_interest"),
    "return_interest": ("Interested in skills transfer or a temporary return", "skills_transfer_interest"),
    "mentoring_interest": ("Interested in mentoring", "mentoring_interest"),
    "sex": ("Sex", "sex"),
}
CHARTS = ("time", "device", "country", "city", *CHOICE_CHARTS)


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    items: list[Item]
    kind: str  # columns | bars | map | table

    def svg(self) -> Markup:
        if self.kind == "columns":
            return charts.columns(self.items, self.title)
        if self.kind == "map":
            return charts.world_map(self.items, self.title)
        return charts.bars(self.items, self.title)

    def csv(self, header: tuple[str, str]) -> str:
        return charts.csv_text(header, [(item.label, item.shown) for item in self.items])


def _items(pairs: list[tuple[str, int]], names: dict[str, str], suppress: bool) -> list[Item]:
    return [Item(key, names.get(key, key), count, shown(count, suppress)) for key, count in pairs]


def chart(name: str, figures: Figures, labels: FormLabels | None, suppress: bool, t: Translate) -> Chart:
    def choices(question: str) -> dict[str, str]:
        return labels.choices(question) if labels else {}

    if name == "time":
        return Chart(name, t("Registrations over time"), _items(figures.over_time, {}, suppress), "columns")
    if name == "device":
        pairs = [(label, n) for _, label, n in figures.devices]
        return Chart(name, t("Registrations by device"), _items(pairs, {}, suppress), "bars")
    if name == "country":
        return Chart(
            name,
            t("Where the diaspora lives"),
            _items(figures.countries, choices("residence_country"), suppress),
            "map",
        )
    if name == "city":
        countries = choices("residence_country")
        items = [
            Item(f"{country}/{city}", f"{city} ({countries.get(country, country)})", n, shown(n, suppress))
            for country, city, n in figures.cities
        ]
        return Chart(name, t("Cities"), items, "table")
    title, question = CHOICE_CHARTS[name]
    pairs = figures.invest_sectors if name == "invest_sectors" else figures.choices.get(name, [])
    return Chart(name, t(title), _items(pairs, choices(question), suppress), "bars")
