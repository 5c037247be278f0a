import io

import pytest

from regionkit.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_show_prints_the_division() -> None:
    status, text = run("show", "RU-KHA")
    assert status == 0
    lines = text.splitlines()
    assert lines[0] == "RU-KHA  Khabarovsk Krai"
    assert (
        "  federal district  RU-FD-FAR-EASTERN  Far Eastern Federal District" in lines
    )


def test_show_in_russian() -> None:
    status, text = run("show", "ru-kha", "--locale", "ru")
    assert status == 0
    assert text.splitlines()[0] == "RU-KHA  Хабаровский край"


def test_show_json() -> None:
    status, text = run("show", "230000", "--json")
    assert status == 0
    assert '"code": "CN-HL"' in text


def test_unknown_code_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("show", "RU-XXX")
    assert status == 1
    assert "RU-XXX" in capsys.readouterr().err


def test_bad_locale_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("show", "RU-KHA", "--locale", "not a locale")
    assert status == 2
    assert "locale" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["tree", "--depth", "x"]])
def test_usage_errors_exit_2(argv: list[str]) -> None:
    assert run(*argv)[0] == 2


def test_tree_of_russia_groups_subjects_by_federal_district() -> None:
    status, text = run("tree", "RU")
    assert status == 0
    lines = text.splitlines()
    assert lines[0] == "RU  Russia"
    assert "  RU-FD-URAL  Ural Federal District" in lines
    assert "    RU-KHM  Khanty-Mansi Autonomous Okrug – Yugra  (within RU-TYU)" in lines
    assert sum(1 for line in lines if line.startswith("    ")) == 89


def test_tree_iso_perspective_leaves_out_contested_subjects() -> None:
    _, text = run("tree", "RU", "--perspective", "iso")
    assert sum(1 for line in text.splitlines() if line.startswith("    ")) == 83
    assert "RU-CRIMEA" not in text


def test_tree_of_a_division_with_depth_zero() -> None:
    assert run("tree", "CN-HL", "--depth", "0") == (
        0,
        "CN-HL  Heilongjiang Province\n",
    )


def test_lookup_prints_input_code_and_name() -> None:
    status, text = run("lookup", "Хабаровский край", "黑龙江")
    assert status == 0
    assert text.splitlines() == [
        "Хабаровский край\tRU-KHA\tKhabarovsk Krai",
        "黑龙江\tCN-HL\tHeilongjiang Province",
    ]


def test_lookup_exits_1_when_any_input_is_not_found() -> None:
    status, text = run("lookup", "Tatarstan", "Atlantis")
    assert status == 1
    assert text.splitlines()[1] == "Atlantis\t\tnot found"


def test_lookup_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Tatarstan\nRU-KHA\n"))
    status, text = run("lookup", "--locale", "ru")
    assert status == 0
    assert [line.split("\t")[1] for line in text.splitlines()] == ["RU-TA", "RU-KHA"]
