"""
Reporting lines: who answers to whom, through which body, and on what legal basis.

The model (``data/REPORTING.md`` gives the sources and the decisions):

- Each national centre is a node of its own, an `Authority`: the Russian federal
  centre (``RU-CENTRE``: the President and the Government) and the PRC's Central
  People's Government (``CN-CENTRE``: the State Council). The Xinjiang Production
  and Construction Corps (``CN-XPCC``) is the one other authority.
- A `ReportingLink` joins a subordinate to its superior, with a `LineKind` and a
  `Basis` (a citation and its source ids).
- Every unit has exactly one *administrative* link (a kind whose
  `LineKind.is_administrative` is true); following those links from any unit
  reaches its country's centre. A federal district's one link is its envoy's line
  to the President. Other kinds of link run alongside: federal-district
  supervision, membership of a subject inside another, separate planning, the
  Corps line, and regional ethnic autonomy.
- Most links are made by rule from the records (category, parent, rank, federal
  district, the subject a subject lies within); each rule's citation is data
  (``data/<cc>/reporting_rules.csv``). Hand-written links
  (``data/<cc>/reporting.csv``) add the special cases; a hand-written link of an
  administrative kind replaces the rule's administrative link, any other
  replaces the rule's link of the same kind.
- Economic and geographic regions are groupings only: they take part in no line.

The tables are read from ``reporting.json`` in the dataset's data folder the first
time a reporting function needs them.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

import attrs

from regionkit._models import (
    Category,
    Centre,
    Division,
    Name,
    Rank,
    parse_country,
    parse_member,
)
from regionkit.errors import DataError, UnknownCode, shorten

__all__ = [
    "Authority",
    "Basis",
    "LineKind",
    "ReportingLink",
    "State",
    "Tables",
    "centre_in",
    "directly_in",
    "line_in",
    "links_in",
    "node_in",
    "subordinates_in",
]

FILE = "reporting.json"
CENTRES = {"RU": "RU-CENTRE", "CN": "CN-CENTRE"}
"""The code of each country's centre."""


class LineKind(enum.Enum):
    """
    The kind of a reporting link.

    The first six are *administrative*: each unit has exactly one link of those,
    and following them leads to the national centre.
    """

    ADMINISTRATIVE = "administrative"
    """Administrative subordination: a county to its city, a province to the State
    Council, a Russian subject to the federal centre (within federal jurisdiction)."""
    DIRECT_UNDER_CENTRE = "direct_under_centre"
    """A city directly under the centre: Russia's federal cities, China's
    municipalities (直辖市)."""
    SPECIAL_ADMINISTRATIVE_REGION = "special_administrative_region"
    """A SAR: high degree of autonomy under its Basic Law, directly under the
    Central People's Government."""
    AGENCY = "agency"
    """A prefecture (地区) or league (盟), whose administrative office is an agency
    of the provincial government, not a level of government."""
    ON_BEHALF = "on_behalf"
    """A county-level city administered by a prefecture-level city on the
    province's behalf (代管)."""
    DIRECTLY_UNDER_PROVINCE = "directly_under_province"
    """A county-level unit directly under the province (省直辖县级行政单位)."""
    FEDERAL_DISTRICT = "federal_district"
    """Federal-district supervision: a subject to its district's presidential envoy,
    the envoy to the President."""
    WITHIN = "within"
    """Membership, not subordination: an autonomous okrug inside a krai or oblast."""
    SEPARATE_PLANNING = "separate_planning"
    """A separately planned city (计划单列市) planning directly with the State
    Council while staying in its province."""
    CORPS = "corps"
    """The Xinjiang Production and Construction Corps line: a Corps city to the
    Corps, the Corps to the Central Government."""
    ETHNIC_AUTONOMY = "ethnic_autonomy"
    """Regional ethnic autonomy: an autonomous area's self-government, towards the
    level it answers to; Russia's republics and autonomous oblast and okrugs."""

    @property
    def is_administrative(self) -> bool:
        """Whether links of this kind form the administrative line."""
        return self in _ADMINISTRATIVE


_ADMINISTRATIVE = frozenset(
    {
        LineKind.ADMINISTRATIVE,
        LineKind.DIRECT_UNDER_CENTRE,
        LineKind.SPECIAL_ADMINISTRATIVE_REGION,
        LineKind.AGENCY,
        LineKind.ON_BEHALF,
        LineKind.DIRECTLY_UNDER_PROVINCE,
    }
)


@attrs.frozen
class Basis:
    """
    Why a link exists.

    Attributes:
        citation: The legal basis in one or two sentences, citing articles
            ("… (Constitution art. 77(2)).").
        source: Space-separated ids of the sources (``data/<cc>/sources*.csv``).
    """

    citation: str
    source: str


@attrs.frozen(repr=False)
class ReportingLink:
    """
    One step of a reporting line: *subordinate* answers to *superior*.

    Attributes:
        subordinate_code: The code of the unit (or authority) that answers.
        superior_code: The code of the unit or authority it answers to.
        kind: The kind of line.
        basis: The legal basis, with sources.
    """

    subordinate_code: str
    superior_code: str
    kind: LineKind
    basis: Basis

    def __repr__(self) -> str:
        return (
            f"<ReportingLink {self.subordinate_code} -> {self.superior_code}"
            f" ({self.kind.value})>"
        )


@attrs.frozen(repr=False)
class Authority:
    """
    A node of the reporting lines that is no administrative division.

    The national centres (`centre`) and the Xinjiang Production and Construction
    Corps.

    Attributes:
        code: A project key: ``"RU-CENTRE"``, ``"CN-CENTRE"``, ``"CN-XPCC"``.
        country: ISO 3166-1 alpha-2 code of its country.
        names: Its names (``en``, ``ru``, ``zh-Hans``, ``zh-Hant``).
        seat: Where it sits.
        note: One sentence on what it is.
        source: Space-separated source ids.
    """

    code: str
    country: str
    names: tuple[Name, ...]
    seat: Centre
    note: str
    source: str

    def name(self, locale: object = "en") -> str:
        """
        Return the authority's name in *locale*, along the names' fallback chain.

        >>> import regionkit
        >>> regionkit.centre("CN").name("zh-Hans")
        '中央人民政府（国务院）'
        """
        from regionkit._names import pick_name  # babel loads with the first name

        return pick_name(self.names, locale)

    def __repr__(self) -> str:
        return f"<Authority {self.code} {self.name('en')!r}>"


Node = Division | Authority


# ----------------------------------------------------------------- the rules

# The rules each country's reporting_rules.csv must define, and their kinds.
RULES: dict[str, dict[str, LineKind]] = {
    "RU": {
        "subject": LineKind.ADMINISTRATIVE,
        "federal_city": LineKind.DIRECT_UNDER_CENTRE,
        "within": LineKind.WITHIN,
        "federal_district_member": LineKind.FEDERAL_DISTRICT,
        "federal_district": LineKind.FEDERAL_DISTRICT,
        "autonomy_republic": LineKind.ETHNIC_AUTONOMY,
        "autonomy_okrug": LineKind.ETHNIC_AUTONOMY,
        "contested": LineKind.ADMINISTRATIVE,
    },
    "CN": {
        "province": LineKind.ADMINISTRATIVE,
        "municipality": LineKind.DIRECT_UNDER_CENTRE,
        "sar": LineKind.SPECIAL_ADMINISTRATIVE_REGION,
        "prefecture_level_city": LineKind.ADMINISTRATIVE,
        "sub_provincial_city": LineKind.ADMINISTRATIVE,
        "autonomous_prefecture": LineKind.ADMINISTRATIVE,
        "prefecture": LineKind.AGENCY,
        "league": LineKind.AGENCY,
        "district": LineKind.ADMINISTRATIVE,
        "county_of_autonomous_prefecture": LineKind.ADMINISTRATIVE,
        "county_of_agency": LineKind.ADMINISTRATIVE,
        "county_level_city": LineKind.ON_BEHALF,
        "directly_under_province": LineKind.DIRECTLY_UNDER_PROVINCE,
        "sar_district": LineKind.ADMINISTRATIVE,
        "parish": LineKind.ADMINISTRATIVE,
        "separate_planning": LineKind.SEPARATE_PLANNING,
        "autonomy": LineKind.ETHNIC_AUTONOMY,
        "contested": LineKind.ADMINISTRATIVE,
    },
}
"""Rule ids by country, with the kind of link each makes. The ``contested`` rule
makes no link: its citation is appended to a contested unit's administrative link."""

_C = Category
_AUTONOMOUS_CN = frozenset(
    {
        _C.AUTONOMOUS_REGION,
        _C.AUTONOMOUS_PREFECTURE,
        _C.AUTONOMOUS_COUNTY,
        _C.AUTONOMOUS_BANNER,
    }
)
_LEVEL_2_CN = {
    _C.AUTONOMOUS_PREFECTURE: "autonomous_prefecture",
    _C.PREFECTURE: "prefecture",
    _C.LEAGUE: "league",
}
_UNDER_LEVEL_2_CN = {
    _C.PREFECTURE_LEVEL_CITY: "district",
    _C.AUTONOMOUS_PREFECTURE: "county_of_autonomous_prefecture",
    _C.PREFECTURE: "county_of_agency",
    _C.LEAGUE: "county_of_agency",
}


_LOCALITIES = frozenset({_C.CITY, _C.INHABITED_LOCALITY})


def _russian_rules(
    division: Division, get: Callable[[str], Division]
) -> Iterator[tuple[str, str]]:
    centre_code = CENTRES["RU"]
    if division.category is _C.FEDERAL_DISTRICT:
        yield "federal_district", centre_code
        return
    if division.category.is_grouping or division.category in _LOCALITIES:
        return  # a locality is no unit of government: it takes part in no line
    federal_city = division.category is _C.FEDERAL_CITY
    yield ("federal_city" if federal_city else "subject"), centre_code
    if division.within_code is not None:
        yield "within", division.within_code
    for code in division.grouping_codes:
        if get(code).category is _C.FEDERAL_DISTRICT:
            yield "federal_district_member", code
    if division.category is _C.REPUBLIC:
        yield "autonomy_republic", centre_code
    elif division.category in {_C.AUTONOMOUS_OBLAST, _C.AUTONOMOUS_OKRUG}:
        yield "autonomy_okrug", centre_code


def _chinese_rules(
    division: Division, get: Callable[[str], Division]
) -> Iterator[tuple[str, str]]:
    centre_code = CENTRES["CN"]
    category = division.category
    parent = division.parent_code
    if category.is_grouping:
        return
    if division.level == 1:
        if category is _C.MUNICIPALITY:
            yield "municipality", centre_code
        elif category is _C.SPECIAL_ADMINISTRATIVE_REGION:
            yield "sar", centre_code
        else:
            yield "province", centre_code
    elif parent is None:
        return  # no rule fits; the data check reports the unit
    elif division.level == 2:
        if category is _C.PREFECTURE_LEVEL_CITY:
            sub = division.has_rank(Rank.SUB_PROVINCIAL)
            yield ("sub_provincial_city" if sub else "prefecture_level_city"), parent
        elif category in _LEVEL_2_CN:
            yield _LEVEL_2_CN[category], parent
    else:
        above = get(parent)
        if above.category is _C.SPECIAL_ADMINISTRATIVE_REGION:
            # A SAR's own subdivision: administered by the SAR government itself.
            yield ("parish" if category is _C.PARISH else "sar_district"), parent
        elif above.level == 1:
            municipal = above.category is _C.MUNICIPALITY
            yield ("district" if municipal else "directly_under_province"), parent
        elif (
            category is _C.COUNTY_LEVEL_CITY
            and above.category is _C.PREFECTURE_LEVEL_CITY
        ):
            yield "county_level_city", parent
        elif above.category in _UNDER_LEVEL_2_CN:
            yield _UNDER_LEVEL_2_CN[above.category], parent
    if division.has_rank(Rank.SEPARATELY_PLANNED):
        yield "separate_planning", centre_code


_RULES_OF: dict[
    str, Callable[[Division, Callable[[str], Division]], Iterator[tuple[str, str]]]
] = {"RU": _russian_rules, "CN": _chinese_rules}


@attrs.frozen
class Tables:
    """The reporting tables of one data folder (``reporting.json``)."""

    authorities: dict[str, Authority]
    rules: dict[tuple[str, str], tuple[LineKind, Basis]]  # (country, rule id)
    hand: dict[str, tuple[ReportingLink, ...]]  # by subordinate code

    @classmethod
    def from_document(cls, document: object, path: str) -> Tables:
        """Structure the parsed ``reporting.json``; raise `DataError` if it is bad."""
        from regionkit.serialization import from_dict  # cattrs loads with this file

        if not isinstance(document, dict) or not all(
            isinstance(document.get(key), dict if key == "rules" else list)
            for key in ("authorities", "rules", "links")
        ):
            raise DataError(path, ["expected 'authorities', 'rules' and 'links'"])
        authorities = tuple(
            from_dict(Authority, item, path=path) for item in document["authorities"]
        )
        links = tuple(
            from_dict(ReportingLink, item, path=path) for item in document["links"]
        )
        rules: dict[tuple[str, str], tuple[LineKind, Basis]] = {}
        for country, table in document["rules"].items():
            if not isinstance(table, dict):
                raise DataError(path, [f"rules of {shorten(country)}: not an object"])
            for rule, item in table.items():
                if not isinstance(item, dict):
                    raise DataError(path, [f"rule {shorten(rule)}: not an object"])
                kind = from_dict(LineKind, item.get("kind"), path=path)
                basis = from_dict(Basis, item.get("basis"), path=path)
                rules[(country, rule)] = (kind, basis)
        hand: dict[str, list[ReportingLink]] = {}
        for link in links:
            hand.setdefault(link.subordinate_code, []).append(link)
        return cls(
            authorities={a.code: a for a in authorities},
            rules=rules,
            hand={code: tuple(items) for code, items in hand.items()},
        )


class Engine:
    """
    The links of any node, made from the tables and the divisions.

    Args:
        tables: The reporting tables.
        get: Returns the division with a code (raises `UnknownCode`).
    """

    def __init__(self, tables: Tables, get: Callable[[str], Division]) -> None:
        self.tables = tables
        self._get = get
        self._links: dict[str, tuple[ReportingLink, ...]] = {}

    def node(self, value: object) -> Node:
        """Return the division or authority that *value* (an object or code) is."""
        if isinstance(value, Division | Authority):
            return value
        if not isinstance(value, str):
            raise TypeError(
                f"division must be a Division, an Authority or a code, "
                f"not {type(value).__name__}"
            )
        authority = self.tables.authorities.get(value.strip().upper())
        return authority if authority is not None else self._get(value)

    def is_centre(self, node: Node) -> bool:
        """Whether *node* is a national centre."""
        return isinstance(node, Authority) and CENTRES.get(node.country) == node.code

    def links(self, node: Node) -> tuple[ReportingLink, ...]:
        """Return every link up from *node*: administrative first, then by kind."""
        found = self._links.get(node.code)
        if found is None:
            found = self._make(node)
            self._links[node.code] = found
        return found

    def _make(self, node: Node) -> tuple[ReportingLink, ...]:
        made: list[ReportingLink] = []
        contested = False
        if isinstance(node, Division) and node.country in _RULES_OF:
            for rule, superior in _RULES_OF[node.country](node, self._get):
                made.append(self._ruled(node.country, rule, node.code, superior))
            contested = node.is_contested
        for link in self.tables.hand.get(node.code, ()):
            made = [
                old
                for old in made
                if old.kind is not link.kind
                and not (old.kind.is_administrative and link.kind.is_administrative)
            ]
            made.append(link)
            if link.kind.is_administrative:
                contested = False  # a hand-written link says it all
        administrative = [link for link in made if link.kind.is_administrative]
        if administrative and contested:
            old = administrative[0]
            note = self._ruled(node.country, "contested", node.code, "").basis
            basis = Basis(
                f"{old.basis.citation} {note.citation}",
                _join(old.basis.source, note.source),
            )
            made[made.index(old)] = attrs.evolve(old, basis=basis)
        if (
            isinstance(node, Division)
            and node.country == "CN"
            and node.category in _AUTONOMOUS_CN
            and administrative
        ):
            superior = administrative[0].superior_code
            made.append(self._ruled("CN", "autonomy", node.code, superior))
        made.sort(key=lambda link: (not link.kind.is_administrative, link.kind.value))
        return tuple(made)

    def _ruled(
        self, country: str, rule: str, subordinate: str, superior: str
    ) -> ReportingLink:
        found = self.tables.rules.get((country, rule))
        if found is None:
            raise DataError(FILE, [f"no rule {rule!r} for {country}"])
        kind, basis = found
        return ReportingLink(subordinate, superior, kind, basis)

    def primary(self, node: Node) -> ReportingLink | None:
        """Return the administrative link of *node*, else its one link, else None."""
        links = self.links(node)
        for link in links:
            if link.kind.is_administrative:
                return link
        return links[0] if len(links) == 1 else None

    def line(self, node: Node, kind: LineKind | None) -> tuple[ReportingLink, ...]:
        """Return the chain from *node* to its centre (see `reporting_line`)."""
        chain: list[ReportingLink] = []
        seen = {node.code}
        current = node
        while not self.is_centre(current):
            links = self.links(current)
            step = next((link for link in links if link.kind is kind), None)
            if step is None:
                step = self.primary(current)
            if step is None:
                if not chain and not links:
                    return ()  # a grouping that takes part in no line
                raise DataError(FILE, [f"{current.code}: no administrative link"])
            if step.superior_code in seen:
                raise DataError(FILE, [f"{step.superior_code}: a cycle of links"])
            seen.add(step.superior_code)
            chain.append(step)
            current = self.node(step.superior_code)
        return tuple(chain)


def _join(*sources: str) -> str:
    ids: list[str] = []
    for source in sources:
        ids.extend(i for i in source.split() if i not in ids)
    return " ".join(ids)


# ----------------------------------------------------------- per dataset


class Holder(Protocol):
    """What these functions ask of a dataset: its divisions and its engine."""

    def get(self, code: str) -> Division: ...

    def divisions(self, country: str | None = None) -> tuple[Division, ...]: ...

    def reporting(self) -> State: ...


class State:
    """The engine of one dataset and its index of links by superior."""

    def __init__(self, dataset: Holder, tables: Tables) -> None:
        self.dataset = dataset
        self.engine = Engine(tables, dataset.get)
        self._below: dict[str, dict[str, tuple[ReportingLink, ...]]] = {}

    def below(self, country: str) -> dict[str, tuple[ReportingLink, ...]]:
        """Return every link of *country*, by superior code."""
        index = self._below.get(country)
        if index is None:
            collected: dict[str, list[ReportingLink]] = {}
            for node in self._nodes(country):
                for link in self.engine.links(node):
                    collected.setdefault(link.superior_code, []).append(link)
            index = {code: tuple(links) for code, links in collected.items()}
            self._below[country] = index
        return index

    def _nodes(self, country: str) -> Iterable[Node]:
        yield from self.dataset.divisions(country)
        yield from (
            a for a in self.engine.tables.authorities.values() if a.country == country
        )


def parse(raw: bytes, path: str) -> Tables:
    """
    Read the text of a reporting file.

    Raises:
        DataError: The file is not JSON or does not hold what it should.
    """
    try:
        document: Any = json.loads(raw)
    except ValueError as error:
        raise DataError(path, [f"not JSON: {error}"]) from error
    except RecursionError as error:  # a file of "[[[[…"
        raise DataError(path, ["not JSON: nested too deeply"]) from error
    return Tables.from_document(document, path)


def _kind(value: object) -> LineKind | None:
    return None if value is None else parse_member(value, LineKind, "kind")


def _state(dataset: Holder) -> State:
    return dataset.reporting()


# ------------------------------------------------------ dataset functions


def line_in(
    dataset: Holder, division: object, *, kind: LineKind | str | None = None
) -> tuple[ReportingLink, ...]:
    """`reporting_line` on *dataset*."""
    wanted = _kind(kind)
    state = _state(dataset)
    return state.engine.line(state.engine.node(division), wanted)


def directly_in(dataset: Holder, division: object) -> bool:
    """`reports_directly_to_centre` on *dataset*."""
    engine = _state(dataset).engine
    link = engine.primary(engine.node(division))
    return link is not None and engine.is_centre(engine.node(link.superior_code))


def subordinates_in(
    dataset: Holder, division: object, *, kind: LineKind | str | None = None
) -> tuple[Node, ...]:
    """`subordinates` on *dataset*."""
    wanted = _kind(kind)
    state = _state(dataset)
    node = state.engine.node(division)
    links = state.below(node.country).get(node.code, ())
    codes = sorted(
        {link.subordinate_code for link in links if wanted in (None, link.kind)}
    )
    return tuple(state.engine.node(code) for code in codes)


def centre_in(dataset: Holder, country: str) -> Authority:
    """`centre` on *dataset*."""
    code = CENTRES[parse_country(country)]
    found = _state(dataset).engine.tables.authorities.get(code)
    if found is None:
        raise UnknownCode(code)
    return found


def node_in(dataset: Holder, value: object) -> Node:
    """Return the division or authority that *value* (an object or code) is."""
    return _state(dataset).engine.node(value)


def links_in(dataset: Holder, division: object) -> tuple[ReportingLink, ...]:
    """Return every link up from *division*: its administrative link first."""
    engine = _state(dataset).engine
    return engine.links(engine.node(division))
