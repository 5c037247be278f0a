"""
Locales: tag parsing, the fallback chain, and choosing a name from a unit's names.

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
3. English;
4. the last resort, for a unit with no English name (a `Dataset` built from
   names in one language): one of its stored names.

Steps 3 and 4 serve another language than the one asked for: `pick_served`
marks them ``fallback``, `regionkit.Division.name` refuses them with
``fallback=False``, and `regionkit.Division.served_name` shows the tag served.

Within a locale a short name falls back to the full one and back. Abbreviations,
aliases and former names are served only where stored; otherwise the full name.

Below the records: names are anything with a ``locale``, a ``form`` (an enum
whose values are `regionkit.NameForm`'s) and a ``text``.
"""

from __future__ import annotations

import enum
import functools
import gettext
import os
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

import babel
import babel.core

from regionkit.errors import UnknownLocaleError

if TYPE_CHECKING:  # only for annotations; the catalogues load on first use
    from gettext import NullTranslations

__all__ = [
    "FALLBACK",
    "NameLike",
    "Served",
    "Tag",
    "chain",
    "fallback_chain",
    "parse",
    "pick",
    "pick_served",
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
_FULL_OR_SHORT = ("full", "short")

# pycountry catalogue for a language when its name is not the plain language code.
_CATALOGUE_ALIASES = {"nb": "nb_NO", "no": "nb_NO", "bn": "bn_BD"}
# Known wrong entries in pycountry 26.2.16's catalogues (iso-codes), each the
# name of another unit: Ukrainian Республіка Алтай for RU-SA and Краснодарський
# край for RU-KYA; Romanian Ținutul Krasnodar for RU-KYA; Italian Shaanxi for
# CN-SX (Shanxi) and Xinjiang for CN-XZ (Tibet); Dutch "Hainan, Provincie" for
# CN-TW. Skipped, so that English is served instead (and tools/update_names.py
# stores none of them).
_BAD_TRANSLATIONS = frozenset(
    {
        ("uk", "RU-SA"),
        ("uk", "RU-KYA"),
        ("ro", "RU-KYA"),
        ("it", "CN-SX"),
        ("it", "CN-XZ"),
        ("nl", "CN-TW"),
    }
)


class NameLike(Protocol):
    """A name as `pick` reads it (`regionkit.Name` is one)."""

    @property
    def locale(self) -> str: ...

    @property
    def form(self) -> enum.Enum: ...

    @property
    def text(self) -> str: ...


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


class Served(NamedTuple):
    """
    A name as `pick_served` chose it, with where it came from.

    Attributes:
        locale: The tag the text is in: a stored tag (``"zh-Latn-pinyin"``), the
            requested tag for pycountry's translation, ``"en"`` for the English
            fallback, or the stored tag of the last resort.
        form: The form's value served (a short name may serve for a full one).
        text: The name.
        source: Space-separated source ids (``pycountry-l10n`` for pycountry).
        fallback: True when the text is not in the requested language: the
            English fallback for another language, or the last resort.
    """

    locale: str
    form: str
    text: str
    source: str
    fallback: bool


def _stored(names: Iterable[NameLike]) -> dict[str, dict[str, NameLike]]:
    table: dict[str, dict[str, NameLike]] = {}
    for name in names:
        table.setdefault(name.locale, {}).setdefault(name.form.value, name)
    return table


def _served(name: NameLike, *, fallback: bool) -> Served:
    source = getattr(name, "source", "")
    return Served(name.locale, name.form.value, name.text, source, fallback)


def pick_served(
    names: Sequence[NameLike],
    locale: object,
    form: str = "full",
    *,
    iso_code: str | None = None,
) -> Served:
    """
    Return the best name for *locale* in *form*, saying where it came from.

    The chain is the module docstring's. A unit whose names are all in one
    other language (a `Dataset` built from Chinese names only) gets one of them
    as the last resort, marked ``fallback``.

    Args:
        names: The division's names.
        locale: A tag or a :class:`babel.Locale`.
        form: The value of the form wanted (``"full"``, ``"short"`` …).
        iso_code: The unit's ISO 3166-2 code, for pycountry's translations.
    """
    wanted = form
    tag = _parse(locale)
    chain = _chain(tag)
    table = _stored(names)
    english_asked = tag.language == _FALLBACK
    if wanted not in _FULL_OR_SHORT:
        for locale_tag in chain:
            found = table.get(locale_tag, {}).get(wanted)
            if found is not None:
                return _served(found, fallback=False)
        wanted = "full"
    other = "short" if wanted == "full" else "full"
    for locale_tag in chain[:-1]:
        forms = table.get(locale_tag, {})
        found = forms.get(wanted) or forms.get(other)
        if found is not None:
            return _served(found, fallback=False)
    if iso_code is not None:
        translated = _iso_translation(iso_code, tag)
        if translated is not None:
            asked = "-".join(p for p in (tag.language, tag.script, tag.territory) if p)
            return Served(asked, wanted, translated, "pycountry-l10n", False)
    forms = table.get(_FALLBACK, {})
    found = forms.get(wanted) or forms.get(other)
    if found is not None:
        return _served(found, fallback=not english_asked)
    # The last resort: a unit named in other languages only.
    found = next((f.get(wanted) or f.get(other) for f in table.values() if f), None)
    if found is None:
        raise LookupError("no full or short name stored")  # the build ensures one
    return _served(found, fallback=True)


def pick(
    names: Sequence[NameLike],
    locale: object,
    form: str = "full",
    *,
    iso_code: str | None = None,
) -> str:
    """
    Return the best name for *locale* in *form* (the module docstring's chain).

    Args:
        names: The division's names.
        locale: A tag or a :class:`babel.Locale`.
        form: The value of the form wanted (``"full"``, ``"short"`` …).
        iso_code: The unit's ISO 3166-2 code, for pycountry's translations.
    """
    return pick_served(names, locale, form, iso_code=iso_code).text


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


FALLBACK = _FALLBACK
Tag = _Tag
parse = _parse
chain = _chain
served_locales = _served_locales
