"""
Compare two wheels file by file: the same names, the same bytes in each.

CI builds one wheel from the source tree and one from the sdist; a user who
installs from the sdist must get the package CI tested:

    python tools/compare_wheels.py TREE.whl SDIST.whl

Prints every file that is in one wheel only or differs (by SHA-256), and exits
with status 1 if any does. Uses only the standard library.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path


def digests(wheel: Path) -> dict[str, str]:
    """Return the SHA-256 of every file in *wheel*, by its name in the archive."""
    with zipfile.ZipFile(wheel) as archive:
        return {
            info.filename: hashlib.sha256(archive.read(info)).hexdigest()
            for info in archive.infolist()
            if not info.is_dir()
        }


def differences(first: Path, second: Path) -> list[str]:
    """Return one line per file that is not the same in both wheels."""
    one, two = digests(first), digests(second)
    lines = [f"only in {first.name} ({first.parent}): {n}" for n in one.keys() - two]
    lines += [f"only in {second.name} ({second.parent}): {n}" for n in two.keys() - one]
    lines += [f"differs: {name}" for name in one.keys() & two if one[name] != two[name]]
    return sorted(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    lines = differences(args.first, args.second)
    for line in lines:
        print(line)
    if lines:
        return 1
    print(f"same {len(digests(args.first))} files in both wheels")
    return 0


if __name__ == "__main__":
    sys.exit(main())
