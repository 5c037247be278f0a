"""parse_address and parse_addresses: bad input, bulk alignment, bounded work."""

from __future__ import annotations

import datetime

import attrs
import pytest

import regionkit
from regionkit import _address
from regionkit._store import default_dataset


@pytest.mark.parametrize(
    ("value", "error"),
    [(None, TypeError), (123, TypeError), ("", ValueError), ("x" * 501, ValueError)],
)
def test_bad_text_raises_as_lookup_does(value: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        regionkit.parse_address(value)  # type: ignore[arg-type]
    with pytest.raises(error):
        regionkit.lookup(value)  # type: ignore[arg-type]


def test_bad_options() -> None:
    with pytest.raises(ValueError, match="XX"):
        regionkit.parse_address("北京市", country="XX")
    with pytest.raises(TypeError):
        regionkit.parse_address("北京市", as_of="2020-01-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        regionkit.parse_addresses("北京市")


def test_nothing_found_is_an_empty_chain_with_a_reason() -> None:
    address = regionkit.parse_address("hello world")
    assert address.parts == ()
    assert address.division is None
    assert address.code is None
    assert address.reason == "the text names no division the data holds"
    assert address.remainder == "hello world"


def test_addresses_are_frozen() -> None:
    address = regionkit.parse_address("北京市朝阳区")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        address.text = "x"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        address.parts[0].score = 0.0  # type: ignore[misc]


def test_bulk_lines_up_and_reads_each_value_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[object] = []
    real = _address._parse

    def counting(dataset: object, text: str, *options: object) -> object:
        calls.append(text)
        return real(dataset, text, *options)  # type: ignore[arg-type]

    monkeypatch.setattr(_address, "_parse", counting)
    values = ["北京市朝阳区", None, "北京市朝阳区", "Респ Адыгея", ["x"]]
    results = regionkit.parse_addresses(values)
    assert len(results) == 5
    first, bad, again, adygea, unhashable = results
    assert isinstance(first, regionkit.Address)
    assert first.code == "CN-110105"
    assert again is first
    assert isinstance(bad, TypeError)
    assert isinstance(unhashable, TypeError)
    assert isinstance(adygea, regionkit.Address)
    assert adygea.code == "RU-AD"
    assert calls.count("北京市朝阳区") == 1


@pytest.mark.parametrize(
    "text",
    [
        "北京" * 250,
        "朝阳区" * 166,
        "江苏淮安" * 125,
        "上海市" * 166,
        "我" * 500,
    ],
)
def test_chinese_work_is_bounded(text: str) -> None:
    names = _address._names(default_dataset(), "CN")
    _, _, _, _, work = _address._read_han(names, text, None)
    # At most the lengths of names sharing two first characters, per position.
    widest = max(len(v) for v in names.han_lengths.values())
    assert work <= len(text) * widest
    assert work <= 5000


def test_long_latin_input_is_bounded() -> None:
    text = ", ".join(["Nanshan District"] * 29)[:500]
    address = regionkit.parse_address(text)
    # Shenzhen's and Hegang's: several readings, reported, never a guess.
    assert "CN-440305" in {d.code for d in address.candidates}
    assert address.division is None


def test_cli_address(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import json

    from regionkit.cli import main

    out = io.StringIO()
    assert main(["address", "广东省深圳市南山区科技园"], out=out) == 0
    assert out.getvalue() == (
        "广东省深圳市南山区科技园\tCN-440305\tCN-GD > CN-440300 > CN-440305\t科技园\n"
    )
    out = io.StringIO()
    assert main(["address", "--format", "json", "朝阳区"], out=out) == 1
    record = json.loads(out.getvalue())
    assert record["candidates"] == ["CN-110105", "CN-220104"]
    assert record["code"] is None

    class Stdin(io.StringIO):
        buffer = io.BytesIO("Респ Адыгея, г Адыгейск\n\nг Москва\n".encode())

    monkeypatch.setattr("sys.stdin", Stdin())
    out = io.StringIO()
    assert main(["address", "--format", "csv"], out=out) == 0
    import csv

    header, *rows = csv.reader(io.StringIO(out.getvalue()))
    assert header[:4] == ["input", "code", "name", "chain"]
    # Адыгейск is GeoNames' 483142, in the Republic of Adygea.
    assert [row[1] for row in rows] == ["RU-AD-GN483142", "RU-MOW"]


def test_frame_refuses_what_is_not_a_series() -> None:
    with pytest.raises(TypeError, match="pandas Series"):
        regionkit.parse_address_frame(["北京市朝阳区"])


def test_frame() -> None:
    pandas = pytest.importorskip("pandas")
    series = pandas.Series(
        ["江苏淮安清江浦区人民路111号", "朝阳区", None], index=[10, 20, 30]
    )
    frame = regionkit.parse_address_frame(series)
    assert list(frame.index) == [10, 20, 30]
    assert frame.loc[10, "code"] == "CN-320812"
    assert frame.loc[10, "level_2"] == "CN-320800"
    assert frame.loc[10, "remainder"] == "人民路111号"
    assert frame.loc[20, "code"] is None
    assert frame.loc[20, "ok"] is False
    assert "CN-110105" in frame.loc[20, "reason"]
    assert frame.loc[30, "ok"] is False


@pytest.fixture
def resolve_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts `Dataset.resolve` is asked about while a test runs."""
    from regionkit._store import Dataset

    calls: list[str] = []
    real = Dataset.resolve

    def counting(self: Dataset, text: str, **options: object) -> object:
        calls.append(text)
        return real(self, text, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Dataset, "resolve", counting)
    return calls


def test_latin_work_is_bounded(resolve_calls: list[str]) -> None:
    calls = resolve_calls
    # 166 distinct parts, none a name: at most 16 are looked at, each once
    # per country.
    parts = [f"q{chr(0x61 + i // 26)}{chr(0x61 + i % 26)}" for i in range(166)]
    text = ", ".join(parts)[:500]
    address = regionkit.parse_address(text)
    assert address.parts == ()
    assert len(calls) <= 16 * 2


def test_a_chain_after_a_number_is_read() -> None:
    # The reading remembered by the text before its first digit is used only
    # where a chain began there.
    assert regionkit.parse_address("1号楼 北京市朝阳区").code == "CN-110105"
    first = regionkit.parse_address("江苏淮安清江浦区人民路111号")
    again = regionkit.parse_address("江苏淮安清江浦区人民路112号")
    assert first.parts == again.parts
    assert again.remainder == "人民路112号"


@pytest.mark.parametrize(
    "texts",
    [
        ["义县人民路1号", "嘉义县人民路1号"],
        ["嘉义县人民路1号", "义县人民路1号"],
    ],
)
def test_a_reading_does_not_depend_on_the_rows_before(texts: list[str]) -> None:
    """A county's name inside a word (嘉义县) is not read, whatever came first."""
    found = {}
    for address in regionkit.parse_addresses(texts):
        assert isinstance(address, regionkit.Address)
        found[address.text] = address
    assert found["义县人民路1号"].code == "CN-210727"  # Yi County, Liaoning
    assert found["嘉义县人民路1号"].code is None
    assert found["嘉义县人民路1号"].remainder == "嘉义县人民路1号"


def test_the_remembered_readings_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each row may bring a new head: the tables of rows stop at `_ROWS`."""
    monkeypatch.setattr(_address, "_ROWS", 50)
    names = _address._names(default_dataset(), "CN")
    names.rows.clear()
    # 120 heads, each at its own place: "说：江苏…", "说说：江苏…" …
    regionkit.parse_addresses(
        [f"{'说' * n}：江苏淮安清江浦区人民路1号" for n in range(1, 121)]
    )
    assert 0 < len(names.rows[None]) <= 50
    address = regionkit.parse_address("收货地址：江苏淮安清江浦区人民路1号")
    assert address.code == "CN-320812"  # read as before, after the clearing


@pytest.mark.parametrize(
    ("text", "codes", "remainder"),
    [
        ("香港特区中西區皇后大道中1号", ["CN-HK", "CN-HK-CW"], "皇后大道中1号"),
        ("深圳特区南山区科技园", ["CN-GD", "CN-440300", "CN-440305"], "科技园"),
        ("深圳经济特区南山区", ["CN-GD", "CN-440300", "CN-440305"], ""),
        ("深圳特区报社", ["CN-GD", "CN-440300"], "特区报社"),  # no name follows
    ],
)
def test_a_zone_word_between_two_names_does_not_end_the_chain(
    text: str, codes: list[str], remainder: str
) -> None:
    address = regionkit.parse_address(text)
    assert [p.division.code for p in address.parts] == codes
    assert address.remainder == remainder


@pytest.mark.parametrize(
    ("text", "codes", "remainder"),
    [
        ("香港九龍油尖旺區彌敦道100號", ["CN-HK", "CN-HK-YTM"], "彌敦道100號"),
        ("九龍油尖旺區彌敦道", ["CN-HK", "CN-HK-YTM"], "彌敦道"),
        ("新界沙田區", ["CN-HK", "CN-HK-ST"], ""),
        ("香港島中西區", ["CN-HK", "CN-HK-CW"], ""),
        ("香港九龍尖沙咀彌敦道100號", ["CN-HK", "CN-HK-AREA-KLN"], "尖沙咀彌敦道100號"),
        ("Sha Tin, New Territories, Hong Kong", ["CN-HK", "CN-HK-ST"], ""),
        ("Yau Tsim Mong, Kowloon, Hong Kong", ["CN-HK", "CN-HK-YTM"], ""),
    ],
)
def test_hong_kongs_areas_hold_their_districts(
    text: str, codes: list[str], remainder: str
) -> None:
    """九龍, 新界 and 香港島 group districts: no level, and no conflict."""
    address = regionkit.parse_address(text)
    assert [p.division.code for p in address.parts] == codes
    assert address.remainder == remainder
    assert address.conflicts == ()


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Hangzhou Zhejiang China", ["CN-ZJ", "CN-330100"]),
        ("Haidian Beijing", ["CN-BJ", "CN-110108"]),
        (
            "Nanshan District Shenzhen Guangdong China",
            ["CN-GD", "CN-440300", "CN-440305"],
        ),
        ("Kazan Tatarstan Russia", ["RU-TA", "RU-TA-GN551487"]),
        ("Хабаровский край Хабаровск", ["RU-KHA", "RU-KHA-GN2022890"]),
    ],
)
def test_names_without_commas_between_them_are_read(
    text: str, codes: list[str]
) -> None:
    assert [p.division.code for p in regionkit.parse_address(text).parts] == codes


def test_a_part_that_is_not_all_names_stays_the_remainder() -> None:
    address = regionkit.parse_address("Nanshan Science Park, Shenzhen")
    assert address.code == "CN-440300"
    assert address.remainder == "Nanshan Science Park"
    assert regionkit.parse_address("New York").parts == ()


@pytest.mark.parametrize(
    ("text", "code", "remainder"),
    [
        ("Beijing Haidian Zhongguancun", "CN-110108", "Zhongguancun"),
        ("Shanghai Pudong Lujiazui", "CN-310115", "Lujiazui"),
        ("Guangzhou Tianhe Zhujiang New Town", "CN-440106", "Zhujiang New Town"),
    ],
)
def test_names_without_commas_then_a_place_the_data_does_not_hold(
    text: str, code: str, remainder: str
) -> None:
    address = regionkit.parse_address(text)
    assert (address.code, address.remainder) == (code, remainder)
    parts = [(p.start, p.end) for p in address.parts if p.start is not None]
    assert [text[a:b] for a, b in parts] == text.removesuffix(remainder).split()


def test_names_then_a_street_word_are_a_street_not_a_district() -> None:
    # "Daoli Road" is a street named after the district: no names are read.
    address = regionkit.parse_address("Harbin Daoli Road")
    assert (address.parts, address.remainder) == ((), "Harbin Daoli Road")
    assert regionkit.parse_address("Nanshan Science Park").parts == ()  # one name


@pytest.mark.parametrize(
    ("text", "codes", "remainder"),
    [
        ("河北省雄安新区容城县", ["CN-HE", "CN-130600", "CN-130629"], ""),
        (
            "河北省保定市雄安新区容城县奥威路1号",
            ["CN-HE", "CN-130600", "CN-130629"],
            "奥威路1号",
        ),
        ("河北雄安新区雄县", ["CN-HE", "CN-130600", "CN-130638"], ""),
        # A zone with no name after it stays the remainder.
        ("江苏省苏州市工业园区星湖街", ["CN-JS", "CN-320500"], "工业园区星湖街"),
    ],
)
def test_a_development_zone_between_two_names_is_passed_over(
    text: str, codes: list[str], remainder: str
) -> None:
    address = regionkit.parse_address(text)
    assert ([d.code for d in address.chain], address.remainder) == (codes, remainder)
    assert address.conflicts == ()


def test_a_unit_after_a_zone_must_still_lie_in_the_chain() -> None:
    address = regionkit.parse_address("河北省雄安新区朝阳区")
    assert [d.code for d in address.chain] == ["CN-HE"]
    assert address.conflicts  # 朝阳区 lies in no unit of Hebei


def test_names_without_commas_cost_no_more_lookups(resolve_calls: list[str]) -> None:
    calls = resolve_calls
    # Parts of eight names each: the names within are found by dictionary
    # probes (at most four a word), never by lookup.
    names = ["Hangzhou", "Zhejiang", "Haidian", "Beijing", "Kazan", "Harbin"]
    text = ", ".join(" ".join(names[(i + j) % 6] for j in range(8)) for i in range(40))
    regionkit.parse_address(text[:500])
    assert len(calls) <= 16 * 2


def test_names_after_characters_beyond_the_bmp_keep_their_spans() -> None:
    """The automaton reads UTF-16 bytes: a character beyond the BMP is one."""
    address = regionkit.parse_address("😀🀄北京市朝阳区建国路1号")
    assert [(p.code, p.start, p.end, p.matched) for p in address.parts] == [
        ("CN-BJ", 2, 5, "北京市"),
        ("CN-110105", 5, 8, "朝阳区"),
    ]
    assert address.prefix == "😀🀄"
    assert address.remainder == "建国路1号"


def test_rows_read_alike_at_one_place_share_their_parts() -> None:
    """Rows that differ after the names share the parts; elsewhere, new spans."""
    here, again, elsewhere = regionkit.parse_addresses(
        [
            "收货地址：江苏淮安清江浦区人民路1号",
            "收货地址：江苏淮安清江浦区建设街2号",
            "江苏淮安清江浦区人民路3号",
        ]
    )
    assert isinstance(here, regionkit.Address)
    assert isinstance(again, regionkit.Address)
    assert isinstance(elsewhere, regionkit.Address)
    assert again.parts is here.parts
    assert [(p.code, p.start, p.end) for p in here.parts] == [
        ("CN-JS", 5, 7),
        ("CN-320800", 7, 9),
        ("CN-320812", 9, 13),
    ]
    assert [(p.code, p.start, p.end) for p in elsewhere.parts] == [
        ("CN-JS", 0, 2),
        ("CN-320800", 2, 4),
        ("CN-320812", 4, 8),
    ]
    assert (again.remainder, elsewhere.remainder) == ("建设街2号", "人民路3号")


def test_a_township_is_read_with_a_remembered_head() -> None:
    """The township after a county is read again when the head is remembered."""
    for number in (1, 2):
        address = regionkit.parse_address(f"上海市嘉定区安亭镇墨玉路{number}号")
        assert address.code == "CN-310114103"
        assert address.remainder == f"墨玉路{number}号"


@pytest.mark.parametrize(
    ("text", "township"),
    [
        ("安亭镇墨玉路", ("安亭镇", "CN-310114103")),  # the one that fits
        ("安亭新镇墨玉路", ("安亭新镇", "CN-X2")),  # the longest that fits
        ("甲镇墨玉路", None),  # two of one name: no guess
        ("乙镇墨玉路", None),  # none fits
    ],
)
def test_a_township_is_the_one_longest_that_fits(
    text: str, township: tuple[str, str] | None
) -> None:
    # A unit's table as `_townships` makes it: by first character, longest
    # name first, namesakes together.
    table: _address._Townships = {
        "安": (("安亭新镇", "CN-X2"), ("安亭镇", "CN-310114103")),
        "甲": (("甲镇", "CN-X3"), ("甲镇", "CN-X4")),
    }
    assert _address._township_in(table, text, 0) == township


def test_a_street_named_after_a_unit_is_read_as_any_street() -> None:
    """中山路 and 解放大道 after a county share the reading of 人民路 after it."""
    names = _address._names(default_dataset(), "CN")
    names.heads.clear()
    names.rows.clear()  # else a row read before is served whole
    texts = [
        f"江苏淮安清江浦区{street}1号" for street in ("人民路", "中山路", "解放大道")
    ]
    for text, street in zip(texts, ("人民路", "中山路", "解放大道"), strict=True):
        address = regionkit.parse_address(text)
        assert address.code == "CN-320812"
        assert address.remainder == f"{street}1号"
    # One reading, remembered by each text's key too.
    assert len({id(reading) for reading in names.heads.values()}) == 1
    assert len(names.heads) == 3


@pytest.mark.parametrize(
    ("text", "codes", "remainder", "dropped"),
    [
        # 解放 is a district of 焦作 and 中山 a city of 广东: the street's
        # name lies inside the unit before it, so the key keeps it.
        ("河南焦作解放路1号", ["CN-HA", "CN-410800"], "解放路1号", False),
        ("广东中山路1号", ["CN-GD"], "中山路1号", False),
        # No 中山 lies in Qingdao's 市北区 (nor in Hong Kong's 北区).
        ("青岛市北区中山路1号", ["CN-SD", "CN-370200", "CN-370203"], "中山路1号", True),
    ],
)
def test_a_street_named_after_a_unit_inside_is_kept_in_the_key(
    text: str, codes: list[str], remainder: str, dropped: bool
) -> None:
    names = _address._names(default_dataset(), "CN")
    address = regionkit.parse_address(text)
    assert [p.code for p in address.parts] == codes
    assert address.remainder == remainder
    assert _address._street_name(names, text, text.index(remainder), 2) is dropped


def test_a_lone_surrogate_is_read_around() -> None:
    """Text from a bad decode still reads: the surrogate begins no name."""
    address = regionkit.parse_address("北京市朝阳区\udc80建国路1号")
    assert address.code == "CN-110105"
    assert address.remainder == "\udc80建国路1号"


def test_rows_of_many_dates_are_remembered_within_a_bound() -> None:
    """Each `as_of` keeps a table of rows; past `_DAYS` dates they are let go."""
    names = _address._names(default_dataset(), "CN")
    first = datetime.date(2024, 1, 1)
    for days in range(2 * _address._DAYS):
        day = first + datetime.timedelta(days=days)
        regionkit.parse_address("江苏淮安清江浦区人民路1号", as_of=day)
    assert 1 <= len(names.rows) <= _address._DAYS


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Китай, провинция Хэйлунцзян, г. Харбин", ["CN-HL", "CN-230100"]),
        ("Китай, Харбин", ["CN-HL", "CN-230100"]),
        ("КНР, г. Пекин, район Чаоян", ["CN-BJ", "CN-110105"]),
        (
            "провинция Гуандун, г. Шэньчжэнь, район Наньшань",
            ["CN-GD", "CN-440300", "CN-440305"],
        ),
        # "г." asks for the city of Ürümqi, not its county 乌鲁木齐县
        ("Синьцзян-Уйгурский автономный район, г. Урумчи", ["CN-XJ", "CN-650100"]),
    ],
)
def test_a_chinese_address_written_in_russian_is_read_as_chinas(
    text: str, codes: list[str]
) -> None:
    # It was read as Russia's: "г. Харбин" was a village of that name in Crimea.
    address = regionkit.parse_address(text)
    assert [d.code for d in address.chain] == codes
    assert address.conflicts == ()


def test_a_russian_address_stays_russias() -> None:
    address = regionkit.parse_address(
        "Хабаровский край, г. Хабаровск, Индустриальный район"
    )
    assert [d.code for d in address.chain] == ["RU-KHA", "RU-KHA-GN2022890"]
    assert address.remainder == "Индустриальный район"


def test_a_former_prefecture_s_romanized_name_does_not_break_an_address() -> None:
    # Laiwu was merged into Jinan in 2019; lookup reads "Laiwu Shi" as the
    # former city, but beside today's district the address keeps today's chain.
    address = regionkit.parse_address("Gangcheng Qu, Laiwu Shi, Shandong Sheng")
    assert [d.code for d in address.chain] == ["CN-SD", "CN-370100", "CN-370117"]


@pytest.mark.parametrize(
    ("text", "remainder"),
    [
        ("ул. Китайская, г. Москва", "ул. Китайская"),
        ("г. Москва, Китай-город, д. 1", "Китай-город, д. 1"),
        ("Москва, Провинциальный пер., 5", "Провинциальный пер., 5"),
    ],
)
def test_a_russian_street_named_after_china_keeps_its_country(
    text: str, remainder: str
) -> None:
    address = regionkit.parse_address(text)
    assert ([d.code for d in address.chain], address.remainder) == (
        ["RU-MOW"],
        remainder,
    )
