"""
Generate the CLDR name tables: every CLDR locale's names of the RU and CN units.

Reads ``common/subdivisions/*.xml`` of the CLDR core data that Debian's
``unicode-cldr-core`` package installs (``apt-get install unicode-cldr-core``;
``--cldr PATH`` points at another copy of ``common/subdivisions``) and writes
``data/ru/names_cldr_all.csv`` and ``data/cn/names_cldr_all.csv``: each locale's
name of each unit (CLDR keys ``ruta``, ``cnah``; the units ISO lists under
Ukraine by their Ukrainian keys, as ``tools/update_names.py`` reads them), as
``alias`` rows for lookup, with the source ``cldr-subdivisions``. CLDR's names
mix full and short forms, so none is served by `Division.name`.

Left out: the locales ``names_cldr.csv`` already reads from the reference copy
(en, ru, zh, yue), ``root``, entries marked as inherited (``↑↑↑``), and every
text a unit already bears in another table (most locales repeat the English
name: "Anhui", "Tatarstan"; two name another unit). The data is under the
Unicode licence, whose notice ships in the wheel
(``LICENSES/Unicode-DFS-2016.txt``).

The edition is the installed package's version, which the ``cldr-subdivisions``
row of each ``sources.csv`` must name. Without the package, ``--check`` is
skipped with a message (CI does not install it). Run::

    python tools/update_cldr.py [--cldr PATH] [--check]

It reads CLDR's files as ``tools/update_names.py`` does, so it needs that
tool's build-only packages.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from tables import TableError, load_sources, read_csv, render_csv, update_files
from update_names import CLDR_ENTRY, CLDR_UKRAINIAN

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CLDR = Path("/usr/share/unicode/cldr/common/subdivisions")
PACKAGE = "unicode-cldr-core"
SOURCE = "cldr-subdivisions"
OUTPUT = "names_cldr_all.csv"
COLUMNS = ("code", "locale", "form", "text", "source")
# Read by tools/update_names.py from ../shared/data (names_cldr.csv).
DONE = frozenset({"en", "ru", "zh", "yue", "root"})
INHERITED = "↑↑↑"

Row = tuple[str, str, str, str, str]


class BuildError(Exception):
    """The input is not what this tool expects; the message says why."""


def package_version() -> str | None:
    """Return the installed ``unicode-cldr-core`` version, or None."""
    try:
        done = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", PACKAGE],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def locale_of(path: Path) -> str:
    """Return a CLDR file's locale as a BCP 47 tag: ``sr_Latn`` is ``sr-Latn``."""
    return path.stem.replace("_", "-")


def bearers() -> dict[str, set[str]]:
    """Return, by case-folded text, the units that bear it in the other tables."""
    codes: dict[str, set[str]] = defaultdict(set)
    for pattern in ("ru/names*.csv", "cn/names*.csv", "cn/unit_names*.csv"):
        for path in sorted(DATA.glob(pattern)):
            if path.name != OUTPUT:
                for row in read_csv(path):
                    codes[row["text"].casefold()].add(row["code"])
    return codes


def units(country: str) -> set[str]:
    """Return the codes of *country*'s divisions that have names tables."""
    return {r["code"] for r in read_csv(DATA / country / "divisions.csv")}


def code_of(key: str, prefix: str) -> str | None:
    """Return the unit a CLDR key names (``ruta`` is RU-TA), or None."""
    if prefix == "ru" and key in CLDR_UKRAINIAN:
        return CLDR_UKRAINIAN[key]
    if key.startswith(prefix) and len(key) > len(prefix):
        return f"{prefix.upper()}-{key[len(prefix) :].upper()}"
    return None


def cldr_rows(folder: Path, country: str) -> list[Row]:
    """Return the alias rows of every locale's names of *country*'s units."""
    codes = units(country)
    borne = bearers()
    rows: list[Row] = []
    for path in sorted(folder.glob("*.xml")):
        locale = locale_of(path)
        if path.stem in DONE:
            continue
        for key, raw in CLDR_ENTRY.findall(path.read_text(encoding="utf-8")):
            code = code_of(key, country)
            if code not in codes or raw.strip() == INHERITED:
                continue
            assert code is not None  # for mypy: codes holds str only
            # NFKC, the form lookup keys names by (a few Lao and Indic texts
            # change); the rows are aliases, never served as written.
            text = " ".join(unicodedata.normalize("NFKC", raw).split())
            # Borne by the unit already, or by another unit: CLDR's vi "Altai"
            # for Altai Krai is the Altai Republic's name, and would never
            # find the krai (nor should no "Moskva" find Moscow Oblast).
            if borne[text.casefold()]:
                continue
            borne[text.casefold()].add(code)
            rows.append((code, locale, "alias", text, SOURCE))
    return rows


def render(rows: list[Row]) -> str:
    """Return a table's CSV text, sorted by code, locale, form and text."""
    return render_csv(COLUMNS, sorted(rows))


def build(folder: Path, version: str | None) -> dict[Path, str]:
    """Return each table's path and text; check the edition cited first."""
    for country in ("ru", "cn"):
        edition = load_sources(country)[SOURCE]["edition"]
        if version is not None and f"Debian {PACKAGE} {version}" not in edition:
            raise BuildError(
                f"data/{country}/sources.csv: {SOURCE} must name the installed"
                f" edition, Debian {PACKAGE} {version} (it says {edition!r})"
            )
    return {
        DATA / country / OUTPUT: render(cldr_rows(folder, country))
        for country in ("ru", "cn")
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Write the tables; with ``--check``, fail if stale, skip if CLDR is absent."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument(
        "--cldr",
        type=Path,
        default=CLDR,
        help=f"CLDR's common/subdivisions folder (default: {CLDR})",
    )
    parser.add_argument("--check", action="store_true", help="change nothing")
    args = parser.parse_args(argv)
    version = package_version() if args.cldr == CLDR else None
    if not args.cldr.is_dir():
        print(
            f"skipped: {args.cldr} is absent (apt-get install {PACKAGE})",
            file=sys.stderr,
        )
        return 0 if args.check else 1
    try:
        outputs = build(args.cldr, version)
    except (BuildError, TableError, OSError, KeyError) as error:
        sys.exit(f"error: {error}")
    return update_files(outputs, check=args.check, tool="tools/update_cldr.py")


if __name__ == "__main__":
    sys.exit(main())
