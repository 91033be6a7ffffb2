"""Charts as SVG text rendered on the server (no script, no external asset): bars, columns, the map.

Every text is escaped; colours are presentation attributes (the page's CSP forbids inline styles).
A chart also exists as CSV (``csv_text``) with the same rows and the same small-cell rule.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from markupsafe import Markup, escape

BAR = "#2f6f8f"
SHADES = ("#e3eef4", "#b9d5e4", "#86b6cf", "#4f8fb3", "#2a6a8f", "#143f5c")
NO_DATA = "#f1f1ef"
BORDER = "#ffffff"


@dataclass(frozen=True)
class Item:
    key: str  # the stored value (choice name, country code, period)
    label: str  # what a person reads
    count: int
    shown: str  # the count as shown ("<5" when suppressed)


def bars(items: Sequence[Item], title: str, *, width: int = 520) -> Markup:
    """Horizontal bars, one per item, the longest scaled to the chart's width."""
    row, label_width, right = 22, 190, 60
    height = max(row * len(items) + 10, 40)
    top = max((item.count for item in items), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}"><title>{escape(title)}</title>'
    ]
    if not items:
        parts.append(f'<text x="4" y="24" font-size="13" fill="#555">{escape(_NOTHING)}</text>')
    for index, item in enumerate(items):
        y = 6 + index * row
        length = 0 if item.shown.startswith("<") else round((width - label_width - right) * item.count / top)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 14}" font-size="12" text-anchor="end" fill="#222">'
            f"{escape(_clip(item.label, 30))}</text>"
            f'<rect x="{label_width}" y="{y + 2}" width="{max(length, 1)}" height="{row - 6}" fill="{BAR}">'
            f"<title>{escape(item.label)}: {escape(item.shown)}</title></rect>"
            f'<text x="{label_width + length + 4}" y="{y + 14}" font-size="12" fill="#222">'
            f"{escape(item.shown)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def columns(items: Sequence[Item], title: str, *, width: int = 700, height: int = 220) -> Markup:
    """Vertical columns in order (registrations per week or month)."""
    left, bottom, top_pad = 40, 40, 16
    plot_w, plot_h = width - left - 10, height - bottom - top_pad
    top = max((item.count for item in items), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}"><title>{escape(title)}</title>'
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{width - 10}" y2="{top_pad + plot_h}" stroke="#888"/>'
        f'<text x="{left - 4}" y="{top_pad + 4}" font-size="11" text-anchor="end" fill="#555">{top}</text>'
        f'<text x="{left - 4}" y="{top_pad + plot_h}" font-size="11" text-anchor="end" fill="#555">0</text>'
    ]
    if not items:
        parts.append(
            f'<text x="{left + 8}" y="{top_pad + 20}" font-size="13" fill="#555">{escape(_NOTHING)}</text>'
        )
    slot = min(plot_w / max(len(items), 1), 80)
    every = max(1, round(len(items) / 12))
    for index, item in enumerate(items):
        x = left + index * slot
        bar_h = 0 if item.shown.startswith("<") else plot_h * item.count / top
        parts.append(
            f'<rect x="{x + slot * 0.1:.1f}" y="{top_pad + plot_h - bar_h:.1f}" width="{slot * 0.8:.1f}" '
            f'height="{max(bar_h, 1):.1f}" fill="{BAR}">'
            f"<title>{escape(item.label)}: {escape(item.shown)}</title></rect>"
        )
        if index % every == 0:
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{top_pad + plot_h + 16}" font-size="10" '
                f'text-anchor="middle" fill="#333">{escape(item.label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


@lru_cache(maxsize=1)
def world_shapes() -> dict[str, object]:
    text = resources.files("sync.server.registry").joinpath("resources/world.json").read_text("utf-8")
    loaded: dict[str, object] = json.loads(text)
    return loaded


def shade(count: int, top: int) -> str:
    if count <= 0 or top <= 0:
        return NO_DATA
    # a log scale: the diaspora is very uneven (thousands in one country, a handful in the next)
    step = math.log1p(count) / math.log1p(top)
    return SHADES[min(len(SHADES) - 1, int(step * (len(SHADES) - 1) + 0.5))]


def world_map(items: Sequence[Item], title: str) -> Markup:
    """Countries shaded by count (log scale); each country's name and count as its tooltip."""
    shapes = world_shapes()
    by_code = {item.key: item for item in items}
    top = max((item.count for item in items), default=0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" viewBox="{shapes["viewBox"]}" '
        f'preserveAspectRatio="xMidYMid meet"><title>{escape(title)}</title>'
    ]
    countries = shapes["countries"]
    assert isinstance(countries, dict)
    for code, path in countries.items():
        item = by_code.get(code)
        hidden = item is not None and item.shown.startswith("<")  # a suppressed small cell: one shade
        fill = SHADES[0] if hidden else shade(item.count, top) if item else NO_DATA
        tip = f"{item.label}: {item.shown}" if item else code
        parts.append(
            f'<path d="{path}" fill="{fill}" stroke="{BORDER}" stroke-width="0.2" data-country="{code}">'
            f"<title>{escape(tip)}</title></path>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def legend(top: int, suppress_below: int = 0) -> list[tuple[str, str]]:
    """(colour, from-count) pairs for the map's key, the same buckets ``shade`` uses; with small cells
    suppressed, the counts below ``suppress_below`` share the first colour and the key says "<N"."""
    if top <= 0:
        return []
    if suppress_below > 1:
        above = [(c, low) for c, low in legend(top) if int(low.rstrip("+")) > suppress_below]
        if top >= suppress_below:
            above.insert(0, (shade(suppress_below, top), f"{suppress_below}+"))
        return [(SHADES[0], f"<{suppress_below}"), *above]
    steps = len(SHADES) - 1
    out: list[tuple[str, str]] = []
    previous = 0
    for index, colour in enumerate(SHADES):
        low = 1 if index == 0 else math.ceil(math.expm1((index - 0.5) / steps * math.log1p(top)))
        while low <= top and shade(low, top) != colour:
            low += 1
        if low > top or low <= previous:
            continue
        out.append((colour, f"{low}+"))
        previous = low
    return out


def csv_text(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        # a cell starting with = + - @ would be a formula in a spreadsheet: prefix it
        writer.writerow(["'" + cell if cell[:1] in ("=", "+", "-", "@") else cell for cell in row])
    return buffer.getvalue()


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_NOTHING = "—"


class PngUnavailable(Exception):
    """The cairo library cairosvg draws with is not installed on this server."""


def png(svg: str, *, width: int) -> bytes:
    """The chart's SVG drawn as a PNG (cairosvg, on a white background), ``width`` pixels wide."""
    try:
        import cairosvg  # here: it needs the system's libcairo, and only PNG downloads do
    except (ImportError, OSError) as error:
        raise PngUnavailable(str(error)) from None
    drawn = cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=width, background_color="white")
    return bytes(drawn or b"")
