"""
regionkit: the administrative divisions of Russia and China, typed and sourced.

>>> import regionkit
>>> regionkit.get("RU-KHA").name()
'Khabarovsk Krai'
>>> len(regionkit.divisions("RU", level=1))
89

Importing the package loads no data and imports no dependency: every name below
is imported on first use.
"""

from __future__ import annotations

import importlib

# Not typing.TYPE_CHECKING: importing typing would double the import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from regionkit._address import (
        Address,
        AddressConflict,
        AddressPart,
        parse_address,
        parse_address_frame,
        parse_addresses,
    )
    from regionkit._api import (
        changes,
        divisions,
        from_dict,
        get,
        loads,
        lookup,
        lookup_many,
        lookup_series,
        resolve,
        supported_locales,
    )
    from regionkit._api_borders import border_pairs, crossings
    from regionkit._api_lines import (
        centre,
        reporting_line,
        reports_directly_to_centre,
        subordinates,
    )
    from regionkit._index import MatchKind
    from regionkit._lookup import LookupResult, Match
    from regionkit._models import (
        COUNTRIES,
        Category,
        Centre,
        CentreRole,
        Change,
        ChangeKind,
        Claim,
        ClaimStance,
        DatePrecision,
        Designation,
        Division,
        Figure,
        Location,
        Measure,
        Name,
        NameForm,
        Perspective,
        Rank,
    )
    from regionkit._names import category_name
    from regionkit._neighbours import Adjacency, AdjacencyKind, Crossing, CrossingMode
    from regionkit._reporting import Authority, Basis, LineKind, ReportingLink
    from regionkit._store import Dataset
    from regionkit.errors import (
        AmbiguousName,
        DataError,
        NameUnavailable,
        NotFound,
        RegionkitError,
        UnknownCode,
        UnknownLocaleError,
    )
    from regionkit.serialization import dumps, to_dict

    __version__: str

__all__ = [
    "COUNTRIES",
    "Address",
    "AddressConflict",
    "AddressPart",
    "Adjacency",
    "AdjacencyKind",
    "AmbiguousName",
    "Authority",
    "Basis",
    "Category",
    "Centre",
    "CentreRole",
    "Change",
    "ChangeKind",
    "Claim",
    "ClaimStance",
    "Crossing",
    "CrossingMode",
    "DataError",
    "Dataset",
    "DatePrecision",
    "Designation",
    "Division",
    "Figure",
    "LineKind",
    "Location",
    "LookupResult",
    "Match",
    "MatchKind",
    "Measure",
    "Name",
    "NameForm",
    "NameUnavailable",
    "NotFound",
    "Perspective",
    "Rank",
    "RegionkitError",
    "ReportingLink",
    "UnknownCode",
    "UnknownLocaleError",
    "__version__",
    "border_pairs",
    "category_name",
    "centre",
    "changes",
    "crossings",
    "divisions",
    "dumps",
    "from_dict",
    "get",
    "loads",
    "lookup",
    "lookup_many",
    "lookup_series",
    "parse_address",
    "parse_address_frame",
    "parse_addresses",
    "reporting_line",
    "reports_directly_to_centre",
    "resolve",
    "subordinates",
    "supported_locales",
    "to_dict",
]

_HOMES = {
    **dict.fromkeys(
        [
            "Address",
            "AddressConflict",
            "AddressPart",
            "parse_address",
            "parse_address_frame",
            "parse_addresses",
        ],
        "regionkit._address",
    ),
    **dict.fromkeys(
        [
            "changes",
            "divisions",
            "from_dict",
            "get",
            "loads",
            "lookup",
            "lookup_many",
            "lookup_series",
            "resolve",
            "supported_locales",
        ],
        "regionkit._api",
    ),
    **dict.fromkeys(["border_pairs", "crossings"], "regionkit._api_borders"),
    **dict.fromkeys(
        ["centre", "reporting_line", "reports_directly_to_centre", "subordinates"],
        "regionkit._api_lines",
    ),
    **dict.fromkeys(["LookupResult", "Match"], "regionkit._lookup"),
    "MatchKind": "regionkit._index",
    **dict.fromkeys(
        ["Authority", "Basis", "LineKind", "ReportingLink"], "regionkit._reporting"
    ),
    "category_name": "regionkit._names",
    **dict.fromkeys(
        ["Adjacency", "AdjacencyKind", "Crossing", "CrossingMode"],
        "regionkit._neighbours",
    ),
    "COUNTRIES": "regionkit._models",
    "Dataset": "regionkit._store",
    "dumps": "regionkit.serialization",
    "to_dict": "regionkit.serialization",
    **dict.fromkeys(
        [
            "Category",
            "Centre",
            "CentreRole",
            "Change",
            "ChangeKind",
            "Claim",
            "ClaimStance",
            "DatePrecision",
            "Designation",
            "Division",
            "Figure",
            "Location",
            "Measure",
            "Name",
            "NameForm",
            "Perspective",
            "Rank",
        ],
        "regionkit._models",
    ),
    **dict.fromkeys(
        [
            "AmbiguousName",
            "DataError",
            "NameUnavailable",
            "NotFound",
            "RegionkitError",
            "UnknownCode",
            "UnknownLocaleError",
        ],
        "regionkit.errors",
    ),
}


def __getattr__(name: str) -> object:
    if name == "__version__":
        # Written in the package, not read from its metadata: a zip shipped with
        # --py-files has none.
        from regionkit import _version

        value: object = _version.__version__
    elif name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
    else:
        raise AttributeError(f"module 'regionkit' has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
