"""
The ``regionkit`` command.

    regionkit show CODE [--locale L] [--json]
    regionkit tree [COUNTRY|CODE] [--depth N] [--locale L]
    regionkit lookup [TEXT ...] [--country CC] [--level N] [--within CODE]
                     [--as-of DAY] [--current] [--no-fuzzy] [--min-score S]
                     [--format text|json|csv|tsv] [--encoding ENC] [--locale L]
    regionkit address [TEXT ...] [--country CC] [--as-of DAY]
                      [--format text|json|csv|tsv] [--encoding ENC] [--locale L]
    regionkit history CODE [--locale L]
    regionkit line CODE [--kind K] [--locale L] [--json]
    regionkit neighbours CODE [--across-borders] [--sea] [--locale L] [--json]
    regionkit crossings [CODE] [--mode M] [--json]

Exit status: 0 on success, 1 when a code is unknown or a text is not found
(or the output cannot be written), 2 on a usage error, 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import datetime
import io
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from regionkit._index import MatchKind
from regionkit._lookup import LookupResult
from regionkit._models import COUNTRIES, Category, DatePrecision, Division, Perspective
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
    if out is None:
        _write_utf8(sys.stdout)
        out = sys.stdout
    parser = _parser()
    try:
        try:
            args = parser.parse_args(_arguments(argv))
        except SystemExit as exit_:
            status = int(exit_.code or 0)
        else:
            status = _run(args, out)
        out.flush()
    except KeyboardInterrupt:  # Ctrl-C: the shell's status for SIGINT, no traceback
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:  # `regionkit tree RU | head`: the reader left early
        _silence(out)
        return 0
    except OSError as error:  # `> /dev/full`: say so in a line
        _silence(out)
        print(f"regionkit: cannot write the output: {error.strerror}", file=sys.stderr)
        return 1
    return status


def _write_utf8(stream: TextIO) -> None:
    """Make *stream* write UTF-8 if its encoding cannot write Cyrillic and Chinese."""
    try:
        "Жё朝".encode(stream.encoding)
    except (UnicodeEncodeError, LookupError, TypeError):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")


def _silence(out: TextIO) -> None:
    """Send what is left to write to the null device (Python's advice for SIGPIPE)."""
    try:
        fileno = out.fileno()
    except (OSError, ValueError):  # not a file: nothing will flush it at exit
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


def _arguments(argv: Sequence[str] | None) -> list[str]:
    """
    Return *argv* with bytes that the locale could not decode read as UTF-8.

    In an ASCII locale Python keeps each such byte as a lone surrogate; the
    bytes are recovered with `os.fsencode`. Bytes that are not UTF-8 either
    are refused (status 2) rather than looked up as some other text.
    """
    arguments = []
    for argument in sys.argv[1:] if argv is None else argv:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            try:
                argument = os.fsencode(argument).decode("utf-8")
            except UnicodeError:
                print(
                    f"regionkit: argument {argument!r} is not UTF-8 text; "
                    "set a UTF-8 locale (LC_ALL=C.UTF-8) or pass UTF-8 bytes",
                    file=sys.stderr,
                )
                raise SystemExit(2) from None
        arguments.append(argument)
    return arguments


def _run(args: argparse.Namespace, out: TextIO) -> int:
    try:
        if args.command == "show":
            return _show(args, out)
        if args.command == "lookup":
            return _lookup(args, out)
        if args.command == "line":
            return _line(args, out)
        if args.command == "address":
            return _address(args, out)
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
        subparser = getattr(args, "subparser", None)
        if isinstance(subparser, argparse.ArgumentParser):
            subparser.print_usage(sys.stderr)
        print(f"regionkit {args.command}: {error}", file=sys.stderr)
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
        "given (blank lines skipped); print input, code and name, tab-separated, "
        "or a record per input with --format.",
    )
    lookup.add_argument("texts", nargs="*", metavar="TEXT", help="names or codes")
    lookup.add_argument("--country", help="only this country (RU or CN)")
    lookup.add_argument("--level", type=int, help="only this level")
    lookup.add_argument("--within", help="only divisions inside this code")
    lookup.add_argument(
        "--as-of",
        type=_day,
        metavar="YYYY-MM-DD",
        help="the units of that day (default: today's, then former ones)",
    )
    lookup.add_argument(
        "--current",
        action="store_true",
        help="give a former unit's successor of today",
    )
    lookup.add_argument(
        "--format",
        choices=_FORMATS,
        default="text",
        help="text (default), json (JSON Lines: an object a line), csv or tsv "
        "(with a header row)",
    )
    lookup.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        metavar="ENC",
        help="encoding of standard input (default: utf-8)",
    )
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
    _add_address_command(commands)
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
    for subparser in commands.choices.values():
        subparser.set_defaults(subparser=subparser)
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


def _dated(day: datetime.date | None, precision: DatePrecision | None) -> str:
    """A date as ISO text, marked where it is known to the year or month only."""
    if day is None:
        return ""
    if precision is DatePrecision.YEAR:
        return f"{day.isoformat()} (year only)"
    if precision is DatePrecision.MONTH:
        return f"{day.isoformat()} (month only)"
    return day.isoformat()


def _history(args: argparse.Namespace, out: TextIO) -> int:
    dataset = default_dataset()
    division = dataset.get(args.code)
    locale = args.locale
    print(f"{division.code}  {division.name(locale)}", file=out)
    start = _dated(division.valid_from, division.valid_from_precision) or "?"
    end = _dated(division.valid_to, division.valid_to_precision) or "today"
    print(f"  valid {start} to {end}", file=out)
    related = {d.code for d in (*division.predecessors(), *division.successors())}
    for change in dataset.changes(division.country):
        if division.code not in (*change.before, *change.after):
            continue
        before = ", ".join(change.before) or "-"
        after = ", ".join(change.after) or "-"
        note = f"  ({change.note})" if change.note else ""
        print(
            f"  {_dated(change.date, change.precision)}  {change.kind.value}:"
            f" {before} -> {after}{note}",
            file=out,
        )
        if change.basis and change.precision is not DatePrecision.YEAR:
            print(f"    basis: {change.basis}", file=out)
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
    # A locality's parent is its federal subject.
    locality = division.category in (Category.CITY, Category.INHABITED_LOCALITY)
    for label, related in (
        ("subject" if locality else "parent", division.parent),
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
        start = _dated(division.valid_from, division.valid_from_precision) or "?"
        end = _dated(division.valid_to, division.valid_to_precision) or "today"
        rows.append(("valid", f"{start} to {end}"))
    for label, related_units in (
        ("made from", division.predecessors()),
        ("became", division.successors()),
    ):
        if related_units:
            rows.append((label, ", ".join(d.code for d in related_units)))
    for centre in division.centres:
        text = centre.name("ru" if locale.startswith("ru") else "en") or ""
        text = f"{text}  {centre.code}" if centre.code else text
        rows.append((centre.role.value, f"{text}  {centre.note}".strip()))
    for figure in division.figures:
        when = figure.year if figure.year is not None else f"{figure.source}, no year"
        rows.append(
            (figure.measure.value.replace("_", " "), f"{figure.value:,} ({when})")
        )
    if division.location is not None:
        place = division.location
        rows.append(
            (
                "location",
                f"{place.latitude:.5f}, {place.longitude:.5f} ({place.source})",
            )
        )
    if division.time_zones:
        rows.append(("time zones", ", ".join(division.time_zones)))
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


_FORMATS = ("text", "json", "csv", "tsv")
_FIELDS = ("input", "code", "name", "parents", "current", "kind", "score", "reason")
_CHUNK = 1000  # standard input is looked up this many lines at a time


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day as YYYY-MM-DD: {text!r}") from None


def _encoding(text: str) -> str:
    try:
        return codecs.lookup(text).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding: {text!r}") from None


def _lookup(args: argparse.Namespace, out: TextIO) -> int:
    options: dict[str, Any] = {
        "country": args.country,
        "level": args.level,
        "within": args.within,
        "as_of": args.as_of,
        "current": args.current,
        "fuzzy": args.fuzzy,
        "min_score": args.min_score,
    }
    dataset = default_dataset()
    dataset.lookup_many((), **options)  # a bad filter fails before any input is read
    chunks = [args.texts] if args.texts else _chunks(_input_lines(args.encoding))
    writer = _writer(args.format, out)
    status = 0
    try:
        for chunk in chunks:
            for result in dataset.lookup_many(chunk, **options):
                if result.division is None:
                    status = 1
                writer(_record(result, args.locale))
            out.flush()
    except UnicodeDecodeError as error:
        print(
            f"regionkit lookup: standard input is not {args.encoding} text "
            f"({error.reason}); name its encoding with --encoding",
            file=sys.stderr,
        )
        return 2
    return status


def _add_address_command(commands: argparse._SubParsersAction[Any]) -> None:
    address = commands.add_parser(
        "address",
        help="read the divisions in addresses",
        description="Read each TEXT, or each line of standard input if none is "
        "given (blank lines skipped); print input, code and the chain of "
        "divisions, tab-separated, or a record per input with --format.",
    )
    address.add_argument("texts", nargs="*", metavar="TEXT", help="addresses")
    address.add_argument("--country", help="only this country (RU or CN)")
    address.add_argument(
        "--as-of", type=_day, metavar="YYYY-MM-DD", help="the units of that day"
    )
    address.add_argument(
        "--format",
        choices=_FORMATS,
        default="text",
        help="text (default), json (JSON Lines), csv or tsv (with a header row)",
    )
    address.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        metavar="ENC",
        help="encoding of standard input (default: utf-8)",
    )
    address.add_argument(
        "--locale", default="en", help="language of names (default: en)"
    )


_ADDRESS_FIELDS = (
    "input",
    "code",
    "name",
    "chain",
    "remainder",
    "postcode",
    "score",
    "candidates",
    "conflicts",
    "reason",
)


def _address(args: argparse.Namespace, out: TextIO) -> int:
    from regionkit._address import Address, parse_addresses

    parse_addresses((), country=args.country, as_of=args.as_of)  # bad options fail
    chunks = [args.texts] if args.texts else _chunks(_input_lines(args.encoding))
    rows = None
    if args.format in ("csv", "tsv"):
        dialect = "excel-tab" if args.format == "tsv" else "excel"
        rows = csv.writer(out, dialect=dialect, lineterminator="\n")
        rows.writerow(_ADDRESS_FIELDS)
    status = 0
    try:
        for chunk in chunks:
            results = parse_addresses(chunk, country=args.country, as_of=args.as_of)
            for text, result in zip(chunk, results, strict=True):
                if not isinstance(result, Address):
                    raise result
                if not result.ok:
                    status = 1
                division = result.division
                record: dict[str, Any] = {
                    "input": text,
                    "code": result.code,
                    "name": None if division is None else division.name(args.locale),
                    "chain": [d.code for d in result.chain],
                    "remainder": result.remainder,
                    "postcode": result.postcode,
                    "score": None if result.score is None else round(result.score, 3),
                    "candidates": [d.code for d in result.candidates],
                    "conflicts": [c.message for c in result.conflicts],
                    "reason": result.reason,
                }
                if args.format == "json":
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                elif rows is not None:
                    flat = {
                        k: " ".join(v) if isinstance(v, list) else v
                        for k, v in record.items()
                    }
                    flat["conflicts"] = "; ".join(record["conflicts"])
                    rows.writerow(
                        ["" if flat[f] is None else flat[f] for f in _ADDRESS_FIELDS]
                    )
                else:
                    out.write(_address_line(record) + "\n")
            out.flush()
    except UnicodeDecodeError as error:
        print(
            f"regionkit address: standard input is not {args.encoding} text "
            f"({error.reason}); name its encoding with --encoding",
            file=sys.stderr,
        )
        return 2
    return status


def _address_line(record: dict[str, Any]) -> str:
    chain = " > ".join(record["chain"])
    if record["candidates"]:
        found = f"{chain}\tambiguous: {' '.join(record['candidates'])}"
    elif record["code"] is None:
        found = "\tnot found"
    else:
        found = f"{record['code']}\t{chain}\t{record['remainder']}"
    notes = "".join(f"\t(conflict: {c})" for c in record["conflicts"])
    return f"{record['input']}\t{found}{notes}"


def _input_lines(encoding: str) -> Iterator[str]:
    """Yield the lines of standard input that are not blank, without line ends."""
    stdin: TextIO = sys.stdin
    wrapper = None
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:  # decode the bytes ourselves: the locale may be ASCII
        if encoding == "utf-8":
            encoding = "utf-8-sig"  # a byte-order mark is no part of the first line
        stdin = wrapper = io.TextIOWrapper(buffer, encoding=encoding, errors="strict")
    try:
        for line in stdin:
            text = line.rstrip("\r\n")
            if text.strip():
                yield text
    finally:
        if wrapper is not None:
            wrapper.detach()  # leave sys.stdin.buffer open


def _chunks(lines: Iterable[str]) -> Iterator[list[str]]:
    iterator = iter(lines)
    while chunk := list(itertools.islice(iterator, _CHUNK)):
        yield chunk


def _record(result: LookupResult, locale: str) -> dict[str, Any]:
    division = result.division
    query = result.query
    if division is None:
        return {
            "input": query,
            "code": None,
            "name": None,
            "parents": [],
            "current": None,
            "kind": None,
            "score": None,
            "reason": result.reason,
            "error": result.error,
        }
    return {
        "input": query,
        "code": division.code,
        "name": division.name(locale),
        "parents": [a.name(locale, form="short") for a in division.ancestors()],
        "current": division.is_current,
        "kind": None if result.kind is None else result.kind.value,
        "score": None if result.score is None else round(result.score, 3),
        "reason": None,
        "error": None,
    }


def _writer(format_: str, out: TextIO) -> Any:
    if format_ == "json":

        def write_json(record: dict[str, Any]) -> None:
            fields = {field: record[field] for field in _FIELDS}
            out.write(json.dumps(fields, ensure_ascii=False) + "\n")

        return write_json
    if format_ in ("csv", "tsv"):
        rows = csv.writer(
            out,
            dialect="excel-tab" if format_ == "tsv" else "excel",
            lineterminator="\n",
        )
        rows.writerow(_FIELDS)

        def write_row(record: dict[str, Any]) -> None:
            row = dict(record)
            row["parents"] = ", ".join(record["parents"])
            if record["current"] is not None:
                row["current"] = "yes" if record["current"] else "no"
            rows.writerow(["" if row[f] is None else row[f] for f in _FIELDS])

        return write_row

    def write_text(record: dict[str, Any]) -> None:
        query = record["input"]
        if record["code"] is None:
            error = record["error"]
            if isinstance(error, AmbiguousName):
                codes = " ".join(d.code for d in error.candidates)
                out.write(f"{query}\t\tambiguous: {codes}\n")
            else:
                out.write(f"{query}\t\tnot found\n")
            return
        name = ", ".join([record["name"], *record["parents"]])
        notes = "\t(typo)" if record["kind"] == MatchKind.FUZZY.value else ""
        notes += "" if record["current"] else "\t(former)"
        out.write(f"{query}\t{record['code']}\t{name}{notes}\n")

    return write_text


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
