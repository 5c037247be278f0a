"""
The data files: how ``ru.json``, ``cn.json``, ``cn-lower.json``… store divisions.

A file is an object with a ``meta`` block, the ``divisions`` and, where the
file has them, the ``changes``. Divisions come in one of two forms:

- **Packed** (what ``tools/build_data.py`` writes): a ``columns`` list names
  the fields, and each division is one array of those fields, a line per
  division. A division's names are two fields: ``name_heads``, the index of a
  list in the file's ``name_heads`` that gives each name's ``[locale, form,
  source]`` (and ``valid_from, valid_to`` where the name has dates), and
  ``names``, the texts in that order joined by line breaks. China's 3,178
  lower-level units need only 54 such lists.
- **Objects**: a list of records in the public form of `regionkit.to_dict`
  (names may also be ``[locale, form, text, source]`` lists), as hand-written
  files have them.

Reading is strict either way: a fault raises `DataError` naming the record
and field. Packed files are read a column at a time, and names are built
only when a program first reads them (see `Division.names`), so loading
China's lower levels stays fast. A well-formed file is read without cattrs
(which costs tens of milliseconds to import and set up); the strict converter
reads a file again only to name its faults.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from regionkit._models import (
    Category,
    Centre,
    CentreRole,
    Change,
    ChangeKind,
    Claim,
    ClaimStance,
    Designation,
    Division,
    Figure,
    Measure,
    Name,
    NameForm,
    Rank,
)
from regionkit.errors import DataError, shorten

if TYPE_CHECKING:
    import cattrs

__all__ = ["COLUMNS", "read_division_file", "unpack_names"]

# What a name is, less its text: shared by the names of many divisions.
_Head = tuple[str, NameForm, str, datetime.date | None, datetime.date | None]
Packed = tuple[tuple[_Head, ...], str]
"""Names not built yet: their heads and their texts joined by line breaks."""

_FORMS = {form.value: form for form in NameForm}
_CATEGORIES = {category.value: category for category in Category}
# The fields `Division` takes in order, each with its default.
_FIELDS = tuple(
    a for a in attrs.fields(Division) if a.init and not a.kw_only and a.name != "names"
)
_POSITIONAL = tuple(a.name for a in attrs.fields(Division) if a.init and not a.kw_only)
COLUMNS = (*_POSITIONAL[:4], "name_heads", *_POSITIONAL[4:])
"""The columns a packed file may have, in their order."""
_NO_DEFAULT = frozenset(
    a.name for a in attrs.fields(Division) if a.default is attrs.NOTHING
)
_REQUIRED = _NO_DEFAULT - {"names"}  # code, country, category, level, source
_NESTED: dict[str, type] = {
    "centres": Centre,
    "figures": Figure,
    "claims": Claim,
    "designations": Designation,
}


class _OffError(Exception):
    """A packed file is off somewhere: it is read again slowly, to name the fault."""


# -- reading ---------------------------------------------------------------------


def read_division_file(
    raw: bytes, path: str, *, dataset: object
) -> tuple[dict[str, Any], tuple[Division, ...], tuple[Change, ...]]:
    """
    Read one data file: its ``meta`` block, its divisions and its changes.

    Raises:
        DataError: The file is not JSON or does not hold what it should; the
            details name each fault.
    """
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
        if "columns" in document:
            divisions = _packed_divisions(document)
        else:
            divisions = _object_divisions(document["divisions"])
        changes = _changes(document.get("changes", []))
    except DataError as error:
        raise DataError(path, error.details) from None
    except Exception as error:  # cattrs raises several kinds; report them as one
        from regionkit.serialization import _details

        raise DataError(path, _details(error)) from error
    # Records are born here, before anyone sees them: attach their dataset so that
    # navigation resolves codes through the data they came from.
    for division in divisions:
        object.__setattr__(division, "_dataset", dataset)
    return document["meta"], divisions, changes


def unpack_names(packed: Packed) -> tuple[Name, ...]:
    """Return the names a packed file gave a division (checked as it was read)."""
    heads, texts = packed
    return tuple(
        Name(locale, form, text, source, start, end)
        for (locale, form, source, start, end), text in zip(
            heads, texts.split("\n"), strict=True
        )
    )


def _packed_divisions(document: dict[str, Any]) -> tuple[Division, ...]:
    """Read packed divisions; on any fault, read them again to name it."""
    try:
        return _read_packed(document)
    except (_OffError, KeyError, TypeError, ValueError):
        pass
    columns, rows = document["columns"], document["divisions"]
    if (
        type(columns) is not list
        or not all(type(c) is str for c in columns)
        or not _REQUIRED <= set(columns) <= set(COLUMNS)
        or len(set(columns)) != len(columns)
    ):
        raise DataError(
            "",
            [
                "columns must name fields of a division, each once, among them"
                f" {', '.join(sorted(_REQUIRED))}: {shorten(columns)}"
            ],
        )
    heads = document.get("name_heads", [])
    faults = [
        f"name_heads[{i}][{j}]: not [locale, form, source (, valid_from, valid_to)]"
        f" with a known form and ISO dates: {shorten(item)}"
        for i, head in enumerate(heads if type(heads) is list else [heads])
        for j, item in enumerate(head if type(head) is list else [head])
        if not _is_head(item)
    ]
    divisions: list[Division] = []
    for number, row in enumerate(rows):
        if type(row) is not list or len(row) != len(columns):
            raise DataError("", [f"division {number}: not {len(columns)} fields"])
        record = {
            c: v
            for c, v in zip(columns, row, strict=True)
            if v is not None or c in _NO_DEFAULT
        }
        head, texts = record.pop("name_heads", None), record.pop("names", "")
        code = record.get("code")
        where = code if type(code) is str else f"division {number}"
        try:
            if head is not None or texts:
                record["names"] = [
                    [*h[:2], t, *h[2:]]
                    for h, t in zip(heads[head], texts.split("\n"), strict=True)
                ]
        except (IndexError, TypeError, ValueError, AttributeError):
            faults.append(f"{where}: names do not fit name heads {head!r}")
            continue
        try:
            divisions.append(_file_converter().structure(record, Division))
        except Exception as error:  # cattrs raises several kinds
            from regionkit.serialization import _details

            faults += [f"{where}: {detail}" for detail in _details(error)]
    if faults:
        raise DataError("", faults)
    return tuple(divisions)


def _read_packed(document: dict[str, Any]) -> tuple[Division, ...]:
    """Read packed divisions a column at a time; raise on anything unexpected."""
    columns, rows = document["columns"], document["divisions"]
    if (
        type(columns) is not list
        or not _REQUIRED <= set(columns) <= set(COLUMNS)
        or len(set(columns)) != len(columns)
    ):
        raise _OffError
    if rows and (
        set(map(type, rows)) != {list} or set(map(len, rows)) != {len(columns)}
    ):
        raise _OffError
    by_column = dict(zip(columns, zip(*rows, strict=True), strict=True))
    if not rows:
        return ()
    count = len(rows)
    values = [
        _column(a.name, by_column[a.name])
        if a.name in by_column
        else itertools.repeat(_default(a), count)
        for a in _FIELDS
    ]
    values.insert(4, itertools.repeat((), count))  # names: set below
    divisions = tuple(map(Division, *values))
    names = _names(document.get("name_heads", []), by_column, count)
    for division, packed in zip(divisions, names, strict=True):
        if packed is not None:  # `Division.names` builds them on first read
            object.__setattr__(division, "_packed_names", packed)
            object.__delattr__(division, "names")
    return divisions


def _default(field: attrs.Attribute[Any]) -> object:
    return field.default


_STR, _INT, _NONE, _LIST = str, int, type(None), list


def _types(column: tuple[Any, ...], allowed: set[type]) -> None:
    if not set(map(type, column)) <= allowed:  # no bool for int, no str for list
        raise _OffError


def _column(name: str, column: tuple[Any, ...]) -> Sequence[Any]:
    """Check and convert one column of a packed file."""
    if name in {"code", "country", "source"}:
        _types(column, {_STR})
        return column
    if name == "category":
        _types(column, {_STR})
        return tuple(map(_CATEGORIES.__getitem__, column))
    if name == "level":
        _types(column, {_INT, _NONE})
        return column
    if name in {"valid_from", "valid_to"}:
        _types(column, {_STR, _NONE})
        return tuple(
            None if day is None else datetime.date.fromisoformat(day) for day in column
        )
    if name == "grouping_codes":
        _types(column, {_LIST, _NONE})
        _types(tuple(itertools.chain.from_iterable(filter(None, column))), {_STR})
        return tuple(() if codes is None else tuple(codes) for codes in column)
    if name in _NESTED:
        _types(column, {_LIST, _NONE})
        kind = _NESTED[name]
        return tuple(
            () if not items else tuple(_record(kind, item) for item in items)
            for items in column
        )
    _types(column, {_STR, _NONE})  # the optional codes
    return column


def _names(
    heads: object, by_column: dict[str, tuple[Any, ...]], count: int
) -> list[Packed | None]:
    """Return each division's packed names, checked against their heads."""
    head_list = _heads(heads)
    numbers = by_column.get("name_heads", (None,) * count)
    texts = by_column.get("names", ("",) * count)
    _types(numbers, {_INT, _NONE})
    _types(texts, {_STR})
    packed: list[Packed | None] = []
    for number, text in zip(numbers, texts, strict=True):
        if number is None:
            if text:
                raise _OffError
            packed.append(None)
            continue
        if not 0 <= number < len(head_list):
            raise _OffError
        head = head_list[number]
        if not head:
            if text:
                raise _OffError
            packed.append(None)
            continue
        # One non-empty text per head: no empty line, none at either end.
        if (
            text.count("\n") + 1 != len(head)
            or "\n\n" in text
            or text.startswith("\n")
            or text.endswith("\n")
            or not text
        ):
            raise _OffError
        packed.append((head, text))
    return packed


def _heads(heads: object) -> list[tuple[_Head, ...]]:
    """Check and convert a file's ``name_heads``."""
    if type(heads) is not list:
        raise _OffError
    return [tuple(_head(item) for item in _list(head)) for head in heads]


def _list(value: object) -> list[Any]:
    if type(value) is not list:
        raise _OffError
    return value


def _is_head(item: object) -> bool:
    try:
        _head(item)
    except (_OffError, KeyError, ValueError):
        return False
    return True


def _head(item: object) -> _Head:
    fields = _list(item)
    if len(fields) == 3:
        locale, form, source = fields
        start = end = ""
    elif len(fields) == 5:
        locale, form, source, start, end = fields
    else:
        raise _OffError
    if not all(type(f) is str for f in (locale, form, source, start, end)):
        raise _OffError
    return (
        sys.intern(locale),
        _FORMS[form],
        sys.intern(source),
        datetime.date.fromisoformat(start) if start else None,
        datetime.date.fromisoformat(end) if end else None,
    )


def _changes(items: object) -> tuple[Change, ...]:
    """Read the changes; any fault sends them to the strict converter to name it."""
    try:
        return tuple(_record(Change, item) for item in _list(items))
    except (_OffError, KeyError, TypeError, ValueError):
        return _file_converter().structure(items, tuple[Change, ...])


def _date(value: object) -> datetime.date:
    if type(value) is not str:
        raise _OffError
    return datetime.date.fromisoformat(value)


def _strings(value: object) -> tuple[str, ...]:
    _types(tuple(_list(value)), {_STR})
    return tuple(value)  # type: ignore[arg-type]  # a list of str here


def _number(value: object) -> int | float:
    if type(value) is not int and type(value) is not float:
        raise _OffError
    return value


def _exactly(kind: type) -> Callable[[object], object]:
    def check(value: object) -> object:
        if type(value) is not kind:
            raise _OffError
        return value

    return check


# The small records inside a division and the changes, field by field in
# their attrs order, each with what reads its value: a well-formed file needs
# no converter. An enum reads its value string (ValueError otherwise).
_SHAPES: dict[type, tuple[tuple[str, Callable[[Any], object]], ...]] = {
    Centre: (
        ("role", CentreRole),
        ("names", lambda names: _structure_names(names, None)),
        ("note", _exactly(str)),
        ("source", _exactly(str)),
    ),
    Figure: (
        ("measure", Measure),
        ("value", _number),
        ("year", _exactly(int)),
        ("source", _exactly(str)),
    ),
    Claim: (
        ("party", _exactly(str)),
        ("stance", ClaimStance),
        ("party_code", _exactly(str)),
        ("note", _exactly(str)),
        ("source", _exactly(str)),
    ),
    Designation: (
        ("rank", Rank),
        ("note", _exactly(str)),
        ("source", _exactly(str)),
    ),
    Change: (
        ("date", _date),
        ("kind", ChangeKind),
        ("before", _strings),
        ("after", _strings),
        ("note", _exactly(str)),
        ("source", _exactly(str)),
    ),
}


def _record(kind: type, item: object) -> Any:
    """Build a *kind* record from its object; raise on anything unexpected."""
    shape = _SHAPES[kind]
    if type(item) is not dict or len(item) != len(shape):
        raise _OffError
    return kind(*(read(item[key]) for key, read in shape))


# -- records as objects ------------------------------------------------------------


def _object_divisions(items: list[Any]) -> tuple[Division, ...]:
    return _fast_objects(items) or _file_converter().structure(
        items, tuple[Division, ...]
    )


_KEYS = frozenset(a.alias for a in attrs.fields(Division) if a.init) - {"dataset"}


def _fast_objects(items: list[Any]) -> tuple[Division, ...] | None:
    """
    Read well-formed records without cattrs' per-field dispatch.

    Anything unexpected returns ``None``, and the strict converter reads the
    records again and names the fault.
    """
    built: list[Division] = []
    for item in items:
        if type(item) is not dict or not _KEYS.issuperset(item):
            return None
        try:
            nested: dict[str, Any] = {
                key: tuple(_record(kind, nested_item) for nested_item in item[key])
                for key, kind in _NESTED.items()
                if item.get(key)
            }
            level = item.get("level")
            groupings = item.get("grouping_codes", [])
            if (level is not None and type(level) is not int) or type(
                groupings
            ) is not list:
                return None
            built.append(
                Division(
                    code=_text(item["code"]),
                    country=_text(item["country"]),
                    category=_CATEGORIES[item["category"]],
                    level=level,
                    names=_structure_names(item.get("names", []), None),
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
                    **nested,
                )
            )
        except (_OffError, KeyError, TypeError, ValueError):
            return None
    return tuple(built)


def _text(value: object) -> str:
    if type(value) is not str:
        raise TypeError("not a string")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _optional_date(value: object) -> datetime.date | None:
    return None if value is None else _date(value)


# -- the converter of the files ----------------------------------------------------


@functools.cache
def _file_converter() -> cattrs.Converter:
    """
    Return the converter of the data files' records (made on first need).

    It is the public converter made compact: empty fields are left out, and a
    name is a ``[locale, form, text, source]`` list (with ``valid_from,
    valid_to`` where it has dates); the public object form is read too.
    """
    import cattrs

    from regionkit.serialization import _add_hooks

    converter = cattrs.Converter(forbid_extra_keys=True)
    # The name hooks first: the Division hooks are generated with them.
    converter.register_structure_hook(Name, _structure_name)
    converter.register_structure_hook_func(
        lambda type_: type_ == tuple[Name, ...], _structure_names
    )
    converter.register_unstructure_hook(Name, _unstructure_name)
    _add_hooks(converter, compact=True)
    return converter


def _unstructure_name(name: Name) -> list[str]:
    packed = [name.locale, name.form.value, name.text, name.source]
    if name.valid_from is not None or name.valid_to is not None:
        packed += [_day(name.valid_from), _day(name.valid_to)]
    return packed


def _day(day: datetime.date | None) -> str:
    return "" if day is None else day.isoformat()


def _structure_name(value: object, _: object) -> Name:
    if type(value) is list and len(value) in {4, 6}:
        if all(type(field) is str for field in value) and value[1] in _FORMS:
            locale, form, text, source, *dates = value
            start, end = dates or ("", "")
            return Name(
                sys.intern(locale),
                _FORMS[form],
                text,
                sys.intern(source),
                datetime.date.fromisoformat(start) if start else None,
                datetime.date.fromisoformat(end) if end else None,
            )
    elif type(value) is dict:  # the public form, as hand-written files have it
        from regionkit.serialization import _converter

        return _converter.structure(value, Name)
    raise ValueError(
        "a name must be [locale, form, text, source (, valid_from, valid_to)]"
        " or an object"
    )


def _structure_names(value: object, _: object) -> tuple[Name, ...]:
    if type(value) is not list:
        raise TypeError(f"expected a list of names, got {type(value).__name__}")
    return tuple(_structure_name(item, Name) for item in value)
