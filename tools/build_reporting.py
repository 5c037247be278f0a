"""
Build ``src/regionkit/_data/reporting.json`` from the hand-written reporting tables.

Called by ``build_data.py`` once every division is built. Per country folder
(``data/ru``, ``data/cn``) it reads:

- ``authorities.csv``: the national centre and any other authority;
- ``reporting_rules.csv``: the citation and sources of each rule that
  ``regionkit._reporting`` applies to the divisions;
- ``reporting.csv``: the hand-written links of the special cases.

It checks the tables against the divisions, then walks every unit's
administrative line: each must end at its country's centre with no cycle.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tables import DATA, Row, cited, load_sources, source_ids, table_rows

from regionkit._models import Division
from regionkit._reporting import CENTRES, FILE, RULES, Engine, LineKind, Node, Tables
from regionkit.errors import DataError, UnknownCode

PROJECT_KEY = re.compile(r"[A-Z]{2}-[A-Z0-9][A-Z0-9-]{3,}")


class ReportingDataError(ValueError):
    """A reporting table is wrong; the message says where."""


def _kind(where: str, value: str) -> LineKind:
    try:
        return LineKind(value)
    except ValueError:
        raise ReportingDataError(f"{where}: unknown kind {value!r}") from None


def _authorities(
    cc: str, sources: dict[str, Row], used: set[str]
) -> list[dict[str, Any]]:
    country = cc.upper()
    found: list[dict[str, Any]] = []
    for where, row in table_rows(DATA / cc / "authorities.csv"):
        code = row["code"]
        if not PROJECT_KEY.fullmatch(code) or not code.startswith(f"{country}-"):
            raise ReportingDataError(f"{where}: {code} is no project key of {country}")
        source = source_ids(where, row["source"], sources, used)
        names = [
            {"locale": locale, "form": "full", "text": row[column], "source": source}
            for locale, column in (
                ("en", "name_en"),
                ("ru", "name_ru"),
                ("zh-Hans", "name_zh_hans"),
                ("zh-Hant", "name_zh_hant"),
            )
            if row[column]
        ]
        seat = [
            {"locale": locale, "form": "full", "text": row[column], "source": source}
            for locale, column in (
                ("en", "seat_en"),
                ("ru", "seat_ru"),
                ("zh-Hans", "seat_zh_hans"),
            )
            if row[column]
        ]
        found.append(
            {
                "code": code,
                "country": country,
                "names": names,
                "seat": {"role": "seat", "names": seat, "note": "", "source": source},
                "note": row["note"],
                "source": source,
            }
        )
    return found


def _rules(cc: str, sources: dict[str, Row], used: set[str]) -> dict[str, Any]:
    country = cc.upper()
    rules: dict[str, Any] = {}
    for where, row in table_rows(DATA / cc / "reporting_rules.csv"):
        rule = row["rule"]
        expected = RULES[country].get(rule)
        if expected is None:
            raise ReportingDataError(f"{where}: regionkit applies no rule {rule!r}")
        if _kind(where, row["kind"]) is not expected:
            raise ReportingDataError(f"{where}: rule {rule} makes {expected.value}")
        if rule in rules:
            raise ReportingDataError(f"{where}: rule {rule} defined twice")
        rules[rule] = {
            "kind": expected.value,
            "basis": {
                "citation": row["citation"],
                "source": source_ids(where, row["source"], sources, used),
            },
        }
    missing = sorted(set(RULES[country]) - set(rules))
    if missing:
        raise ReportingDataError(f"data/{cc}/reporting_rules.csv: missing {missing}")
    return rules


def _links(
    cc: str,
    sources: dict[str, Row],
    used: set[str],
    codes: set[str],
) -> list[dict[str, Any]]:
    country = cc.upper()
    links: list[dict[str, Any]] = []
    seen: set[tuple[str, LineKind]] = set()
    for where, row in table_rows(DATA / cc / "reporting.csv"):
        kind = _kind(where, row["kind"])
        for column in ("subordinate", "superior"):
            code = row[column]
            if code not in codes or not code.startswith(f"{country}-"):
                raise ReportingDataError(f"{where}: {column} {code} unknown in {cc}")
        key = (row["subordinate"], kind)
        if key in seen:
            raise ReportingDataError(f"{where}: a second {kind.value} link")
        seen.add(key)
        links.append(
            {
                "subordinate_code": row["subordinate"],
                "superior_code": row["superior"],
                "kind": kind.value,
                "basis": {
                    "citation": row["citation"],
                    "source": source_ids(where, row["source"], sources, used),
                },
            }
        )
    return links


def check_lines(tables: Tables, known: dict[str, Division]) -> int:
    """Walk every unit's administrative line; return how many links were made."""

    def get(code: str) -> Division:
        try:
            return known[code]
        except KeyError:
            raise UnknownCode(code) from None

    engine = Engine(tables, get)
    count = 0
    nodes: list[Node] = [*known.values(), *tables.authorities.values()]
    for node in nodes:
        try:
            links = engine.links(node)
            line = engine.line(node, None)
        except (DataError, UnknownCode) as error:
            raise ReportingDataError(f"{node.code}: {error}") from error
        count += len(links)
        grouping = isinstance(node, Division) and node.category.is_grouping
        if engine.is_centre(node) or (grouping and not line):
            continue
        if not line or line[-1].superior_code != CENTRES[node.country]:
            raise ReportingDataError(f"{node.code}: its line does not reach the centre")
    return count


def reporting_file(known: dict[str, Division]) -> str:
    """Return the text of ``reporting.json``, checked against *known* divisions."""
    authorities: list[dict[str, Any]] = []
    rules: dict[str, Any] = {}
    links: list[dict[str, Any]] = []
    used_by_country: dict[str, dict[str, dict[str, str]]] = {}
    for cc in ("ru", "cn"):
        sources = load_sources(cc)
        used: set[str] = set()
        found = _authorities(cc, sources, used)
        authorities.extend(found)
        if CENTRES[cc.upper()] not in {a["code"] for a in found}:
            raise ReportingDataError(f"data/{cc}/authorities.csv: no centre")
        rules[cc.upper()] = _rules(cc, sources, used)
        codes = {c for c in known if c.startswith(f"{cc.upper()}-")}
        codes |= {a["code"] for a in found}
        links.extend(_links(cc, sources, used, codes))
        used_by_country[cc.upper()] = cited(sources, used)
    document: dict[str, Any] = {
        "meta": {
            "about": "Generated by tools/build_data.py from data/; do not edit.",
            "data_version": (DATA / "VERSION").read_text(encoding="utf-8").strip(),
            "sources": used_by_country,
        },
        "authorities": sorted(authorities, key=lambda a: str(a["code"])),
        "rules": rules,
        "links": sorted(
            links, key=lambda link: (link["subordinate_code"], link["kind"])
        ),
    }
    try:
        tables = Tables.from_document(document, FILE)
    except DataError as error:
        raise ReportingDataError(str(error)) from error
    count = check_lines(tables, known)
    print(
        f"{FILE}: {len(authorities)} authorities, {len(links)} hand-written links,"
        f" {count} links in all"
    )
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
