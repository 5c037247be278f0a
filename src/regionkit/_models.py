"""The records regionkit hands out: divisions, their names, centres and claims."""

from __future__ import annotations

import datetime
import enum
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

import attrs

from regionkit.errors import NameUnavailable, shorten

if TYPE_CHECKING:  # _locales imports babel, which loads with the first name
    from regionkit._locales import Served

_T = TypeVar("_T")

__all__ = [
    "COUNTRIES",
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
    "FormValue",
    "Location",
    "Measure",
    "Name",
    "NameForm",
    "Navigator",
    "Perspective",
    "Rank",
    "name_texts",
    "parse_category",
    "parse_country",
    "parse_day",
    "parse_flag",
    "parse_form",
    "parse_level",
    "parse_member",
    "parse_perspective",
]

COUNTRIES = ("CN", "RU")
"""The countries regionkit covers, as ISO 3166-1 alpha-2 codes."""


class Category(enum.Enum):
    """
    What kind of unit a division is.

    The values are stable strings, safe to store.
    """

    # Russia: the six kinds of federal subject, and the federal districts.
    REPUBLIC = "republic"
    KRAI = "krai"
    OBLAST = "oblast"
    FEDERAL_CITY = "federal_city"
    AUTONOMOUS_OBLAST = "autonomous_oblast"
    AUTONOMOUS_OKRUG = "autonomous_okrug"
    FEDERAL_DISTRICT = "federal_district"
    # China: the provincial level.
    PROVINCE = "province"
    AUTONOMOUS_REGION = "autonomous_region"
    MUNICIPALITY = "municipality"
    SPECIAL_ADMINISTRATIVE_REGION = "special_administrative_region"
    # China: the prefecture level.
    PREFECTURE_LEVEL_CITY = "prefecture_level_city"
    PREFECTURE = "prefecture"
    AUTONOMOUS_PREFECTURE = "autonomous_prefecture"
    LEAGUE = "league"
    # China: the county level.
    DISTRICT = "district"
    COUNTY = "county"
    COUNTY_LEVEL_CITY = "county_level_city"
    AUTONOMOUS_COUNTY = "autonomous_county"
    BANNER = "banner"
    AUTONOMOUS_BANNER = "autonomous_banner"
    FORESTRY_DISTRICT = "forestry_district"
    SPECIAL_DISTRICT = "special_district"
    # The SARs' own subdivisions: no GB/T 2260 codes (data/cn/NOTES-townships.md).
    SAR_DISTRICT = "sar_district"
    """區: one of Hong Kong's 18 districts (District Councils Ordinance, Cap. 547)."""
    PARISH = "parish"
    """堂區 (freguesia): one of Macau's seven parishes, with no organs since 2001."""
    # China, former kinds of unit that only the code history holds.
    ADMINISTRATIVE_REGION = "administrative_region"
    """海南行政区: Hainan as an administrative region of Guangdong, until 1988."""
    ISLANDS_OFFICE = "islands_office"
    """The offices for the Xisha, Nansha and Zhongsha islands, until 2012."""
    COUNTY_LEVEL_TOWN = "county_level_town"
    """畹町镇: a county-level town of Yunnan, until 1999."""
    # China: the township level (乡级), as the statistical bureau lists it.
    SUBDISTRICT = "subdistrict"
    """街道: a subdistrict of a city district or county-level city."""
    TOWN = "town"
    """镇: a town."""
    TOWNSHIP = "township"
    """乡: a township."""
    ETHNIC_TOWNSHIP = "ethnic_township"
    """民族乡 (…族乡): an ethnic township."""
    SUMU = "sumu"
    """苏木: Inner Mongolia's township."""
    ETHNIC_SUMU = "ethnic_sumu"
    """民族苏木: an ethnic sumu."""
    TOWNSHIP_LEVEL_UNIT = "township_level_unit"
    """类似乡级单位: a farm, forest, zone or office that NBS lists as a township."""
    STATISTICAL_ZONE = "statistical_zone"
    """A development zone or office that NBS lists as a county, the MCA does not."""
    # Russia: inhabited localities inside a subject (data/ru/NOTES.md).
    CITY = "city"
    """Russia: a город, an inhabited locality with the status of a city."""
    INHABITED_LOCALITY = "inhabited_locality"
    """Russia: a населённый пункт whose status the sources do not give."""
    # Groupings that are neither levels nor lines of government (data/REPORTING.md).
    ECONOMIC_REGION = "economic_region"
    """Russia: one of the twelve economic regions of ОКЭР (ОК 024-95)."""
    GEOGRAPHIC_REGION = "geographic_region"
    """China: one of the seven conventional regions (华北, 东北, 华东, …)."""
    SAR_AREA = "sar_area"
    """Hong Kong: Hong Kong Island, Kowloon or the New Territories."""

    @property
    def is_grouping(self) -> bool:
        """Whether units of this category group divisions without being a level."""
        return self in _GROUPINGS


_GROUPINGS = frozenset(
    {
        Category.FEDERAL_DISTRICT,
        Category.ECONOMIC_REGION,
        Category.GEOGRAPHIC_REGION,
        Category.SAR_AREA,
    }
)


class Perspective(enum.Enum):
    """
    Whose list of divisions a listing follows, where lists disagree.

    ``NATIONAL`` (the default everywhere) follows each country's own law: Russia's
    constitution counts 89 subjects, including Crimea, Sevastopol and the four
    subjects it proclaimed in 2022. ``ISO`` follows ISO 3166-2, which lists those
    six under Ukraine and counts 83 Russian subjects. Both views list Taiwan as a
    province of China, as ISO 3166-2:CN does (`Division.claims` says who disputes it).
    """

    NATIONAL = "national"
    ISO = "iso"


FormValue = Literal["full", "short", "abbreviation", "alias", "former"]
"""A `NameForm` by its value, as `Division.name` takes it: ``"full"``, ``"short"`` …"""


class NameForm(enum.Enum):
    """
    Which form of a name.

    `Division.name` serves the full and short forms; the others help lookup.
    """

    FULL = "full"
    """The full official form: "Хабаровский край", "黑龙江省"."""
    SHORT = "short"
    """The everyday form without the category word: "Хабаровский", "黑龙江"."""
    ABBREVIATION = "abbreviation"
    """An official or customary abbreviation: "ХМАО", "黑"."""
    ALIAS = "alias"
    """A common nickname or unofficial name: "Yakutia", "Питер"."""
    FORMER = "former"
    """A name the unit once had, or an old romanization: "Peking", "Sinkiang"."""


@attrs.frozen
class Name:
    """
    One name of a division in one locale.

    Attributes:
        text: The name as written (NFC).
        locale: A BCP 47 tag: ``"ru"``, ``"en"``, ``"zh-Hans"``, ``"zh-Hant"``;
            romanizations carry their system (``"zh-Latn-pinyin"``).
        form: Full official form or short form.
        source: Space-separated ids of the sources that give this name.
        valid_from: The first day the unit bore the name, where known.
        valid_to: The last day the unit bore the name; ``None`` while it does.
            A unit's names are valid while the unit is, unless they say more.
    """

    locale: str
    form: NameForm
    text: str
    source: str
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None


NameHead = tuple[str, NameForm, str, datetime.date | None, datetime.date | None]
"""What a `Name` is, less its text (locale, form, source, valid_from, valid_to)."""


class PackedNames:
    """
    A division's names as a data file packs them; `Name` records on first read.

    The loader leaves the 40,000 names below China's provinces unbuilt until a
    program reads them. The holder builds them once and keeps them, so the
    frozen record that holds it never changes. It pickles and deep-copies as
    the names it holds.
    """

    __slots__ = ("_built", "_heads", "_texts")

    def __init__(self, heads: tuple[NameHead, ...], texts: str) -> None:
        """Hold *heads* and their *texts*, one per line (the reader checked them)."""
        self._heads = heads
        self._texts = texts
        self._built: tuple[Name, ...] | None = None

    def build(self) -> tuple[Name, ...]:
        """Return the names, built on the first call."""
        if self._built is None:
            built = tuple(
                Name(locale, form, text, source, start, end)
                for (locale, form, source, start, end), text in zip(
                    self._heads, self._texts.split("\n"), strict=True
                )
            )
            # Threads may build at once: each gets equal names, and one is kept.
            if self._built is None:
                self._built = built
            return built
        return self._built

    def __reduce__(self) -> tuple[type[tuple[Name, ...]], tuple[tuple[Name, ...]]]:
        return tuple, (self.build(),)

    def __repr__(self) -> str:
        return f"<PackedNames of {len(self._heads)} names>"


def _built(names: tuple[Name, ...] | PackedNames) -> tuple[Name, ...]:
    return names.build() if isinstance(names, PackedNames) else names


def name_texts(division: Division) -> Iterable[tuple[NameForm, str]]:
    """
    Return the forms and texts of *division*'s names, in order.

    For tables of every name (the address reader's): no `Name` record is
    built for names a data file packed.
    """
    names = division._names
    if isinstance(names, PackedNames) and names._built is None:
        texts = names._texts.split("\n")
        return zip((head[1] for head in names._heads), texts, strict=True)
    return ((name.form, name.text) for name in _built(names))


class CentreRole(enum.Enum):
    """Why a place is named as a division's centre."""

    CENTRE = "centre"
    """The administrative centre that the unit's law or charter names."""
    SEAT = "seat"
    """Where the unit's government bodies sit, where that is not the centre."""


@attrs.frozen
class Centre:
    """
    A place that serves a division as its centre or its seat of government.

    Attributes:
        role: Legal centre or seat of government.
        names: The place's names (``ru``, ``en``, ``zh-Hans`` as sources give them).
        note: One sentence on anything unusual, else empty.
        source: Space-separated source ids.
        code: The code of the place's own record, where the data holds one:
            a locality (``RU-PRI-GN2013348``), or the federal city that is its
            own centre or another subject's seat (``RU-MOW``); a Chinese
            province's capital city (``CN-440100``), or the district or county
            that is a municipality's or a prefecture's seat (``CN-110112``,
            ``CN-222401``); ``regionkit.get(centre.code)`` returns it.
    """

    role: CentreRole
    names: tuple[Name, ...]
    note: str
    source: str
    code: str | None = None

    def name(self, locale: str = "en") -> str | None:
        """
        Return the place's name in *locale*, or ``None`` if no source gives one.

        Only exact language matches are returned: ``"zh"`` finds ``"zh-Hans"``.
        """
        for candidate in self.names:
            if candidate.locale == locale or candidate.locale.split("-")[0] == locale:
                return candidate.text
        return None


class Measure(enum.Enum):
    """A figure that sources give for a division."""

    AREA_KM2 = "area_km2"
    POPULATION = "population"


@attrs.frozen
class Figure:
    """
    A sourced number about a division (its area or population).

    Attributes:
        measure: What is measured.
        value: The number: people (an `int`) or square kilometres.
        year: The year the figure refers to (the census year for population);
            ``None`` where the source does not state it (GeoNames' populations;
            the areas of the four subjects of 2022, which are those of the
            Ukrainian oblasts they claim).
        source: Space-separated source ids.
    """

    measure: Measure
    value: int | float
    year: int | None
    source: str


@attrs.frozen
class Location:
    """
    Where a division lies: one point, with its source.

    For a locality, the point its source gives for it; for a subject, its
    centre's point (its seat's where it has no centre). For a Chinese unit,
    the point of its seat (a province's capital), or of the city itself for a
    municipality, a SAR or a prefecture-level city. Its *source* says what the
    point rests on: two ids (``"geonames-cities500 cpca-adcodes"``) where the
    first source's point was checked against the second's; one id where one
    source alone gives it, within a plausibility gate
    (``"cpca-adcodes"`` for a county-level unit GeoNames has no place for).

    Attributes:
        latitude: Degrees north (WGS 84).
        longitude: Degrees east (WGS 84).
        source: Space-separated source ids: the value's source first, then
            the sources that confirm it.
    """

    latitude: float
    longitude: float
    source: str


class DatePrecision(enum.Enum):
    """
    How precisely a source gives a date: to the day, the month or the year.

    A date known to the month or the year is stored as the first day of that
    month or year (`Change.date`, `Division.valid_from`); a unit's last day is
    then the day before its successor's first (`Division.valid_to`). A day
    inside such a period given as ``as_of=`` answers the state at its end (the
    new unit); the guide "Work with dates and former units" says more.
    """

    DAY = "day"
    MONTH = "month"
    """Known to the month: the stored day is the first of that month."""
    YEAR = "year"
    """Known to the year: the stored day is 1 January of that year."""


class ChangeKind(enum.Enum):
    """What happened to divisions on a date."""

    CREATED = "created"
    ABOLISHED = "abolished"
    MERGED = "merged"
    SPLIT = "split"
    RENAMED = "renamed"
    RECODED = "recoded"
    UPGRADED = "upgraded"
    """Changed category, e.g. a county became a district or a city."""
    TRANSFERRED = "transferred"
    """Moved to another parent or grouping."""


@attrs.frozen(order=True)
class Change:
    """
    One event in the history of the divisions.

    Attributes:
        date: The day the change took legal effect.
        kind: What happened.
        before: Codes of the units as they were before (empty for a creation).
        after: Codes of the units as they were after (empty for an abolition).
        note: One sentence of context, else empty.
        source: Space-separated source ids.
        precision: How precisely `date` is known. For a change known to the
            year only, `date` is 1 January of the year in which it took effect.
        basis: What dates the change: the notice, with its number and date,
            where one is known (``"国函〔2011〕84号, announced 2011-08-22"``), or
            the code list that first shows it (``"MCA code list of 2010"``);
            empty where `note` and `source` say it.
    """

    date: datetime.date
    kind: ChangeKind = attrs.field(order=lambda kind: kind.value)
    before: tuple[str, ...]
    after: tuple[str, ...]
    note: str
    source: str
    precision: DatePrecision = attrs.field(
        default=DatePrecision.DAY, order=lambda precision: precision.value
    )
    basis: str = ""


class Rank(enum.Enum):
    """A special administrative rank of a city, beyond its category."""

    SUB_PROVINCIAL = "sub_provincial"
    """副省级城市: a prefecture-level city whose government has vice-provincial rank."""
    SEPARATELY_PLANNED = "separately_planned"
    """计划单列市: plans its economy directly with the State Council."""


@attrs.frozen
class Designation:
    """
    A rank a division holds, with its source.

    Attributes:
        rank: The rank.
        note: One sentence of context, else empty.
        source: Space-separated source ids.
    """

    rank: Rank
    note: str
    source: str


class ClaimStance(enum.Enum):
    """How a party stands towards a contested unit."""

    CLAIMS = "claims"
    """Holds the unit to be its territory."""
    ADMINISTERS = "administers"
    """Governs the whole unit in fact."""
    ADMINISTERS_IN_PART = "administers_in_part"
    """Governs part of the territory it claims for the unit."""
    LISTS = "lists"
    """Lists the unit in a standard (ISO 3166) under the code given."""
    REJECTS = "rejects"
    """Holds another party's claim invalid (as UN General Assembly resolutions do)."""


@attrs.frozen
class Claim:
    """
    One party's position on a contested unit.

    Attributes:
        party: An ISO 3166-1 alpha-2 code of a state (``"RU"``, ``"UA"``,
            ``"CN"``, ``"TW"``), or ``"ISO-3166"``, or ``"UN"``.
        stance: Claims, administers (in whole or in part), lists, or rejects.
        party_code: The code under which that party lists the unit, if any.
        note: One sentence of context.
        source: Space-separated source ids.
    """

    party: str
    stance: ClaimStance
    party_code: str
    note: str
    source: str


@functools.total_ordering
@attrs.frozen(repr=False, cache_hash=True)
class Division:
    """
    One administrative division: a federal subject, a province, a county, a district.

    Records store codes, not objects; the navigation properties (`parent`,
    `children`, `federal_district`, …) resolve those codes through the dataset the
    record came from. Divisions are equal when all
    their fields are; they sort by `code`.

    Attributes:
        code: The ISO 3166-2 code where ISO assigns one to this unit (``"RU-KHA"``),
            else the project key (``"RU-CRIMEA"``, ``"CN-230100"``). Project keys
            have a suffix of four or more characters, so they can never collide
            with an ISO 3166-2 code.
        country: ISO 3166-1 alpha-2 code of the country whose law the record
            follows (``"RU"``, ``"CN"``).
        category: What kind of unit this is.
        level: 1 for federal subjects and provincial-level units, 2 for prefecture
            level, 3 for county level, 4 for China's township level; ``None`` for
            groupings such as federal districts.
        iso_3166_2: The ISO 3166-2 code, or ``None`` where ISO assigns none.
        national_code: Russia: the two-digit subject code used in KLADR and tax
            codes (``"27"``); China: the GB/T 2260 code (``"230000"``).
        okato: Russia: the OKATO code of the subject.
        oktmo: Russia: the OKTMO code of the subject.
        parent_code: Code of the unit one level up, ``None`` at level 1.
        within_code: For a subject that lies inside another subject (Nenets AO in
            Arkhangelsk Oblast), that subject's code.
        grouping_codes: Codes of the groupings the unit belongs to.
        centres: The administrative centre and, where it differs, the seat of
            government.
        figures: Area and population, each with its year and source.
        claims: Who claims, administers and lists a contested unit; empty if the
            unit is not contested.
        designations: Special ranks (a sub-provincial or separately planned city).
        valid_from: The first day the unit existed, where sources give it.
        valid_to: The last day the unit existed; ``None`` while it exists.
        location: A point where the unit lies (its centre's, for a Russian
            subject or a Chinese province; its seat's, or the city's own for
            a city), with its source; ``None`` where the data holds none.
        time_zones: The IANA time zones the unit lies in (names `zoneinfo`
            takes), its main one (its centre's) first; empty where the data
            holds none.
        source: Space-separated ids of the sources behind the record.
        valid_from_precision: How precisely `valid_from` is known; ``None``
            where `valid_from` is ``None``. Known to the year, `valid_from` is
            1 January of the year the unit began.
        valid_from_basis: What dates `valid_from` (a notice with its number and
            date, or a code list's year), else empty.
        valid_to_precision: How precisely `valid_to` is known; ``None`` while
            the unit exists. Known to the year, `valid_to` is 31 December of the
            year before the one in which the unit ended.
        valid_to_basis: What dates `valid_to`, else empty.
    """

    code: str
    country: str
    category: Category
    level: int | None
    # A tuple, or names a data file packed, built on first read (`PackedNames`);
    # equality and hashing compare the names either way.
    _names: tuple[Name, ...] | PackedNames = attrs.field(alias="names", eq=_built)
    source: str
    iso_3166_2: str | None = None
    national_code: str | None = None
    okato: str | None = None
    oktmo: str | None = None
    parent_code: str | None = None
    within_code: str | None = None
    grouping_codes: tuple[str, ...] = ()
    centres: tuple[Centre, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    designations: tuple[Designation, ...] = ()
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    valid_from_precision: DatePrecision | None = None
    valid_from_basis: str = ""
    valid_to_precision: DatePrecision | None = None
    valid_to_basis: str = ""
    location: Location | None = None
    time_zones: tuple[str, ...] = ()
    # The dataset that loaded the record; typed loosely so that type hints
    # resolve at run time (cattrs, autodoc) without importing the store.
    _dataset: object = attrs.field(
        default=None, kw_only=True, alias="dataset", eq=False, repr=False
    )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Division):
            return NotImplemented
        return self.code < other.code

    def __repr__(self) -> str:
        return f"<Division {self.code} {self.name('en')!r} ({self.category.value})>"

    # -- names -----------------------------------------------------------------

    @property
    def names(self) -> tuple[Name, ...]:
        """Every name the data holds."""
        return _built(self._names)

    def name(
        self,
        locale: object = "en",
        *,
        form: NameForm | FormValue = "full",
        fallback: bool = True,
    ) -> str:
        """
        Return the division's name in *locale*.

        The fallback chain (the guide "Show localized names") tries the stored
        names along the locale's tags, pycountry's translation, then English. With
        ``fallback=False`` a name that would come from the English fallback (or,
        for a unit with no English name, from another language) raises instead;
        `served_name` shows which tag a name comes from.

        Args:
            locale: A locale tag (``"en"``, ``"ru-RU"``, ``"zh_Hant_TW"``) or a
                :class:`babel.Locale`.
            form: ``"full"`` (official form) or ``"short"``.
            fallback: Whether a name in another language may serve.

        Raises:
            UnknownLocaleError: *locale* is not a well-formed locale tag.
            NameUnavailable: *fallback* is false and the division has no name in
                *locale*.

        >>> import regionkit
        >>> regionkit.get("RU-KHA").name("ru")
        'Хабаровский край'
        >>> regionkit.get("CN-HL").name("zh", form="short")
        '黑龙江'
        >>> regionkit.get("CN-110101").name("ja", fallback=False)
        Traceback (most recent call last):
          ...
        regionkit.errors.NameUnavailable: CN-110101 has no name in 'ja' (...)
        """
        served = self._served(locale, form)
        if served.fallback and not fallback:
            raise NameUnavailable(self.code, locale, served.locale)
        return served.text

    def served_name(
        self, locale: object = "en", *, form: NameForm | FormValue = "full"
    ) -> Name:
        """
        Return the `Name` that `name` serves for *locale*, with its own locale.

        Its ``locale`` is the tag the text is in: ``"en"`` where a request in
        another language fell back to English, the requested tag for
        pycountry's translation (source ``pycountry-l10n``).

        Raises:
            UnknownLocaleError: *locale* is not a well-formed locale tag.

        >>> import regionkit
        >>> regionkit.get("CN-110101").served_name("ja").locale
        'en'
        >>> regionkit.get("CN-110101").served_name("zh-Latn").locale
        'zh-Latn-pinyin'
        """
        served = self._served(locale, form)
        return Name(served.locale, NameForm(served.form), served.text, served.source)

    def _served(self, locale: object, form: NameForm | FormValue) -> Served:
        from regionkit._locales import pick_served  # babel loads with the first name

        wanted = parse_form(form).value
        return pick_served(self.names, locale, wanted, iso_code=self.iso_3166_2)

    def describe(self, locale: object = "en") -> str:
        """
        Return one sentence about the division in *locale*, with its figures.

        Numbers and units follow the locale's conventions (babel). A unit that
        another state claims or governs says so.

        >>> import regionkit
        >>> print(regionkit.get("RU-TA").describe())  # doctest: +NORMALIZE_WHITESPACE
        Republic of Tatarstan, a republic of Russia in the Volga Federal District;
        area 67,847 km²; population 4,004,809 (2021 census).
        >>> sevastopol = regionkit.get("RU-SEVASTOPOL")
        >>> print(sevastopol.describe())  # doctest: +NORMALIZE_WHITESPACE
        Sevastopol, a federal city of Russia in the Southern Federal District;
        area 864 km²; population 547,820 (2021 census);
        contested: claimed by Ukraine (UA-40).
        """
        return self._nav().describe(self, locale)

    # -- centres and figures -----------------------------------------------------

    @property
    def centre(self) -> Centre | None:
        """The administrative centre the unit's law names, or ``None`` if none."""
        return _first(c for c in self.centres if c.role is CentreRole.CENTRE)

    @property
    def seat(self) -> Centre | None:
        """
        Where the unit's government sits.

        This is the legal centre unless sources name another seat.
        """
        seat = _first(c for c in self.centres if c.role is CentreRole.SEAT)
        return seat if seat is not None else self.centre

    @property
    def area_km2(self) -> Figure | None:
        """The unit's area in km², with year and source, if a source gives it."""
        return _first(f for f in self.figures if f.measure is Measure.AREA_KM2)

    @property
    def population(self) -> Figure | None:
        """The unit's population, with year and source, if a source gives it."""
        return _first(f for f in self.figures if f.measure is Measure.POPULATION)

    def has_rank(self, rank: Rank | str) -> bool:
        """
        Whether the division holds *rank*.

        >>> import regionkit
        >>> regionkit.get("CN-210200").has_rank("separately_planned")  # Dalian
        True
        """
        wanted = parse_member(rank, Rank, "rank")
        return any(d.rank is wanted for d in self.designations)

    @property
    def is_contested(self) -> bool:
        """Whether any party disputes the unit's status."""
        return bool(self.claims)

    def in_view(self, perspective: Perspective | str = Perspective.NATIONAL) -> bool:
        """
        Whether *perspective* lists this unit under `country`.

        A unit drops out of the ISO view when ISO lists it under another country
        only (Crimea as ``UA-43``). Taiwan stays: ISO 3166-2:CN lists it as
        ``CN-TW``, though ISO 3166-1 also lists it as ``TW``.
        """
        if parse_perspective(perspective) is Perspective.NATIONAL:
            return True
        listed = [
            claim.party_code
            for claim in self.claims
            if claim.party == "ISO-3166" and claim.stance is ClaimStance.LISTS
        ]
        return not listed or any(c.startswith(f"{self.country}-") for c in listed)

    # -- time ----------------------------------------------------------------------

    @property
    def is_current(self) -> bool:
        """Whether the unit exists today (it has no `valid_to`)."""
        return self.valid_to is None

    def valid_on(self, day: datetime.date) -> bool:
        """
        Whether the unit existed on *day*.

        >>> import datetime, regionkit
        >>> regionkit.get("RU-CHI").valid_on(datetime.date(2005, 1, 1))  # Chita Oblast
        True

        Raises:
            TypeError: *day* is not a `datetime.date` (a datetime is refused).
        """
        if day.__class__ is not datetime.date:  # the common case costs one test
            parse_day(day, "day")
            if day is None:
                raise TypeError("day must be a datetime.date, not None")
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def predecessors(self) -> tuple[Division, ...]:
        """
        Return the units this one was made from, or renamed or re-coded from.

        >>> import regionkit
        >>> [d.code for d in regionkit.get("RU-ZAB").predecessors()]
        ['RU-AGB', 'RU-CHI']
        """
        return self._nav().predecessors(self)

    def successors(self) -> tuple[Division, ...]:
        """
        Return the units this one became (empty while it exists).

        >>> import regionkit
        >>> [d.code for d in regionkit.get("RU-CHI").successors()]
        ['RU-ZAB']
        """
        return self._nav().successors(self)

    # -- navigation ----------------------------------------------------------------

    @property
    def parent(self) -> Division | None:
        """
        The unit one level up, or ``None`` at level 1.

        >>> import regionkit
        >>> regionkit.get("RU-NEN").parent is None
        True
        """
        return self._nav().parent(self)

    @property
    def children(self) -> tuple[Division, ...]:
        """The units one level down; for a grouping, its member units."""
        return self._nav().children(self)

    @property
    def within(self) -> Division | None:
        """
        The subject this subject lies inside, if any.

        >>> import regionkit
        >>> regionkit.get("RU-KHM").within.code
        'RU-TYU'
        """
        if self.within_code is None:
            return None
        return self._nav().get(self.within_code)

    @property
    def enclosed(self) -> tuple[Division, ...]:
        """
        The subjects that lie inside this one (inverse of `within`).

        >>> import regionkit
        >>> [d.code for d in regionkit.get("RU-TYU").enclosed]
        ['RU-KHM', 'RU-YAN']
        """
        return self._nav().enclosed(self)

    @property
    def groupings(self) -> tuple[Division, ...]:
        """
        The groupings this unit belongs to (federal district, economic region, region).

        >>> import regionkit
        >>> [g.code for g in regionkit.get("RU-NEN").groupings]
        ['RU-FD-NORTHWESTERN', 'RU-ER-NORTHERN']
        """
        return tuple(self._nav().get(code) for code in self.grouping_codes)

    @property
    def federal_district(self) -> Division | None:
        """
        The federal district of a Russian subject, else ``None``.

        >>> import regionkit
        >>> regionkit.get("RU-KHA").federal_district.name()
        'Far Eastern Federal District'
        """
        return _first(
            g for g in self.groupings if g.category is Category.FEDERAL_DISTRICT
        )

    def children_on(self, day: datetime.date) -> tuple[Division, ...]:
        """Return the units one level down as they were on *day*."""
        return self._nav().children(self, as_of=day)

    def ancestors(self) -> tuple[Division, ...]:
        """Return the chain of parents, nearest first."""
        return self._nav().ancestors(self)

    def descendants(
        self, *, as_of: datetime.date | None = None, level: int | None = None
    ) -> tuple[Division, ...]:
        """
        Return every unit below this one (on *as_of*, else today), depth first.

        With *level*, only the units of that level (``level=4``: China's townships).
        """
        return self._nav().descendants(self, as_of=as_of, level=level)

    def siblings(self, *, as_of: datetime.date | None = None) -> tuple[Division, ...]:
        """Return the other units with the same parent and level (on *as_of*)."""
        return self._nav().siblings(self, as_of=as_of)

    def neighbours(
        self,
        *,
        across_borders: bool = False,
        sea: bool = False,
        perspective: Perspective | str = Perspective.NATIONAL,
    ) -> tuple[Division, ...]:
        """
        Return the level-1 units that share a land border with this one.

        Args:
            across_borders: Also return units of the other country (the
                Russia–China border).
            sea: Also return units reached across a strait only (Crimea and
                Krasnodar Krai across the Kerch Strait, bridged or not).
            perspective: Leave out units this view does not list under their
                country (``"iso"`` leaves out Crimea and the subjects of 2022).

        Raises:
            ValueError: The division is not a level-1 unit (the data covers
                federal subjects and provincial-level units only).
            DataError: The dataset has no neighbours file.

        >>> import regionkit
        >>> [d.code for d in regionkit.get("RU-AMU").neighbours(across_borders=True)]
        ['CN-HL', 'RU-KHA', 'RU-SA', 'RU-YEV', 'RU-ZAB']
        >>> regionkit.get("RU-KGD").neighbours(), regionkit.get("CN-HI").neighbours()
        ((), ())
        """
        return self._nav().neighbours(
            self, across_borders=across_borders, sea=sea, perspective=perspective
        )

    def _nav(self) -> Navigator:
        dataset = self._dataset
        if dataset is None:
            raise ValueError(
                f"{self.code} belongs to no Dataset, so it cannot navigate:"
                " read it with a Dataset or regionkit.from_dict"
            )
        return dataset  # type: ignore[return-value]  # a Navigator, typed loosely


def _first(items: Iterable[_T]) -> _T | None:
    return next(iter(items), None)


class Navigator(Protocol):
    """
    What a record asks of the dataset it came from (`regionkit.Dataset` is one).

    Records store codes; navigation, names and neighbours resolve them here, so
    that a record never reaches for data it was not loaded with.
    """

    def get(self, code: str, *, as_of: datetime.date | None = None) -> Division: ...

    def parent(self, division: Division) -> Division | None: ...

    def children(
        self, division: Division, *, as_of: datetime.date | None = None
    ) -> tuple[Division, ...]: ...

    def enclosed(self, division: Division) -> tuple[Division, ...]: ...

    def ancestors(self, division: Division) -> tuple[Division, ...]: ...

    def descendants(
        self,
        division: Division,
        *,
        as_of: datetime.date | None = None,
        level: int | None = None,
    ) -> tuple[Division, ...]: ...

    def siblings(
        self, division: Division, *, as_of: datetime.date | None = None
    ) -> tuple[Division, ...]: ...

    def predecessors(self, division: Division) -> tuple[Division, ...]: ...

    def successors(self, division: Division) -> tuple[Division, ...]: ...

    def describe(self, division: Division, locale: object) -> str: ...

    def neighbours(
        self,
        division: Division,
        *,
        across_borders: bool,
        sea: bool,
        perspective: Perspective | str,
    ) -> tuple[Division, ...]: ...


# -- arguments ---------------------------------------------------------------------
# One parser per kind of argument, shared by every function that takes it, so that
# a spelling is accepted or refused everywhere alike.

_E = TypeVar("_E", bound=enum.Enum)


def parse_member(value: object, kind: type[_E], what: str) -> _E:
    """
    Return the member of *kind* that *value* names.

    A member, or a string naming its value or its member name in any case, with
    spaces, hyphens or underscores between words: ``"Krai"``, ``" ISO "``,
    ``"federal district"``, ``"FEDERAL_DISTRICT"``.

    Raises:
        TypeError: *value* is neither a member nor a string.
        ValueError: *value* names no member.

    >>> parse_member(" Federal district ", Category, "category")
    <Category.FEDERAL_DISTRICT: 'federal_district'>
    """
    if isinstance(value, kind):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"{what} must be a {kind.__name__} or str, not {type(value).__name__}"
        )
    key = "_".join(value.replace("-", " ").replace("_", " ").split()).lower()
    found = _members(kind).get(key)
    if found is None:
        choices = [str(m.value) for m in kind]
        hint = f"; one of: {', '.join(choices)}" if len(choices) <= 8 else ""
        raise ValueError(f"unknown {what} {shorten(value)}{hint}")
    return found  # type: ignore[return-value]  # a member of kind


@functools.cache
def _members(kind: type[enum.Enum]) -> dict[str, enum.Enum]:
    """Return *kind*'s members by lower-case value and by lower-case name."""
    found = {member.name.lower(): member for member in kind}
    found.update({str(member.value).lower(): member for member in kind})
    return found


def parse_category(value: object) -> Category:
    """Return the `Category` *value* names (see `parse_member`)."""
    return parse_member(value, Category, "category")


def parse_perspective(value: object) -> Perspective:
    """Return the `Perspective` *value* names (see `parse_member`)."""
    return parse_member(value, Perspective, "perspective")


def parse_form(value: object) -> NameForm:
    """Return the `NameForm` *value* names (see `parse_member`)."""
    return parse_member(value, NameForm, "form")


def parse_country(value: object) -> str:
    """
    Return the country code *value* names: ``"RU"`` or ``"CN"``, in any case.

    Raises:
        TypeError: *value* is not a string.
        ValueError: *value* is not a country regionkit covers.
    """
    if not isinstance(value, str):
        raise TypeError(f"country must be a str, not {type(value).__name__}")
    country = value.strip().upper()
    if country not in COUNTRIES:
        raise ValueError(
            f"country must be one of {', '.join(COUNTRIES)}, not {shorten(value)}"
        )
    return country


def parse_level(value: object) -> int | None:
    """Return a ``level`` argument: an int (not a bool) or ``None``."""
    if value is not None and (type(value) is bool or not isinstance(value, int)):
        raise TypeError(f"level must be an int or None, not {shorten(value)}")
    return value


def parse_day(value: object, what: str = "as_of") -> datetime.date | None:
    """Return a date argument: a `datetime.date` (not a datetime) or ``None``."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise TypeError(f"{what} must be a datetime.date, not {type(value).__name__}")
    return value


def parse_flag(value: object, what: str) -> bool:
    """Return a flag argument: exactly True or False."""
    if not isinstance(value, bool):
        raise TypeError(f"{what} must be True or False, not {shorten(value)}")
    return value
