"""
Sorted lines of UTF-8 text, kept as the bytes they were read as, found by key.

The prebuilt files (the name indices, the answers) are sorted lines
``key<TAB>fields``. Split into a list of strings, each line would cost an
object of 50 to 80 bytes besides its text, and two bytes a letter for Cyrillic
or Chinese: 100,000 lines of answers took 9 MB where their bytes take 5.
`SortedLines` keeps the bytes, and the key of the first line of each block of
a few hundred bytes: a key's line is found by bisecting those keys, then
searching its block for the line, both in C.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from array import array

__all__ = ["SortedLines"]

_BLOCK = 384
"""About how many bytes of lines share one key in the bisected list."""
_BREAK = ord("\n")


class SortedLines:
    """
    The lines of ``text[start:end]``, each ending in a line break, found by key.

    A line's key is what comes before its first tab (or, with *key_end* a
    line break, the whole line). The lines are sorted and their keys distinct,
    so lines and keys sort alike (the tab that ends a key sorts below any
    other letter that continues one).
    """

    __slots__ = ("_end", "_firsts", "_key_end", "_starts", "_text")

    def __init__(
        self,
        text: bytes,
        start: int = 0,
        end: int | None = None,
        *,
        key_end: bytes = b"\t",
    ) -> None:
        end = len(text) if end is None else end
        self._key_end = key_end
        if start < end and (
            start == 0 or text[start - 1] != _BREAK or text[end - 1] != _BREAK
        ):  # every line, the first too, is found with the line break before it
            text = b"\n" + text[start:end].removesuffix(b"\n") + b"\n"
            start, end = 1, len(text)
        self._text = text  # a whole file's bytes may be shared: no copy
        self._end = end
        # Each block's first key as a search probe ("\n", key, tab), and where
        # each block starts (at the line break before it), the end last.
        firsts: list[bytes] = []
        starts = array("q")
        at = start
        while at < end:
            line_end = text.find(b"\n", at, end)
            line_end = end if line_end < 0 else line_end
            tab = text.find(key_end, at, line_end)
            firsts.append(text[at - 1 : line_end if tab < 0 else tab] + key_end)
            starts.append(at - 1)
            # The next block starts at the line after its first few hundred bytes.
            at = text.find(b"\n", max(line_end, at + _BLOCK), end) + 1 or end
        starts.append(end)
        self._firsts = firsts
        self._starts = starts

    def __bool__(self) -> bool:
        return bool(self._firsts)

    def get(self, key: str) -> str | None:
        """Return what follows *key* and its tab on its line; ``None`` if no line."""
        probe = ("\n" + key).encode() + self._key_end
        block = bisect.bisect_right(self._firsts, probe) - 1
        if block < 0:
            return None
        text, starts = self._text, self._starts
        # To the line break after its last line, which may end a key.
        found = text.find(probe, starts[block], starts[block + 1] + 1)
        if found < 0:
            return None
        found += len(probe)  # the line break ends a key or what follows it
        return str(text[found : text.index(b"\n", found - 1)], "utf-8")

    def has(self, key: str) -> bool:
        """Whether a line has *key*."""
        probe = ("\n" + key).encode() + self._key_end
        block = bisect.bisect_right(self._firsts, probe) - 1
        starts = self._starts
        return (
            block >= 0
            and self._text.find(probe, starts[block], starts[block + 1] + 1) >= 0
        )

    @property
    def blocks(self) -> int:
        """How many blocks the lines make (see `lines`)."""
        return len(self._firsts)

    def lines(self, first: int = 0, stop: int | None = None) -> list[bytes]:
        """Return the lines of blocks *first* to *stop* (all by default), in order."""
        starts = self._starts
        stop = len(self._firsts) if stop is None else min(stop, len(self._firsts))
        if first >= stop:
            return []
        chunk = self._text[starts[first] + 1 : starts[stop]]
        return chunk.split(b"\n")[: -1 if chunk.endswith(b"\n") else None]

    def line_starts(self) -> array[int]:
        """Return where each line starts, in order, then where the lines end."""
        chunk = self._text[self._starts[0] + 1 : self._end]  # each line ends in "\n"
        lengths = map(len, chunk.split(b"\n")[:-1])
        return array(
            "q",
            itertools.accumulate(
                map(operator.add, lengths, itertools.repeat(1)),
                initial=self._starts[0] + 1,
            ),
        )

    def between(self, start: int, stop: int) -> str:
        """Return the text from *start* to *stop* (offsets `line_starts` gives)."""
        return str(self._text[start:stop], "utf-8")

    def keys(self) -> list[str]:
        """Return every line's key, in order."""
        text = str(self.data(), "utf-8")  # each line ends in "\n"
        return [line.partition("\t")[0] for line in text.split("\n")[:-1]]

    def data(self) -> bytes:
        """Return the lines' bytes."""
        return self._text[self._starts[0] + 1 : self._end]
