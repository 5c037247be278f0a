"""Russian names of China's prefecture- and county-level units (Palladius)."""

import re
import sys
import unicodedata
from pathlib import Path

import pytest

import regionkit
from regionkit import NameForm
from regionkit._normalize import normalize

# The audit is a build tool: tools/ is not a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import audit_cn_russian

# 12 of Hong Kong's 18 districts have Russian names from stored copies of
# Russian Wikipedia (data/cn/sar_names_ru.csv). The other six districts and
# Macau's 7 parishes have none: no stored source was found that names them in
# Russian (data/cn/NOTES-townships.md), and none is made up. Every other lower
# unit has one.
NO_RUSSIAN_NAME = frozenset(
    {"CN-HK-ILD", "CN-HK-NTH", "CN-HK-SK", "CN-HK-ST", "CN-HK-TM", "CN-HK-YL"}
    | {f"CN-MO-{p}" for p in ("ANTONIO", "CARMO", "FATIMA", "LAZARO", "LOURENCO")}
    | {"CN-MO-SE", "CN-MO-XAVIER"}
)
EVERY_LOWER = regionkit.divisions("CN", level=2) + regionkit.divisions("CN", level=3)
LOWER = tuple(d for d in EVERY_LOWER if d.code not in NO_RUSSIAN_NAME)
# Cyrillic words, joined by spaces and hyphens (Хух-Хото, уезд Чжаосянь).
CYRILLIC = re.compile(r"[А-Яа-яЁё]+(?:[ -][А-Яа-яЁё]+)*")


def russian(division: regionkit.Division, form: NameForm) -> list[str]:
    return [n.text for n in division.names if n.locale == "ru" and n.form is form]


def test_every_lower_unit_has_one_russian_full_and_short_name() -> None:
    assert len(LOWER) == 3178 + 12
    for division in LOWER:
        for form in (NameForm.FULL, NameForm.SHORT):
            assert len(russian(division, form)) == 1, (division.code, form)


def test_the_sars_units_without_a_source_are_the_one_exception() -> None:
    """6 districts of Hong Kong and the 7 parishes of Macau, and no others, lack one."""
    left_out = [d for d in EVERY_LOWER if d.code in NO_RUSSIAN_NAME]
    assert len(left_out) == len(NO_RUSSIAN_NAME) == 6 + 7
    assert {d.parent_code for d in left_out} == {"CN-HK", "CN-MO"}
    for division in left_out:
        assert russian(division, NameForm.FULL) == [], division.code
        assert division.served_name("ru").locale == "en"  # a visible fallback


@pytest.mark.parametrize(
    ("code", "full", "short"),
    [
        ("CN-HK-WC", "округ Ваньчай", "Ваньчай"),
        ("CN-HK-YTM", "округ Яучимвон", "Яучимвон"),
        ("CN-HK-KC", "округ Кхуайчхин", "Кхуайчхин"),
        ("CN-HK-TW", "округ Чхюньвань", "Чхюньвань"),
        ("CN-HK-TP", "округ Тайпоу", "Тайпоу"),
        ("CN-HK-CW", "Центральный и Западный округ", "Центральный и Западный"),
        ("CN-HK-STH", "Южный округ", "Южный округ"),
    ],
)
def test_hong_kong_districts_russian_names(code: str, full: str, short: str) -> None:
    """Russian Wikipedia's names (the list Административное деление Гонконга)."""
    district = regionkit.get(code)
    assert (district.name("ru"), district.name("ru", form="short")) == (full, short)
    assert regionkit.lookup(short).code == code


def test_hong_kong_districts_older_russian_spellings_are_aliases() -> None:
    assert regionkit.lookup("Яу-Цим-Монг").code == "CN-HK-YTM"
    assert regionkit.lookup("Квай-Цинг").code == "CN-HK-KC"


def test_the_russian_names_are_cyrillic_nfc_text() -> None:
    for division in LOWER:
        for form in ("full", "short"):
            text = regionkit.get(division.code).name("ru", form=form)
            assert text, (division.code, form)
            assert unicodedata.normalize("NFC", text) == text, division.code
            assert CYRILLIC.fullmatch(text), (division.code, text)


@pytest.mark.parametrize(
    ("code", "full", "short"),
    [
        ("CN-230100", "городской округ Харбин", "Харбин"),
        ("CN-440300", "городской округ Шэньчжэнь", "Шэньчжэнь"),
        ("CN-650100", "городской округ Урумчи", "Урумчи"),
        ("CN-320100", "городской округ Нанкин", "Нанкин"),
        ("CN-150781", "городской уезд Маньчжурия", "Маньчжурия"),
        ("CN-231081", "городской уезд Суйфэньхэ", "Суйфэньхэ"),
        ("CN-230321", "уезд Цзидун", "Цзидун"),
        ("CN-130133", "уезд Чжаосянь", "Чжаосянь"),
        ("CN-230302", "район Цзигуань", "Цзигуань"),
        ("CN-610116", "район Чанъань", "Чанъань"),
        ("CN-610600", "городской округ Яньань", "Яньань"),
        ("CN-152530", "хошун Шулун-Хух", "Шулун-Хух"),
        ("CN-150121", "хошун Тумотэ-Цзоци", "Тумотэ-Цзоци"),
        ("CN-152500", "аймак Шилин-Гол", "Шилин-Гол"),
        ("CN-654200", "округ Чугучак", "Чугучак"),
        ("CN-222400", "Яньбянь-Корейский автономный округ", "Яньбянь"),
        ("CN-522600", "Цяньдуннань-Мяо-Дунский автономный округ", "Цяньдуннань"),
        ("CN-530829", "Симэн-Ваский автономный уезд", "Симэн"),
        ("CN-230208", "Мэйлисы-Даурский национальный район", "Мэйлисы"),
        ("CN-150723", "Орочонский автономный хошун", "Орочонский автономный хошун"),
        ("CN-429021", "лесной район Шэньнунцзя", "Шэньнунцзя"),
        ("CN-520203", "особый район Лючжи", "Лючжи"),
    ],
)
def test_spot_checks(code: str, full: str, short: str) -> None:
    division = regionkit.get(code)
    assert division.name("ru") == full
    assert division.name("ru", form="short") == short


def test_no_short_name_is_that_of_a_russian_federal_subject() -> None:
    subjects = {
        normalize(n.text)
        for d in regionkit.divisions("RU", level=1)
        for n in d.names
        if n.locale == "ru"
    }
    clashes = [
        (d.code, text)
        for d in LOWER
        for text in russian(d, NameForm.SHORT)
        if normalize(text) in subjects
    ]
    assert clashes == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Харбин", "CN-230100"),
        ("городской округ Урумчи", "CN-650100"),
        ("Яньбянь-Корейский автономный округ", "CN-222400"),
        ("Алтай", "RU-AL"),
        ("округ Алтай", "CN-654300"),
    ],
)
def test_lookup_of_russian_names(text: str, code: str) -> None:
    assert regionkit.lookup(text).code == code


@pytest.mark.parametrize(
    ("code", "full", "short"),
    [
        ("CN-653131", "Ташкурган-Таджикский автономный уезд", "Ташкурган"),
        ("CN-650521", "Баркёль-Казахский автономный уезд", "Баркёль"),
        ("CN-650522", "уезд Аратюрюк", "Аратюрюк"),
        ("CN-652924", "уезд Шахъяр", "Шахъяр"),
        ("CN-652926", "уезд Бай", "Бай"),
        ("CN-653022", "уезд Акто", "Акто"),
        ("CN-654022", "Чапчал-Сибоский автономный уезд", "Чапчал"),
        ("CN-654027", "уезд Текес", "Текес"),
        ("CN-654221", "уезд Дурбульджин", "Дурбульджин"),
        ("CN-652823", "уезд Лопнур", "Лопнур"),
        ("CN-513333", "уезд Сертар", "Сертар"),
        ("CN-150206", "район Баян-Обо", "Баян-Обо"),
        ("CN-152923", "хошун Эдзин", "Эдзин"),
    ],
)
def test_local_names_from_russian_wikipedia_issue_21(
    code: str, full: str, short: str
) -> None:
    """Russian Wikipedia's names replace the Palladius forms (Ташикуэргань, Иу …)."""
    unit = regionkit.get(code)
    assert (unit.name("ru"), unit.name("ru", form="short")) == (full, short)
    assert regionkit.lookup(short, country="CN").code == code


def test_the_russian_audit_counts_what_is_left() -> None:
    """The counts in NOTES-russian.md ("What is left") are the audit's."""
    found = audit_cn_russian.audit()
    assert (len(found.local), len(found.mechanical)) == (284, 156)
    assert "CN-653131" in found.local
    assert "CN-653131" not in found.mechanical  # fixed in issue 21's last pass
    assert "CN-650205" not in found.mechanical  # 乌尔禾 Урхо
    assert "CN-650500" in found.confirmed  # Хами is Russian Wikipedia's too
    assert found.stale_confirmations == ()
    assert found.split_siblings == ()
    # 阿勒泰市 keeps its full form as its short one (not the Republic of Altai).
    assert found.contradicting_children == ("CN-654301",)
