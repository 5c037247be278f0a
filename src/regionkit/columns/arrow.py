"""
Arrow columns: a pyarrow array of text to an array of codes, or of details.

The array is dictionary-encoded, each distinct value is looked up once, and
the results are taken back to the rows with the dictionary's indices, all in
Arrow: a warm column of a million rows costs tens of milliseconds. Nulls give
nulls. Needs pyarrow (``pip install regionkit[arrow]``).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from regionkit._models import Division
from regionkit.columns._core import (
    DETAIL_FIELDS,
    Options,
    codes_of,
    details_of,
    needs,
    options,
    resolve,
)

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["codes", "details"]


def codes(
    array: pa.Array | pa.ChunkedArray,
    *,
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    current: bool = False,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> pa.Array | pa.ChunkedArray:
    """
    Return the code of the division each value of *array* names.

    A value that names no single division, and a null, gives a null; use
    `details` for the reasons. The options are `regionkit.lookup_many`'s.

    Args:
        array: An array or chunked array of strings (``string``,
            ``large_string``, ``string_view``, or a dictionary of them).
        country: Only divisions of this country.
        level: Only divisions of this level.
        within: Only divisions inside this division (or code).
        as_of: Only divisions that existed on this day.
        current: A former unit gives the unit of today it became.
        fuzzy: Whether a typo may match.
        min_score: The least score a match must reach (0–1).

    Returns:
        An array of the same length (chunked for a chunked array), of the
        input's string type (``string`` for a dictionary or null array).

    Raises:
        TypeError: *array* is not an Arrow array of strings, or an option is
            of the wrong type.
        ValueError: An option is out of range.
        ImportError: pyarrow is not installed.
    """
    opts = options(
        country=country,
        level=level,
        within=within,
        as_of=as_of,
        current=current,
        fuzzy=fuzzy,
        min_score=min_score,
    )
    return codes_with(array, opts)


def details(
    array: pa.Array | pa.ChunkedArray,
    *,
    country: str | None = None,
    level: int | None = None,
    within: Division | str | None = None,
    as_of: datetime.date | None = None,
    current: bool = False,
    fuzzy: bool = True,
    min_score: float = 0.0,
) -> pa.StructArray | pa.ChunkedArray:
    """
    Return how each value of *array* matched, as a struct array.

    The fields: ``code``, ``name`` (in English), ``level`` (int8),
    ``parent_code``, ``kind`` (a `MatchKind` value), ``score`` (float64) and
    ``reason`` (why a value names no division). A null gives a null struct.
    Arguments and errors are `codes`'.
    """
    opts = options(
        country=country,
        level=level,
        within=within,
        as_of=as_of,
        current=current,
        fuzzy=fuzzy,
        min_score=min_score,
    )
    return details_with(array, opts)


def pyarrow() -> Any:
    """Import pyarrow, or say which extra installs it."""
    try:
        import pyarrow
    except ImportError as error:
        raise needs("pyarrow", "arrow", "regionkit.columns.arrow") from error
    return pyarrow


def details_type() -> Any:
    """Return the Arrow struct type of `details`."""
    pa = pyarrow()
    return pa.struct(
        [
            ("code", pa.string()),
            ("name", pa.string()),
            ("level", pa.int8()),
            ("parent_code", pa.string()),
            ("kind", pa.string()),
            ("score", pa.float64()),
            ("reason", pa.string()),
        ]
    )


def codes_with(array: Any, opts: Options) -> Any:
    """`codes` with options already checked."""
    pa = pyarrow()
    value_type = _text_type(pa, array)
    # Arrow cannot take from a string_view array: take strings, then cast.
    viewed = value_type is not None and _is_view(pa, value_type)
    out_type = pa.string() if value_type is None or viewed else value_type

    def table(dictionary: Any) -> Any:
        found = codes_of(resolve(opts, dictionary.to_pylist()))
        return pa.array(found, type=out_type)

    result = _broadcast(pa, array, table, out_type)
    return result.cast(value_type) if viewed else result


def details_with(array: Any, opts: Options) -> Any:
    """`details` with options already checked."""
    pa = pyarrow()
    _text_type(pa, array)
    struct = details_type()

    def table(dictionary: Any) -> Any:
        columns = details_of(resolve(opts, dictionary.to_pylist()))
        return pa.StructArray.from_arrays(
            [pa.array(columns[f], type=struct.field(f).type) for f in DETAIL_FIELDS],
            fields=list(struct),
        )

    return _broadcast(pa, array, table, struct)


def _text_type(pa: Any, array: Any) -> Any:
    """Return the string type of *array*'s values (``None``: dictionary or null)."""
    if not isinstance(array, (pa.Array, pa.ChunkedArray)):
        name = type(array).__name__
        raise TypeError(f"array must be a pyarrow Array or ChunkedArray, not a {name}")
    kind = array.type
    types = pa.types
    if types.is_null(kind):
        return None
    if types.is_dictionary(kind):
        if _is_text(pa, kind.value_type):
            return None
    elif _is_text(pa, kind):
        return kind
    raise TypeError(f"array must hold strings, not {array.type}")


def _is_text(pa: Any, kind: Any) -> bool:
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind)) or (
        _is_view(pa, kind)
    )


def _is_view(pa: Any, kind: Any) -> bool:
    return bool(pa.types.is_string_view(kind))


def _broadcast(pa: Any, array: Any, table: Any, out_type: Any) -> Any:
    """Encode *array*, build *table* for its dictionary, take it back to the rows."""
    if pa.types.is_null(array.type):  # all null: nothing to look up
        if isinstance(array, pa.ChunkedArray):
            return pa.chunked_array(
                [pa.nulls(len(c), type=out_type) for c in array.chunks], type=out_type
            )
        return pa.nulls(len(array), type=out_type)
    if isinstance(array, pa.ChunkedArray):
        if not pa.types.is_dictionary(array.type):
            array = array.dictionary_encode()
        array = array.unify_dictionaries()  # one dictionary, looked up once
        if array.num_chunks == 0:
            return pa.chunked_array([], type=out_type)
        looked_up = table(array.chunk(0).dictionary)
        return pa.chunked_array(
            [looked_up.take(chunk.indices) for chunk in array.chunks], type=out_type
        )
    if not pa.types.is_dictionary(array.type):
        array = array.dictionary_encode()
    return table(array.dictionary).take(array.indices)
