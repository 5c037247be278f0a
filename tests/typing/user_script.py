"""
A user's script that the project's ``mypy --strict`` run checks; tests never run it.

Each ``assert_type`` states a type a user may rely on; mypy fails if the public
API stops promising it.
"""

from __future__ import annotations

import datetime
from typing import Any, assert_type

import regionkit


def main() -> None:
    """Use the public API as a program would."""
    major, *_ = regionkit.__version__.split(".")
    assert_type(major, str)

    krai = regionkit.get("RU-KHA")
    assert_type(krai, regionkit.Division)
    assert_type(krai.name(), str)
    assert_type(krai.name("ru", form="short"), str)
    krai.name("ru", form="shortest")  # type: ignore[arg-type]  # no such form
    assert_type(krai.valid_on(datetime.date(2020, 1, 1)), bool)

    data = regionkit.to_dict(krai)
    assert_type(data, dict[str, Any])
    assert_type(data["code"], Any)
    assert_type(regionkit.to_dict(krai.children), list[dict[str, Any]])
    assert_type(regionkit.from_dict(regionkit.Division, data), regionkit.Division)
    assert_type(regionkit.dumps(krai), str)
    assert_type(
        regionkit.loads(regionkit.dumps(krai), regionkit.Division), regionkit.Division
    )

    assert_type(regionkit.lookup("Москва"), regionkit.Division)
    for result in regionkit.lookup_many(["Москва", "黑龙江"]):
        assert_type(result, regionkit.LookupResult)
        assert_type(result.code, str | None)
    assert_type(regionkit.resolve("Moscow"), tuple[regionkit.Match, ...])
    assert_type(regionkit.divisions("CN", level=1), tuple[regionkit.Division, ...])
    assert_type(regionkit.Dataset.from_path("data").meta("RU"), dict[str, Any])


if __name__ == "__main__":
    main()
