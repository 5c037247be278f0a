"""
Names for a locale: tag parsing, the fallback chain, category names, descriptions.

The fallback chain for a division's name, best first:

1. the dataset's own names along the locale's chain of stored tags: an exact
   private-use tag (``ru-Latn-x-gost779b``), then language-script-variant,
   language-script-territory, language-script, the default romanization of a
   Latin-script request (``ru-Latn`` → BGN/PCGN, ``zh-Latn`` → pinyin), and the
   bare language only when the script asked for is that language's default
   (babel's parent chain: ``zh-Hant`` and ``ru-Latn`` never reach ``zh`` or
   ``ru``). Chinese goes by script: ``zh-TW``, ``zh-HK`` and ``zh-MO`` mean
   Traditional, every other ``zh`` Simplified;
2. for a unit with an ISO 3166-2 code, pycountry's ``iso3166-2`` gettext
   translation for the locale, when the catalogue translates the name;
3. English.

Within a locale a short name falls back to the full one and back. Abbreviations,
aliases and former names are served only where stored; otherwise the full name.
"""

from __future__ import annotations

import functools
import gettext
import os
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

import babel
import babel.core

from regionkit._categories import CATEGORY_NAMES
from regionkit._models import Category, Division, Figure, Name, NameForm
from regionkit.errors import UnknownLocaleError, shorten

if TYPE_CHECKING:  # only for annotations; the catalogues load on first use
    from gettext import NullTranslations

__all__ = [
    "category_name",
    "describe",
    "division_name",
    "fallback_chain",
    "pick_name",
    "supported_locales",
]

# Chinese territories that write Traditional characters by default.
_TRADITIONAL_TERRITORIES = frozenset({"TW", "HK", "MO"})
_FALLBACK = "en"
_MAX_TAG = 64
# The romanization a bare Latin-script request gets.
_SCRIPT_DEFAULTS = {"ru-Latn": "ru-Latn-x-bgnpcgn", "zh-Latn": "zh-Latn-pinyin"}
# POSIX spellings: "sr@latin", "de_DE.UTF-8".
_POSIX = re.compile(r"([^.@]+)(?:\.[A-Za-z0-9_-]+)?(?:@([A-Za-z]+))?")
_POSIX_MODIFIERS = {"latin": "Latn", "cyrillic": "Cyrl"}
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}")
_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")
_EXTLANG = re.compile(r"[A-Za-z]{3}")
# Tags that name no language: everything falls back to English.
_NO_LANGUAGE = frozenset({"und", "root", "i", "mul", "zxx"})
_FULL_OR_SHORT = (NameForm.FULL, NameForm.SHORT)

# pycountry catalogue for a language when its name is not the plain language code.
_CATALOGUE_ALIASES = {"nb": "nb_NO", "no": "nb_NO", "bn": "bn_BD"}
# Known wrong entries in pycountry 26.2.16's catalogues (iso-codes): the
# Ukrainian catalogue gives Республіка Алтай for RU-SA and Краснодарський край
# for RU-KYA. Skipped, so that English is served instead.
_BAD_TRANSLATIONS = frozenset({("uk", "RU-SA"), ("uk", "RU-KYA")})

# describe(): the languages with a sentence template.
_TEMPLATES = ("en", "ru", "zh-Hans", "zh-Hant")
_RU_GENITIVE = {"RU": "России", "CN": "Китая"}


class _Tag(NamedTuple):
    """The parts of a locale tag that choosing a name needs."""

    language: str
    script: str | None
    territory: str | None
    variant: str | None
    private: tuple[str, ...]


# ---------------------------------------------------------------- tag parsing


def _parse(locale: object) -> _Tag:
    if isinstance(locale, babel.Locale):
        return _Tag(
            locale.language, locale.script, locale.territory, locale.variant, ()
        )
    if not isinstance(locale, str):
        raise TypeError(f"locale must be a str or babel.Locale, not {type(locale)}")
    return _parse_tag(locale)


@functools.lru_cache(maxsize=256)
def _parse_tag(tag: str) -> _Tag:
    if not tag or len(tag) > _MAX_TAG or not tag.isascii():
        raise UnknownLocaleError(tag)
    posix = _POSIX.fullmatch(tag.strip())
    if posix is None:
        raise UnknownLocaleError(tag)
    subtags = posix.group(1).replace("_", "-").split("-")
    if not all(_SUBTAG.fullmatch(s) for s in subtags):
        raise UnknownLocaleError(tag)
    private: tuple[str, ...] = ()
    lowered = [s.lower() for s in subtags]
    if "x" in lowered:  # private use: kept for an exact match only
        at = lowered.index("x")
        subtags, private = subtags[:at], tuple(lowered[at + 1 :])
        if not private:
            raise UnknownLocaleError(tag)
    for index, subtag in enumerate(subtags[1:], start=1):
        if len(subtag) == 1:  # an extension (-u-, -t-): not used for names
            subtags = subtags[:index]
            break
    if not subtags or not _LANGUAGE.fullmatch(subtags[0]):
        if subtags and subtags[0].lower() == "i":  # grandfathered i-* tags
            return _Tag("und", None, None, None, private)
        raise UnknownLocaleError(tag)
    while len(subtags) > 1 and len(subtags[0]) <= 3 and _EXTLANG.fullmatch(subtags[1]):
        del subtags[1]  # extended language subtags: zh-cmn-Hans is zh-Hans
    try:
        parts = babel.core.parse_locale("_".join(subtags))
    except ValueError as error:
        raise UnknownLocaleError(tag, str(error)) from error
    language, territory, script, variant = parts[:4]
    modifier = posix.group(2)
    if modifier and script is None:
        script = _POSIX_MODIFIERS.get(modifier.lower())
    return _Tag(language.lower(), script, territory, variant, private)


@functools.lru_cache(maxsize=256)
def _default_script(language: str) -> str | None:
    likely = babel.core.get_global("likely_subtags").get(language, "")
    return next((p for p in str(likely).split("_")[1:] if len(p) == 4), None)


def _chain(tag: _Tag) -> tuple[str, ...]:
    language = tag.language
    if language in _NO_LANGUAGE:
        return (_FALLBACK,)
    script = tag.script.title() if tag.script else None
    territory = tag.territory.upper() if tag.territory else None
    variant = tag.variant.lower() if tag.variant else None
    if language == "zh" and script is None:
        script = "Hant" if territory in _TRADITIONAL_TERRITORIES else "Hans"
    tags: list[str] = []
    if tag.private:
        base = "-".join(p for p in (language, script, territory, variant) if p)
        tags.append(f"{base}-x-{'-'.join(tag.private)}")
    if variant:
        tags.append("-".join(p for p in (language, script, variant) if p))
    if territory:
        tags.append("-".join(p for p in (language, script, territory) if p))
    if script:
        tags.append(f"{language}-{script}")
        if f"{language}-{script}" in _SCRIPT_DEFAULTS:
            tags.append(_SCRIPT_DEFAULTS[f"{language}-{script}"])
    if language != "zh" and (script is None or script == _default_script(language)):
        tags.append(language)
    tags.append(_FALLBACK)
    return tuple(dict.fromkeys(tags))


def fallback_chain(locale: object) -> tuple[str, ...]:
    """
    Return the stored locale tags to try for *locale*, best first.

    Raises:
        UnknownLocaleError: *locale* is not a well-formed tag.
        TypeError: *locale* is neither a string nor a :class:`babel.Locale`.

    >>> fallback_chain("zh_Hant_HK")
    ('zh-Hant-HK', 'zh-Hant', 'en')
    >>> fallback_chain("ru-RU")
    ('ru-RU', 'ru', 'en')
    >>> fallback_chain("ru-Latn")
    ('ru-Latn', 'ru-Latn-x-bgnpcgn', 'en')
    """
    return _chain(_parse(locale))


# ------------------------------------------------------------------ names


def _form(form: NameForm | str) -> NameForm:
    try:
        return NameForm(form)
    except ValueError:
        choices = ", ".join(f.value for f in NameForm)
        message = f"form must be one of {choices}, not {shorten(form)}"
        raise ValueError(message) from None


def _by_locale(names: Iterable[Name]) -> dict[str, dict[NameForm, str]]:
    table: dict[str, dict[NameForm, str]] = {}
    for name in names:
        table.setdefault(name.locale, {}).setdefault(name.form, name.text)
    return table


def pick_name(
    names: Sequence[Name],
    locale: object,
    form: NameForm | str = NameForm.FULL,
    *,
    iso_code: str | None = None,
) -> str:
    """
    Return the best name for *locale* in *form* (the module docstring's chain).

    Args:
        names: The division's names.
        locale: A tag or a :class:`babel.Locale`.
        form: The form wanted.
        iso_code: The unit's ISO 3166-2 code, for pycountry's translations.
    """
    wanted = _form(form)
    tag = _parse(locale)
    chain = _chain(tag)
    table = _by_locale(names)
    if wanted not in _FULL_OR_SHORT:
        for locale_tag in chain:
            text = table.get(locale_tag, {}).get(wanted)
            if text is not None:
                return text
        wanted = NameForm.FULL
    other = NameForm.SHORT if wanted is NameForm.FULL else NameForm.FULL
    for locale_tag in chain[:-1]:
        forms = table.get(locale_tag, {})
        text = forms.get(wanted) or forms.get(other)
        if text is not None:
            return text
    if iso_code is not None:
        translated = _iso_translation(iso_code, tag)
        if translated is not None:
            return translated
    forms = table.get(_FALLBACK, {})
    text = forms.get(wanted) or forms.get(other)
    if text is None:
        # Units named in one language only (China's former counties, in the
        # MCA's Chinese): that name, whatever the locale asked for.
        text = next((f.get(wanted) or f.get(other) for f in table.values() if f), None)
    if text is None:
        raise LookupError("no full or short name stored")  # the build ensures one
    return text


def division_name(
    division: Division, locale: object = "en", form: NameForm | str = "full"
) -> str:
    """
    Return *division*'s name in *locale*, with pycountry's translations as fallback.

    >>> import regionkit
    >>> division_name(regionkit.get("CN-HL"), "zh-Latn-pinyin")
    'Hēilóngjiāng Shěng'
    """
    return pick_name(division.names, locale, form, iso_code=division.iso_3166_2)


# --------------------------------------------------------------- pycountry


@functools.lru_cache(maxsize=1)
def _catalogues() -> frozenset[str]:
    import pycountry

    base = pycountry.LOCALES_DIR
    return frozenset(
        entry
        for entry in os.listdir(base)
        if os.path.exists(os.path.join(base, entry, "LC_MESSAGES", "iso3166-2.mo"))
    )


def _catalogue_for(tag: _Tag) -> str | None:
    available = _catalogues()
    language = tag.language
    if language == "zh":
        traditional = tag.script == "Hant" or (
            tag.script is None and tag.territory in _TRADITIONAL_TERRITORIES
        )
        return "zh_TW" if traditional else "zh_CN"
    if tag.script == "Latn" and f"{language}@latin" in available:
        return f"{language}@latin"
    if tag.script is not None and tag.script != _default_script(language):
        return None  # never another script's catalogue
    candidates = [
        f"{language}_{tag.territory}" if tag.territory else "",
        language,
        _CATALOGUE_ALIASES.get(language, ""),
    ]
    return next((c for c in candidates if c and c in available), None)


@functools.lru_cache(maxsize=64)
def _translations(catalogue: str) -> NullTranslations:
    import pycountry

    return gettext.translation(
        "iso3166-2", pycountry.LOCALES_DIR, languages=[catalogue], fallback=True
    )


@functools.lru_cache(maxsize=4096)
def _catalogue_name(code: str, catalogue: str) -> str | None:
    import pycountry

    if catalogue == "en" or (catalogue, code) in _BAD_TRANSLATIONS:
        return None
    subdivision = pycountry.subdivisions.get(code=code)
    if subdivision is None:
        return None
    original = str(subdivision.name)
    translated = _translations(catalogue).gettext(original)
    return translated if translated != original else None


def _iso_translation(code: str, tag: _Tag) -> str | None:
    catalogue = _catalogue_for(tag)
    return None if catalogue is None else _catalogue_name(code, catalogue)


def _bcp47(catalogue: str) -> str:
    special = {"zh_CN": "zh-Hans", "zh_TW": "zh-Hant"}
    if catalogue in special:
        return special[catalogue]
    if catalogue.endswith("@latin"):
        return f"{catalogue.removesuffix('@latin')}-Latn"
    return catalogue.replace("_", "-")


@functools.lru_cache(maxsize=1)
def _served_locales() -> frozenset[str]:
    import pycountry

    codes = [
        str(s.code) for s in pycountry.subdivisions if s.country_code in {"RU", "CN"}
    ]
    return frozenset(
        _bcp47(catalogue)
        for catalogue in _catalogues()
        if catalogue != "en" and any(_catalogue_name(c, catalogue) for c in codes)
    )


def supported_locales() -> tuple[str, ...]:
    """
    Return the locales that some division has a name in, sorted.

    These are the tags of the stored full and short names of the top-level units
    and federal districts (lower levels add none), and the locales whose
    pycountry catalogue translates at least one Russian or Chinese ISO 3166-2 name.

    >>> {"en", "ru", "zh-Hans", "zh-Hant", "tt", "de"} <= set(supported_locales())
    True
    """
    from regionkit._store import default_dataset

    dataset = default_dataset()
    divisions = dataset.divisions(level=1) + dataset.divisions(
        category=Category.FEDERAL_DISTRICT
    )
    stored = {
        name.locale
        for division in divisions
        for name in division.names
        if name.form in _FULL_OR_SHORT
    }
    return tuple(sorted(stored | _served_locales()))


# ------------------------------------------------------------- categories


def _category(category: object) -> Category:
    if isinstance(category, Category):
        return category
    if not isinstance(category, str):
        raise TypeError(f"category must be a Category or str, not {type(category)}")
    try:
        return Category(category)
    except ValueError:
        raise ValueError(f"unknown category {shorten(category)}") from None


def category_name(
    category: Category | str, locale: object = "en", *, plural: bool = False
) -> str:
    """
    Return the name of a division category in *locale*.

    Russian, English and Chinese (both scripts) are stored; any other locale gets
    English.

    >>> category_name("krai", "ru", plural=True)
    'края'
    >>> category_name(Category.AUTONOMOUS_REGION, "zh-TW")
    '自治區'
    """
    names = CATEGORY_NAMES[_category(category)]
    for tag in fallback_chain(locale):
        if tag in names:
            return names[tag][1 if plural else 0]
    return names[_FALLBACK][1 if plural else 0]  # pragma: no cover (en ends chains)


# -------------------------------------------------------------- describe


def _template(tag: _Tag) -> str:
    return next((t for t in _chain(tag) if t in _TEMPLATES), _FALLBACK)


def _number_locale(tag: _Tag, template: str) -> babel.Locale:
    """The requested locale if it writes the template's language, else its base."""
    if tag.language == template.split("-")[0]:
        script = tag.script or (template.split("-")[1] if "-" in template else None)
        try:
            return babel.Locale(tag.language, tag.territory, script)
        except (babel.UnknownLocaleError, ValueError):
            pass
    return babel.Locale.parse(template.replace("-", "_"))


def _is_census(figure: Figure) -> bool:
    return any("census" in source for source in figure.source.split())


# How describe() says that another state claims or governs a unit, by language.
_CONTEST = {
    "en": ("contested", {"claims": "claimed by {}", "administers": "governed by {}",
                         "administers_in_part": "governed in part by {}"}),
    "ru": ("спорная территория", {"claims": "на неё претендует {}",
                                  "administers": "ею управляет {}",
                                  "administers_in_part": "частью её управляет {}"}),
    "zh-Hans": ("存在争议", {"claims": "{}主张主权", "administers": "由{}管辖",
                             "administers_in_part": "部分由{}管辖"}),
    "zh-Hant": ("存在爭議", {"claims": "{}主張主權", "administers": "由{}管轄",
                             "administers_in_part": "部分由{}管轄"}),
}  # fmt: skip


def _contest(division: Division, template: str) -> list[str]:
    """
    Say which other states claim or govern *division*, with their codes.

    Empty for a unit no other state claims: the sentence never hides a dispute.
    """
    word, stances = _CONTEST[template]
    territories = babel.Locale.parse(template.replace("-", "_")).territories
    chinese = template.startswith("zh")
    brackets = "（{}）" if chinese else " ({})"
    said = [
        stances[claim.stance.value].format(
            territories.get(claim.party, claim.party)
            + (brackets.format(claim.party_code) if claim.party_code else "")
        )
        for claim in division.claims
        if len(claim.party) == 2  # a state, not ISO or the UN
        and claim.party != division.country
        and claim.stance.value in stances
    ]
    if not said:
        return []
    if chinese:
        return [f"{word}：{'，'.join(said)}"]
    return [f"{word}: {', '.join(said)}"]


def describe(division: Division, locale: object = "en") -> str:
    """
    Return one sentence about *division* in *locale*, numbers formatted by babel.

    English, Russian and Chinese (both scripts) have their own sentence; other
    locales get English. Parts without data (area, population) are left out. A
    unit that another state claims or governs says so, with that state's code
    for it ("contested: claimed by Ukraine (UA-43)").

    Raises:
        UnknownLocaleError: *locale* is not a well-formed tag.

    >>> import regionkit
    >>> describe(regionkit.get("RU-MOW"))  # doctest: +NORMALIZE_WHITESPACE
    'Moscow, a federal city of Russia in the Central Federal District;
    area 2,561 km²; population 13,010,112 (2021 census).'
    >>> describe(regionkit.get("CN-HL"), "zh-TW")
    '黑龍江省，中國的省；人口31,850,088（2020年人口普查）。'
    """
    from babel.numbers import format_decimal
    from babel.units import format_unit

    tag = _parse(locale)
    template = _template(tag)
    numbers = _number_locale(tag, template)
    name = division_name(division, template)
    kind = category_name(division.category, template)
    country = babel.Locale.parse(template.replace("-", "_")).territories.get(
        division.country, division.country
    )
    grouping = division.federal_district
    parent = division.parent
    area = division.area_km2
    people = division.population
    area_text = (
        format_unit(area.value, "area-square-kilometer", length="short", locale=numbers)
        if area is not None
        else None
    )
    people_text = format_decimal(people.value, locale=numbers) if people else None
    contest = _contest(division, template)
    if template == "en":
        article = "an" if kind[0] in "aeiou" else "a"
        parts = [f"{name}, {article} {kind} of {country}"]
        if grouping is not None:
            parts[0] += f" in the {division_name(grouping, template)}"
        elif parent is not None:
            parts[0] += f" in {division_name(parent, template)}"
        if area_text:
            parts.append(f"area {area_text}")
        if people is not None:
            when = f"{people.year} census" if _is_census(people) else f"{people.year}"
            parts.append(f"population {people_text} ({when})")
        return "; ".join(parts + contest) + "."
    if template == "ru":
        country = _RU_GENITIVE.get(division.country, country)
        parts = [f"{name} — {kind} {country}"]
        if grouping is not None:
            parts[0] += f", входит в {division_name(grouping, template)}"
        elif parent is not None:
            parts.append(f"вышестоящая единица — {division_name(parent, template)}")
        if area_text:
            parts.append(f"площадь {area_text}")
        if people is not None:
            when = (
                f"перепись {people.year} года"
                if _is_census(people)
                else f"данные {people.year} года"
            )
            parts.append(f"население {people_text} чел. ({when})")
        sentence = "; ".join(parts + contest) + "."
        return sentence[:1].upper() + sentence[1:]  # "провинция Хэйлунцзян" opens it
    traditional = template == "zh-Hant"
    belongs = "屬" if traditional else "属"
    text = f"{name}，{country}的{kind}"
    container = grouping if grouping is not None else parent
    if container is not None:
        text += f"，{belongs}{division_name(container, template)}"
    if area_text:
        text += f"；{'面積' if traditional else '面积'}{area_text}"
    if people is not None:
        when = f"{people.year}年人口普查" if _is_census(people) else f"{people.year}年"
        text += f"；人口{people_text}（{when}）"
    return "；".join([text, *contest]) + "。"
