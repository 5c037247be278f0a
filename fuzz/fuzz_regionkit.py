"""
Coverage-guided fuzzing of lookup and the data loaders, with atheris.

    pip install -e ".[fuzz]"
    python fuzz/fuzz_regionkit.py -max_total_time=600      # ten minutes

Each input is split into a selector byte and a payload. Depending on the
selector, the payload goes to `regionkit.lookup`, `regionkit.resolve`,
`Division.name` (as a locale tag), `regionkit.loads` (as JSON) or a
`Dataset` read from a folder (as a data file). Only the documented exceptions
may come out; anything else is a crash that atheris reports with its input.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import regionkit
    from regionkit import (
        AmbiguousName,
        DataError,
        Dataset,
        Division,
        NotFound,
        UnknownCode,
        UnknownLocaleError,
    )

DOCUMENTED = (
    NotFound,
    AmbiguousName,
    UnknownCode,
    UnknownLocaleError,
    DataError,
    ValueError,
    TypeError,
)
FOLDER = Path(tempfile.mkdtemp(prefix="regionkit-fuzz-"))
KHABAROVSK = regionkit.get("RU-KHA")


def one_input(data: bytes) -> None:
    """Feed one fuzzer input to the API part its first byte selects."""
    provider = atheris.FuzzedDataProvider(data)
    selector = provider.ConsumeIntInRange(0, 5)
    text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    try:
        if selector == 0:
            regionkit.lookup(text)
        elif selector == 1:
            regionkit.resolve(text)
        elif selector == 2:
            KHABAROVSK.name(text)
        elif selector == 3:
            regionkit.loads(text, Division)
        elif selector == 4:
            regionkit.get(text)
        else:
            (FOLDER / "ru.json").write_text(text, encoding="utf-8")
            Dataset.from_path(FOLDER).get("RU-KHA")
    except DOCUMENTED:
        return


def main() -> None:
    """Run the fuzzer with the command line's libFuzzer options."""
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
