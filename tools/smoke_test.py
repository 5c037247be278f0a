"""
Smoke-test an installed regionkit: the wheel, not the source tree.

Run it with the Python of a virtual environment into which the wheel was
installed, from anywhere:

    /tmp/venv/bin/python tools/smoke_test.py [--source-tree PATH]

It checks that regionkit is imported from that environment (not from PATH, by
default the checkout this script lives in), then exercises the version, the
packaged data, get, divisions, names, navigation, lookup and the command line
(``python -m regionkit`` and the ``regionkit`` script). It uses only the
standard library, prints one line per check and exits with status 1 if any
check fails.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.resources
import os
import re
import subprocess
import sys
import sysconfig
import tempfile
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

SOURCE_TREE = Path(__file__).resolve().parent.parent


def check_installed_copy(source_tree: Path) -> None:
    import regionkit

    location = Path(regionkit.__file__).resolve()
    assert not location.is_relative_to(source_tree.resolve()), (
        f"regionkit was imported from the source tree ({location}), not from the "
        "installed wheel; run this script with the Python of a fresh environment"
    )
    prefix = Path(sys.prefix).resolve()
    assert location.is_relative_to(prefix), (
        f"regionkit was imported from {location}, outside this environment ({prefix})"
    )


def check_version() -> None:
    import regionkit

    version = regionkit.__version__
    assert isinstance(version, str), f"__version__ is {version!r}, not a str"
    assert re.fullmatch(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?", version), (
        f"__version__ {version!r} is not a PEP 440 release version"
    )
    installed = importlib.metadata.version("regionkit")
    assert version == installed, f"__version__ {version!r} != metadata {installed!r}"


def check_packaged_files() -> None:
    package = importlib.resources.files("regionkit")
    assert package.joinpath("py.typed").is_file(), "py.typed is missing"
    for stem in ("ru", "cn", "cn-lower", "cn-history"):
        data = package.joinpath("_data", f"{stem}.json")
        assert data.is_file(), f"_data/{stem}.json is missing"
        assert data.read_bytes().startswith(b"{"), f"_data/{stem}.json is not JSON"
        index = package.joinpath("_data", f"{stem}.index")
        assert index.read_bytes().startswith(b"# regionkit name index"), (
            f"_data/{stem}.index is missing or not an index"
        )
    # Without its MANIFEST the package would read its data unchecked.
    manifest = package.joinpath("_data", "MANIFEST").read_text(encoding="utf-8")
    listed = {line.split("  ", 1)[1] for line in manifest.splitlines()}
    shipped = {p.name for p in package.joinpath("_data").iterdir()} - {"MANIFEST"}
    assert listed == shipped, f"_data/MANIFEST lists {sorted(listed ^ shipped)} wrongly"


def check_licence_files() -> None:
    # The data carries material under other licences: their texts and the
    # attributions must install with it (pyproject's license-files).
    distribution = importlib.metadata.distribution("regionkit")
    named = distribution.metadata.get_all("License-File") or []
    for needed in ("LICENSE", "NOTICE", "LICENSES/CC-BY-4.0.txt"):
        assert needed in named, f"the metadata names no License-File {needed}"
    installed = {str(path) for path in distribution.files or ()}
    for name in named:
        path = f"{distribution.metadata['Name']}-{distribution.version}"
        path += f".dist-info/licenses/{name}"
        assert path in installed, f"License-File {name} is not installed"
    expression = distribution.metadata["License-Expression"] or ""
    assert "LGPL-2.1-only" in expression, f"License-Expression {expression!r}"


def check_get() -> None:
    import regionkit

    khabarovsk = regionkit.get("RU-KHA")
    assert khabarovsk.code == "RU-KHA", khabarovsk
    assert khabarovsk.name() == "Khabarovsk Krai", khabarovsk.name()
    found = (khabarovsk.national_code, khabarovsk.okato, khabarovsk.oktmo)
    assert found == ("27", "08", "08000000"), found
    heilongjiang = regionkit.get("230000")
    assert heilongjiang.code == "CN-HL", heilongjiang
    try:
        regionkit.get("RU-NO-SUCH-CODE")
    except regionkit.UnknownCode:
        pass
    else:
        raise AssertionError("get() of an unknown code did not raise UnknownCode")


def check_divisions() -> None:
    import regionkit

    counts = (
        len(regionkit.divisions("RU", level=1)),
        len(regionkit.divisions("RU", level=1, perspective="iso")),
        len(regionkit.divisions("CN", level=1)),
        len(regionkit.divisions("RU", category="federal_district")),
    )
    assert counts == (89, 83, 34, 8), f"counts RU/RU-iso/CN/districts: {counts}"


def check_names() -> None:
    import regionkit

    khabarovsk = regionkit.get("RU-KHA")
    assert khabarovsk.name("ru") == "Хабаровский край", khabarovsk.name("ru")
    heilongjiang = regionkit.get("CN-HL")
    assert heilongjiang.name("zh") == "黑龙江省", heilongjiang.name("zh")
    assert heilongjiang.name("zh-Hant") == "黑龍江省", heilongjiang.name("zh-Hant")


def check_navigation() -> None:
    import regionkit

    nenets = regionkit.get("RU-NEN")
    assert nenets.within is not None, "RU-NEN has no `within`"
    assert nenets.within.code == "RU-ARK", nenets.within
    assert nenets.parent is None, nenets.parent
    assert [d.code for d in regionkit.get("RU-ARK").enclosed] == ["RU-NEN"]
    district = regionkit.get("RU-KHA").federal_district
    assert district is not None, "RU-KHA has no federal district"
    assert district.code == "RU-FD-FAR-EASTERN", district


def check_lookup() -> None:
    import regionkit

    assert regionkit.lookup("Хабаровский край").code == "RU-KHA"
    assert regionkit.lookup("Heilongjiang, China").code == "CN-HL"
    assert regionkit.resolve("Atlantis") == ()
    try:
        regionkit.lookup("Atlantis")
    except regionkit.NotFound:
        pass
    else:
        raise AssertionError("lookup() of a nonsense name did not raise NotFound")


def _run(command: Sequence[str]) -> subprocess.CompletedProcess[str]:
    # Run in an empty folder so that nothing is imported from the working
    # directory, with UTF-8 output whatever the locale.
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONPATH", None)
    with tempfile.TemporaryDirectory() as empty:
        return subprocess.run(
            list(command),
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=empty,
            env=env,
            timeout=120,
            check=False,
        )


def _check_show(command: Sequence[str]) -> None:
    shown = _run([*command, "show", "RU-KHA"])
    assert shown.returncode == 0, f"exit {shown.returncode}: {shown.stderr.strip()}"
    assert shown.stdout.startswith("RU-KHA  Khabarovsk Krai"), shown.stdout[:200]
    assert "08000000" in shown.stdout, shown.stdout
    missing = _run([*command, "show", "RU-NO-SUCH-CODE"])
    assert missing.returncode == 1, f"unknown code: exit {missing.returncode}"
    assert "RU-NO-SUCH-CODE" in missing.stderr, missing.stderr
    usage = _run([*command, "no-such-command"])
    assert usage.returncode == 2, f"usage error: exit {usage.returncode}"


def check_cli_module() -> None:
    _check_show([sys.executable, "-m", "regionkit"])


def check_cli_script() -> None:
    scripts = Path(sysconfig.get_path("scripts"))
    candidates = [scripts / "regionkit", scripts / "regionkit.exe"]
    script = next((path for path in candidates if path.is_file()), None)
    assert script is not None, f"no regionkit script in {scripts}"
    _check_show([str(script)])
    tree = _run([str(script), "tree", "RU-FD-FAR-EASTERN"])
    assert tree.returncode == 0, f"tree: exit {tree.returncode}: {tree.stderr.strip()}"
    assert "  RU-KHA  Khabarovsk Krai" in tree.stdout.splitlines(), tree.stdout


def main(argv: Sequence[str] | None = None) -> int:
    """Run every check; return 0 if all pass, else 1."""
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument(
        "--source-tree",
        type=Path,
        default=SOURCE_TREE,
        help="the checkout regionkit must NOT be imported from (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    checks: list[tuple[str, Callable[[], Any]]] = [
        (
            "imported from the installed wheel",
            lambda: check_installed_copy(args.source_tree),
        ),
        ("__version__ matches the metadata", check_version),
        ("py.typed, _data/*.json and *.index are packaged", check_packaged_files),
        ("licence texts and NOTICE are installed", check_licence_files),
        ("get() by ISO, GB/T 2260 and unknown codes", check_get),
        ("divisions(): 89 / 83 / 34 / 8", check_divisions),
        ("names in ru, zh and zh-Hant", check_names),
        ("navigation: RU-NEN within RU-ARK, federal district", check_navigation),
        ("lookup() and resolve()", check_lookup),
        ("python -m regionkit show", check_cli_module),
        ("the regionkit script: show and tree", check_cli_script),
    ]
    failed = 0
    for title, check in checks:
        try:
            check()
        except Exception as error:  # report every failure, then exit non-zero
            failed += 1
            print(f"FAIL  {title}: {type(error).__name__}: {error}")
            if not isinstance(error, AssertionError):
                traceback.print_exc(file=sys.stdout)
        else:
            print(f"ok    {title}")
    if failed:
        print(f"smoke test: {failed} of {len(checks)} checks failed", file=sys.stderr)
        return 1
    import regionkit

    version, location = regionkit.__version__, regionkit.__file__
    print(f"smoke test passed: regionkit {version} from {location}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
