"""
The exceptions regionkit raises.

Every exception derives from `RegionkitError` and from the built-in exception a
caller would already catch (`KeyError`, `LookupError`, `ValueError`), and keeps the
offending value as an attribute.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "AmbiguousName",
    "DataError",
    "NameUnavailable",
    "NotFound",
    "RegionkitError",
    "UnknownCode",
    "UnknownLocaleError",
]

_SHOWN = 60


def shorten(value: object) -> str:
    """Return ``repr(value)``, cut to a length fit for an error message."""
    text = repr(value)
    if len(text) > _SHOWN:
        return f"{text[: _SHOWN - 1]}…"
    return text


class RegionkitError(Exception):
    """Base class of every error regionkit raises on purpose."""


class UnknownCode(RegionkitError, KeyError):  # noqa: N818 (a KeyError, named for what it says)
    """
    No division has this code.

    Attributes:
        code: The code that was asked for.
    """

    def __init__(self, code: object) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return f"no division has the code {shorten(self.code)}"


class NotFound(RegionkitError, LookupError):  # noqa: N818 (the name is the public API)
    """
    No division matches a text.

    Attributes:
        query: The text that was looked up.
    """

    def __init__(self, query: object) -> None:
        super().__init__(query)
        self.query = query

    def __str__(self) -> str:
        return f"no division matches {shorten(self.query)}"


class AmbiguousName(RegionkitError, LookupError):  # noqa: N818 (public API name)
    """
    Several divisions match a text equally well.

    Attributes:
        query: The text that was looked up.
        candidates: The divisions that fit equally, in code order.
    """

    # The candidates are `regionkit.Division` records; typed loosely because
    # errors sit below the records and import nothing of regionkit.
    def __init__(self, query: object, candidates: Sequence[Any]) -> None:
        super().__init__(query, tuple(candidates))
        self.query = query
        self.candidates: tuple[Any, ...] = tuple(candidates)

    def __str__(self) -> str:
        codes = ", ".join(d.code for d in self.candidates)
        return f"{shorten(self.query)} fits several divisions equally: {codes}"


class UnknownLocaleError(RegionkitError, ValueError):
    """
    A locale argument is not a well-formed locale tag.

    Attributes:
        locale: The value that was given.
    """

    def __init__(self, locale: object, reason: str = "") -> None:
        super().__init__(locale)
        self.locale = locale
        self.reason = reason

    def __str__(self) -> str:
        tail = f": {self.reason}" if self.reason else ""
        return f"not a well-formed locale tag: {shorten(self.locale)}{tail}"


class NameUnavailable(RegionkitError, LookupError):  # noqa: N818 (public API name)
    """
    A division has no name in the language asked for, and fallback was refused.

    Raised by ``Division.name(locale, fallback=False)`` where the name would come
    from the English fallback or the last resort.

    Attributes:
        code: The division's code.
        locale: The locale that was asked for.
        served: The tag of the name the fallback would have given (``"en"``).
    """

    def __init__(self, code: str, locale: object, served: str) -> None:
        super().__init__(code, locale, served)
        self.code = code
        self.locale = locale
        self.served = served

    def __str__(self) -> str:
        return (
            f"{self.code} has no name in {shorten(self.locale)} "
            f"(the fallback would give {self.served})"
        )


class DataError(RegionkitError, ValueError):
    """
    Data handed to a loader is malformed.

    Attributes:
        path: Where the data came from (a file path, or ``"<data>"``).
        details: One line per problem, each naming the field that is wrong.
    """

    def __init__(self, path: str, details: Sequence[str]) -> None:
        super().__init__(path, tuple(details))
        self.path = path
        self.details: tuple[str, ...] = tuple(details)

    def __str__(self) -> str:
        shown = "; ".join(self.details[:5])
        more = f" (and {len(self.details) - 5} more)" if len(self.details) > 5 else ""
        return f"invalid data in {self.path}: {shown}{more}"
