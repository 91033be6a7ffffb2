"""Generate world.json (country outlines for the dashboard's map) from Natural Earth, once.

    .venv/bin/python sync/server/registry/resources/make_world_map.py [--wheel geopandas-0.14.4-*.whl]

Natural Earth (public domain, naturalearthdata.com) 1:110m countries, as shipped inside the geopandas
0.14.4 wheel on PyPI (datasets/naturalearth_lowres); without --wheel the script fetches that wheel with
`pip download`. The output maps ISO 3166 alpha-2 codes (the registration form's country choices) to SVG
path data in an equirectangular projection (x = longitude + 180, y = 90 - latitude, Antarctica left
out), rounded to 0.1 degree. The server reads only world.json: nothing is fetched at test or run time.
"""

from __future__ import annotations

import argparse
import io
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pycountry

WHEEL = "geopandas==0.14.4"
BASE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parent / "world.json"
# Natural Earth leaves iso_a3 at -99 for a few countries; their names say who they are.
BY_NAME = {"France": "FR", "Norway": "NO", "Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}
PRECISION = 10  # 0.1 degree


def read_dbf(data: bytes) -> list[dict[str, str]]:
    count, header_len, record_len = struct.unpack("<xxxxIHH", data[:12])
    fields = []
    offset = 32
    while data[offset] != 0x0D:
        name = data[offset : offset + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[offset + 16]))
        offset += 32
    rows = []
    for index in range(count):
        start = header_len + index * record_len + 1  # skip the deletion flag
        row, position = {}, start
        for name, length in fields:
            row[name] = data[position : position + length].decode("utf-8", "replace").strip()
            position += length
        rows.append(row)
    return rows


def read_polygons(data: bytes) -> list[list[list[tuple[float, float]]]]:
    shapes: list[list[list[tuple[float, float]]]] = []
    offset = 100
    while offset < len(data):
        _, length = struct.unpack(">ii", data[offset : offset + 8])
        body = data[offset + 8 : offset + 8 + length * 2]
        offset += 8 + length * 2
        shape_type = struct.unpack("<i", body[:4])[0]
        if shape_type != 5:
            shapes.append([])
            continue
        parts_count, points_count = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{parts_count}i", body[44 : 44 + 4 * parts_count]))
        points_at = 44 + 4 * parts_count
        points = [
            struct.unpack("<dd", body[points_at + 16 * i : points_at + 16 * i + 16])
            for i in range(points_count)
        ]
        bounds = [*parts, points_count]
        shapes.append([points[bounds[i] : bounds[i + 1]] for i in range(parts_count)])
    return shapes


def ring_path(ring: list[tuple[float, float]]) -> str:
    kept: list[tuple[int, int]] = []
    for lon, lat in ring:
        point = (round((lon + 180) * PRECISION), round((90 - lat) * PRECISION))
        if not kept or kept[-1] != point:
            kept.append(point)
    if len(kept) < 3:
        return ""
    first, *rest = kept
    text = f"M{first[0] / PRECISION:g} {first[1] / PRECISION:g}"
    text += "".join(f"L{x / PRECISION:g} {y / PRECISION:g}" for x, y in rest)
    return text + "Z"


def alpha2(row: dict[str, str]) -> str | None:
    if row.get("name") in BY_NAME:
        return BY_NAME[row["name"]]
    code = row.get("iso_a3", "")
    country = pycountry.countries.get(alpha_3=code) if code and code != "-99" else None
    return country.alpha_2 if country else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--wheel", type=Path, help="the geopandas 0.14.4 wheel (fetched with pip when absent)"
    )
    args = parser.parse_args()
    wheel = args.wheel
    if wheel is None:
        folder = Path(tempfile.mkdtemp())
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(folder), WHEEL], check=True
        )
        wheel = next(folder.glob("geopandas-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        rows = read_dbf(archive.read(BASE + ".dbf"))
        shapes = read_polygons(io.BytesIO(archive.read(BASE + ".shp")).getvalue())
    countries: dict[str, str] = {}
    for row, polygons in zip(rows, shapes, strict=True):
        code = alpha2(row)
        if code is None or code == "AQ":
            continue
        path = "".join(ring_path(ring) for ring in polygons)
        countries[code] = countries.get(code, "") + path
    OUT.write_text(
        json.dumps(
            {
                "source": "Natural Earth 1:110m countries (public domain), via the geopandas 0.14.4 wheel",
                "viewBox": "0 0 360 150",
                "countries": dict(sorted(countries.items())),
            },
            separators=(",", ":"),
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(countries)} countries written to {OUT}")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
