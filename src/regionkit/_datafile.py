"""
The data files: how ``ru.json``, ``cn.json``, ``cn-lower.json``… store divisions.

A file is an object with a ``meta`` block, the ``divisions`` and, where the
file has them, the ``changes``. Divisions come in one of two forms:

- **Packed** (what ``tools/datafile.py`` writes for ``tools/build_data.py``):
  a ``columns`` list names the fields, and each division is one array of those
  fields, a line per division; ``null`` stands for a field's default. A
  division's names are two fields: ``name_heads``, the index of a list in the
  file's ``name_heads`` that gives each name's ``[locale, form, source]`` (and
  ``valid_from, valid_to`` where the name has dates), and ``names``, the texts
  in that order joined by line breaks. China's 3,178 lower-level units need
  only 54 such lists. The small records inside a division (centres, figures,
  claims, designations) and the changes are objects of their fields, and a
  centre's names are ``[locale, form, text, source]`` lists.
- **Objects**: a list of records in the public form of `regionkit.to_dict`, as
  hand-written files have them. The public strict converter reads them, handed
  in by the caller: importing cattrs would cost the packed files tens of
  milliseconds.

One strict reader reads the packed form. It checks and converts a column at a
time, so that the type checks run in C over whole columns; where a column is
off, it reads that column's values one by one to name each fault with the
record's code and the field, and raises `DataError`. What reads each field is
derived from the attrs fields of the records and their types. Names are built
only when a program first reads them (`PackedNames`), so loading China's lower
levels stays fast.
"""

from __future__ import annotations

import datetime
import enum
import functools
import itertools
import json
import sys
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from regionkit._models import (
    Change,
    Division,
    Location,
    Name,
    NameHead,
    PackedNames,
)
from regionkit.errors import DataError, shorten

__all__ = ["COLUMNS", "Structure", "read_division_file"]

Structure = Callable[[object, Any, str], Any]
"""Build records of a type from plain data, or raise `DataError` naming the path."""

# The fields `Division` takes in order, by the names it takes them by; `names`
# comes from two columns.
_POSITIONAL = tuple(a for a in attrs.fields(Division) if a.init and not a.kw_only)
_KEYS = {a.name: a.alias or a.name for a in _POSITIONAL}
COLUMNS: tuple[str, ...] = tuple(
    column
    for a in _POSITIONAL
    for column in (
        ("name_heads", "names") if _KEYS[a.name] == "names" else (_KEYS[a.name],)
    )
)
"""The columns a packed file may have, in their order."""
_REQUIRED = frozenset(
    _KEYS[a.name] for a in _POSITIONAL if a.default is attrs.NOTHING
) - {"names"}
_MAX_FAULTS = 10  # named per column; the rest are counted


class _FieldError(Exception):
    """A value is not what its field holds; the message says how."""


Read = Callable[[Any], Any]
"""Check and convert one value of a file, or raise `_FieldError`."""


def _got(value: object) -> str:
    return f"got {type(value).__name__} {shorten(value)}"


# -- what reads each type ----------------------------------------------------------


def _exactly(kind: type, what: str) -> Read:
    def read(value: object) -> object:
        if type(value) is not kind:  # no bool for int, no int for float
            raise _FieldError(f"expected {what}, {_got(value)}")
        return value

    return read


def _number(value: object) -> int | float:
    if type(value) is not int and type(value) is not float:
        raise _FieldError(f"expected a number, {_got(value)}")
    return value


def _date(value: object) -> datetime.date:
    if type(value) is str:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise _FieldError(f"expected an ISO date, {_got(value)}")


def _member(kind: type[enum.Enum]) -> Read:
    members = {member.value: member for member in kind}

    def read(value: object) -> enum.Enum:
        if type(value) is str and value in members:
            return members[value]
        raise _FieldError(f"expected a {kind.__name__} value, {_got(value)}")

    return read


def _optional(read: Read, blank: object = None) -> Read:
    def read_optional(value: object) -> object:
        return None if value == blank and type(value) is type(blank) else read(value)

    return read_optional


def _tuple_of(read: Read) -> Read:
    def read_tuple(value: object) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _FieldError(f"expected a list, {_got(value)}")
        items = []
        for number, item in enumerate(value):
            try:
                items.append(read(item))
            except _FieldError as fault:
                raise _FieldError(f"[{number}]: {fault}") from None
        return tuple(items)

    return read_tuple


def _reader(type_: Any) -> Read:
    """Return what reads a value of *type_* from a packed file."""
    if type_ is str:
        return _exactly(str, "a string")
    if type_ is int:
        return _exactly(int, "an integer")
    if type_ is float:
        return _exactly(float, "a float")
    if type_ == int | float:
        return _number
    if type_ is datetime.date:
        return _date
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return _member(type_)
    if type_ is Name:
        return _name
    if attrs.has(type_):
        return _record(type_)
    arguments = typing.get_args(type_)
    if typing.get_origin(type_) is tuple and arguments[1:] == (Ellipsis,):
        return _tuple_of(_reader(arguments[0]))
    if isinstance(type_, types.UnionType) and arguments[1:] == (type(None),):
        return _optional(_reader(arguments[0]))
    raise TypeError(f"a packed file has no form for {type_!r}")  # a new field type


def _record(kind: type) -> Read:
    """Return what reads a *kind* record, an object of all its fields."""
    hints = typing.get_type_hints(kind)
    fields = tuple((a.name, _reader(hints[a.name])) for a in attrs.fields(kind))
    keys = frozenset(name for name, _ in fields)

    def read(value: object) -> object:
        if type(value) is not dict:
            raise _FieldError(f"expected a {kind.__name__} object, {_got(value)}")
        if value.keys() != keys:
            missing, unknown = sorted(keys - value.keys()), sorted(value.keys() - keys)
            raise _FieldError(
                f"a {kind.__name__} has the keys {', '.join(sorted(keys))};"
                f" missing {missing}, unknown {shorten(unknown)}"
            )
        values = []
        for name, read_field in fields:
            try:
                read_value = read_field(value[name])
            except _FieldError as fault:
                raise _FieldError(f"{name}: {fault}") from None
            # Sources repeat in thousands of records (GeoNames' places): one copy.
            values.append(
                sys.intern(read_value) if type(read_value) is str else read_value
            )
        return kind(*values)

    return read


def _listed(kind: type, leave_out: str = "") -> Callable[[object], tuple[Any, ...]]:
    """
    Return what reads a record given as the list of its fields (less *leave_out*).

    The fields with a default are given all or none, and ``""`` stands for
    ``None`` among them.
    """
    hints = typing.get_type_hints(kind)
    fields = [a for a in attrs.fields(kind) if a.name != leave_out]
    readers = [
        (
            a.name,
            _reader(hints[a.name])
            if a.default is attrs.NOTHING
            else _optional(_reader(typing.get_args(hints[a.name])[0]), blank=""),
            a.name != "text",  # locales and sources repeat: intern them, not texts
        )
        for a in fields
    ]
    required = sum(a.default is attrs.NOTHING for a in fields)
    defaults = [a.default for a in fields[required:]]
    shape = f"[{', '.join(a.name for a in fields)}]"

    def read(value: object) -> tuple[Any, ...]:
        if type(value) is not list or len(value) not in {required, len(fields)}:
            raise _FieldError(f"expected {shape}, {_got(value)}")
        items = []
        for (name, read_field, intern), item in zip(readers, value, strict=False):
            try:
                read_value = read_field(item)
            except _FieldError as fault:
                raise _FieldError(f"{name}: {fault}") from None
            items.append(
                sys.intern(read_value)
                if intern and type(read_value) is str
                else read_value
            )
        return (*items, *defaults[len(items) - required :])

    return read


_head: Callable[[object], NameHead] = _listed(Name, leave_out="text")
_name_fields = _listed(Name)


def _name(value: object) -> Name:
    return Name(*_name_fields(value))


# -- reading a file ------------------------------------------------------------------


def read_division_file(
    raw: bytes,
    path: str,
    *,
    dataset: object,
    structure: Structure | None = None,
) -> tuple[dict[str, Any], tuple[Division, ...], tuple[Change, ...]]:
    """
    Read one data file: its ``meta`` block, its divisions and its changes.

    Args:
        raw: The file's bytes.
        path: Where it came from, for messages.
        dataset: What the divisions navigate through.
        structure: The strict converter (`regionkit.from_dict`), for a file of
            records as objects; without it, only packed files are read.

    Raises:
        DataError: The file is not JSON or does not hold what it should; the
            details name each fault.
    """
    chunked = _read_in_chunks(raw, dataset)
    if chunked is not None:
        return chunked
    try:
        document = json.loads(raw)
    except ValueError as error:
        raise DataError(path, [f"not JSON: {error}"]) from error
    except RecursionError as error:  # a file of "[[[[…"
        raise DataError(path, ["not JSON: nested too deeply"]) from error
    if (
        not isinstance(document, dict)
        or not isinstance(document.get("meta"), dict)
        or not isinstance(document.get("divisions"), list)
    ):
        raise DataError(path, ["expected an object with 'meta' and 'divisions'"])
    if "columns" not in document:
        if structure is None:
            raise DataError(path, ["expected a packed file, with 'columns'"])
        divisions = tuple(
            attrs.evolve(division, dataset=dataset)
            for division in structure(document["divisions"], tuple[Division, ...], path)
        )
        changes = structure(document.get("changes", []), tuple[Change, ...], path)
        return document["meta"], divisions, changes
    faults: list[str] = []
    divisions = _packed_divisions(document, dataset, faults)
    changes = _changes(document.get("changes", []), faults)
    if faults:
        raise DataError(path, faults)
    return document["meta"], divisions, changes


# How a packed file lays out its divisions (`tools/datafile.py`): the list opens
# on a line of its own, each division is one line ending in "," but the last,
# and the list closes at the start of a line.
_ROWS_OPEN = b'\n"divisions": [\n'
_ROWS_CLOSE = b"\n]"
_CHUNK = 1 << 16
"""How many bytes of division lines `read_division_file` decodes at once."""


def _read_in_chunks(
    raw: bytes, dataset: object
) -> tuple[dict[str, Any], tuple[Division, ...], tuple[Change, ...]] | None:
    """
    Read a packed file 64 KB of division lines at a time; ``None`` if it cannot.

    `json.loads` would decode the whole file into one string first (Russia's
    localities: 4 MB, two bytes a character) and hold every division's JSON at
    once: freed, that much stays resident in the allocator. Read a chunk at a
    time, each chunk's JSON is freed before the next is decoded, and reused.
    A file laid out otherwise, or with any fault, returns ``None``: the whole
    file is then read at once, and its faults are named as always.
    """
    start = raw.find(_ROWS_OPEN)
    body = start + len(_ROWS_OPEN)
    end = raw.find(_ROWS_CLOSE, body - 1)
    if start < 0 or end < 0 or raw.find(_ROWS_OPEN, body) >= 0:
        return None
    try:
        document = json.loads(raw[:body] + raw[end:])
    except (ValueError, RecursionError):
        return None
    if (
        type(document) is not dict
        or type(document.get("meta")) is not dict
        or document.get("divisions") != []
        or not _columns_fit(document.get("columns"))
    ):
        return None
    faults: list[str] = []
    heads = _name_heads(document.get("name_heads", []))
    if isinstance(heads, _Faults):
        return None
    divisions: list[Division] = []
    at = body
    while at < end and not faults:
        # Whole lines, each but the last ending in ",".
        stop = raw.find(b"\n", min(at + _CHUNK, end)) + 1
        stop = end + 1 if stop <= 0 or stop > end else stop
        chunk = raw[at:stop].removesuffix(b"\n")
        if chunk.endswith(b",") == (stop > end):  # a comma lost or one too many
            return None
        try:
            rows = json.loads(b"[" + chunk.removesuffix(b",") + b"]")
        except (ValueError, RecursionError):
            return None
        divisions += _packed_rows(document["columns"], rows, heads, dataset, faults)
        at = stop
    changes = _changes(document.get("changes", []), faults)
    if faults:
        return None
    return document["meta"], tuple(divisions), changes


def _columns_fit(columns: object) -> bool:
    return (
        type(columns) is list
        and all(type(c) is str for c in columns)
        and _REQUIRED <= set(columns) <= set(COLUMNS)
        and len(set(columns)) == len(columns)
    )


def _packed_divisions(
    document: dict[str, Any], dataset: object, faults: list[str]
) -> tuple[Division, ...]:
    """Read packed divisions a column at a time, adding each fault to *faults*."""
    columns, rows = document["columns"], document["divisions"]
    if not _columns_fit(columns):
        faults.append(
            "columns must name fields of a division, each once, among them"
            f" {', '.join(sorted(_REQUIRED))}: {shorten(columns)}"
        )
        return ()
    heads = _name_heads(document.get("name_heads", []))
    return _packed_rows(columns, rows, heads, dataset, faults)


def _packed_rows(
    columns: list[str],
    rows: list[Any],
    heads: list[tuple[NameHead, ...]] | _Faults,
    dataset: object,
    faults: list[str],
) -> tuple[Division, ...]:
    """Read the rows of packed divisions, adding each fault to *faults*."""
    width = len(columns)
    if not set(map(type, rows)) <= {list} or not set(map(len, rows)) <= {width}:
        at = columns.index("code")
        faults += [
            f"{_where(row[at] if type(row) is list and len(row) > at else None, n)}:"
            f" not {width} fields, {_got(row)}"
            for n, row in enumerate(rows)
            if type(row) is not list or len(row) != width
        ][:_MAX_FAULTS]
        return ()
    if not rows:
        return ()
    by_column = dict(zip(columns, zip(*rows, strict=True), strict=True))
    codes = by_column["code"]
    count = len(rows)
    values: list[Iterable[Any]] = []
    for field in _POSITIONAL:
        key = _KEYS[field.name]
        if key == "names":
            values.append(_names(heads, by_column, codes))
        elif key in by_column:
            values.append(_COLUMN_READERS[key](by_column[key], codes))
        else:
            values.append(itertools.repeat(field.default, count))
    for value in values:
        if isinstance(value, _Faults):
            faults += value
    if faults:
        return ()
    return tuple(map(functools.partial(Division, dataset=dataset), *values))


class _Faults(list[str]):
    """What a column reader returns instead of values: the faults it found."""


def _where(code: object, number: int) -> str:
    return code if type(code) is str else f"division {number}"


def _column_reader(
    field: attrs.Attribute[Any], type_: Any
) -> Callable[[tuple[Any, ...], tuple[Any, ...]], Sequence[Any]]:
    """Return what checks and converts *field*'s column, whole or fault by fault."""
    read, key = _reader(type_), _KEYS[field.name]
    if field.default is not attrs.NOTHING:  # null stands for the default
        default, read_value = field.default, read
        read = functools.partial(_or_default, read_value, default)
    arguments = set(typing.get_args(type_)) or {type_}
    if arguments <= {str, int, type(None)} and (
        field.default is None or field.default is attrs.NOTHING
    ):
        # The JSON values are the values.

        def fast(column: tuple[Any, ...]) -> Sequence[Any]:
            if not set(map(type, column)) <= arguments:
                raise _FieldError
            if str in arguments and len(set(column)) * 2 <= len(column):
                # A country, a parent, a source over thousands of records: one
                # copy each (JSON makes one a value).
                return tuple(sys.intern(v) if type(v) is str else v for v in column)
            return column

    elif type_ is str and type(field.default) is str:
        # The bases of dates: 7,800 over a hundred notices, one copy each.
        blank = field.default

        def fast(column: tuple[Any, ...]) -> Sequence[Any]:
            if not set(map(type, column)) <= {str, type(None)}:
                raise _FieldError
            return tuple(blank if v is None else sys.intern(v) for v in column)

    elif type_ == tuple[str, ...]:  # codes, time zones: shared strings

        def fast(column: tuple[Any, ...]) -> Sequence[Any]:
            out = []
            shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # one copy each
            for value in column:
                if value is None:
                    out.append(field.default)
                elif type(value) is list and all(type(v) is str for v in value):
                    items = tuple(map(sys.intern, value))
                    out.append(shared.setdefault(items, items))
                else:
                    raise _FieldError
            return out

    elif type_ == Location | None:  # thousands of points: no reader per field
        keys = frozenset(a.name for a in attrs.fields(Location))

        def fast(column: tuple[Any, ...]) -> Sequence[Any]:
            out: list[Location | None] = []
            for value in column:
                if value is None:
                    out.append(None)
                elif (
                    type(value) is dict
                    and value.keys() == keys
                    and type(value["latitude"]) is float
                    and type(value["longitude"]) is float
                    and type(value["source"]) is str
                ):
                    source = sys.intern(value["source"])
                    out.append(Location(value["latitude"], value["longitude"], source))
                else:
                    raise _FieldError
            return out

    elif isinstance(type_, type) and issubclass(type_, enum.Enum):
        members = {member.value: member for member in type_}

        def fast(column: tuple[Any, ...]) -> Sequence[Any]:
            if not set(map(type, column)) <= {str}:
                raise _FieldError
            return tuple(map(members.__getitem__, column))  # KeyError: a fault

    else:

        def fast(column: tuple[Any, ...]) -> Sequence[Any]:
            return tuple(map(read, column))

    def read_column(column: tuple[Any, ...], codes: tuple[Any, ...]) -> Sequence[Any]:
        try:
            return fast(column)
        except (_FieldError, KeyError):
            pass
        faults = _Faults()
        for number, value in enumerate(column):
            try:
                read(value)
            except _FieldError as fault:
                faults.append(f"{_where(codes[number], number)}: {key}: {fault}")
        if len(faults) > _MAX_FAULTS:
            faults[_MAX_FAULTS:] = [
                f"{key}: {len(faults) - _MAX_FAULTS} more faults like these"
            ]
        return faults

    return read_column


def _or_default(read: Read, default: object, value: object) -> object:
    return default if value is None else read(value)


_HINTS = typing.get_type_hints(Division)
_COLUMN_READERS = {
    a.alias: _column_reader(a, _HINTS[a.name])
    for a in _POSITIONAL
    if a.alias != "names"
}


def _name_heads(heads: object) -> list[tuple[NameHead, ...]] | _Faults:
    """Return a file's lists of name heads, or the faults found in them."""
    faults = _Faults()
    head_lists: list[tuple[NameHead, ...]] = []
    # 12,000 heads in the lists, 800 of them distinct: one copy each.
    shared: dict[NameHead, NameHead] = {}
    for i, head in enumerate(heads if type(heads) is list else [heads]):
        if type(head) is not list:
            faults.append(f"name_heads[{i}]: expected a list of name heads")
            head_lists.append(())
            continue
        items = []
        for j, item in enumerate(head):
            try:
                read = _head(item)
                items.append(shared.setdefault(read, read))
            except _FieldError as fault:
                faults.append(f"name_heads[{i}][{j}]: {fault}")
        head_lists.append(tuple(items))
    return faults or head_lists


def _names(
    head_lists: list[tuple[NameHead, ...]] | _Faults,
    by_column: dict[str, tuple[Any, ...]],
    codes: tuple[Any, ...],
) -> list[tuple[Name, ...] | PackedNames] | _Faults:
    """Return each division's names, packed, checked against their heads."""
    if isinstance(head_lists, _Faults):
        return head_lists
    faults = _Faults()
    count = len(codes)
    numbers = by_column.get("name_heads", (None,) * count)
    texts = by_column.get("names", ("",) * count)
    names: list[tuple[Name, ...] | PackedNames] = []
    for number, (index, text) in enumerate(zip(numbers, texts, strict=True)):
        head = (
            ()
            if index is None
            else head_lists[index]
            if type(index) is int and 0 <= index < len(head_lists)
            else None
        )
        if head is None or type(text) is not str:
            faults.append(
                f"{_where(codes[number], number)}: name_heads: expected an index"
                f" into name_heads and names as text, got {shorten(index)}"
                f" and {shorten(text)}"
            )
        elif not head:
            if text:
                faults.append(f"{_where(codes[number], number)}: names without heads")
            names.append(())
        # One non-empty text per head: no empty line, none at either end.
        elif (
            text.count("\n") + 1 != len(head)
            or "\n\n" in text
            or text.startswith("\n")
            or text.endswith("\n")
            or not text
        ):
            faults.append(
                f"{_where(codes[number], number)}: names: {text.count(chr(10)) + 1}"
                f" lines do not fit name heads {index} ({len(head)} names)"
            )
        else:
            names.append(PackedNames(head, text))
    return faults or names


_change = _record(Change)


def _changes(items: object, faults: list[str]) -> tuple[Change, ...]:
    if type(items) is not list:
        faults.append(f"changes: expected a list, {_got(items)}")
        return ()
    changes = []
    for number, item in enumerate(items):
        try:
            changes.append(_change(item))
        except _FieldError as fault:
            faults.append(f"changes[{number}]: {fault}")
    return tuple(changes)
