"""Choosing a name for a locale: tag parsing and the fallback chain."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import babel

from regionkit._models import Name, NameForm
from regionkit.errors import UnknownLocaleError

# Chinese territories that write Traditional characters by default.
_TRADITIONAL_TERRITORIES = frozenset({"TW", "HK", "MO"})
_FALLBACK = "en"
_MAX_TAG = 64


def pick_name(names: Sequence[Name], locale: object, form: NameForm | str) -> str:
    """
    Return the best name for *locale* in *form*.

    The chain: the exact stored tag; the language with its script (Chinese
    goes by script: ``zh-TW`` and ``zh-HK`` to Traditional, ``zh-SG`` and bare
    ``zh`` to Simplified, never one script for the other); the bare language;
    then English. Within a locale the short form falls back to the full one.
    """
    try:
        wanted = NameForm(form)
    except ValueError:
        choices = ", ".join(f.value for f in NameForm)
        raise ValueError(f"form must be one of {choices}, not {form!r}") from None
    for tag in fallback_chain(locale):
        best = None
        for name in names:
            if name.locale == tag:
                if name.form is wanted:
                    return name.text
                best = best or name.text
        if best is not None:
            return best
    raise LookupError("no English name stored")  # the build guarantees one


def fallback_chain(locale: object) -> tuple[str, ...]:
    """
    Return the stored locale tags to try for *locale*, best first.

    >>> fallback_chain("zh_Hant_HK")
    ('zh-Hant-HK', 'zh-Hant', 'en')
    >>> fallback_chain("ru-RU")
    ('ru-RU', 'ru', 'en')
    """
    if isinstance(locale, babel.Locale):
        return _chain(locale.language, locale.script, locale.territory, None)
    if not isinstance(locale, str):
        raise TypeError(f"locale must be a str or babel.Locale, not {type(locale)}")
    return _parsed_chain(locale)


@functools.lru_cache(maxsize=256)
def _parsed_chain(tag: str) -> tuple[str, ...]:
    if not tag or len(tag) > _MAX_TAG or not tag.isascii():
        raise UnknownLocaleError(tag)
    try:
        language, territory, script, variant = babel.core.parse_locale(
            tag.strip().replace("-", "_")
        )[:4]
    except ValueError as error:
        raise UnknownLocaleError(tag, str(error)) from error
    return _chain(language, script, territory, variant)


def _chain(
    language: str, script: str | None, territory: str | None, variant: str | None
) -> tuple[str, ...]:
    language = language.lower()
    tags: list[str] = []
    if language == "zh" and script is None:
        script = "Hant" if territory in _TRADITIONAL_TERRITORIES else "Hans"
    if variant:
        tags.append("-".join(p for p in (language, script, variant.lower()) if p))
    if territory:
        tags.append("-".join(p for p in (language, script, territory) if p))
    if script:
        tags.append(f"{language}-{script}")
    if language != "zh" or not script:
        tags.append(language)
    tags.append(_FALLBACK)
    return tuple(dict.fromkeys(tags))
