"""Sorted lines kept as bytes find each key's line as a list of lines would."""

from __future__ import annotations

import itertools
import random

import pytest

from regionkit import _sorted_lines
from regionkit._sorted_lines import SortedLines

_LETTERS = "ab\u00e9\u4e00 -"


def _table(seed: int) -> list[str]:
    rng = random.Random(seed)
    keys = {
        "".join(rng.choice(_LETTERS) for _ in range(rng.randint(0, 6)))
        for _ in range(rng.randint(0, 40))
    }
    return sorted(
        f"{key}\t" + "".join(rng.choice("xyz\t") for _ in range(rng.randint(0, 5)))
        for key in keys
    )


@pytest.mark.parametrize("block", [1, 7, 64, 384])
@pytest.mark.parametrize(
    ("before", "after"), [(b"", b""), (b"# head\n", b"[next]\nmore\t1\n"), (b"xx", b"")]
)
def test_every_key_finds_its_line_and_no_other_text_finds_one(
    monkeypatch: pytest.MonkeyPatch, block: int, before: bytes, after: bytes
) -> None:
    """In a file among other lines, or alone, with blocks of any size."""
    monkeypatch.setattr(_sorted_lines, "_BLOCK", block)
    for seed in range(60):
        lines = _table(seed)
        body = "".join(line + "\n" for line in lines).encode()
        found = SortedLines(before + body + after, len(before), len(before) + len(body))
        keys = [line.partition("\t")[0] for line in lines]
        assert [found.get(key) for key in keys] == [
            line.partition("\t")[2] for line in lines
        ]
        assert all(found.has(key) for key in keys)
        for other in ("zz", "a", "ab", "\u4e00" * 7, "", "more", "# head"):
            if other not in keys:
                assert found.get(other) is None
                assert not found.has(other)
        assert found.keys() == keys
        assert found.data() == body
        assert [
            line for at in range(found.blocks) for line in found.lines(at, at + 1)
        ] == [line.encode() for line in lines]
        assert bool(found) == bool(lines)
        starts = found.line_starts()
        assert [
            found.between(start, stop - 1) for start, stop in itertools.pairwise(starts)
        ] == lines


def test_a_last_line_without_its_line_break_is_read() -> None:
    found = SortedLines(b"a\t1\nb\t2")
    assert (found.get("a"), found.get("b"), found.keys()) == ("1", "2", ["a", "b"])


def test_a_key_is_what_comes_before_its_tab() -> None:
    """A key that begins another ("ab" of "ab c") finds its own line."""
    found = SortedLines(b"ab\t1\nab c\t2\nabc\t3\n")
    assert [found.get(key) for key in ("ab", "ab c", "abc", "a")] == [
        "1",
        "2",
        "3",
        None,
    ]


@pytest.mark.parametrize("block", [1, 3, 384])
def test_whole_lines_are_keys_where_a_line_break_ends_them(
    monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    """The last line of each block too."""
    monkeypatch.setattr(_sorted_lines, "_BLOCK", block)
    found = SortedLines(b"a da\na duo\nb\n", key_end=b"\n")
    assert [found.has(key) for key in ("a da", "a duo", "b", "a", "a d", "")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert found.get("a duo") == ""
    assert found.keys() == ["a da", "a duo", "b"]
