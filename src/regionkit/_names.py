"""
Names for people: category names, one-sentence descriptions, supported locales.

Choosing a division's name for a locale is `regionkit._locales`'s job; this
module builds on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import babel

from regionkit._categories import CATEGORY_NAMES
from regionkit._locales import FALLBACK as _FALLBACK
from regionkit._locales import Tag as _Tag
from regionkit._locales import chain as _chain
from regionkit._locales import fallback_chain, pick
from regionkit._locales import parse as _parse
from regionkit._locales import served_locales as _served_locales
from regionkit._models import (
    Category,
    Division,
    Figure,
    Name,
    NameForm,
    parse_category,
    parse_form,
)

__all__ = [
    "category_name",
    "describe",
    "division_name",
    "fallback_chain",
    "pick_name",
    "supported_locales_in",
]

_FULL_OR_SHORT = (NameForm.FULL, NameForm.SHORT)

# describe(): the languages with a sentence template.
_TEMPLATES = ("en", "ru", "zh-Hans", "zh-Hant")
_RU_GENITIVE = {"RU": "России", "CN": "Китая"}


# ------------------------------------------------------------------ names


def pick_name(
    names: Sequence[Name],
    locale: object,
    form: NameForm | str = NameForm.FULL,
    *,
    iso_code: str | None = None,
) -> str:
    """Return the best name for *locale* in *form* (see `regionkit._locales`)."""
    return pick(names, locale, parse_form(form).value, iso_code=iso_code)


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


class _Listing(Protocol):
    def divisions(
        self, *, level: int | None = None, category: Category | None = None
    ) -> tuple[Division, ...]: ...


def supported_locales_in(dataset: _Listing) -> tuple[str, ...]:
    """`regionkit.supported_locales` on *dataset*."""
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
    names = CATEGORY_NAMES[parse_category(category)]
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
            if people.year is None:  # GeoNames states no year
                when = "GeoNames, year not stated"
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
            if people.year is None:
                when = "GeoNames, год не указан"
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
        if people.year is None:
            when = "GeoNames，未注明年份" if not traditional else "GeoNames，未註明年份"
        text += f"；人口{people_text}（{when}）"
    return "；".join([text, *contest]) + "。"
