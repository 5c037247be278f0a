"""
The ``regionkit`` command.

    regionkit show CODE [--locale L] [--json]
    regionkit tree [COUNTRY|CODE] [--depth N] [--locale L]
    regionkit lookup [TEXT ...] [--country CC] [--level N] [--within CODE]
                     [--no-fuzzy] [--min-score S]
    regionkit history CODE [--locale L]
    regionkit line CODE [--kind K] [--locale L] [--json]
    regionkit neighbours CODE [--across-borders] [--sea] [--locale L] [--json]
    regionkit crossings [CODE] [--mode M] [--json]

Exit status: 0 on success, 1 when a code is unknown or a text is not found,
2 on a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from regionkit._index import MatchKind
from regionkit._models import COUNTRIES, Division, Perspective
from regionkit._reporting import CENTRES, LineKind, line_in, links_in, node_in
from regionkit._store import default_dataset
from regionkit.errors import AmbiguousName, RegionkitError, UnknownCode

__all__ = ["main"]

_COUNTRY_NAMES = {"RU": "Russia", "CN": "China"}


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """
    Run the command line with *argv* (default: ``sys.argv[1:]``); return the status.

    >>> main(["show", "RU-KHA"])  # doctest: +ELLIPSIS
    RU-KHA  Khabarovsk Krai
    ...
    0
    """
    out = out if out is not None else sys.stdout
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return _run(args, out)
    except BrokenPipeError:  # `regionkit tree RU | head`: the reader left early
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _run(args: argparse.Namespace, out: TextIO) -> int:
    try:
        if args.command == "show":
            return _show(args, out)
        if args.command == "lookup":
            return _lookup(args, out)
        if args.command == "line":
            return _line(args, out)
        if args.command == "history":
            return _history(args, out)
        if args.command == "neighbours":
            return _neighbours(args, out)
        if args.command == "crossings":
            return _crossings(args, out)
        return _tree(args, out)
    except UnknownCode as error:
        print(f"regionkit: {error}", file=sys.stderr)
        return 1
    except (RegionkitError, ValueError, TypeError) as error:
        print(f"regionkit: {error}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="regionkit",
        description="The administrative divisions of Russia and China.",
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help="print the version and the data editions, then exit",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    show = commands.add_parser("show", help="show one division")
    show.add_argument("code", help="ISO 3166-2 code, project key or national code")
    show.add_argument("--locale", default="en", help="language of names (default: en)")
    show.add_argument("--json", action="store_true", help="print the record as JSON")
    tree = commands.add_parser("tree", help="print a country or a division as a tree")
    tree.add_argument(
        "root",
        nargs="?",
        default=None,
        help="RU, CN or a division code (default: both)",
    )
    tree.add_argument(
        "--depth",
        type=int,
        default=2,
        help="levels to print below the root (default: 2)",
    )
    tree.add_argument("--locale", default="en", help="language of names (default: en)")
    lookup = commands.add_parser(
        "lookup",
        help="find the divisions that names or codes mean",
        description="Look up each TEXT, or each line of standard input if none is "
        "given; print input, code and name, tab-separated.",
    )
    lookup.add_argument("texts", nargs="*", metavar="TEXT", help="names or codes")
    lookup.add_argument("--country", help="only this country (RU or CN)")
    lookup.add_argument("--level", type=int, help="only this level")
    lookup.add_argument("--within", help="only divisions inside this code")
    lookup.add_argument(
        "--locale", default="en", help="language of names (default: en)"
    )
    lookup.add_argument(
        "--no-fuzzy",
        dest="fuzzy",
        action="store_false",
        help="take no typos: exact readings only",
    )
    lookup.add_argument(
        "--min-score",
        type=float,
        default=0.0,
        metavar="S",
        help="refuse matches scoring below S (0-1; 0.8 refuses typos)",
    )
    history = commands.add_parser(
        "history", help="print a division's timeline: its dates and its changes"
    )
    history.add_argument("code", help="a code, current or former (RU-CHI)")
    history.add_argument("--locale", default="en", help="language of names")
    line = commands.add_parser(
        "line",
        help="print who a division reports to, up to its national centre",
        description="Print the reporting line of CODE, one link a line, each with "
        "its kind and legal basis (default: the administrative line).",
    )
    line.add_argument("code", help="division code, or RU-CENTRE, CN-CENTRE, CN-XPCC")
    line.add_argument(
        "--kind",
        choices=[k.value for k in LineKind],
        help="follow links of this kind where the unit has one",
    )
    line.add_argument("--locale", default="en", help="language of names (default: en)")
    line.add_argument("--json", action="store_true", help="print the links as JSON")
    tree.add_argument(
        "--perspective",
        choices=[p.value for p in Perspective],
        default=Perspective.NATIONAL.value,
        help="whose list of units to follow (default: national)",
    )
    _add_border_commands(commands)
    return parser


class _VersionAction(argparse.Action):
    def __init__(
        self, option_strings: Sequence[str], dest: str, **kwargs: object
    ) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help")))

    def __call__(self, *args: object, **kwargs: object) -> None:
        print(version_text())
        raise SystemExit(0)


def version_text() -> str:
    """
    Return the package version and the edition of each country's data.

    >>> print(version_text())  # doctest: +ELLIPSIS
    regionkit ...
    data ... CN as of 2025-11-07: ...
    """
    from importlib.metadata import version

    dataset = default_dataset()
    lines = [f"regionkit {version('regionkit')}"]
    for country in COUNTRIES:
        meta = dataset.meta(country)
        lines.append(
            f"data {meta['data_version']}, {country} as of {meta['as_of']}: "
            f"{meta['edition']}"
        )
    return "\n".join(lines)


def _history(args: argparse.Namespace, out: TextIO) -> int:
    dataset = default_dataset()
    division = dataset.get(args.code)
    locale = args.locale
    print(f"{division.code}  {division.name(locale)}", file=out)
    start = division.valid_from.isoformat() if division.valid_from else "?"
    end = division.valid_to.isoformat() if division.valid_to else "today"
    print(f"  valid {start} to {end}", file=out)
    related = {d.code for d in (*division.predecessors(), *division.successors())}
    for change in dataset.changes(division.country):
        if division.code not in (*change.before, *change.after):
            continue
        before = ", ".join(change.before) or "-"
        after = ", ".join(change.after) or "-"
        note = f"  ({change.note})" if change.note else ""
        print(
            f"  {change.date.isoformat()}  {change.kind.value}: {before} -> {after}"
            f"{note}",
            file=out,
        )
    for code in sorted(related):
        print(f"  {code}  {dataset.get(code).name(locale)}", file=out)
    return 0


def _show(args: argparse.Namespace, out: TextIO) -> int:
    division = default_dataset().get(args.code)
    if args.json:
        from regionkit.serialization import dumps

        print(dumps(division, indent=1), file=out)
        return 0
    locale = args.locale
    rows: list[tuple[str, str]] = [
        ("category", division.category.value.replace("_", " ")),
        ("country", division.country),
    ]
    if division.level is not None:
        rows.append(("level", str(division.level)))
    for label, value in (
        ("short name", division.name(locale, form="short")),
        ("ISO 3166-2", division.iso_3166_2),
        ("national code", division.national_code),
        ("OKATO", division.okato),
        ("OKTMO", division.oktmo),
    ):
        if value:
            rows.append((label, value))
    for label, related in (
        ("parent", division.parent),
        ("within", division.within),
        ("federal district", division.federal_district),
    ):
        if related is not None:
            rows.append((label, f"{related.code}  {related.name(locale)}"))
    others = [g for g in division.groupings if g != division.federal_district]
    for grouping in others:
        rows.append(("grouping", f"{grouping.code}  {grouping.name(locale)}"))
    for designation in division.designations:
        rows.append(("rank", designation.rank.value.replace("_", " ")))
    if division.valid_from or division.valid_to:
        start = division.valid_from.isoformat() if division.valid_from else "?"
        end = division.valid_to.isoformat() if division.valid_to else "today"
        rows.append(("valid", f"{start} to {end}"))
    for label, related_units in (
        ("made from", division.predecessors()),
        ("became", division.successors()),
    ):
        if related_units:
            rows.append((label, ", ".join(d.code for d in related_units)))
    for centre in division.centres:
        text = centre.name("ru" if locale.startswith("ru") else "en") or ""
        rows.append((centre.role.value, f"{text}  {centre.note}".strip()))
    for figure in division.figures:
        rows.append(
            (
                figure.measure.value.replace("_", " "),
                f"{figure.value:,} ({figure.year})",
            )
        )
    for claim in division.claims:
        code = f" as {claim.party_code}" if claim.party_code else ""
        rows.append(
            ("claim", f"{claim.party} {claim.stance.value.replace('_', ' ')}{code}")
        )
    if division.enclosed:
        rows.append(("encloses", ", ".join(d.code for d in division.enclosed)))
    if division.children:
        rows.append(("children", str(len(division.children))))
    print(f"{division.code}  {division.name(locale)}", file=out)
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}", file=out)
    return 0


def _lookup(args: argparse.Namespace, out: TextIO) -> int:
    texts = args.texts or [line.rstrip("\r\n") for line in sys.stdin]
    results = default_dataset().lookup_many(
        texts,
        country=args.country,
        level=args.level,
        within=args.within,
        fuzzy=args.fuzzy,
        min_score=args.min_score,
    )
    status = 0
    for result in results:
        if result.division is not None:
            name = result.division.name(args.locale)
            typo = "\t(typo)" if result.kind is MatchKind.FUZZY else ""
            print(f"{result.query}\t{result.division.code}\t{name}{typo}", file=out)
            continue
        status = 1
        error = result.error
        if isinstance(error, AmbiguousName):
            codes = " ".join(d.code for d in error.candidates)
            print(f"{result.query}\t\tambiguous: {codes}", file=out)
        else:
            print(f"{result.query}\t\tnot found", file=out)
    return status


def _tree(args: argparse.Namespace, out: TextIO) -> int:
    if args.depth < 0:
        raise ValueError("--depth must be 0 or more")
    dataset = default_dataset()
    root = (args.root or "").strip().upper()
    if not root:
        for country in COUNTRIES:
            _print_country(country, args, out)
        return 0
    if root in COUNTRIES:
        _print_country(root, args, out)
        return 0
    _print_division(dataset.get(root), args, out, depth=args.depth, indent="")
    return 0


def _print_country(country: str, args: argparse.Namespace, out: TextIO) -> None:
    dataset = default_dataset()
    print(f"{country}  {_COUNTRY_NAMES[country]}", file=out)
    if args.depth == 0:
        return
    groups = dataset.divisions(country, category="federal_district")
    tops = dataset.divisions(country, level=1, perspective=args.perspective)
    if not groups:
        for top in tops:
            _print_division(top, args, out, depth=args.depth - 1, indent="  ")
        return
    for group in groups:
        _print_division(group, args, out, depth=args.depth - 1, indent="  ")
    ungrouped = [d for d in tops if d.federal_district is None]
    if ungrouped and args.depth > 1:
        print("  (in no federal district)", file=out)
        for top in ungrouped:
            _print_division(top, args, out, depth=args.depth - 2, indent="    ")


def _print_division(
    division: Division,
    args: argparse.Namespace,
    out: TextIO,
    *,
    depth: int,
    indent: str,
) -> None:
    if not division.in_view(args.perspective):
        return
    note = ""
    if division.within is not None:
        note = f"  (within {division.within.code})"
    if division.is_contested:
        note += "  [contested]"
    print(f"{indent}{division.code}  {division.name(args.locale)}{note}", file=out)
    if depth == 0:
        return
    for child in division.children:
        _print_division(child, args, out, depth=depth - 1, indent=indent + "  ")


def _line(args: argparse.Namespace, out: TextIO) -> int:
    dataset = default_dataset()
    start = node_in(dataset, args.code)
    chain = line_in(dataset, start, kind=args.kind)
    if args.json:
        from regionkit.serialization import dumps

        print(dumps(chain, indent=1), file=out)
        return 0
    locale = args.locale
    if not chain:
        what = "a national centre" if start.code in CENTRES.values() else "a grouping"
        print(f"{start.code}  {start.name(locale)}: {what}, in no line", file=out)
        return 0
    for link in chain:
        lower = node_in(dataset, link.subordinate_code)
        upper = node_in(dataset, link.superior_code)
        print(
            f"{lower.code}  {lower.name(locale)} -> {upper.code}  {upper.name(locale)}"
            f"  [{link.kind.value}]  {link.basis.citation} ({link.basis.source})",
            file=out,
        )
    others = sorted(
        {k.kind.value for k in links_in(dataset, start)} - {chain[0].kind.value}
    )
    if others:
        print(f"(other lines: --kind {', --kind '.join(others)})", file=sys.stderr)
    return 0


def _add_border_commands(commands: argparse._SubParsersAction[Any]) -> None:
    from regionkit._neighbours import CrossingMode

    neighbours = commands.add_parser(
        "neighbours",
        help="list the units that share a land border with a division",
        description="Print the level-1 units that share a land border with CODE.",
    )
    neighbours.add_argument("code", help="a federal subject or provincial-level unit")
    neighbours.add_argument(
        "--across-borders",
        action="store_true",
        help="also list units of the other country",
    )
    neighbours.add_argument(
        "--sea", action="store_true", help="also list units across a strait only"
    )
    neighbours.add_argument(
        "--locale", default="en", help="language of names (default: en)"
    )
    neighbours.add_argument(
        "--json", action="store_true", help="print the pairs, with sources, as JSON"
    )
    crossings = commands.add_parser(
        "crossings",
        help="list the Russia–China border crossings",
        description="Print the Russia–China border crossings in force, or those in "
        "CODE (a subject, a province, or the prefecture or county of the Chinese "
        "side).",
    )
    crossings.add_argument("code", nargs="?", default=None, help="only this unit")
    crossings.add_argument(
        "--mode",
        choices=[m.value for m in CrossingMode],
        help="only crossings that carry this traffic",
    )
    crossings.add_argument(
        "--json", action="store_true", help="print the crossings as JSON"
    )


def _neighbours(args: argparse.Namespace, out: TextIO) -> int:
    from regionkit._neighbours import borders

    division = default_dataset().get(args.code)
    found = division.neighbours(across_borders=args.across_borders, sea=args.sea)
    if args.json:
        from regionkit.serialization import dumps

        codes = {d.code for d in found}
        pairs = [
            p
            for p in borders(default_dataset()).by_code.get(division.code, ())
            if p.other(division.code) in codes
        ]
        print(dumps(pairs, indent=1), file=out)
        return 0
    land = {d.code for d in division.neighbours(across_borders=args.across_borders)}
    print(f"{division.code}  {division.name(args.locale)}", file=out)
    for other in found:
        tags = "" if other.country == division.country else f"  [{other.country}]"
        tags += "" if other.code in land else "  (across the sea)"
        print(f"  {other.code}  {other.name(args.locale)}{tags}", file=out)
    if not found:
        print("  (no land neighbours)", file=out)
    return 0


def _crossings(args: argparse.Namespace, out: TextIO) -> int:
    from regionkit._api_borders import crossings

    found = crossings(division=args.code, mode=args.mode)
    if args.json:
        from regionkit.serialization import dumps

        print(dumps(found, indent=1), file=out)
        return 0
    for crossing in found:
        modes = ", ".join(m.value for m in crossing.modes)
        print(
            f"{crossing.id}  {crossing.ru_town} ({crossing.ru_unit}) – "
            f"{crossing.cn_town} ({crossing.cn_unit})  {modes}",
            file=out,
        )
    if not found:
        print("(no crossings)", file=out)
    return 0
