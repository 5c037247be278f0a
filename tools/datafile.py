"""
Write the packed data files that ``regionkit._datafile`` reads, and the MANIFEST.

``encode_division_file`` turns divisions into the text of ``ru.json``,
``cn.json``…: a ``columns`` list, the ``name_heads`` shared by many divisions,
and a division a line, with sorted keys and no clock time, so that a rebuild
of the same tables gives the same bytes. The format is described in
``regionkit._datafile``; the library only reads it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from typing import Any

import cattrs

from regionkit._datafile import COLUMNS
from regionkit._manifest import NAME as MANIFEST
from regionkit._manifest import digest
from regionkit._models import Change, Division, Name
from regionkit.serialization import _add_hooks

__all__ = ["MANIFEST", "encode_division_file", "encode_manifest"]


def encode_division_file(
    meta: dict[str, Any], divisions: Iterable[Division], changes: Sequence[Change] = ()
) -> str:
    """Return the text of a packed data file: sorted, stable, a division a line."""
    heads: dict[str, int] = {}
    records: list[dict[str, Any]] = []
    for division in sorted(divisions):
        record = _converter().unstructure(division)
        names = record.pop("names", [])
        if any("\n" in name[2] for name in names):
            raise ValueError(f"{division.code}: a name holds a line break")
        head = json.dumps([name[:2] + name[3:] for name in names], ensure_ascii=False)
        record["name_heads"] = heads.setdefault(head, len(heads))
        record["names"] = "\n".join(name[2] for name in names)
        records.append(record)
    columns = [c for c in COLUMNS if any(c in record for record in records)]

    def lines(rows: Iterable[Any]) -> str:
        return ",\n".join(
            json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows
        )

    text = json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True)
    text = f'{{"meta": {text},\n"columns": {json.dumps(columns)},\n'
    text += f'"name_heads": [\n{lines(json.loads(h) for h in heads)}\n],\n'
    rows = ([record.get(c) for c in columns] for record in records)
    text += f'"divisions": [\n{lines(rows)}\n]'
    if changes:
        unstructured = (_converter().unstructure(c) for c in sorted(changes))
        text += f',\n"changes": [\n{lines(unstructured)}\n]'
    return text + "}\n"


@functools.cache
def _converter() -> cattrs.Converter:
    """
    Return the converter of the data files' records.

    It is the public converter made compact: empty fields are left out, and a
    name is a ``[locale, form, text, source]`` list (with ``valid_from,
    valid_to`` where it has dates).
    """
    converter = cattrs.Converter(forbid_extra_keys=True)
    # The name hook first: the Division hooks are generated with it.
    converter.register_unstructure_hook(Name, _unstructure_name)
    _add_hooks(converter, compact=True)
    return converter


def _unstructure_name(name: Name) -> list[str]:
    packed = [name.locale, name.form.value, name.text, name.source]
    if name.valid_from is not None or name.valid_to is not None:
        packed += [
            "" if day is None else day.isoformat()
            for day in (name.valid_from, name.valid_to)
        ]
    return packed


def encode_manifest(files: dict[str, str]) -> str:
    """Return the MANIFEST of *files* (name -> text): a checksum line per file."""
    return "".join(
        f"{digest(text.encode())}  {name}\n" for name, text in sorted(files.items())
    )
