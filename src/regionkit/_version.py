"""The package's version; pyproject.toml reads it from here (tool.hatch.version)."""

__version__ = "0.2.0"
