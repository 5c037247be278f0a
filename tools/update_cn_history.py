"""
Build China's lower-level history from the MCA code lists since 1981.

The tool reads ``areacodes/result.csv`` (yescallop/areacodes, CC0: every MCA
county-and-above code since 1981 with its name, status, first and last list year
and successor codes) and the later ``area-diff`` files, and writes exactly four
generated files:

- ``data/cn/history.csv``: every prefecture- or county-level record that is not in
  use today (status 变更 or 弃用, or in use at 2024-12-31 and ended by a later
  notice), keyed ``CN-<gb>-<yyyy>`` with yyyy the record's first list year, so that
  a reused GB/T 2260 code never collides; the columns of ``units.csv`` and the
  record's first and last day;
- ``data/cn/history_names.csv``: the MCA's Chinese name of each of those records;
- ``data/cn/history_changes.csv``: the change that ended each record, dated the day
  after its last, with its successors;
- ``data/cn/unit_validity.csv``: the first day of every current lower-level unit.

Every date carries its precision (``day`` or ``year``) and its basis: the notice
with its number and date, or the code list that first shows the change.

It reads, and never writes, ``data/cn/units.csv`` (today's units),
``data/cn/divisions.csv`` (ISO 3166-2 codes of the provinces),
``data/cn/validity.csv`` (the provinces' start dates) and
``data/cn/change_dates.csv`` (the exact days of changes, from notices, that the
code lists date to the year only). The rules are in
``data/HISTORY.md``. Run it from anywhere::

    python tools/update_cn_history.py [--shared PATH] [--check]

It uses the standard library only.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cn_codes import suffix_category
from tables import TableError, read_csv, render_csv, update_files

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data" / "cn"
BASE_YEAR = 2024  # the last year result.csv covers
SOURCE = "areacodes-history"  # defined in data/cn/sources.csv

# The former units' tables, shaped as build_data.py reads today's units.
HISTORY_COLUMNS = (
    "code",
    "category",
    "level",
    "national_code",
    "parent",
    "valid_from",
    "valid_to",
    "source",
    "valid_from_precision",
    "valid_from_basis",
    "valid_to_precision",
    "valid_to_basis",
)
NAME_COLUMNS = ("code", "locale", "form", "text", "source")
CHANGE_COLUMNS = (
    "date",
    "kind",
    "before",
    "after",
    "note",
    "source",
    "precision",
    "basis",
)
VALIDITY_COLUMNS = (
    "code",
    "valid_from",
    "source",
    "valid_from_precision",
    "valid_from_basis",
)
DATE_COLUMNS = ("code", "name", "year", "date", "basis", "successors", "source")
DAY, YEAR = "day", "year"  # the precisions, as regionkit.DatePrecision values

# Records whose category the suffix does not decide.
CATEGORY_BY_CODE = {
    "429021": "forestry_district",  # 神农架林区; 万柏林区 and others are districts
    "442100": "administrative_region",  # 海南行政区 (1981-1988), prefecture level
    "442137": "islands_office",  # 西沙、南沙、中沙群岛 (办事处)
    "442229": "islands_office",
    "460037": "islands_office",  # 西沙群岛
    "460038": "islands_office",  # 南沙群岛
    "460039": "islands_office",  # 中沙群岛的岛礁及其海域
    "469031": "islands_office",
    "469032": "islands_office",
    "469033": "islands_office",
    "533126": "county_level_town",  # 畹町镇 (1981-1985)
}
# Rank of each category within its level: a change to a higher rank is an upgrade
# (a county becoming a city or a district, a prefecture becoming a city).
RANK = {
    "county": 0,
    "autonomous_county": 0,
    "banner": 0,
    "autonomous_banner": 0,
    "special_district": 0,
    "forestry_district": 0,
    "county_level_town": 0,
    "islands_office": 0,
    "county_level_city": 1,
    "district": 2,
    "prefecture": 0,
    "autonomous_prefecture": 0,
    "league": 0,
    "administrative_region": 0,
    "prefecture_level_city": 1,
}

STATUS_CURRENT = "在用"
LEVELS = {"省级": 1, "地级": 2, "县级": 3}
ONE_DAY = datetime.timedelta(days=1)


class BuildError(Exception):
    """Raised when the inputs are inconsistent; the message says where."""


@dataclass
class Record:
    """One row of result.csv: a code with one name and parent, over list years."""

    code: str
    name: str
    level: int
    start: int  # first list year
    end: int | None  # first list year without it; None if on the last list
    successors: list[tuple[str, int]]  # (code, year of the change)
    line: int
    end_date: datetime.date | None = None  # exact last day, from a notice
    end_source: str = ""  # source ids of that notice
    end_basis: str = ""  # the notice: title or number, and date
    later_successors: list[str] = field(default_factory=list)  # GB codes
    start_date: datetime.date | None = None  # exact first day, from a notice
    start_source: str = ""
    start_basis: str = ""
    dated_source: str = ""  # source ids of a change_dates.csv row that ended it
    # Successors a notice names where result.csv names none (莱芜市 into 济南市).
    noticed_successors: list[str] = field(default_factory=list)  # GB codes

    def listed(self, year: int) -> bool:
        """Whether the record is on the list of *year* (as of 31 December)."""
        return self.start <= year and (self.end is None or year < self.end)


@dataclass(frozen=True)
class Notice:
    """A change line of a later area-diff file, with its notice date."""

    op: str
    code: str
    name: str
    related: tuple[str, ...]
    date: datetime.date
    where: str
    title: str = ""  # the notice's title, or its number


@dataclass(frozen=True)
class NoticedDate:
    """A row of change_dates.csv: the day a change of the code lists took effect."""

    code: str
    name: str
    year: int  # the list year of the change, as result.csv gives it
    date: datetime.date
    basis: str
    successors: tuple[str, ...]
    source: str
    where: str


# --------------------------------------------------------------------------- input


def read_result(path: Path) -> list[Record]:
    """Read areacodes ``result.csv`` (UTF-8 with BOM)."""
    records: list[Record] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        for number, row in enumerate(reader, 2):
            where = f"{path}:{number}"
            code = row["代码"]
            if not re.fullmatch(r"\d{6}", code) or row["级别"] not in LEVELS:
                raise BuildError(f"{where}: bad code or level {row}")
            successors: list[tuple[str, int]] = []
            end = int(row["变更/弃用时间"]) if row["变更/弃用时间"] else None
            for item in filter(None, row["新代码"].split(";")):
                match = re.fullmatch(r"(\d{6})(?:\[(\d{4})\])?", item)
                if match is None:
                    raise BuildError(f"{where}: bad successor {item!r}")
                year = int(match[2]) if match[2] else end
                if year is None:
                    raise BuildError(f"{where}: successor {item} of a current code")
                successors.append((match[1], year))
            current = row["状态"] == STATUS_CURRENT
            if current != (end is None):
                raise BuildError(f"{where}: status {row['状态']} with end {end}")
            records.append(
                Record(
                    code=code,
                    name=unicodedata.normalize("NFC", row["名称"]),
                    level=LEVELS[row["级别"]],
                    start=int(row["启用时间"]),
                    end=end,
                    successors=successors,
                    line=number,
                )
            )
    return records


def read_notices(diff_dir: Path, base_year: int) -> list[Notice]:
    """Read the change lines of the diff files after *base_year*, with dates."""
    notices: list[Notice] = []
    year = base_year
    pattern = re.compile(r"([-+=])(\d{6})[ \t]+([^<>\s]+)(?:[<>](\S+))?")
    while (path := diff_dir / f"{year}-{year + 1}.diff").exists():
        date: datetime.date | None = None
        title = ""
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, raw in enumerate(lines, 1):
            text = raw.strip()
            if text.startswith("## "):
                date = None
                title = text[3:].strip()
            found = re.match(r"#\s*文号：(\S+)", text)
            if found:
                title = found[1]  # a number says more than a title
            found = re.match(r"#\s*日期：(\d{4})年(\d{1,2})月(\d{1,2})日", text)
            if found:
                date = datetime.date(*map(int, found.groups()))
            if not text or text.startswith("#"):
                continue
            match = pattern.fullmatch(text)
            if match is None or date is None:
                raise BuildError(f"{path}:{number}: no change line or no date: {raw!r}")
            op, code, name, related = match.groups()
            names = tuple(
                unicodedata.normalize("NFC", n.rstrip("!"))
                for n in (related or "").split(",")
                if n
            )
            name = unicodedata.normalize("NFC", name)
            notices.append(
                Notice(op, code, name, names, date, f"{path}:{number}", title)
            )
        year += 1
    return notices


def read_dates(path: Path) -> list[NoticedDate]:
    """Read change_dates.csv: one row per code of a change dated by a notice."""
    rows: list[NoticedDate] = []
    for number, row in enumerate(read_csv(path, required=DATE_COLUMNS), 2):
        where = f"{path.name}:{number}"
        if not re.fullmatch(r"\d{6}", row["code"]) or not row["year"].isdigit():
            raise BuildError(f"{where}: bad code or year {row}")
        successors = tuple(row["successors"].split())
        if not all(re.fullmatch(r"\d{6}", code) for code in successors):
            raise BuildError(f"{where}: bad successors {row['successors']!r}")
        if not row["basis"] or not row["source"]:
            raise BuildError(f"{where}: a date needs its basis and source")
        rows.append(
            NoticedDate(
                code=row["code"],
                name=unicodedata.normalize("NFC", row["name"]),
                year=int(row["year"]),
                date=parse_day(row["date"], where),
                basis=row["basis"],
                successors=successors,
                source=row["source"],
                where=where,
            )
        )
    return rows


def apply_dates(records: list[Record], dates: list[NoticedDate]) -> None:
    """
    Give the records of each dated change their exact first or last day.

    A row dates the record of its code that ends in its list year (its last day
    is the day before) and the one that starts then (its first day). Each row
    must date one record at least, and the name must match, so that a typo fails.
    """
    by_code: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_code[record.code].append(record)
    for row in dates:
        matched = False
        for record in by_code.get(row.code, ()):
            if record.name != row.name:
                continue
            if record.end == row.year and record.end_date is None:
                record.end_date = row.date - ONE_DAY
                record.dated_source, record.end_basis = row.source, row.basis
                record.noticed_successors = list(row.successors)
                matched = True
            if record.start == row.year and record.start_date is None:
                record.start_date = row.date
                record.start_source, record.start_basis = row.source, row.basis
                matched = True
        if not matched:
            raise BuildError(
                f"{row.where}: no record {row.code} {row.name} starts or ends in "
                f"the list of {row.year}"
            )
        if row.successors and not any(
            r.end == row.year and r.name == row.name for r in by_code[row.code]
        ):
            raise BuildError(f"{row.where}: successors for a record that starts")


# ------------------------------------------------------------------------ the rules


def categorize(code: str, name: str, level: int) -> str:
    """Return the category of a record from its name suffix (MCA usage)."""
    category = CATEGORY_BY_CODE.get(code) or suffix_category(name, level)
    if category is None:
        raise BuildError(f"{code} {name}: no category suffix")
    return category


def parse_day(text: str, where: str) -> datetime.date:
    """Parse an ISO date."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise BuildError(f"{where}: not an ISO date: {text!r}") from None


class History:
    """The records of every code, with the rules that date and link them."""

    def __init__(
        self,
        records: list[Record],
        iso: dict[str, str],
        province_start: dict[str, datetime.date],
    ) -> None:
        self.records = records
        self.iso = iso  # two-digit prefix -> ISO 3166-2 code
        self.province_start = province_start  # two-digit prefix -> first day
        self.by_code: dict[str, list[Record]] = defaultdict(list)
        for record in records:
            self.by_code[record.code].append(record)
        self.first_year = min(r.start for r in records)
        self.ending_children: dict[tuple[str, int], list[Record]] = defaultdict(list)
        for record in records:
            if record.level == 3 and record.end is not None:
                self.ending_children[(record.code[:4], record.end)].append(record)

    # -- identity ----------------------------------------------------------------

    def key(self, record: Record) -> str:
        """The code a record goes by: today's code, else a history key."""
        if record.level == 1:
            return self.iso[record.code[:2]]
        if record.end is None and record.end_date is None:
            return f"CN-{record.code}"
        return f"CN-{record.code}-{record.start}"

    def at(self, code: str, year: int, where: str) -> Record:
        """The record of *code* on the list of *year*."""
        found = [r for r in self.by_code.get(code, ()) if r.listed(year)]
        if len(found) != 1:
            raise BuildError(f"{where}: {len(found)} records of {code} in {year}")
        return found[0]

    # -- dates -------------------------------------------------------------------

    def boundary(self, prefix: str, year: int) -> datetime.date:
        """
        The day the list of *year* takes over from the list before, in a province.

        MCA lists are as of 31 December, so a change first listed in *year* took
        effect during that year. It is dated 1 January of that year, except in a
        province created that year (Hainan 1988, Chongqing 1997), whose units
        start on the province's own first day.
        """
        start = self.province_start.get(prefix)
        if start is not None and start.year == year:
            return start
        return datetime.date(year, 1, 1)

    def valid_from(self, record: Record) -> datetime.date | None:
        """The first day of a record; None if it is on the source's first list."""
        if record.start_date is not None:
            return record.start_date
        if record.start == self.first_year:
            return None
        return self.boundary(record.code[:2], record.start)

    def list_basis(self, prefix: str, year: int) -> str:
        """The basis of a date known to the year only: the list that shows it."""
        basis = f"MCA code list of {year}"
        start = self.province_start.get(prefix)
        if start is not None and start.year == year:
            basis += f"; not before the province's first day, {start.isoformat()}"
        return basis

    def from_dating(self, record: Record) -> tuple[str, str]:
        """The precision and basis of the record's first day (empty if none)."""
        if record.start_date is not None:
            return DAY, record.start_basis
        if record.start == self.first_year:
            return "", ""
        return YEAR, self.list_basis(record.code[:2], record.start)

    def to_dating(self, record: Record) -> tuple[str, str]:
        """The precision and basis of the record's last day (empty if none)."""
        if record.end_date is not None:
            return DAY, record.end_basis
        if record.end is None:
            return "", ""
        return YEAR, self.list_basis(record.code[:2], record.end)

    def valid_to(self, record: Record) -> datetime.date | None:
        """The last day of a record; None while it is in use."""
        if record.end_date is not None:
            return record.end_date
        if record.end is None:
            return None
        end = record.end
        # A prefecture ends with the last of its counties (海南行政区 in 1988).
        ending = [record, *self.ending_children.get((record.code[:4], end), [])]
        days = {
            self.boundary(code[:2], end)
            for item in ending
            for code, year in item.successors
            if year == end
        }
        days.add(self.boundary(record.code[:2], end))
        return max(days) - ONE_DAY

    # -- links -------------------------------------------------------------------

    def successors(self, record: Record) -> list[Record | str]:
        """
        What replaced the record when it ended: records, or ISO codes.

        Successor codes tagged with an earlier year (``130108[2001]``) name land
        ceded while the record lasted; they did not replace it and are left out.
        """
        where = f"result.csv:{record.line}"
        found: list[Record | str] = []
        if record.noticed_successors and record.end is not None:
            year = record.end
            return [self.at(code, year, where) for code in record.noticed_successors]
        if record.end_date is not None and record.end is None:
            for code in record.later_successors:
                live = [
                    r
                    for r in self.by_code.get(code, ())
                    if r.end is None and r.end_date is None
                ]
                if len(live) != 1:
                    raise BuildError(f"{where}: successor {code} is not in use")
                found.append(live[0])
            return found
        for code, year in record.successors:
            if year != record.end:
                continue
            if code.endswith("0000"):
                found.append(self.iso[code[:2]])
            else:
                found.append(self.at(code, year, where))
        if not found and record.end is not None:
            # A renaming that kept the code (襄樊市 became 襄阳市 as 420600 in
            # 2010) names no successor: the record that starts then is it.
            found = [
                r
                for r in self.by_code.get(record.code, ())
                if r is not record and r.start == record.end and r.level == record.level
            ]
        return found

    def parent(self, record: Record) -> str:
        """Key of the parent of *record* on the last list that has it."""
        year = BASE_YEAR if record.end is None else record.end - 1
        province = self.iso[record.code[:2]]
        if record.level == 2:
            return province
        prefecture = record.code[:4] + "00"
        found = [
            r
            for r in self.by_code.get(prefecture, ())
            if r.level == 2 and r.listed(year)
        ]
        return self.key(found[0]) if found else province


def kind_of(record: Record, after: list[Record | str], inflow: int) -> str:
    """
    Classify the change that ended *record*.

    *inflow* is how many records ended into the one successor on the same day.
    """
    if not after:
        return "abolished"
    if len(after) > 1:
        return "split"
    if inflow > 1:
        return "merged"
    (successor,) = after
    if isinstance(successor, str):  # a province
        return "upgraded"
    ended = record.end if record.end is not None else BASE_YEAR + 1
    if successor.code != record.code and successor.start < ended:
        return "merged"  # absorbed by a unit that was there before (崇文区)
    before = categorize(record.code, record.name, record.level)
    now = categorize(successor.code, successor.name, successor.level)
    if successor.level < record.level or RANK[now] > RANK[before]:
        return "upgraded"
    if successor.name != record.name:
        return "renamed"
    if successor.code != record.code:
        return "recoded"
    return "transferred"  # same code and name: the parent changed


# ------------------------------------------------------------------------- building


def apply_notices(
    history: History, notices: list[Notice]
) -> dict[str, tuple[datetime.date, str, str]]:
    """
    End the records that later notices removed; return the codes they added.

    The result maps each added GB code to (first day, source id, basis).
    """
    listed = {r.code: r for r in history.records if r.end is None and r.level > 1}
    names = {code: r.name for code, r in listed.items()}
    added: dict[str, tuple[datetime.date, str, str]] = {}
    for notice in notices:
        if notice.op == "+":
            added[notice.code] = (
                notice.date,
                f"mca-{notice.date.year}",
                f"{notice.title}, {notice.date.isoformat()}",
            )
            names[notice.code] = notice.name
            level = 2 if notice.code.endswith("00") else 3
            unit = Record(
                notice.code, notice.name, level, notice.date.year, None, [], 0
            )
            history.by_code[notice.code].append(unit)
    for notice in notices:
        if notice.op == "-":
            names.pop(notice.code, None)
    for notice in notices:
        if notice.op != "-":
            continue
        record = listed.get(notice.code)
        if record is None or record.name != notice.name:
            raise BuildError(f"{notice.where}: {notice.code} {notice.name} not listed")
        record.end_date = notice.date - ONE_DAY
        record.end_source = f"mca-{notice.date.year}"
        record.end_basis = f"{notice.title}, {notice.date.isoformat()}"
        for name in notice.related:
            codes = [
                code
                for code, text in names.items()
                if text == name and code[:2] == notice.code[:2]
            ]
            if len(codes) != 1:
                raise BuildError(f"{notice.where}: successor {name} matches {codes}")
            record.later_successors.append(codes[0])
    return added


def day_text(day: datetime.date | None) -> str:
    """An ISO date, or empty for an open end."""
    return day.isoformat() if day else ""


def build(shared: Path, *, check_only: bool) -> int:
    """Do the work of :func:`main`."""
    areacodes = shared / "areacodes"
    records = read_result(areacodes / "result.csv")
    notices = read_notices(areacodes / "diff", BASE_YEAR)
    apply_dates(records, read_dates(DATA / "change_dates.csv"))

    divisions = read_csv(
        DATA / "divisions.csv", required=("code", "level", "national_code")
    )
    iso = {r["national_code"][:2]: r["code"] for r in divisions if r["level"] == "1"}
    starts = {
        row["code"]: parse_day(row["valid_from"], f"validity.csv {row['code']}")
        for row in read_csv(DATA / "validity.csv", required=("code", "valid_from"))
        if row["code"] in iso.values()
    }
    missing = sorted(set(iso.values()) - set(starts))
    if missing:
        raise BuildError(f"validity.csv lacks provinces {missing}")
    province_start = {prefix: starts[code] for prefix, code in iso.items()}

    history = History(records, iso, province_start)
    added = apply_notices(history, notices)
    lower = [r for r in records if r.level > 1]
    live = [r for r in lower if r.end is None and r.end_date is None]
    ended = [r for r in lower if r.end is not None or r.end_date is not None]

    def sources(*ids: str) -> str:
        return " ".join(dict.fromkeys(i for text in ids for i in text.split()))

    units = read_csv(DATA / "units.csv", required=("code", "level"))
    current = {row["code"] for row in units}
    ours = {history.key(r) for r in live} | {f"CN-{code}" for code in added}
    if ours != current:
        raise BuildError(
            f"units.csv and the source differ: only in the source "
            f"{sorted(ours - current)[:10]}, only in units.csv "
            f"{sorted(current - ours)[:10]}"
        )

    def target(item: Record | str) -> str:
        return item if isinstance(item, str) else history.key(item)

    links = {id(r): history.successors(r) for r in ended}
    inflow: Counter[tuple[str, datetime.date | None]] = Counter()
    for record in ended:
        for item in links[id(record)]:
            inflow[(target(item), history.valid_to(record))] += 1

    rows: list[list[str]] = []  # history.csv
    names: list[list[str]] = []  # history_names.csv
    changes: list[list[str]] = []  # history_changes.csv
    kinds: Counter[str] = Counter()
    for record in ended:
        after = links[id(record)]
        end = history.valid_to(record)
        if end is None:
            raise BuildError(f"result.csv:{record.line}: {record.code} has no end")
        one = inflow[(target(after[0]), end)] if len(after) == 1 else 0
        kind = kind_of(record, after, one)
        kinds[kind] += 1
        key = history.key(record)
        source = sources(
            SOURCE, record.start_source, record.end_source, record.dated_source
        )
        end_precision, end_basis = history.to_dating(record)
        rows.append(
            [
                key,
                categorize(record.code, record.name, record.level),
                str(record.level),
                record.code,
                history.parent(record),
                day_text(history.valid_from(record)),
                end.isoformat(),
                source,
                *history.from_dating(record),
                end_precision,
                end_basis,
            ]
        )
        names.append(
            [key, "zh-Hans", "full", record.name, sources(SOURCE, record.end_source)]
        )
        successors = " ".join(sorted(target(item) for item in after))
        day = (end + ONE_DAY).isoformat()
        change_source = sources(SOURCE, record.end_source, record.dated_source)
        changes.append(
            [day, kind, key, successors, "", change_source, end_precision, end_basis]
        )
    rows.sort()
    names.sort()
    changes.sort(key=lambda row: row[2])  # by the former unit, as the others

    validity_rows = [
        [
            history.key(r),
            day_text(history.valid_from(r)),
            sources(SOURCE, r.start_source),
            *history.from_dating(r),
        ]
        for r in live
    ]
    validity_rows += [
        [f"CN-{code}", day.isoformat(), source, DAY, basis]
        for code, (day, source, basis) in added.items()
    ]
    validity_rows.sort()

    check(rows, {row[2]: row[3] for row in changes}, validity_rows, units, starts)
    print(f"history.csv: {len(rows)} records; kinds {dict(sorted(kinds.items()))}")
    print(f"unit_validity.csv: {len(validity_rows)} current units")
    report(history, rows, validity_rows, units)
    outputs = {
        DATA / "history.csv": render_csv(HISTORY_COLUMNS, rows),
        DATA / "history_names.csv": render_csv(NAME_COLUMNS, names),
        DATA / "history_changes.csv": render_csv(CHANGE_COLUMNS, changes),
        DATA / "unit_validity.csv": render_csv(VALIDITY_COLUMNS, validity_rows),
    }
    return update_files(outputs, check=check_only, tool="tools/update_cn_history.py")


# ----------------------------------------------------------------- checks, output


@dataclass(frozen=True)
class Span:
    """The level and validity of one key, for the checks and counts."""

    level: int
    start: datetime.date | None
    end: datetime.date | None

    def on(self, day: datetime.date) -> bool:
        """Whether the key is valid on *day*."""
        return (self.start is None or self.start <= day) and (
            self.end is None or day <= self.end
        )


def spans(
    rows: list[list[str]],
    validity_rows: list[list[str]],
    units: list[dict[str, str]],
    starts: dict[str, datetime.date],
) -> dict[str, Span]:
    """Level and validity of every key: provinces, current units, history."""
    found = {code: Span(1, day, None) for code, day in starts.items()}
    level = {row["code"]: int(row["level"]) for row in units}
    for code, start, *_ in validity_rows:
        found[code] = Span(level[code], parse_day(start, code) if start else None, None)
    for row in rows:
        code, start, end = row[0], row[5], row[6]
        found[code] = Span(
            int(row[2]),
            parse_day(start, code) if start else None,
            parse_day(end, code),
        )
    return found


def check(
    rows: list[list[str]],
    successors: dict[str, str],
    validity_rows: list[list[str]],
    units: list[dict[str, str]],
    starts: dict[str, datetime.date],
) -> None:
    """
    Check the links: every parent exists on the record's last day, every successor
    exists on the day after the record's last day.
    """
    known = spans(rows, validity_rows, units, starts)
    problems: list[str] = []
    for row in rows:
        code, parent, end = row[0], row[4], row[6]
        last = parse_day(end, code)
        span = known[code]
        if span.start is not None and span.start > last:
            problems.append(f"{code}: starts after it ends")
        if parent not in known or not known[parent].on(last):
            problems.append(f"{code}: parent {parent} not valid on {last}")
        for successor in successors[code].split():
            if successor not in known or not known[successor].on(last + ONE_DAY):
                problems.append(f"{code}: successor {successor} not valid after {last}")
    if problems:
        raise BuildError(
            f"{len(problems)} broken links, e.g. " + "; ".join(problems[:8])
        )


def report(
    history: History,
    rows: list[list[str]],
    validity_rows: list[list[str]],
    units: list[dict[str, str]],
) -> None:
    """Print the lower-level counts at year ends, from the output and the source."""
    starts = {
        code: datetime.date(1900, 1, 1) for code in history.iso.values()
    }  # provinces do not enter the lower-level counts
    known = spans(rows, validity_rows, units, starts)
    for year in (1990, 2000, 2010, 2020, BASE_YEAR):
        day = datetime.date(year, 12, 31)
        ours = Counter(s.level for s in known.values() if s.level > 1 and s.on(day))
        source = Counter(
            r.level for r in history.records if r.level > 1 and r.listed(year)
        )
        status = "matches the source" if ours == source else f"SOURCE {dict(source)}"
        print(
            f"{day}: {ours[2]} prefecture-level, {ours[3]} county-level units "
            f"({status})"
        )
    today = Counter(int(row["level"]) for row in units)
    print(f"today: {today[2]} prefecture-level, {today[3]} county-level units")


def main(argv: Sequence[str] | None = None) -> int:
    """Build the history tables; return 0 on success, 1 on bad input or stale."""
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0].strip()
    )
    parser.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared" / "data" / "cn",
        help="folder holding areacodes/ (default: ../shared/data/cn next to the "
        "repository)",
    )
    parser.add_argument(
        "--check", action="store_true", help="change nothing; fail if stale"
    )
    args = parser.parse_args(argv)
    try:
        return build(args.shared, check_only=args.check)
    except (BuildError, TableError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
