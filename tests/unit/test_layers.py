"""
The package's imports run one way: each module imports only modules of its own
layer or below, and no import, inside a function or not, closes a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "regionkit"

# Bottom to top. A module may import modules of its own layer (without a cycle)
# or of any layer below; never one above.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "errors",
            "_category_words",
            "_manifest",
            "_normalize",
            "_sorted_lines",
            "_version",
        }
    ),  # import nothing above
    frozenset({"_locales"}),  # choosing a name for a locale, for any record
    frozenset({"_models"}),  # the records and the argument parsers
    # formats
    frozenset({"_answers", "_categories", "_datafile", "_index", "serialization"}),
    frozenset(
        {"_hierarchy", "_lookup", "_names", "_neighbours", "_reporting", "_townships"}
    ),
    frozenset({"_store"}),  # the Dataset: the only reader of files
    frozenset(
        {"_address", "_api", "_api_borders", "_api_lines"}
    ),  # the default dataset's API
    # Whole columns (regionkit.columns): the shared core, the Arrow and pandas
    # paths, then what runs on them.
    frozenset({"columns.__init__", "columns._core"}),
    frozenset({"columns.arrow", "columns.pandas"}),
    frozenset({"columns.polars", "columns.spark", "columns.dask"}),
    frozenset({"__init__", "cli"}),
    frozenset({"__main__"}),
)
RANK = {module: rank for rank, layer in enumerate(LAYERS) for module in layer}


def imports_of(source: str, module: str) -> set[str]:
    """Return the package modules that *source* imports anywhere, by short name."""
    found: set[str] = set()
    package = module == "__init__"
    # Modules of the columns subpackage are named "columns.<stem>".
    here = "regionkit.columns" if module.startswith("columns.") else "regionkit"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("regionkit.columns"):
                    rest = alias.name.split(".")[2:3] or ["__init__"]
                    found.add(f"columns.{rest[0]}")
                elif alias.name == "regionkit" or alias.name.startswith("regionkit."):
                    found.add(alias.name.removeprefix("regionkit.").split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            name = node.module or ""
            if node.level:  # relative: from . import x, from ._models import y
                name = here + ("." + name if name else "")
            if name == "regionkit.columns":
                found.update(f"columns.{alias.name}" for alias in node.names)
            elif name.startswith("regionkit.columns."):
                found.add("columns." + name.split(".")[2])
            elif name == "regionkit":
                # "from regionkit import _names" imports a module; other names
                # come from the package itself.
                for alias in node.names:
                    short = alias.name
                    found.add(short if short in RANK else "__init__")
            elif name.startswith("regionkit."):
                found.add(name.removeprefix("regionkit.").partition(".")[0])
    if package:
        found.discard("__init__")
    found.discard(module)
    return found


def graph() -> dict[str, set[str]]:
    names = {path.stem: path for path in sorted(PACKAGE.glob("*.py"))}
    names.update(
        (f"columns.{path.stem}", path)
        for path in sorted((PACKAGE / "columns").glob("*.py"))
    )
    return {
        name: imports_of(path.read_text(encoding="utf-8"), name)
        for name, path in names.items()
    }


def upward(edges: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module, targets in edges.items()
        for target in targets
        if RANK[target] > RANK[module]
    )


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Return one cycle through each module that lies on one (depth-first)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the stack, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges.get(module, ())):
            if state.get(target) == 1:
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    return found


def test_every_module_has_a_layer() -> None:
    """A new module must be placed in a layer before it may import anything."""
    assert sorted(set(graph()) - set(RANK)) == []


def test_no_module_imports_a_higher_layer() -> None:
    """Imports inside functions and under TYPE_CHECKING count too."""
    assert upward(graph()) == []


def test_the_imports_have_no_cycle() -> None:
    assert cycles(graph()) == []


def test_the_records_import_nothing_above_them() -> None:
    edges = graph()
    assert edges["errors"] == set()
    assert edges["_category_words"] == set()
    # its table of learned category words, a generated module of data alone
    assert edges["_normalize"] <= {"_category_words"}
    assert edges["_models"] <= {"errors", "_locales"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def f():\n    from regionkit._store import Dataset\n", {"_store"}),
        ("if TYPE_CHECKING:\n    import regionkit._lookup\n", {"_lookup"}),
        ("from regionkit import _names, get\n", {"_names", "__init__"}),
        ("from . import _store\n", {"_store"}),
        ("from ._hierarchy import by_code\n", {"_hierarchy"}),
        ("import json\nfrom attrs import frozen\n", set()),
        ("from regionkit.columns import arrow\n", {"columns.arrow"}),
        ("from regionkit.columns._core import needs\n", {"columns._core"}),
        ("import regionkit.columns.polars\n", {"columns.polars"}),
    ],
)
def test_the_checker_sees_every_kind_of_import(source: str, expected: set[str]) -> None:
    assert imports_of(source, "_models") == expected


def test_the_checker_finds_upward_imports_and_cycles() -> None:
    edges = {"_models": {"_store"}, "_store": {"_models"}, "errors": set()}
    assert upward(edges) == ["_models imports _store"]
    assert cycles(edges) == [["_models", "_store", "_models"]]
