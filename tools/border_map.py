"""
Draw the Russia–China border as a schematic SVG from the packaged data.

Russian units stand on the left, Chinese units on the right, the border runs down
the middle from west (top) to east (bottom). Each pair of units that touch is a
band; each crossing in force is a line across the border, labelled with its two
towns and what it carries.

    python tools/border_map.py            # write docs/_static/border.svg
    python tools/border_map.py --check    # fail if the file is stale

Uses only the standard library and regionkit (``regionkit.border_pairs``,
``regionkit.crossings``, the units' names).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import regionkit  # noqa: E402 (after the path fix)

OUT = ROOT / "docs" / "_static" / "border.svg"

# The pairs in their order along the border, west to east: a drawing choice, so
# the data does not hold it. The tool fails if the data's pairs differ.
PAIRS = (
    ("RU-AL", "CN-XJ"),
    ("RU-ZAB", "CN-NM"),
    ("RU-ZAB", "CN-HL"),
    ("RU-AMU", "CN-HL"),
    ("RU-YEV", "CN-HL"),
    ("RU-KHA", "CN-HL"),
    ("RU-PRI", "CN-HL"),
    ("RU-PRI", "CN-JL"),
)
# Crossings within a band, west to east (or down the Ussuri); others follow by id.
ORDER = (
    "zabaykalsk-manzhouli",
    "starotsurukhaytuy-heishantou",
    "olochi-shiwei",
    "blagoveshchensk-heihe",
    "kani-kurgan-heihe",
    "poyarkovo-xunke",
    "amurzet-luobei",
    "nizhneleninskoye-tongjiang",
    "khabarovsk-fuyuan",
    "pokrovka-raohe",
    "turiy-rog-mishan",
    "pogranichny-suifenhe",
    "poltavka-dongning",
    "kraskino-hunchun",
    "makhalino-hunchun",
)
WIDTH = 960
BOX_W = 230
LEFT, RIGHT = 16, WIDTH - 16 - BOX_W
MIDDLE = WIDTH // 2
TOP = 92
LINE = 32  # per crossing
EMPTY = 56  # a band without a crossing
GAP = 8  # between bands
SECTION_GAP = 34  # Mongolia, between the western and eastern sections
FONT = (
    "font-family='DejaVu Sans, Helvetica, Arial, Noto Sans CJK SC, PingFang SC, "
    "Microsoft YaHei, sans-serif'"
)


class MapError(Exception):
    """The data does not fit the drawing; the message says how."""


def bands() -> list[tuple[tuple[str, str], list[regionkit.Crossing]]]:
    """Return each border pair with its crossings, in drawing order."""
    pairs = {(p.a, p.b) for p in regionkit.border_pairs("RU", "CN")}
    if pairs != set(PAIRS):
        raise MapError(f"border pairs changed: {sorted(pairs ^ set(PAIRS))}")
    rank = {cid: i for i, cid in enumerate(ORDER)}
    found: list[tuple[tuple[str, str], list[regionkit.Crossing]]] = []
    for pair in PAIRS:
        here = [c for c in regionkit.crossings() if c.units == pair]
        here.sort(key=lambda c: (rank.get(c.id, len(rank)), c.id))
        found.append((pair, here))
    return found


def text(x: float, y: float, body: str, *, size: int = 12, **attrs: str) -> str:
    """Return an SVG text element."""
    extra = "".join(f" {k.replace('_', '-')}='{v}'" for k, v in attrs.items())
    return (
        f"<text x='{x:g}' y='{y:g}' font-size='{size}' {FONT}{extra}>"
        f"{escape(body)}</text>"
    )


def unit_box(code: str, x: int, top: float, bottom: float, fill: str) -> list[str]:
    """Return the box of one unit, named in English and its own language."""
    division = regionkit.get(code)
    local = division.name("ru" if division.country == "RU" else "zh-Hans")
    title = division.name("en")
    if len(title) > 26:  # wider than the box: "Inner Mongolia Autonomous Region"
        title = division.name("en", form="short")
    middle = (top + bottom) / 2
    centre = x + BOX_W / 2
    return [
        f"<rect x='{x}' y='{top:g}' width='{BOX_W}' height='{bottom - top:g}' "
        f"rx='6' fill='{fill}' stroke='#5b6670' stroke-width='1'/>",
        text(
            centre,
            middle - 6,
            title,
            size=13,
            text_anchor="middle",
            font_weight="bold",
        ),
        text(centre, middle + 10, local, text_anchor="middle"),
        text(centre, middle + 24, code, size=10, text_anchor="middle", fill="#5b6670"),
    ]


def render() -> str:
    """Return the SVG text."""
    rows = bands()
    spans: dict[str, list[float]] = {}
    back: list[str] = []  # under the border line
    body: list[str] = []
    y = float(TOP)
    for index, ((ru, cn), crossings) in enumerate(rows):
        if index == 1:
            back.append(
                text(
                    MIDDLE,
                    y + SECTION_GAP / 2 - 2,
                    "Mongolia lies between the western and eastern sections",
                    size=11,
                    text_anchor="middle",
                    fill="#5b6670",
                    font_style="italic",
                )
            )
            y += SECTION_GAP
        height = LINE * len(crossings) + 14 if crossings else EMPTY
        top, bottom = y, y + height
        for code in (ru, cn):
            span = spans.setdefault(code, [top, bottom])
            span[1] = bottom
        back.append(
            f"<rect x='{LEFT + BOX_W}' y='{top:g}' width='{RIGHT - LEFT - BOX_W}' "
            f"height='{height:g}' fill='#f4f6f8'/>"
        )
        if not crossings:
            back.append(
                text(
                    MIDDLE,
                    top + height / 2 + 4,
                    "no crossing in force",
                    size=11,
                    text_anchor="middle",
                    fill="#8a939b",
                    font_style="italic",
                )
            )
        for i, crossing in enumerate(crossings):
            line_y = top + 10 + LINE * i + LINE / 2
            modes = " · ".join(m.value for m in crossing.modes)
            body += [
                f"<line x1='{LEFT + BOX_W + 6}' y1='{line_y:g}' "
                f"x2='{RIGHT - 6}' y2='{line_y:g}' stroke='#3d6fb4' "
                "stroke-width='2'/>",
                f"<circle cx='{MIDDLE}' cy='{line_y:g}' r='4' fill='#ffffff' "
                "stroke='#3d6fb4' stroke-width='2'/>",
                text(MIDDLE - 10, line_y - 5, crossing.ru_town, text_anchor="end"),
                text(MIDDLE + 10, line_y - 5, crossing.cn_town),
                text(
                    RIGHT - 10,
                    line_y + 13,
                    modes,
                    size=10,
                    text_anchor="end",
                    fill="#5b6670",
                ),
            ]
        y = bottom + GAP
    total = y + 28
    for code, (top, bottom) in spans.items():
        x = LEFT if code.startswith("RU-") else RIGHT
        fill = "#e6eef8" if code.startswith("RU-") else "#fbe9e7"
        body += unit_box(code, x, top, bottom, fill)
    head = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{WIDTH}' "
        f"height='{total:g}' viewBox='0 0 {WIDTH} {total:g}' role='img' "
        "aria-labelledby='title'>",
        "<title id='title'>The Russia–China border: the units on each side and "
        "the crossings in force</title>",
        f"<rect width='{WIDTH}' height='{total:g}' fill='#ffffff'/>",
        text(
            LEFT,
            28,
            "The Russia–China border, west (top) to east (bottom)",
            size=16,
            font_weight="bold",
        ),
        text(
            LEFT,
            48,
            f"{len(regionkit.crossings())} crossings in force; drawn by "
            "tools/border_map.py from regionkit's data",
            size=11,
            fill="#5b6670",
        ),
        text(
            LEFT + BOX_W / 2,
            TOP - 12,
            "Russia",
            size=13,
            text_anchor="middle",
            font_weight="bold",
        ),
        text(
            RIGHT + BOX_W / 2,
            TOP - 12,
            "China",
            size=13,
            text_anchor="middle",
            font_weight="bold",
        ),
        text(MIDDLE, TOP - 12, "border", size=11, text_anchor="middle", fill="#b03a2e"),
        f"<line x1='{MIDDLE}' y1='{TOP - 6}' x2='{MIDDLE}' y2='{y - GAP:g}' "
        "stroke='#b03a2e' stroke-width='2' stroke-dasharray='6 4'/>",
    ]
    return "\n".join([*head[:-1], *back, head[-1], *body, "</svg>"]) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with ``--check``, verify) ``docs/_static/border.svg``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--check", action="store_true", help="fail if stale")
    parser.add_argument("--output", type=Path, default=OUT, help="where to write")
    args = parser.parse_args(argv)
    try:
        svg = render()
    except MapError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    if args.check:
        if current != svg:
            print(f"stale: {args.output}; run tools/border_map.py", file=sys.stderr)
            return 1
        return 0
    if current != svg:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(svg, encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
