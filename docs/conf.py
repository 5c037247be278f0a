"""Sphinx configuration for regionkit's documentation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib.metadata import version as _version
from pathlib import Path
from typing import Any

import attrs
from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.ext import intersphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

# -- Project ---------------------------------------------------------------------------

project = "regionkit"
author = "regionkit developers"
copyright = "regionkit developers"
release = _version("regionkit")  # the single source: pyproject.toml's version
version = ".".join(release.split(".")[:2])

# -- General ---------------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx_copybutton",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_inventories", "Thumbs.db", ".DS_Store"]
# Docstrings write names in single backticks (`Division.parent`): make them links.
default_role = "py:obj"
nitpicky = True
language = "en"

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc and napoleon --------------------------------------------------------------

autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_member_order = "bysource"
autodoc_preserve_defaults = True
autodoc_class_signature = "mixed"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# -- intersphinx -----------------------------------------------------------------------
# CI builds offline, so every inventory is read from docs/_inventories/ (see the
# README there for where each file comes from); links still point to the live
# sites. pycountry publishes no Sphinx inventory: its names are in nitpick_ignore.

intersphinx_mapping = {
    "python": ("https://docs.python.org/3", "_inventories/python.inv"),
    "attrs": ("https://www.attrs.org/en/stable", "_inventories/attrs.inv"),
    "cattrs": ("https://catt.rs/en/stable", "_inventories/cattrs.inv"),
    "babel": ("https://babel.pocoo.org/en/latest", "_inventories/babel.inv"),
}
intersphinx_timeout = 5

nitpick_ignore = [
    # A TypeVar in signatures (`from_dict(cls: type[T], ...)`), not an object.
    ("py:class", "regionkit.serialization.T"),
    ("py:class", "regionkit._api.T"),
    ("py:class", "T"),
    # What `Division` holds as its names while a data file's are still unbuilt:
    # internal, so not documented; a program passes a tuple of `Name`.
    ("py:class", "PackedNames"),
    # `to_dict`'s overloads take any attrs record; attrs' inventory has no entry
    # for its `AttrsInstance` protocol.
    ("py:class", "attr.AttrsInstance"),
]
nitpick_ignore_regex = [
    ("py:.*", r"pycountry(\..*)?"),  # no inventory exists (see above)
    # The column libraries' types (regionkit.columns): optional, and their
    # inventories are not kept in docs/_inventories.
    ("py:.*", r"(pd|pa|pl|dd|pandas|pyarrow|polars|pyspark|dask)\..*"),
]

# -- doctest ---------------------------------------------------------------------------
# Pages import what they use; docstrings (shown on the API page) are written for
# their own module's namespace, so give them the public names.

doctest_global_setup = """
import regionkit
from regionkit import *
from regionkit.serialization import *
from regionkit.cli import main
from importlib.util import find_spec as _find_spec
# The column guide's examples run where their libraries are installed.
HAVE_PYARROW = _find_spec("pyarrow") is not None
HAVE_PANDAS = HAVE_PYARROW and _find_spec("pandas") is not None
HAVE_POLARS = HAVE_PYARROW and _find_spec("polars") is not None
HAVE_DUCKDB = HAVE_PYARROW and _find_spec("duckdb") is not None
HAVE_DASK = HAVE_PANDAS and _find_spec("dask") is not None
"""

# -- HTML ------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"regionkit {release}"
html_static_path: list[str] = []
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True


# -- Re-exported names -----------------------------------------------------------------
# Classes live in private modules (regionkit._models.Division) and are documented
# where users import them (regionkit.Division). Type hints and docstrings name the
# home module, so send references that miss to the documented public name.

# A module path that a name may be written with: a private module, or a public one.
_HOME = re.compile(r"regionkit\.(?:_\w+|errors|serialization)\.")
# Where public names are documented (regionkit._lookup and regionkit._index: the
# matching constants).
_PUBLIC = (
    "regionkit",
    "regionkit.errors",
    "regionkit.serialization",
    "regionkit._lookup",
    "regionkit._index",
)


def _candidates(target: str) -> list[str]:
    match = _HOME.match(target)
    if match:
        rest = target[match.end() :]
    elif target.startswith("regionkit."):
        rest = target.removeprefix("regionkit.")
    else:
        rest = target
    return [f"{module}.{rest}" for module in _PUBLIC]


# Names that other projects re-export from where their inventories file them.
_EXTERNAL_ALIASES = {"babel.Locale": "babel.core.Locale"}


def _resolve_reexport(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> Any:
    if node.get("refdomain") != "py":
        return None
    alias = _EXTERNAL_ALIASES.get(node["reftarget"])
    if alias is not None:
        node["reftarget"] = alias
        return intersphinx.missing_reference(app, env, node, contnode)
    domain = env.get_domain("py")
    objects = domain.objects  # type: ignore[attr-defined]  # PythonDomain's index
    target = node["reftarget"]
    for candidate in _candidates(target):
        if candidate in objects and candidate != target:
            return domain.resolve_xref(
                env,
                node["refdoc"],
                app.builder,
                node["reftype"],
                candidate,
                node,
                contnode,
            )
    return None


_PRIVATE_PATH = re.compile(r"regionkit\._\w+\.([\w.]+)")


def _shorten_private_paths(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    # Links spelled with a private path (napoleon's attribute types write
    # "regionkit._models.Division") show the bare name, as type hints do.
    for reference in doctree.findall(nodes.reference):
        for text in list(reference.findall(nodes.Text)):
            match = _PRIVATE_PATH.fullmatch(text.astext())
            if match and text.parent is not None:
                text.parent.replace(text, nodes.Text(match[1]))


# -- Attribute docstrings --------------------------------------------------------------
# Napoleon reads an attribute docstring "X: Y" as type X, description Y. Here types
# are always inline annotations and attribute docstrings are prose ("The full
# official form: ..."), so keep napoleon's hands off them: save each attribute
# docstring before napoleon runs (priority 500) and put it back after.

_ATTRIBUTE_DOCS: dict[str, list[str]] = {}


def _save_attribute_docstring(
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    if what == "attribute":
        _ATTRIBUTE_DOCS[name] = list(lines)


def _restore_attribute_docstring(
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    if what == "attribute" and name in _ATTRIBUTE_DOCS:
        lines[:] = _ATTRIBUTE_DOCS.pop(name)


# -- Signatures ------------------------------------------------------------------------
# autodoc_preserve_defaults shows defaults as written in the source; attrs generates
# its __init__, whose source says "attr_dict['level'].default": show the value.

_ATTRS_DEFAULT = re.compile(r"attr_dict\['(\w+)'\]\.default")


def _attrs_defaults(
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    if not signature or not isinstance(obj, type) or not attrs.has(obj):
        return None
    defaults = {field.name: field.default for field in attrs.fields(obj)}
    return _ATTRS_DEFAULT.sub(
        lambda m: repr(defaults[m[1]]), signature
    ), return_annotation


def _no_exception_rtype(
    app: Sphinx, domain: str, objtype: str, contentnode: nodes.Element
) -> None:
    # Sphinx leaves out a class's "Return type: None" (from __init__) but not an
    # exception's; drop it before autodoc merges the type hints (priority 500).
    if domain != "py" or objtype != "exception":
        return
    signature = contentnode.parent[0]
    fullname = ".".join(
        filter(None, [signature.get("module"), signature.get("fullname")])
    )
    current = getattr(app.env, "current_document", None)  # Sphinx >= 9
    recorded: Any = (
        current.autodoc_annotations
        if current is not None
        else app.env.temp_data.get("annotations", {})
    )
    recorded.get(fullname, {}).pop("return", None)


# -- The data page ---------------------------------------------------------------------
# data.md lists every data/<cc>/sources*.csv and includes every NOTES*.md, whatever
# files the data helpers add: the marker below is replaced when the page is read.

_DATA = Path(__file__).resolve().parent.parent / "data"
_COUNTRIES = {"ru": "Russia", "cn": "China"}


def _main_first(paths: Iterable[Path]) -> list[Path]:
    # sources.csv before sources-lower.csv, NOTES.md before NOTES-lower.md
    return sorted(paths, key=lambda path: (len(path.stem.split("-")), path.name))


def _data_files() -> str:
    parts = []
    for folder, country in _COUNTRIES.items():
        parts.append(f"## {country}\n")
        for table in _main_first((_DATA / folder).glob("sources*.csv")):
            name = f"data/{folder}/{table.name}"
            parts.append(
                f"### Sources: `{name}`\n\n"
                f"```{{csv-table}}\n:file: ../{name}\n:header-rows: 1\n"
                f":widths: auto\n```\n"
            )
        for notes in _main_first((_DATA / folder).glob("NOTES*.md")):
            name = f"data/{folder}/{notes.name}"
            parts.append(
                f"### Notes: `{name}`\n\n"
                f"```{{include}} ../{name}\n:heading-offset: 2\n:start-line: 1\n```\n"
            )
    return "\n".join(parts)


def _fill_data_page(app: Sphinx, docname: str, source: list[str]) -> None:
    if docname == "data":
        source[0] = source[0].replace("<!-- data files -->", _data_files())


# -- Completeness ----------------------------------------------------------------------
# The API page is written by hand; fail the build when a name in regionkit.__all__
# (or in a public module's __all__) is not documented there.


def _check_public_names(app: Sphinx, env: BuildEnvironment) -> None:
    import importlib

    documented = set(env.get_domain("py").objects)  # type: ignore[attr-defined]
    missing = []
    for module_name in ("regionkit", "regionkit.errors", "regionkit.serialization"):
        module = importlib.import_module(module_name)
        for name in module.__all__:
            if not {f"{module_name}.{name}", f"regionkit.{name}"} & documented:
                missing.append(f"{module_name}.{name}")
    if missing:
        logger.warning("not documented in api.md: %s", ", ".join(missing))


def setup(app: Sphinx) -> None:
    """Connect the handlers above."""
    app.connect("missing-reference", _resolve_reexport)
    app.connect("doctree-resolved", _shorten_private_paths)
    app.connect("autodoc-process-signature", _attrs_defaults)
    app.connect("object-description-transform", _no_exception_rtype, priority=400)
    app.connect("autodoc-process-docstring", _save_attribute_docstring, priority=400)
    app.connect("autodoc-process-docstring", _restore_attribute_docstring, priority=600)
    app.connect("source-read", _fill_data_page)
    app.connect("env-check-consistency", _check_public_names)
