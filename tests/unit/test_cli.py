import csv
import io
import json
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

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


# -- lookup for scripts (issue 22) ----------------------------------------------------


def stdin_bytes(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_lookup_text_names_the_parents_and_marks_former_units() -> None:
    status, text = run("lookup", "Chaoyang, Beijing", "Shangzhi", "Perm Oblast")
    assert status == 0
    assert text.splitlines() == [
        "Chaoyang, Beijing\tCN-110105\tChaoyang District, Beijing",
        "Shangzhi\tCN-230183\tShangzhi, Harbin, Heilongjiang",
        "Perm Oblast\tRU-PERM-OBLAST\tPerm Oblast\t(former)",
    ]


def test_lookup_json_lines_carry_every_field() -> None:
    status, text = run("lookup", "--format", "json", "Chaoyang, Beijing", "朝阳区")
    assert status == 1
    found, ambiguous = (json.loads(line) for line in text.splitlines())
    assert found == {
        "input": "Chaoyang, Beijing",
        "code": "CN-110105",
        "name": "Chaoyang District",
        "parents": ["Beijing"],
        "current": True,
        "kind": "exact",
        "score": found["score"],
        "reason": None,
    }
    assert 0 < found["score"] <= 1
    assert ambiguous["code"] is None
    assert "CN-110105, CN-220104" in ambiguous["reason"]


@pytest.mark.parametrize(("format_", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_lookup_csv_and_tsv_have_a_header_row(format_: str, delimiter: str) -> None:
    status, text = run(
        "lookup",
        "--format",
        format_,
        "--locale",
        "ru",
        "Chaoyang, Beijing",
        # A typo of the krai ("Habarovsk" alone is a GeoNames name of the city).
        "Khabrovsk Krai",
    )
    assert status == 0
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    assert rows[0] == [
        "input",
        "code",
        "name",
        "parents",
        "current",
        "kind",
        "score",
        "reason",
    ]
    assert rows[1][:6] == [
        "Chaoyang, Beijing",
        "CN-110105",
        "район Чаоян",
        "Пекин",
        "yes",
        "exact",
    ]
    assert rows[2][1] == "RU-KHA"
    assert rows[2][5] == "fuzzy"
    assert float(rows[2][6]) < 0.8


def test_lookup_current_and_as_of() -> None:
    assert run("lookup", "--current", "Perm Oblast")[1] == (
        "Perm Oblast\tRU-PER\tPerm Krai\n"
    )
    status, text = run("lookup", "--as-of", "2000-01-01", "--format", "csv", "RU-KOP")
    assert status == 0
    assert "RU-KOP" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--as-of", "2020-13-01", "x"], "not a day as YYYY-MM-DD"),
        (["--format", "xml", "x"], "invalid choice: 'xml'"),
        (["--encoding", "no-such-codec", "x"], "unknown encoding"),
        (["--country", "XX", "x"], "XX"),
    ],
)
def test_lookup_usage_errors_exit_2_with_the_lookup_usage(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("lookup", *argv)[0] == 2
    error = capsys.readouterr().err
    assert error.startswith("usage: regionkit lookup")
    assert message in error


def test_a_usage_error_shows_the_subcommands_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("tree", "--depth", "-1")[0] == 2
    assert capsys.readouterr().err.startswith("usage: regionkit tree")


def test_lookup_skips_blank_lines_of_standard_input(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stdin_bytes(monkeypatch, b"Tatarstan\n\n   \r\nRU-KHA\r\n")
    status, text = run("lookup")
    assert status == 0
    assert [line.split("\t")[1] for line in text.splitlines()] == ["RU-TA", "RU-KHA"]


def test_lookup_streams_standard_input_in_chunks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each chunk is printed before the next is read: the input is never held whole."""
    printed: list[int] = []

    class Out(io.StringIO):
        def flush(self) -> None:
            printed.append(self.getvalue().count("\n"))

    def lines() -> Iterator[str]:
        for number in range(2500):
            if number in (1000, 2000):
                assert printed[-1] == number  # the chunk before was printed
            yield "Tatarstan\n"

    monkeypatch.setattr("sys.stdin", lines())
    out = Out()
    assert main(["lookup"], out=out) == 0
    assert out.getvalue().count("\n") == 2500
    assert printed[:2] == [1000, 2000]


def test_lookup_refuses_input_that_is_not_utf8(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin_bytes(monkeypatch, "Пермь\n".encode("cp1251"))
    status, text = run("lookup")
    assert status == 2
    assert text == ""
    assert "--encoding" in capsys.readouterr().err


def test_lookup_reads_cp1251_with_encoding(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_bytes(monkeypatch, "Пермский край\nТатарстан\n".encode("cp1251"))
    status, text = run("lookup", "--encoding", "cp1251")
    assert status == 0
    assert text.splitlines()[0] == "Пермский край\tRU-PER\tPerm Krai"


def test_ctrl_c_exits_130_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted() -> Iterator[str]:
        yield "Tatarstan\n"
        raise KeyboardInterrupt

    monkeypatch.setattr("sys.stdin", interrupted())
    try:
        status = run("lookup")[0]
    except KeyboardInterrupt:
        pytest.fail("KeyboardInterrupt escaped main()")
    assert status == 130
    assert "Traceback" not in capsys.readouterr().err


# -- the command in a shell -----------------------------------------------------------

SRC = str(Path(__file__).resolve().parents[2] / "src")


def shell(
    command: str, *, env: dict[str, str] | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "PYTHONPATH": SRC, **(env or {})}
    python = shlex.quote(sys.executable)
    return subprocess.run(
        command.replace("regionkit", f"{python} -m regionkit", 1),
        shell=True,
        executable="/bin/bash",
        env=environment,
        input=stdin,
        capture_output=True,
        check=False,
    )


ASCII = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}


@pytest.mark.parametrize(
    "command",
    [
        "regionkit --version | true",
        "regionkit --version | head -c 0",
    ],
)
def test_a_closed_pipe_ends_quietly(command: str) -> None:
    done = shell(f"set -o pipefail; {command}")
    assert (done.returncode, done.stderr) == (0, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_status_1() -> None:
    done = shell("regionkit tree RU > /dev/full")
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        "regionkit: cannot write the output: No space left on device"
    ]


def test_an_ascii_locale_still_prints_russian() -> None:
    done = shell("regionkit show RU-KHA --locale ru", env=ASCII)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().startswith("RU-KHA  Хабаровский край\n")


def test_an_ascii_locale_reads_utf8_arguments() -> None:
    done = shell("regionkit lookup 'Хабаровский край' 黑龙江", env=ASCII)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines() == [
        "Хабаровский край\tRU-KHA\tKhabarovsk Krai",
        "黑龙江\tCN-HL\tHeilongjiang Province",
    ]


def test_an_ascii_locale_refuses_arguments_that_are_not_utf8() -> None:
    done = shell(
        "regionkit lookup \"$(printf '\\317\\345\\360\\354\\374')\"", env=ASCII
    )
    assert done.returncode == 2
    assert b"not UTF-8" in done.stderr
    assert done.stdout == b""


def test_an_ascii_locale_reads_utf8_standard_input() -> None:
    done = shell("regionkit lookup", env=ASCII, stdin="Татарстан\n".encode())
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == "Татарстан\tRU-TA\tRepublic of Tatarstan\n"


def test_history_marks_a_year_only_date_and_names_a_days_basis() -> None:
    code, text = run("history", "CN-371200-1992", "--locale", "zh")
    assert code == 0
    assert text.splitlines() == [
        "CN-371200-1992  莱芜市",
        "  valid 1992-01-01 (year only) to 2019-01-08",
        "  2019-01-09  merged: CN-371200-1992 -> CN-370100",
        "    basis: 国函〔2018〕163号, announced by the Shandong provincial"
        " government on 2019-01-09",
        "  CN-370100  济南市",
    ]
    code, text = run("history", "CN-110103-1981")
    assert "  2010-01-01 (year only)  merged: CN-110103-1981 -> CN-110101" in text
    assert "basis" not in text
