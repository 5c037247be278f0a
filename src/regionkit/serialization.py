"""
Turning regionkit's records into plain data and back, with cattrs.

Enums become their values, tuples become lists, and a `Division` carries its
fields only (never the dataset it came from). Structuring is strict: unknown keys
and wrong types raise `regionkit.errors.DataError`, naming each bad field.

>>> import regionkit
>>> data = regionkit.to_dict(regionkit.get("CN-HL"))
>>> data["national_code"], data["category"]
('230000', 'province')
>>> regionkit.from_dict(regionkit.Division, data) == regionkit.get("CN-HL")
True
"""

from __future__ import annotations

import datetime
import json
import math
import re
from typing import Any, TypeVar, overload

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.v import format_exception

from regionkit._models import Division, Name, NameForm, PackedNames
from regionkit.errors import DataError

__all__ = [
    "configure_converter",
    "dumps",
    "from_dict",
    "loads",
    "make_converter",
    "to_dict",
]

T = TypeVar("T")


class _RefusedError(ValueError):
    """A value of the right type that a record may not hold; says which and why."""


def _structure_number(value: object, _: object) -> int | float:
    if type(value) is int:  # not bool, not str
        return value
    if type(value) is float:
        if not math.isfinite(value):  # Python's json reads NaN and Infinity
            raise _RefusedError(f"expected a finite number, got {value}")
        return value
    raise TypeError(f"expected a number, got {type(value).__name__}")


# The code fields of a division: each is a code or None, never "".
_CODE_FIELDS = (
    "code",
    "country",
    "iso_3166_2",
    "national_code",
    "okato",
    "oktmo",
    "parent_code",
    "within_code",
)


def _check_division(division: Division) -> Division:
    """Refuse a structured division that no data file may hold, naming the field."""
    problems = [
        f"{field}: a code is not empty (use null for none)"
        for field in _CODE_FIELDS
        if getattr(division, field) == ""
    ]
    if "" in division.grouping_codes:
        problems.append("grouping_codes: a code is not empty")
    if not any(name.form is NameForm.FULL for name in division.names):
        problems.append("names: a division has at least one full name")
    if problems:
        raise _RefusedError("; ".join(problems))
    return division


def _structure_date(value: object, _: object) -> datetime.date:
    if type(value) is not str:
        raise TypeError(f"expected an ISO date string, got {type(value).__name__}")
    return datetime.date.fromisoformat(value)


def _structure_str(value: object, _: object) -> str:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _structure_int(value: object, _: object) -> int:
    if type(value) is not int:  # not bool, not str
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


def _structure_str_tuple(value: object, _: object) -> tuple[str, ...]:
    if type(value) not in (list, tuple):
        raise TypeError(f"expected a list of strings, got {type(value).__name__}")
    return tuple(_structure_str(item, str) for item in value)  # type: ignore[attr-defined]


def configure_converter(converter: cattrs.Converter, *, dataset: object = None) -> None:
    """
    Add regionkit's hooks to *converter*.

    Use this to serialize regionkit records inside your own attrs classes.
    Dates become ISO 8601 strings. Divisions it builds navigate through
    *dataset* (a `regionkit.Dataset`); without one they hold their fields only,
    and navigating them raises `ValueError`.
    """
    _add_hooks(converter, compact=False, dataset=dataset)


def _add_hooks(
    converter: cattrs.Converter, *, compact: bool, dataset: object = None
) -> None:
    """Register the hooks both forms share; *compact* leaves out empty fields."""
    # Strict scalars: cattrs would turn "1" and True into 1, and "abc" into
    # ("a", "b", "c"); untrusted data must say what it means.
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook_func(
        lambda type_: type_ == tuple[str, ...], _structure_str_tuple
    )
    converter.register_structure_hook(int | float, _structure_number)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)

    # A division's names are a tuple, or names a data file packed (built here).
    def structure_names(value: object, _: object) -> tuple[Name, ...]:
        return converter.structure(value, tuple[Name, ...])

    def unstructure_names(names: tuple[Name, ...] | PackedNames) -> object:
        if isinstance(names, PackedNames):
            names = names.build()
        return converter.unstructure(names, tuple[Name, ...])

    converter.register_unstructure_hook(
        Division,
        make_dict_unstructure_fn(
            Division,
            converter,
            _cattrs_omit_if_default=compact,
            _dataset=override(omit=True),
            _names=override(rename="names", unstruct_hook=unstructure_names),
        ),
    )
    structure = make_dict_structure_fn(
        Division,
        converter,
        _dataset=override(omit=True),
        _names=override(rename="names", struct_hook=structure_names),
        _cattrs_forbid_extra_keys=True,
    )
    if dataset is None:

        def structure_alone(data: Any, type_: type[Division]) -> Division:
            return _check_division(structure(data, type_))

        converter.register_structure_hook(Division, structure_alone)
    else:

        def structure_in(data: Any, type_: type[Division]) -> Division:
            division = _check_division(structure(data, type_))
            return attrs.evolve(division, dataset=dataset)

        converter.register_structure_hook(Division, structure_in)


def make_converter(*, dataset: object = None) -> cattrs.Converter:
    """
    Return a new strict converter configured for regionkit's records.

    Divisions it builds navigate through *dataset* (see `configure_converter`).
    """
    converter = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(converter, dataset=dataset)
    return converter


_converter = make_converter()
_bound: dict[int, tuple[object, cattrs.Converter]] = {}  # id(dataset) -> converter


def _converter_of(dataset: object) -> cattrs.Converter:
    if dataset is None:
        return _converter
    found = _bound.get(id(dataset))
    if found is None or found[0] is not dataset:
        found = _bound[id(dataset)] = (dataset, make_converter(dataset=dataset))
    return found[1]


@overload
def to_dict(obj: attrs.AttrsInstance) -> dict[str, Any]: ...
@overload
def to_dict(obj: tuple[attrs.AttrsInstance, ...]) -> list[dict[str, Any]]: ...
@overload
def to_dict(obj: object) -> Any: ...
def to_dict(obj: object) -> Any:
    """
    Return *obj* (a record, or a tuple of records) as plain JSON-ready data.

    >>> import regionkit
    >>> regionkit.to_dict(regionkit.get("RU-NEN"))["within_code"]
    'RU-ARK'
    """
    return _converter.unstructure(obj)


def from_dict(
    cls: type[T], data: object, *, path: str = "<data>", dataset: object = None
) -> T:
    """
    Build a *cls* record from plain *data*.

    Divisions navigate through *dataset*; `regionkit.from_dict` passes the
    package's own data.

    Raises:
        DataError: *data* does not fit *cls*; `DataError.details` names each bad
            field.
    """
    try:
        return _converter_of(dataset).structure(data, cls)
    except Exception as error:  # cattrs raises several kinds; report them as one
        raise DataError(path, _details(error)) from error


def dumps(obj: Any, **kwargs: Any) -> str:
    """
    Return *obj* as JSON text (UTF-8 names kept readable).

    Raises:
        DataError: *obj* holds a NaN or infinite number, which JSON cannot write
            (Python's ``NaN`` extension is not JSON; pass ``allow_nan=True`` to
            write it anyway).
    """
    kwargs.setdefault("ensure_ascii", False)
    kwargs.setdefault("allow_nan", False)
    try:
        return json.dumps(to_dict(obj), **kwargs)
    except ValueError as error:
        if "not JSON compliant" not in str(error):
            raise
        raise DataError("<json>", [f"not writable as JSON: {error}"]) from error


def loads(text: str | bytes, cls: type[T], *, dataset: object = None) -> T:
    """
    Build a *cls* record from JSON *text* (divisions navigate through *dataset*).

    Raises:
        DataError: The text is not JSON or does not fit *cls*.
    """
    try:
        data = json.loads(text)
    except (ValueError, TypeError) as error:
        raise DataError("<json>", [f"not JSON: {error}"]) from error
    except RecursionError as error:  # "[" * 100_000
        raise DataError("<json>", ["not JSON: nested too deeply"]) from error
    return from_dict(cls, data, path="<json>", dataset=dataset)


def _format(error: BaseException, type_: type | None) -> str:
    if isinstance(error, _RefusedError):
        return str(error)
    return format_exception(error, type_)


def _details(error: BaseException) -> list[str]:
    if isinstance(error, (cattrs.ClassValidationError, cattrs.IterableValidationError)):
        # cattrs names a field by its attribute; a division's names are keyed "names".
        return [
            re.sub(r"\._names\b", ".names", line)
            for line in cattrs.transform_error(error, format_exception=_format)
        ]
    if isinstance(error, _RefusedError):
        return [str(error)]
    return [f"{type(error).__name__}: {error}"]
