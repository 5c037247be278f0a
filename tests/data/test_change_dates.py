"""
How precisely China's change dates are known, and on what basis (issue 21).

The MCA code lists give the year of a change only; `data/cn/change_dates.csv`
gives the day of those changes that a notice dates. These tests assert the
corrected days against that table and the convention for year-only dates that
`data/HISTORY.md` and `docs/concepts.md` describe.
"""

from __future__ import annotations

import collections
import csv
import datetime
import re
from pathlib import Path

import pytest

import regionkit
from regionkit import ChangeKind, DatePrecision

DAY, YEAR = DatePrecision.DAY, DatePrecision.YEAR
LOWER_KEY = re.compile(r"CN-\d{6}-\d{4}")  # a former lower-level record
TABLE = Path(__file__).resolve().parents[2] / "data" / "cn" / "change_dates.csv"


def _changes_ending(code: str) -> list[regionkit.Change]:
    return [c for c in regionkit.changes("CN") if code in c.before]


def test_laiwu_ends_the_day_before_the_approval_was_announced() -> None:
    laiwu = regionkit.get("CN-371200-1992")
    assert laiwu.name("zh") == "莱芜市"
    assert laiwu.valid_to == datetime.date(2019, 1, 8)
    assert laiwu.valid_to_precision is DAY
    assert "国函〔2018〕163号" in laiwu.valid_to_basis
    assert "2019-01-09" in laiwu.valid_to_basis
    # It began during 1992, known to the year from the code lists.
    assert laiwu.valid_from == datetime.date(1992, 1, 1)
    assert laiwu.valid_from_precision is YEAR


def test_laiwu_merged_into_jinan_and_its_districts_became_jinans() -> None:
    assert [d.code for d in regionkit.get("CN-371200-1992").successors()] == [
        "CN-370100"
    ]
    (change,) = _changes_ending("CN-371200-1992")
    assert change.kind is ChangeKind.MERGED
    assert (change.date, change.precision) == (datetime.date(2019, 1, 9), DAY)
    assert "国函〔2018〕163号" in change.basis
    for old, new in (("CN-371202-1992", "CN-370116"), ("CN-371203-1992", "CN-370117")):
        (moved,) = _changes_ending(old)
        assert moved.after == (new,)
        assert moved.date == datetime.date(2019, 1, 9)
        district = regionkit.get(new)
        assert district.parent_code == "CN-370100"
        assert district.valid_from == datetime.date(2019, 1, 9)
        assert district.valid_from_precision is DAY


def test_before_and_after_laiwus_last_day() -> None:
    last = datetime.date(2019, 1, 8)
    assert regionkit.get("371200", as_of=last).code == "CN-371200-1992"
    assert regionkit.get(
        "370116", as_of=last + datetime.timedelta(days=1)
    ).parent_code == ("CN-370100")
    with pytest.raises(regionkit.UnknownCode):
        regionkit.get("370116", as_of=last)


@pytest.mark.parametrize(
    ("code", "name", "last_day", "basis"),
    [
        ("CN-341400-1999", "巢湖市", "2011-08-21", "国函〔2011〕84号"),
        ("CN-341402-1999", "居巢区", "2011-08-21", "国函〔2011〕84号"),
        ("CN-110228-1981", "密云县", "2015-11-12", "announced 2015-11-13"),
        ("CN-110229-1981", "延庆县", "2015-11-12", "announced 2015-11-13"),
        ("CN-310230-1981", "崇明县", "2016-07-21", "2016-07-22"),
        ("CN-533421-2001", "香格里拉县", "2014-12-15", "民函〔2014〕375号"),
        ("CN-360421-1983", "九江县", "2017-08-23", "国函〔2017〕104号"),
        ("CN-540126-1981", "达孜县", "2018-01-31", "国函〔2017〕107号"),
        ("CN-540422-2015", "米林县", "2023-04-02", "2023-04-03"),
        ("CN-500105-1997", "江北区", "2025-11-06", "渝府发〔2025〕15号"),
    ],
)
def test_a_corrected_date_carries_its_basis(
    code: str, name: str, last_day: str, basis: str
) -> None:
    unit = regionkit.get(code)
    assert unit.name("zh") == name
    assert unit.valid_to == datetime.date.fromisoformat(last_day)
    assert unit.valid_to_precision is DAY
    assert basis in unit.valid_to_basis
    (change,) = _changes_ending(code)
    assert change.date == unit.valid_to + datetime.timedelta(days=1)
    assert (change.precision, change.basis) == (DAY, unit.valid_to_basis)
    for successor in unit.successors():
        assert successor.valid_on(change.date)


def test_chaohu_was_split_between_hefei_wuhu_and_maanshan() -> None:
    (change,) = _changes_ending("CN-341400-1999")
    assert change.kind is ChangeKind.SPLIT
    assert change.after == ("CN-340100", "CN-340200", "CN-340500")
    assert regionkit.get("CN-340181").valid_from == datetime.date(2011, 8, 22)


def test_a_year_only_change_says_so() -> None:
    # 崇文区 merged into 东城区 during 2010; the code list of 2010 shows it.
    chongwen = regionkit.get("CN-110103-1981")
    assert chongwen.valid_to == datetime.date(2009, 12, 31)
    assert chongwen.valid_to_precision is YEAR
    assert chongwen.valid_to_basis == "MCA code list of 2010"
    (change,) = _changes_ending("CN-110103-1981")
    assert change.date == datetime.date(2010, 1, 1)
    assert change.precision is YEAR
    assert change.basis == "MCA code list of 2010"
    # On the first list (1981) the start is unknown: no date, no precision.
    assert chongwen.valid_from is None
    assert chongwen.valid_from_precision is None


def test_as_of_inside_a_year_only_period_answers_the_year_end_state() -> None:
    # The convention: a year-only change is stored on 1 January, so any day of
    # 2010 answers 东城区 (the state of the 2010 list), not 崇文区, although
    # 崇文区 may still have existed on some of those days.
    mid_2010 = datetime.date(2010, 6, 30)
    with pytest.raises(regionkit.UnknownCode):
        regionkit.get("110103", as_of=mid_2010)
    assert regionkit.get("110103", as_of=datetime.date(2009, 12, 31)).code == (
        "CN-110103-1981"
    )
    chongwen, dongcheng = regionkit.get("CN-110103-1981"), regionkit.get("CN-110101")
    assert not chongwen.valid_on(mid_2010)
    assert dongcheng.valid_on(mid_2010)
    # What tells a caller that the answer may be the other unit:
    assert chongwen.valid_to_precision is YEAR
    assert chongwen.valid_to == datetime.date(mid_2010.year - 1, 12, 31)


def test_a_unit_of_a_province_created_that_year_starts_on_its_first_day() -> None:
    haikou = regionkit.get("CN-460100")
    assert haikou.valid_from == datetime.date(1988, 4, 13)
    assert haikou.valid_from_precision is YEAR
    assert "1988-04-13" in haikou.valid_from_basis


def _former_lower_units() -> list[regionkit.Division]:
    """Every lower-level unit that no longer exists: each ended in one change."""
    return [
        regionkit.get(code)
        for change in regionkit.changes("CN")
        for code in change.before
        if LOWER_KEY.fullmatch(code)
    ]


def _table() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_row_of_the_table_dates_a_record() -> None:
    units = {d.code: d for d in _former_lower_units()} | {
        d.code: d for level in (2, 3) for d in regionkit.divisions("CN", level=level)
    }
    for row in _table():
        day = datetime.date.fromisoformat(row["date"])
        dated = [
            d
            for d in units.values()
            if d.national_code == row["code"]
            and (d.valid_to == day - datetime.timedelta(days=1) or d.valid_from == day)
        ]
        assert dated, row
        for unit in dated:
            if unit.valid_from == day:
                assert unit.valid_from_basis == row["basis"]
            else:
                assert unit.valid_to_basis == row["basis"]


def test_the_count_of_changes_by_precision() -> None:
    changes = [c for c in regionkit.changes("CN") if LOWER_KEY.fullmatch(c.before[0])]
    assert len(changes) == 3612  # one per lower-level record that ended
    by_precision = collections.Counter(c.precision for c in changes)
    # Known to the day: the records the table ends, and the two of 2025 that
    # the notices of the 2024-2025 diff end (江北区, 渝北区).
    former = _former_lower_units()
    ended_by_table = {
        d.code
        for row in _table()
        for d in former
        if d.national_code == row["code"]
        and d.valid_to
        == datetime.date.fromisoformat(row["date"]) - datetime.timedelta(days=1)
    }
    assert by_precision[DAY] == len(ended_by_table) + 2 == 264
    assert by_precision[YEAR] == 3612 - 264
    assert set(by_precision) == {DAY, YEAR}
    # Every year-only change is stored on 1 January or a province's first day.
    assert {c.date.strftime("%m-%d") for c in changes if c.precision is YEAR} == {
        "01-01",
        "04-13",
        "03-14",
    }


def test_day_dated_changes_name_their_notice() -> None:
    for change in regionkit.changes():
        if change.precision is YEAR:
            assert change.basis.startswith("MCA code list of ")
            assert change.date.year == int(change.basis.split()[4].rstrip(";"))
        elif change.before and LOWER_KEY.fullmatch(change.before[0]):
            # A lower-level change known to the day says which notice's day it is.
            assert change.date.isoformat() in change.basis, change


def test_the_hand_written_tables_are_dated_to_the_day() -> None:
    for code in ("RU-CHI", "RU-ZAB", "CN-CHAHAR", "CN-HI"):
        unit = regionkit.get(code)
        assert unit.valid_from_precision is (DAY if unit.valid_from else None)
        assert unit.valid_to_precision is (DAY if unit.valid_to else None)
    assert {c.precision for c in regionkit.changes("RU")} == {DAY}


@pytest.mark.parametrize(
    ("code", "successor", "first_day", "basis"),
    [
        ("CN-532100-1981", "CN-530600", "2001-01-13", "国函〔2001〕6号"),
        ("CN-622100-1981", "CN-620900", "2002-06-18", "国函〔2002〕53号"),
        ("CN-622400-1981", "CN-621100", "2003-04-04", "国函〔2003〕46号"),
        ("CN-632100-1981", "CN-630200", "2013-02-08", "2013-02-08"),
        ("CN-142400-1981", "CN-140700", "1999-09-24", "国函〔1999〕124号"),
        ("CN-513600-1993", "CN-511600", "1998-07-31", "国函〔1998〕60号"),
        ("CN-152600-1981", "CN-150900", "2003-12-01", "国函〔2003〕122号"),
        ("CN-542100-1981", "CN-540300", "2014-11-03", "国函〔2014〕143号"),
        ("CN-542400-1981", "CN-540600", "2017-10-02", "国函〔2017〕109号"),
    ],
)
def test_a_prefecture_names_the_city_that_replaced_it(
    code: str, successor: str, first_day: str, basis: str
) -> None:
    prefecture = regionkit.get(code)
    assert [d.code for d in prefecture.successors()] == [successor]
    (change,) = _changes_ending(code)
    assert change.kind is ChangeKind.UPGRADED
    assert change.date == datetime.date.fromisoformat(first_day)
    assert basis in change.basis
    city = regionkit.get(successor)
    assert (city.valid_from, city.valid_from_precision) == (change.date, DAY)
    # Its counties moved on the same day.
    counties = [d for d in regionkit.divisions("CN", parent=city) if d.level == 3]
    assert counties
    assert all(d.valid_from is None or d.valid_from >= change.date for d in counties)


def test_sansha_replaced_the_three_island_offices() -> None:
    for office in ("CN-469031-2001", "CN-469032-2001", "CN-469033-2001"):
        (change,) = _changes_ending(office)
        assert change.after == ("CN-460300",)
        assert change.date == datetime.date(2012, 6, 21)
    assert regionkit.get("CN-460302").valid_from == datetime.date(2020, 4, 18)
