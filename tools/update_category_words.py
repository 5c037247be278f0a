"""
Write ``data/<cc>/category_words.csv``: the category words of other Cyrillic languages.

Lookup reads a name's core with a category word in any order ("Новосибирск
область"); the words it knows by heart are English, Russian, pinyin and a few
more (`regionkit._normalize`). The other Cyrillic languages of our name sources
(Kazakh облысы, Kyrgyz крайы, Belarusian вобласць, Ukrainian автономний,
Bulgarian област, Mongolian муж, Bashkir республикаһы) name the same
categories with their own words, which this tool learns from the names
themselves: a word of a locale's CLDR or pycountry names (``names_cldr_all.csv``,
``names_translations.csv``) that three or more units of one category bear in
that locale is a category word of that category. Latin locales are left out:
their common words are articles and prepositions too ("de", "la", "do").

Each row is ``word,category,locale,names,source``: the word (canonical form),
the category value, the locale, how many units of the category bear it there,
and the sources of those names.

    python tools/update_category_words.py [--check]

Stdlib and regionkit only.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tables import read_csv, render_csv, update_files  # noqa: E402

from regionkit._normalize import CATEGORY_WORDS, canonical  # noqa: E402

DATA = ROOT / "data"
SOURCES = ("names_cldr_all.csv", "names_translations.csv")
COLUMNS = ("word", "category", "locale", "names", "source")
LEAST = 3  # units of one category in one locale
# Words that are Russian too, where they mean something else or too much:
# "регион" (Bulgarian, of China's autonomous regions) fits any unit in Russian,
# as "region" does; "районы" (Bashkir) is the Russian plural of район, a district.
RUSSIAN = frozenset({"регион", "районы"})
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def learned(folder: Path) -> str:
    """Return the text of *folder*'s category word table."""
    categories = {
        row["code"]: row["category"] for row in read_csv(folder / "divisions.csv")
    }
    # (locale, category, word) -> the codes bearing it, and their sources
    bearers: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    cited: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for name in SOURCES:
        for row in read_csv(folder / name):
            locale, text = row["locale"], row["text"]
            if locale.split("-")[0] == "ru" or not _CYRILLIC.search(text):
                continue  # Russian has its list; Latin locales are left out
            category = categories.get(row["code"])
            if category is None:
                continue
            for word in set(canonical(text).split()):
                if len(word) >= 3 and _CYRILLIC.search(word):
                    key = (locale, category, word)
                    bearers[key].add(row["code"])
                    cited[key].update(row["source"].split())
    rows = sorted(
        (word, category, locale, str(len(codes)), " ".join(sorted(cited[key])))
        for key, codes in bearers.items()
        if len(codes) >= LEAST
        for locale, category, word in [key]
        if word not in CATEGORY_WORDS and word not in RUSSIAN
    )
    return render_csv(COLUMNS, rows)


def main(argv: list[str] | None = None) -> int:
    """Write the tables, or with ``--check`` prove them current."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--check", action="store_true", help="change nothing")
    args = parser.parse_args(argv)
    outputs = {
        DATA / cc / "category_words.csv": learned(DATA / cc) for cc in ("ru", "cn")
    }
    return update_files(
        outputs, check=args.check, tool="tools/update_category_words.py"
    )


if __name__ == "__main__":
    sys.exit(main())
