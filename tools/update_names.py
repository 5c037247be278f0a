"""
Generate the computed name tables: romanizations, pinyin and cross-language names.

The tool reads the reviewed name tables and writes exactly these generated files:

- ``data/ru/names_romanized.csv``: BGN/PCGN, GOST 7.79-2000 system B and
  ISO 9:1995 romanizations of every Russian unit's ``ru`` full and short names
  (computed with ``iuliia``), plus the ISO 3166-2 name that pycountry holds;
- ``data/ru/names_zh.csv``: Simplified and Traditional Chinese names of the
  89 subjects and 8 federal districts (CLDR 41 ``zh``, reviewed exceptions,
  OpenCC);
- ``data/cn/names_pinyin.csv``: Hanyu Pinyin of the 34 provincial units, with
  tone marks and plain, words joined as GB/T 16159-2012 says;
- ``data/cn/names_ru.csv``: Russian full names of the provincial units that
  ``data/cn/names.csv`` gives only a short form for;
- ``data/ru/names_cldr.csv`` and ``data/cn/names_cldr.csv``: CLDR's names and
  the ISO 3166-2 names (pycountry) that no other table stores, as lookup
  aliases, and for the units Ukraine claims, the names ISO 3166-2:UA gives
  them in its romanization and in Ukrainian;
- ``data/ru/names_translations.csv`` and ``data/cn/names_translations.csv``:
  every translation of the units' ISO 3166-2 names in pycountry's ``iso3166-2``
  gettext catalogues, tagged as ``regionkit._locales`` maps the catalogues,
  less the reviewed wrong entries (``_locales._BAD_TRANSLATIONS``): a ``full``
  name where the unit has none in the locale, else an ``alias``; a text the
  unit already bears is left out;
- ``tests/fixtures/han_scripts.json``: the characters that mark a name as the
  wrong Chinese script, so that the data tests need no OpenCC.

It never writes a hand-reviewed table (``names.csv``, ``names_aliases.csv``,
``names_titular.csv``, ``pinyin_overrides.csv``); it reads the reading overrides in
``data/cn/pinyin_overrides.csv``. The rules are in ``data/NAMES.md``. Run::

    python tools/update_names.py [--shared PATH] [--check]

``iuliia``, ``pypinyin`` and ``opencc`` are build-time dependencies only.
"""

from __future__ import annotations

import csv
import gettext
import io
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import iuliia
import opencc
import pycountry
from tables import load_sources, read_csv, render_csv, update_main
from update_cn import load_overrides, name_syllables, syllable_inventory

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# The catalogue tags and the skipped entries are the run-time fallback's own.
from regionkit._locales import _BAD_TRANSLATIONS, _bcp47  # noqa: E402 (path fix)
from regionkit._normalize import fold  # noqa: E402 (path fix)

DATA = ROOT / "data"
FIXTURE = ROOT / "tests" / "fixtures" / "han_scripts.json"
COLUMNS = ("code", "locale", "form", "text", "source")
FORMS = ("full", "short")

Row = tuple[str, str, str, str, str]


class BuildError(Exception):
    """The input tables are not what the rules expect; the message says why."""


# ----------------------------------------------------------------- romanization

# Locale tag -> (iuliia schema, source id of the system). The schemas were checked
# against the systems' tables (data/NAMES.md):
# - bgn_pcgn_alt is BGN/PCGN 1947 without the optional middle dots;
# - gost_779_alt is GOST 7.79-2000 system B for Russian (ц is c before е, и, ы, й);
# - gost_779 is ISO 9:1995 (= GOST 7.79-2000 system A), except that iuliia
#   leaves ё as Cyrillic; `romanize` maps it to ë as both systems say.
ROMANIZATIONS = {
    "ru-Latn-x-bgnpcgn": (iuliia.BGN_PCGN_ALT, "bgn-pcgn-1947"),
    "ru-Latn-x-gost779b": (iuliia.GOST_779_ALT, "gost-7-79-2000"),
    "ru-Latn-x-iso9": (iuliia.GOST_779, "iso-9-1995"),
}
ISO_LOCALE = "ru-Latn-x-iso3166"
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def romanize(text: str, schema: object) -> str:
    """Transliterate *text* with an iuliia schema; fail on any Cyrillic left."""
    latin = str(schema.translate(text))  # type: ignore[attr-defined]  # iuliia is untyped
    latin = latin.replace("ё", "ë").replace("Ё", "Ë")
    latin = unicodedata.normalize("NFC", latin)
    if CYRILLIC.search(latin):
        raise BuildError(f"{text}: romanization left Cyrillic: {latin}")
    return latin


def romanized_rows(names: dict[str, dict[tuple[str, str], Row]]) -> list[Row]:
    """Every romanization of the ``ru`` full and short names, and ISO 3166-2's name."""
    rows: list[Row] = []
    for code, by_key in names.items():
        for form in FORMS:
            row = by_key.get(("ru", form))
            if row is None:
                raise BuildError(f"data/ru/names.csv: {code} has no ru {form} name")
            for tag, (schema, system) in ROMANIZATIONS.items():
                text = romanize(row[3], schema)
                rows.append((code, tag, form, text, sources(row[4], system, "iuliia")))
        subdivision = pycountry.subdivisions.get(code=code)
        if subdivision is not None:
            rows.append((code, ISO_LOCALE, "full", str(subdivision.name), "pycountry"))
    return rows


# ------------------------------------------------------------- Chinese for Russia

# Units whose CLDR entry sits under a Ukrainian code (CLDR keys ISO codes).
CLDR_KEYS = {
    "RU-CRIMEA": "ua43",
    "RU-SEVASTOPOL": "ua40",
    "RU-DONETSK": "ua14",
    "RU-LUGANSK": "ua09",
    "RU-ZAPOROZHYE": "ua23",
    "RU-KHERSON": "ua65",
}
# Reviewed exceptions to CLDR, each with its source (data/NAMES.md says why).
ZH_EXCEPTIONS = {
    # CLDR ua43 is the Autonomous Republic of Crimea, the Ukrainian unit.
    "RU-CRIMEA": ("克里米亚共和国", "zhwiki-subjects"),
    # CLDR ua14 and ua09 name the Ukrainian oblasts, not the republics.
    "RU-DONETSK": ("顿涅茨克人民共和国", "zhwiki-subjects"),
    "RU-LUGANSK": ("卢甘斯克人民共和国", "zh-pages-lpr"),
    # CLDR has 科麦罗沃州, Chinese Wikipedia's title and usual form is 克麦罗沃州.
    "RU-KEM": ("克麦罗沃州", "zhwiki-subjects"),
    # Federal districts: no CLDR entry; the 联邦管区 terms of Chinese Wikipedia.
    "RU-FD-CENTRAL": ("中央联邦管区", "zhwiki-fd"),
    "RU-FD-NORTHWESTERN": ("西北联邦管区", "zhwiki-fd"),
    "RU-FD-SOUTHERN": ("南部联邦管区", "zhwiki-fd"),
    "RU-FD-NORTH-CAUCASIAN": ("北高加索联邦管区", "zhwiki-fd"),
    "RU-FD-VOLGA": ("伏尔加联邦管区", "zhwiki-fd"),
    "RU-FD-URAL": ("乌拉尔联邦管区", "zhwiki-fd"),
    "RU-FD-SIBERIAN": ("西伯利亚联邦管区", "zhwiki-fd"),
    "RU-FD-FAR-EASTERN": ("远东联邦管区", "zhwiki-fd"),
}
# Category words a short form drops, longest first.
ZH_SUFFIXES = ("联邦管区", "人民共和国", "共和国", "边疆区", "自治州", "自治区", "州")
# Where OpenCC s2t picks the wrong character in a transliteration (里 is never 裏
# in a place name).
HANT_FIXES = {"馬裏埃爾": "馬里埃爾"}
WRONG_IN_NAMES = re.compile("[裏裡]")


def read_cldr_zh(path: Path) -> dict[str, str]:
    """Return CLDR ``zh`` subdivision names by key (``rukha``, ``ua43``)."""
    text = path.read_text(encoding="utf-8")
    found = re.findall(
        r'<subdivision type="([a-z0-9]+)"[^>]*>([^<]+)</subdivision>', text
    )
    return dict(found)


def to_hant(hans: str, s2t: opencc.OpenCC, t2s: opencc.OpenCC) -> str:
    """Convert to Traditional with OpenCC s2t and the reviewed fixes; check it."""
    hant = str(s2t.convert(hans))
    for wrong, right in HANT_FIXES.items():
        hant = hant.replace(wrong, right)
    if WRONG_IN_NAMES.search(hant):
        raise BuildError(f"{hans}: OpenCC gave {hant}; add a reviewed fix")
    if str(t2s.convert(hant)) != hans or len(hant) != len(hans):
        raise BuildError(f"{hans}: {hant} does not convert back; review it")
    return hant


def zh_rows(
    divisions: dict[str, str],
    cldr: dict[str, str],
    reserved: set[str],
    converters: tuple[opencc.OpenCC, opencc.OpenCC],
) -> list[Row]:
    """
    Simplified and Traditional full and short names of every Russian unit.

    *reserved* holds the Chinese units' names: a short form equal to one of them
    (滨海, 南部) would capture lookups of the Chinese place, so the unit keeps its
    full name as its short form.
    """
    s2t, t2s = converters
    full: dict[str, tuple[str, str]] = {}
    for code in divisions:
        if code in ZH_EXCEPTIONS:
            full[code] = ZH_EXCEPTIONS[code]
            continue
        key = CLDR_KEYS.get(code, code.lower().replace("-", ""))
        if key not in cldr:
            raise BuildError(f"CLDR zh has no {key} for {code}")
        # CLDR zh mixes Traditional characters into some names: normalize.
        full[code] = (str(t2s.convert(cldr[key])), "cldr-41-zh")
    stripped: dict[str, str] = {}
    for code, (text, _) in full.items():
        suffix = next((s for s in ZH_SUFFIXES if text.endswith(s)), "")
        stripped[code] = text.removesuffix(suffix) if suffix else text
    # A short form that two units would share stays with the republic or the
    # federal city ("阿尔泰", "莫斯科"); the other unit keeps its full name, as in
    # English ("Altai Krai", "Moscow Oblast").
    by_short: dict[str, list[str]] = defaultdict(list)
    for code, text in stripped.items():
        by_short[text].append(code)
    short: dict[str, str] = {}
    for text, codes in by_short.items():
        winners = [c for c in codes if divisions[c] in {"republic", "federal_city"}]
        for code in codes:
            keep = (len(codes) == 1 or winners == [code]) and text not in reserved
            short[code] = text if keep else full[code][0]
    rows: list[Row] = []
    for code in divisions:
        text, source = full[code]
        rows.append((code, "zh-Hans", "full", text, source))
        rows.append((code, "zh-Hans", "short", short[code], source))
        hant_source = sources(source, "opencc")
        rows.append((code, "zh-Hant", "full", to_hant(text, s2t, t2s), hant_source))
        rows.append(
            (code, "zh-Hant", "short", to_hant(short[code], s2t, t2s), hant_source)
        )
    return rows


# ---------------------------------------------------------------- pinyin for China

# Generic terms and their words (GB/T 16159-2012: a proper name and its generic
# term are written apart, each with a capital; 特别行政区 is Tèbié Xíngzhèngqū).
GENERICS = {
    "特别行政区": ("特别", "行政区"),
    "自治区": ("自治区",),
    "省": ("省",),
    "市": ("市",),
}
# Ethnic names inside an autonomous region's name are words of their own.
ETHNIC = ("维吾尔", "壮族", "回族")
# Short forms written as more than one word (GB/T 16159-2012 writes Nèi Měnggǔ).
SHORT_WORDS = {"内蒙古": ("内", "蒙古")}
TONE_MARKS = frozenset("\u0300\u0301\u0304\u030c")


def pinyin_word(syllables: Sequence[str]) -> str:
    """Join one word's syllables: apostrophe before a, o, e; capital first letter."""
    word = ""
    for syllable in syllables:
        if word and unicodedata.normalize("NFD", syllable)[0] in "aoe":
            word += "'"
        word += syllable
    return word[:1].upper() + word[1:]


def plain(text: str) -> str:
    """Remove the tone marks, keep ü."""
    kept = "".join(c for c in unicodedata.normalize("NFD", text) if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", kept)


def words_of(full: str, short: str) -> list[str]:
    """Split a provincial full name into GB/T 16159 words."""
    if not full.startswith(short):
        raise BuildError(f"{full}: short form {short} is not a prefix")
    rest = full[len(short) :]
    words = list(SHORT_WORDS.get(short, (short,)))
    ethnic = next((e for e in ETHNIC if rest.startswith(e)), "")
    if ethnic:
        words.append(ethnic)
        rest = rest[len(ethnic) :]
    if rest:
        if rest not in GENERICS:
            raise BuildError(f"{full}: unknown generic term {rest}")
        words.extend(GENERICS[rest])
    return words


# ISO 3166-2 and PRC maps spell 陕西 "Shaanxi" to keep it apart from 山西 "Shanxi";
# without tone marks that spelling is the only one that tells them apart.
PLAIN_EXCEPTIONS = {"陕西": "Shaanxi"}


def pinyin_rows(names: dict[str, dict[tuple[str, str], Row]], path: Path) -> list[Row]:
    """Toned and plain pinyin of every provincial unit, full and short."""
    # The readings and the override table of the lower levels (tools/update_cn.py).
    overrides = load_overrides(path, syllable_inventory())
    rows: list[Row] = []
    for code, by_key in names.items():
        full = by_key[("zh-Hans", "full")][3]
        short = by_key[("zh-Hans", "short")][3]
        syllables, extra = name_syllables(full, overrides)
        toned: list[str] = []
        offset = 0
        for word in words_of(full, short):
            toned.append(pinyin_word(syllables[offset : offset + len(word)]))
            offset += len(word)
        short_words = len(SHORT_WORDS.get(short, (short,)))
        toned_full = " ".join(toned)
        toned_short = " ".join(toned[:short_words])
        plain_full, plain_short = plain(toned_full), plain(toned_short)
        source = sources("mca-2024 pypinyin gb-t-16159-2012", *sorted(extra))
        plain_source = source
        if short in PLAIN_EXCEPTIONS:
            plain_full = plain_full.replace(plain_short, PLAIN_EXCEPTIONS[short], 1)
            plain_short = PLAIN_EXCEPTIONS[short]
            plain_source = sources(source, "pycountry")
        rows += [
            (code, "zh-Latn-pinyin", "full", toned_full, source),
            (code, "zh-Latn-pinyin", "short", toned_short, source),
            (code, "zh-Latn-pinyin-x-plain", "full", plain_full, plain_source),
            (code, "zh-Latn-pinyin-x-plain", "short", plain_short, plain_source),
        ]
    return rows


# ---------------------------------------------------------- Russian for China

# Russian references put the category word before the name of a province, an
# autonomous region named without an adjective, and a SAR; a municipality is
# named by its city name alone, like Москва.
RU_PATTERNS = {
    "province": "провинция {}",
    "autonomous_region": "автономный район {}",
    "special_administrative_region": "специальный административный район {}",
    "municipality": "{}",
}


def ru_rows(
    categories: dict[str, str], names: dict[str, dict[tuple[str, str], Row]]
) -> list[Row]:
    """Russian full names built from the short form, where none is stored."""
    rows: list[Row] = []
    for code, by_key in names.items():
        if ("ru", "full") in by_key:
            continue
        short = by_key[("ru", "short")]
        text = RU_PATTERNS[categories[code]].format(short[3])
        rows.append((code, "ru", "full", text, sources(short[4], "ru-wikipedia")))
    return rows


# ------------------------------------------------------------- script fixture


def script_fixture(
    hans: Sequence[str], hant: Sequence[str], s2t: opencc.OpenCC, t2s: opencc.OpenCC
) -> dict[str, str]:
    """
    Return the characters that mark a stored name as written in the wrong script.

    A character is Traditional-only when t2s changes it and s2t turns the result
    back into it (亞, 臺; not 乾, whose Simplified 干 goes back to 幹), and
    Simplified-only the other way round (亚; 拐 stays itself). A character that
    OpenCC keeps in some stored name of the script in question (台 in 台州) is
    left out, as phrase tables know better than single characters.
    """
    chars = {c for text in [*hans, *hant] for c in text if "\u3400" <= c <= "\u9fff"}
    chars |= {str(convert.convert(c)) for c in set(chars) for convert in (s2t, t2s)}

    def kept(texts: Sequence[str], convert: opencc.OpenCC) -> set[str]:
        found: set[str] = set()
        for text in texts:
            converted = str(convert.convert(text))
            if len(converted) == len(text):  # else no character-by-character reading
                found |= {c for c, new in zip(text, converted, strict=True) if c == new}
        return found

    def only(convert: opencc.OpenCC, back: opencc.OpenCC, keep: set[str]) -> str:
        return "".join(
            sorted(
                c
                for c in chars
                if len(c) == 1
                and (new := str(convert.convert(c))) != c
                and str(back.convert(new)) == c
                and c not in keep
            )
        )

    return {
        "about": "Generated by tools/update_names.py with OpenCC; do not edit.",
        "traditional_only": only(t2s, s2t, kept(hant, t2s)),
        "simplified_only": only(s2t, t2s, kept(hans, s2t)),
    }


CLDR_ENTRY = re.compile(r'<subdivision type="(\w+)"[^>]*>([^<]+)</subdivision>')
# CLDR keys the six units ISO lists under Ukraine by their Ukrainian codes.
CLDR_UKRAINIAN = {
    "ua43": "RU-CRIMEA",
    "ua40": "RU-SEVASTOPOL",
    "ua14": "RU-DONETSK",
    "ua09": "RU-LUGANSK",
    "ua23": "RU-ZAPOROZHYE",
    "ua65": "RU-KHERSON",
}


def cldr_alias_rows(
    folder: Path, prefix: str, codes: set[str], stored: dict[str, set[str]]
) -> list[Row]:
    """
    Return CLDR's names that we do not store otherwise, as ``alias`` rows.

    CLDR's subdivision names mix full and short forms and scripts (zh has
    Traditional characters in places; yue is Cantonese), so they serve lookup
    only: "Sakha", "Moscow Province", "伊凡諾禾州", "Zaporizhzhya".
    """
    rows: list[Row] = []
    for language in ("en", "ru", "zh", "yue"):
        path = folder / f"{language}.xml"
        if not path.exists():
            continue
        for key, text in CLDR_ENTRY.findall(path.read_text(encoding="utf-8")):
            code = CLDR_UKRAINIAN.get(key) if prefix == "ru" else None
            if code is None and key.startswith(prefix):
                code = f"{prefix.upper()}-{key[len(prefix) :].upper()}"
            text = unicodedata.normalize("NFC", text).strip()
            if code not in codes or text.casefold() in stored[code]:
                continue
            stored[code].add(text.casefold())
            rows.append((code, language, "alias", text, "cldr-41"))
    return rows


def iso_alias_rows(country: str, stored: dict[str, set[str]]) -> list[Row]:
    """Return the ISO 3166-2 names (pycountry) that we do not store otherwise."""
    rows: list[Row] = []
    for subdivision in pycountry.subdivisions.get(country_code=country):
        text = unicodedata.normalize("NFC", subdivision.name).strip()
        if text.casefold() in stored[subdivision.code]:
            continue
        stored[subdivision.code].add(text.casefold())
        # ISO writes the name in a romanization of its own: tag it undetermined.
        rows.append((subdivision.code, "und-Latn", "alias", text, "pycountry"))
    return rows


def ukrainian_rows(stored: dict[str, set[str]]) -> list[Row]:
    """
    Return the names that Ukraine's side gives the units it claims.

    ISO 3166-2 lists these units under Ukraine (claims.csv names the codes):
    its romanized name ("Zaporizka oblast") and the Ukrainian one from
    pycountry's Ukrainian catalogue ("Запорізька область") find the unit, as
    the codes do.
    """
    ukrainian = gettext.translation(
        "iso3166-2", pycountry.LOCALES_DIR, languages=["uk"]
    )
    rows: list[Row] = []
    for claim in read_csv(DATA / "ru/claims.csv"):
        if claim["party"] != "UA" or not claim["party_code"]:
            continue
        subdivision = pycountry.subdivisions.get(code=claim["party_code"])
        code = claim["code"]
        for locale, text in (
            ("und-Latn", subdivision.name),
            ("uk", ukrainian.gettext(subdivision.name)),
        ):
            text = unicodedata.normalize("NFC", text).strip()
            if text.casefold() in stored[code]:
                continue
            stored[code].add(text.casefold())
            rows.append((code, locale, "alias", text, "pycountry"))
    return rows


# ---------------------------------------------------- pycountry's translations

TRANSLATIONS_SOURCE = "pycountry-l10n"
# Generated here and by tools/update_cldr.py: never read back as stored names.
GENERATED_ALIASES = {"names_cldr.csv", "names_translations.csv", "names_cldr_all.csv"}


def catalogues() -> list[str]:
    """Return pycountry's ``iso3166-2`` catalogues, English left out."""
    base = Path(pycountry.LOCALES_DIR)
    return sorted(
        p.parent.parent.name
        for p in base.glob("*/LC_MESSAGES/iso3166-2.mo")
        if p.parent.parent.name != "en"
    )


def check_edition(country: str, source: str, edition: str) -> None:
    """Fail unless ``data/<country>/sources.csv`` cites *source* at *edition*."""
    row = load_sources(country).get(source)
    if row is None or row["edition"] != edition:
        raise BuildError(
            f"data/{country}/sources.csv: set the edition of {source} to {edition}"
        )


def translation_rows(
    country: str,
    codes: set[str],
    stored: dict[str, set[str]],
    full: dict[str, set[str]],
) -> list[Row]:
    """
    Return every translation pycountry's catalogues hold of *country*'s units.

    *stored* holds each unit's stored texts, case-folded; *full* the locales it
    has a full name in. A translation the unit already bears is left out (the
    run-time fallback still serves it); one in a locale with a stored full name
    is an ``alias``, for lookup; any other is the locale's ``full`` name, the
    text `Division.name` serves there.
    """
    check_edition(country.lower(), TRANSLATIONS_SOURCE, pycountry_version())
    rows: list[Row] = []
    subdivisions = sorted(
        pycountry.subdivisions.get(country_code=country), key=lambda s: s.code
    )
    for catalogue in catalogues():
        translations = gettext.translation(
            "iso3166-2", pycountry.LOCALES_DIR, languages=[catalogue]
        )
        locale = _bcp47(catalogue)
        for subdivision in subdivisions:
            code = str(subdivision.code)
            original = str(subdivision.name)
            translated = translations.gettext(original)
            if (
                code not in codes
                or translated == original
                or (catalogue, code) in _BAD_TRANSLATIONS
            ):
                continue
            text = " ".join(unicodedata.normalize("NFC", translated).split())
            form = "alias" if locale in full[code] else "full"
            if fold(text) != text.casefold():
                # Lao ຳ (U+0EB3) and the like, which NFKC decomposes: the index
                # keys the NFKC text, so that is stored, as an alias; the
                # catalogue's own text, which the fallback serves, folds to it.
                text, form = unicodedata.normalize("NFKC", text), "alias"
                if fold(text) != text.casefold():
                    raise BuildError(f"{catalogue} {code}: {text!r} is not fold-stable")
            if text.casefold() in stored[code]:
                continue
            stored[code].add(text.casefold())
            if form == "full":
                full[code].add(locale)
            rows.append((code, locale, form, text, TRANSLATIONS_SOURCE))
    return rows


def pycountry_version() -> str:
    """Return the installed pycountry's version."""
    from importlib.metadata import version

    return version("pycountry")


def stored_names(*patterns: str) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """
    Return each unit's stored names, case-folded, and the locales of its full names.

    The tables this tool and ``tools/update_cldr.py`` write as aliases are left
    out, so that each run gives the same output whatever they held before.
    """
    texts: dict[str, set[str]] = defaultdict(set)
    full: dict[str, set[str]] = defaultdict(set)
    for pattern in patterns:
        for path in sorted(DATA.glob(pattern)):
            if path.name in GENERATED_ALIASES:
                continue
            for row in read_csv(path):
                texts[row["code"]].add(row["text"].casefold())
                if row["form"] == "full":
                    full[row["code"]].add(row["locale"])
    return texts, full


def sources(*parts: str) -> str:
    """Join source cells, each id once, in first-seen order."""
    return " ".join(dict.fromkeys(i for part in parts for i in part.split()))


# ----------------------------------------------------------------- tables


def read_names(*paths: Path) -> dict[str, dict[tuple[str, str], Row]]:
    """Return ``code -> (locale, form) -> row`` for the full and short names."""
    names: dict[str, dict[tuple[str, str], Row]] = defaultdict(dict)
    for path in paths:
        for row in read_csv(path):
            if row["form"] in FORMS:
                key = (row["locale"], row["form"])
                names[row["code"]][key] = (
                    row["code"],
                    row["locale"],
                    row["form"],
                    row["text"],
                    row["source"],
                )
    return dict(sorted(names.items()))


def render(rows: Iterable[Row]) -> str:
    """Return a table's CSV text: header, rows sorted by code, locale, form."""
    ordered = sorted(rows, key=lambda r: (r[0], r[1], r[2], r[3]))
    return render_csv(COLUMNS, ([cell.strip() for cell in row] for row in ordered))


def build(shared: Path) -> dict[Path, str]:
    """Return every generated file's path and text."""
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    # The economic and geographic regions and Hong Kong's areas carry their own
    # names table (names_groupings.csv), written by hand.
    own_names = {"economic_region", "geographic_region", "sar_area"}
    ru_divisions = {
        r["code"]: r["category"]
        for r in read_csv(DATA / "ru/divisions.csv")
        if r["category"] not in own_names
    }
    cn_divisions = {
        r["code"]: r["category"]
        for r in read_csv(DATA / "cn/divisions.csv")
        if r["category"] not in own_names
    }
    ru_names = read_names(DATA / "ru/names.csv")
    cn_names = read_names(DATA / "cn/names.csv")
    missing = set(ru_divisions) ^ set(ru_names)
    if missing:
        raise BuildError(f"data/ru: names and divisions differ in {sorted(missing)}")
    cldr = read_cldr_zh(shared / "ru" / "cldr-41-subdivisions" / "zh.xml")
    chinese = {
        row["text"]
        for pattern in ("cn/names.csv", "cn/unit_names.csv")
        for path in sorted(DATA.glob(pattern))
        for row in read_csv(path)
        if row["locale"] == "zh-Hans"
    }
    outputs = {
        DATA / "ru/names_romanized.csv": render(romanized_rows(ru_names)),
        DATA / "ru/names_zh.csv": render(
            zh_rows(ru_divisions, cldr, chinese, (s2t, t2s))
        ),
        DATA / "cn/names_pinyin.csv": render(
            pinyin_rows(cn_names, DATA / "cn/pinyin_overrides.csv")
        ),
        DATA / "cn/names_ru.csv": render(ru_rows(cn_divisions, cn_names)),
    }
    ru_stored, ru_full = stored_names("ru/names*.csv")
    outputs[DATA / "ru/names_translations.csv"] = render(
        translation_rows("RU", set(ru_divisions), ru_stored, ru_full)
    )
    outputs[DATA / "ru/names_cldr.csv"] = render(
        cldr_alias_rows(
            shared / "ru" / "cldr-41-subdivisions", "ru", set(ru_divisions), ru_stored
        )
        + ukrainian_rows(ru_stored)
    )
    cn_stored, cn_full = stored_names("cn/names*.csv")
    outputs[DATA / "cn/names_translations.csv"] = render(
        translation_rows("CN", set(cn_divisions), cn_stored, cn_full)
    )
    outputs[DATA / "cn/names_cldr.csv"] = render(
        cldr_alias_rows(
            shared / "cn" / "cldr-subdivisions", "cn", set(cn_divisions), cn_stored
        )
        + iso_alias_rows("CN", cn_stored)
    )
    texts: dict[str, list[str]] = {"zh-Hans": [], "zh-Hant": []}
    tables = [
        read_csv(path)
        for pattern in ("ru/names*.csv", "cn/names*.csv", "cn/unit_names*.csv")
        for path in sorted(DATA.glob(pattern))
        if path not in outputs
    ]
    tables += [list(csv.DictReader(io.StringIO(text))) for text in outputs.values()]
    for table in tables:
        for row in table:
            if row["locale"] in texts:
                texts[row["locale"]].append(row["text"])
    fixture = script_fixture(texts["zh-Hans"], texts["zh-Hant"], s2t, t2s)
    outputs[FIXTURE] = json.dumps(fixture, ensure_ascii=False, indent=1) + "\n"
    return outputs


def main(argv: Sequence[str] | None = None) -> int:
    """Write the generated tables; with ``--check``, fail if any is stale."""
    return update_main(
        argv,
        doc=__doc__ or "",
        build=build,
        errors=(BuildError,),
        shared_help="ru/cldr-41-subdivisions/",
        tool="tools/update_names.py",
    )


if __name__ == "__main__":
    sys.exit(main())
