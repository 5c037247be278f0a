import sys
import zipfile
from pathlib import Path

# The script is a build tool: tools/ is not a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import compare_wheels


def wheel(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def test_same_files_make_no_difference(tmp_path: Path) -> None:
    files = {"regionkit/__init__.py": b"x", "regionkit/_data/ru.json": b"{}"}
    one = wheel(tmp_path / "one.whl", files)
    two = wheel(tmp_path / "two.whl", dict(reversed(files.items())))
    assert compare_wheels.differences(one, two) == []
    assert compare_wheels.main([str(one), str(two)]) == 0


def test_a_missing_or_changed_file_is_named(tmp_path: Path) -> None:
    one = wheel(tmp_path / "one.whl", {"a.py": b"x", "LICENSES/CC0-1.0.txt": b"t"})
    two = wheel(tmp_path / "two.whl", {"a.py": b"y", "NOTICE": b"n"})
    assert compare_wheels.differences(one, two) == [
        "differs: a.py",
        f"only in one.whl ({tmp_path}): LICENSES/CC0-1.0.txt",
        f"only in two.whl ({tmp_path}): NOTICE",
    ]
    assert compare_wheels.main([str(one), str(two)]) == 1
