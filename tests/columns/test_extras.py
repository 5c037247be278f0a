"""Without its library, each helper says which extra to install."""

from __future__ import annotations

import subprocess
import sys

import pytest

HELPERS = [
    ("pandas", "pandas", "from regionkit.columns import pandas as m; m.codes(None)"),
    ("pyarrow", "arrow", "from regionkit.columns import arrow as m; m.codes(None)"),
    ("polars", "polars", "from regionkit.columns import polars as m; m.codes(None)"),
    (
        "pyspark",
        "spark",
        "from regionkit.columns import spark as m; m.with_codes(None, 'x')",
    ),
    ("dask", "dask", "from regionkit.columns import dask as m; m.codes(None)"),
]


@pytest.mark.parametrize(("library", "extra", "code"), HELPERS)
def test_a_missing_library_names_its_extra(library: str, extra: str, code: str) -> None:
    # sys.modules[name] = None makes importing it fail, as if it were not installed.
    script = f"import sys; sys.modules[{library!r}] = None\n{code}"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 1
    assert "ImportError: regionkit.columns." in run.stderr
    assert f"pip install 'regionkit[{extra}]'" in run.stderr


def test_importing_regionkit_imports_no_column_library() -> None:
    script = (
        "import sys, regionkit, regionkit.columns\n"
        "libraries = {'pandas', 'pyarrow', 'polars', 'pyspark', 'dask'}\n"
        "print(sorted(libraries & set(sys.modules)))"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "[]"
