"""
The reviewed tables under ``data/``: reading, writing and source ids (stdlib only).

Every tool reads and writes the CSV tables through this module, so that every
table is held to the same rules (stripped NFC text, no control characters,
the header it should have) and every ``source`` cell is checked against the
same sources table: ``data/<cc>/sources.csv`` for a country's tables,
``data/sources.csv`` for the tables of both countries (neighbours, crossings).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import unicodedata
from collections.abc import (
    Callable,
    Collection,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE_COLUMNS = ("id", "title", "edition", "license", "url")

Row = dict[str, str]


class TableError(ValueError):
    """A table is missing or wrong; the message says where (``file:row``)."""


def where_of(path: Path) -> str:
    """Return *path* as messages name it: relative to the repository if inside."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def table_rows(
    path: Path,
    columns: Sequence[str] | None = None,
    *,
    required: Collection[str] = (),
    check_text: bool = True,
) -> Iterator[tuple[str, Row]]:
    """
    Yield ``("file:row", row)`` for each data row of a CSV table.

    *columns* is the exact header the table must have, *required* the columns
    it must have at least. With *check_text* (the default, for our own tables)
    every cell must be stripped NFC text without control characters: these
    separate the parts of the packed names and of the name indices.
    """
    name = where_of(path)
    if not path.is_file():
        raise TableError(f"{name}: missing file")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = tuple(reader.fieldnames or ())
        if columns is not None and header != tuple(columns):
            raise TableError(f"{name}: columns must be {','.join(columns)}")
        missing = sorted(set(required) - set(header))
        if missing:
            raise TableError(f"{name}: missing columns {missing}")
        for number, row in enumerate(reader, start=2):
            where = f"{name}:{number}"
            for column, value in row.items():
                if value is None or column is None:
                    raise TableError(f"{where}: wrong number of columns")
                if check_text and (
                    value != value.strip()
                    or unicodedata.normalize("NFC", value) != value
                    or any(unicodedata.category(c) == "Cc" for c in value)
                ):
                    raise TableError(
                        f"{where}: column {column} is not stripped NFC text"
                        " without control characters"
                    )
            yield where, row


def read_csv(
    path: Path,
    columns: Sequence[str] | None = None,
    *,
    required: Collection[str] = (),
    check_text: bool = True,
) -> list[Row]:
    """Return the rows of a table, checked as `table_rows` checks them."""
    return [
        row
        for _, row in table_rows(
            path, columns, required=required, check_text=check_text
        )
    ]


def render_csv(columns: Sequence[str], table: Iterable[Sequence[str]]) -> str:
    """Return a table's CSV text: LF line ends, minimal quoting, NFC cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in table:
        writer.writerow([unicodedata.normalize("NFC", cell) for cell in row])
    return buffer.getvalue()


def write_csv(
    path: Path, columns: Sequence[str], table: Iterable[Sequence[str]]
) -> None:
    """Write a table deterministically (see `render_csv`)."""
    path.write_text(render_csv(columns, table), encoding="utf-8")


def update_files(outputs: Mapping[Path, str], *, check: bool, tool: str) -> int:
    """
    Write each generated file whose text changed; return the exit status.

    With *check*, write nothing, name every stale file and return 1 if any is.
    """
    stale = [
        path
        for path, text in outputs.items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]
    for path in stale:
        if check:
            print(f"stale: {where_of(path)}; run {tool}", file=sys.stderr)
        else:
            path.write_text(outputs[path], encoding="utf-8")
            print(f"wrote {where_of(path)}")
    return 1 if check and stale else 0


def load_sources(folder: str) -> dict[str, Row]:
    """Return the sources of a folder by id: ``"ru"``, ``"cn"``, ``""`` for both."""
    sources: dict[str, Row] = {}
    for where, row in table_rows(DATA / folder / "sources.csv", SOURCE_COLUMNS):
        if row["id"] in sources:
            raise TableError(f"{where}: source {row['id']} defined twice")
        if not row["license"]:
            raise TableError(f"{where}: source {row['id']} has no licence")
        sources[row["id"]] = row
    return sources


def source_ids(where: str, cell: str, sources: Collection[str], used: set[str]) -> str:
    """Check that every id in a ``source`` cell is defined; return the cell."""
    ids = cell.split()
    if not ids:
        raise TableError(f"{where}: empty source")
    for source_id in ids:
        if source_id not in sources:
            raise TableError(f"{where}: unknown source id {source_id!r}")
    used.update(ids)
    return cell


def cited(sources: dict[str, Row], used: Iterable[str]) -> dict[str, Row]:
    """Return the ``meta`` block's sources: each used id with its citation."""
    return {i: {k: sources[i][k] for k in SOURCE_COLUMNS[1:]} for i in sorted(used)}


def update_main(
    argv: Sequence[str] | None,
    *,
    doc: str,
    build: Callable[[Path], Mapping[Path, str]],
    errors: tuple[type[Exception], ...],
    shared_help: str,
    tool: str,
) -> int:
    """
    Run an update tool: build its tables from ``--shared``, then write or check them.

    The ``main`` of every tool that reads the reference data in ``../shared``.
    """
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0].strip())
    parser.add_argument(
        "--shared",
        type=Path,
        default=Path(__file__).resolve().parent.parent.parent / "shared" / "data",
        help=f"folder holding {shared_help} (default: ../shared/data)",
    )
    parser.add_argument("--check", action="store_true", help="change nothing")
    args = parser.parse_args(argv)
    caught: tuple[type[Exception], ...] = (TableError, OSError, KeyError, *errors)
    try:
        outputs = build(args.shared)
    except caught as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return update_files(outputs, check=args.check, tool=tool)
