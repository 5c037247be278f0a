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
import re
import sys
from collections.abc import Sequence
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from regionkit._models import (
    Category,
    Centre,
    Change,
    Claim,
    Designation,
    Division,
    Figure,
    Name,
    NameForm,
)
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


def _structure_number(value: object, _: object) -> int | float:
    if type(value) is int or type(value) is float:  # not bool, not str
        return value
    raise TypeError(f"expected a number, got {type(value).__name__}")


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


def configure_converter(converter: cattrs.Converter) -> None:
    """
    Add regionkit's hooks to *converter*.

    Use this to serialize regionkit records inside your own attrs classes.
    Dates become ISO 8601 strings.
    """
    _add_hooks(converter, compact=False)


def _add_hooks(converter: cattrs.Converter, *, compact: bool) -> None:
    """Register the hooks both forms share; *compact* leaves out empty fields."""
    # Strict scalars: cattrs would turn "1" and True into 1, and "abc" into
    # ("a", "b", "c"); untrusted data must say what it means.
    if not compact:
        converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook_func(
        lambda type_: type_ == tuple[str, ...], _structure_str_tuple
    )
    converter.register_structure_hook(int | float, _structure_number)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_unstructure_hook(
        Division,
        make_dict_unstructure_fn(
            Division,
            converter,
            _cattrs_omit_if_default=compact,
            _dataset=override(omit=True),
        ),
    )
    converter.register_structure_hook(
        Division,
        make_dict_structure_fn(
            Division,
            converter,
            _dataset=override(omit=True),
            _cattrs_forbid_extra_keys=True,
        ),
    )


def make_converter() -> cattrs.Converter:
    """Return a new strict converter configured for regionkit's records."""
    converter = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(converter)
    return converter


_converter = make_converter()


def _make_file_converter() -> cattrs.Converter:
    """
    Return the converter of regionkit's data files.

    The files are the public form made compact: a division's names are one
    string, a line per name of tab-separated ``locale, form, text, source`` (and
    ``valid_from, valid_to`` where a name has dates; see `pack_names`); lists
    of ``[locale, form, text, source]`` and the public object form are read
    too. Empty fields are left out. Repeated strings (locales, sources, codes)
    are interned, so a loaded dataset shares them.
    """
    converter = cattrs.Converter(forbid_extra_keys=True)
    # The name hooks first: the Division hooks are generated with them.
    converter.register_structure_hook(Name, _structure_packed_name)
    converter.register_structure_hook_func(
        lambda type_: type_ == tuple[Name, ...], _structure_packed_names
    )
    converter.register_unstructure_hook(Name, _unstructure_packed_name)
    converter.register_unstructure_hook_func(
        lambda type_: type_ == tuple[Name, ...], pack_names
    )
    converter.register_structure_hook(str, _structure_interned)
    _add_hooks(converter, compact=True)
    return converter


_FORMS = {form.value: form for form in NameForm}


def pack_names(names: Sequence[Name]) -> str:
    r"""
    Return *names* as a data file stores them: a line per name, fields by tabs.

    >>> from regionkit import Name, NameForm
    >>> pack_names([Name("en", NameForm.FULL, "Harbin", "mca-2024")])
    'en\tfull\tHarbin\tmca-2024'
    """
    lines = []
    for name in names:
        fields = _unstructure_packed_name(name)
        if any(_SEPARATORS.intersection(field) for field in fields):
            raise ValueError(f"a name field holds a tab or a line break: {fields}")
        lines.append("\t".join(fields))
    return "\n".join(lines)


_SEPARATORS = frozenset("\t\n\r")
# Packed names without dates: they can be built later, as nothing in them can
# fail; names with dates are built (and their dates checked) at once.
_PLAIN_NAME = (
    r"[A-Za-z0-9-]+\t(?:full|short|abbreviation|alias|former)\t[^\t\n]+\t[^\t\n]+"
)
_PLAIN_NAMES = re.compile(rf"{_PLAIN_NAME}(?:\n{_PLAIN_NAME})*")


def unpack_names(packed: str) -> tuple[Name, ...]:
    """
    Return the names *packed* holds (the inverse of `pack_names`).

    Raises:
        ValueError: A line is not ``locale, form, text, source`` with optional
            ``valid_from, valid_to``.
    """
    if not packed:
        return ()
    return _structure_packed_names([line.split("\t") for line in packed.split("\n")])


def _unstructure_packed_name(name: Name) -> list[str]:
    packed = [name.locale, name.form.value, name.text, name.source]
    if name.valid_from is not None or name.valid_to is not None:
        packed += [_day(name.valid_from), _day(name.valid_to)]
    return packed


def _day(day: datetime.date | None) -> str:
    return "" if day is None else day.isoformat()


def _structure_packed_name(value: object, _: object) -> Name:
    if type(value) is list and len(value) == 4:
        locale, form, text, source = value
        if (
            type(locale) is str
            and type(text) is str
            and type(source) is str
            and form in _FORMS
        ):
            return Name(sys.intern(locale), _FORMS[form], text, sys.intern(source))
    elif type(value) is list and len(value) == 6:  # a name with its dates
        name = _structure_packed_name(value[:4], Name)
        start, end = value[4:]
        if type(start) is str and type(end) is str:
            return attrs.evolve(
                name,
                valid_from=datetime.date.fromisoformat(start) if start else None,
                valid_to=datetime.date.fromisoformat(end) if end else None,
            )
    elif type(value) is dict:  # the public form, as hand-written files have it
        return _converter.structure(value, Name)
    raise ValueError(
        "a name must be [locale, form, text, source (, valid_from, valid_to)]"
        " or an object"
    )


def _structure_packed_names(value: object, _: object = None) -> tuple[Name, ...]:
    # The common shape is read inline: a dataset has 40,000 names.
    if type(value) is str:
        return unpack_names(value)
    if type(value) is not list:
        raise TypeError(f"expected a list of names, got {type(value).__name__}")
    names: list[Name] = []
    intern, forms = sys.intern, _FORMS
    for item in value:
        if type(item) is list and len(item) == 4:
            locale, form, text, source = item
            if (
                type(locale) is str
                and type(form) is str
                and type(text) is str
                and type(source) is str
                and form in forms
            ):
                names.append(Name(intern(locale), forms[form], text, intern(source)))
                continue
        names.append(_structure_packed_name(item, Name))
    return tuple(names)


def _structure_interned(value: object, _: object) -> str:
    if type(value) is str:
        return sys.intern(value) if len(value) < 40 else value
    raise TypeError(f"expected a string, got {type(value).__name__}")


_file_converter = _make_file_converter()


def encode_division_file(
    meta: dict[str, Any], divisions: list[Division], changes: Sequence[Change] = ()
) -> str:
    """Return the text of a data file: sorted, stable, one record a line."""

    def lines(records: list[Any]) -> str:
        return ",\n".join(
            json.dumps(
                _file_converter.unstructure(r), ensure_ascii=False, sort_keys=True
            )
            for r in records
        )

    head = json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True)
    body = f'{{"meta": {head},\n"divisions": [\n{lines(sorted(divisions))}\n]'
    if changes:
        body += f',\n"changes": [\n{lines(sorted(changes))}\n]'
    return body + "}\n"


def to_dict(obj: Any) -> Any:
    """
    Return *obj* (a record, or a tuple of records) as plain JSON-ready data.

    >>> import regionkit
    >>> regionkit.to_dict(regionkit.get("RU-NEN"))["within_code"]
    'RU-ARK'
    """
    return _converter.unstructure(obj)


def from_dict(cls: type[T], data: object, *, path: str = "<data>") -> T:
    """
    Build a *cls* record from plain *data*.

    Raises:
        DataError: *data* does not fit *cls*; `DataError.details` names each bad
            field.
    """
    try:
        return _converter.structure(data, cls)
    except Exception as error:  # cattrs raises several kinds; report them as one
        raise DataError(path, _details(error)) from error


def dumps(obj: Any, **kwargs: Any) -> str:
    """Return *obj* as JSON text (UTF-8 names kept readable)."""
    kwargs.setdefault("ensure_ascii", False)
    return json.dumps(to_dict(obj), **kwargs)


def loads(text: str | bytes, cls: type[T]) -> T:
    """
    Build a *cls* record from JSON *text*.

    Raises:
        DataError: The text is not JSON or does not fit *cls*.
    """
    try:
        data = json.loads(text)
    except (ValueError, TypeError) as error:
        raise DataError("<json>", [f"not JSON: {error}"]) from error
    return from_dict(cls, data, path="<json>")


def structure_division_file(
    raw: bytes, path: str, *, dataset: object
) -> tuple[dict[str, Any], tuple[Division, ...], tuple[Change, ...]]:
    """Read one data file: its ``meta`` block, its divisions and its changes."""
    try:
        document = json.loads(raw)
    except ValueError as error:
        raise DataError(path, [f"not JSON: {error}"]) from error
    if (
        not isinstance(document, dict)
        or not isinstance(document.get("meta"), dict)
        or not isinstance(document.get("divisions"), list)
    ):
        raise DataError(path, ["expected an object with 'meta' and 'divisions'"])
    try:
        divisions = _fast_divisions(document["divisions"], dataset)
        if divisions is None:  # something is off: let cattrs find and name it
            divisions = _file_converter.structure(
                document["divisions"], tuple[Division, ...]
            )
        changes = _file_converter.structure(
            document.get("changes", []), tuple[Change, ...]
        )
    except Exception as error:  # cattrs raises several kinds; report them as one
        raise DataError(path, _details(error)) from error
    # Records are born here, before anyone sees them: attach their dataset so that
    # navigation resolves codes through the data they came from.
    for division in divisions:
        object.__setattr__(division, "_dataset", dataset)
    return document["meta"], divisions, changes


_FIELDS = frozenset(
    a.alias for a in attrs.fields(Division) if a.init and a.name != "_dataset"
)
_CATEGORIES = {category.value: category for category in Category}
_NESTED: dict[str, Any] = {
    "centres": tuple[Centre, ...],
    "figures": tuple[Figure, ...],
    "claims": tuple[Claim, ...],
    "designations": tuple[Designation, ...],
}


def _fast_divisions(items: list[Any], dataset: object) -> tuple[Division, ...] | None:
    """
    Build the divisions of a well-formed file without cattrs' per-field dispatch.

    Loading 3,000 divisions is the hot path. Anything unexpected returns
    ``None``, and the strict converter reads the file again and names the fault.
    """
    built: list[Division] = []
    for item in items:
        if type(item) is not dict or not _FIELDS.issuperset(item):
            return None
        try:
            nested: dict[str, Any] = {
                key: _file_converter.structure(item[key], kind)
                for key, kind in _NESTED.items()
                if item.get(key)
            }
            level = item.get("level")
            groupings = item.get("grouping_codes", [])
            if (level is not None and type(level) is not int) or type(
                groupings
            ) is not list:
                return None
            names = item.get("names", "")
            lazy = type(names) is str and _PLAIN_NAMES.fullmatch(names) is not None
            division = Division(
                code=_text(item["code"]),
                country=_text(item["country"]),
                category=_CATEGORIES[item["category"]],
                level=level,
                names=() if lazy else _structure_packed_names(names),
                source=_text(item["source"]),
                iso_3166_2=_optional_text(item.get("iso_3166_2")),
                national_code=_optional_text(item.get("national_code")),
                okato=_optional_text(item.get("okato")),
                oktmo=_optional_text(item.get("oktmo")),
                parent_code=_optional_text(item.get("parent_code")),
                within_code=_optional_text(item.get("within_code")),
                grouping_codes=tuple(_text(code) for code in groupings),
                valid_from=_optional_date(item.get("valid_from")),
                valid_to=_optional_date(item.get("valid_to")),
                dataset=dataset,
                **nested,
            )
            if lazy:  # `Division.names` builds them on first read
                object.__setattr__(division, "_packed_names", names)
                object.__delattr__(division, "names")
            built.append(division)
        except (KeyError, TypeError, ValueError, cattrs.BaseValidationError):
            return None
    return tuple(built)


def _text(value: object) -> str:
    if type(value) is not str:
        raise TypeError("not a string")
    return sys.intern(value) if len(value) < 40 else value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _optional_date(value: object) -> datetime.date | None:
    return None if value is None else _structure_date(value, None)


def _details(error: BaseException) -> list[str]:
    if isinstance(error, (cattrs.ClassValidationError, cattrs.IterableValidationError)):
        return cattrs.transform_error(error)
    return [f"{type(error).__name__}: {error}"]
