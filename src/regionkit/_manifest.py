"""
The checksums of a data folder: its ``MANIFEST``.

``tools/build_data.py`` writes ``_data/MANIFEST`` with one line per file of the
folder, ``<CRC-32 in 8 hex digits>  <name>``, so that a reviewer can check the
files by hand (``python -c "import zlib,sys; print(f'{zlib.crc32(open(sys.argv[1],
'rb').read()):08x}')" ru.json``).

A dataset checks each file against the manifest when it reads the file, once
(it reads each file once): a damaged file raises `DataError` naming it, where
it might otherwise still parse and give other answers. A file that the
manifest does not list is refused the same way.

The package's own data always has a manifest. A folder without one (data made
by hand, or copied and edited, read with `Dataset.from_path`) is read
unchecked: its files are still read strictly, but a damage that still parses
goes unnoticed. A dataset made from a read function reads exactly the files it
needs, and no manifest. Whoever edits a folder that has a manifest must rebuild
or remove the manifest.

CRC-32 because the check guards against damage (a flipped bit, a truncated
copy), not against tampering: it finds every single-bit and burst error, costs
about 1 ms for China's 4 MB lower-level index (BLAKE2b costs 4 ms, and
importing hashlib's OpenSSL bindings 4 ms more), and zlib is loaded already.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable

from regionkit.errors import DataError

__all__ = ["NAME", "CheckedReader", "Manifest", "digest"]

NAME = "MANIFEST"
"""The manifest's file name, in the folder it covers."""


def digest(raw: bytes) -> str:
    """Return the checksum of a file's bytes, as the manifest writes it."""
    return f"{zlib.crc32(raw):08x}"


class Manifest:
    """The checksum of each file of a folder, by file name."""

    def __init__(self, digests: dict[str, str], path: str) -> None:
        """Hold *digests* read from the manifest at *path*."""
        self.digests = digests
        self.path = path

    @classmethod
    def parse(cls, raw: bytes, path: str) -> Manifest:
        """
        Read a manifest's lines.

        Raises:
            DataError: A line is not ``<checksum>  <name>``, or names a file twice.
        """
        digests: dict[str, str] = {}
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DataError(path, [f"not UTF-8: {error}"]) from None
        for number, line in enumerate(text.splitlines(), 1):
            checksum, _, name = line.partition("  ")
            if (
                len(checksum) != 8
                or not all(c in "0123456789abcdef" for c in checksum)
                or not name
                or name in digests
            ):
                raise DataError(path, [f"line {number}: not '<checksum>  <name>'"])
            digests[name] = checksum
        return cls(digests, path)

    def check(self, name: str, raw: bytes, path: str) -> None:
        """
        Check the bytes read from file *name* (at *path*) against the manifest.

        Raises:
            DataError: The file is damaged, or the manifest does not list it.
        """
        expected = self.digests.get(name)
        if expected is None:
            raise DataError(path, [f"{name} is not listed in {self.path}"])
        if digest(raw) != expected:
            raise DataError(
                path,
                [
                    f"{name} does not match its checksum in {self.path}: the"
                    " file is damaged or was edited; reinstall regionkit, or"
                    " rebuild the data"
                ],
            )


class CheckedReader:
    """
    Read a folder's files, each checked against the folder's manifest.

    The manifest is read with the first file; without one, files are read
    unchecked.
    """

    def __init__(self, read: Callable[[str], bytes], origin: str) -> None:
        """Read files by name with *read*, from the folder *origin* names."""
        self._read = read
        self._origin = origin
        self._lock = threading.Lock()
        self._manifest: Manifest | None = None
        self._looked = False

    def reset_lock(self) -> None:
        """Replace the lock with a free one: in a forked child, no thread holds it."""
        self._lock = threading.Lock()

    def __call__(self, name: str) -> bytes:
        """Return the bytes of file *name*, checked."""
        raw = self._read(name)
        manifest = self.manifest()
        if manifest is not None:
            manifest.check(name, raw, f"{self._origin}/{name}")
        return raw

    def manifest(self) -> Manifest | None:
        """Return the folder's manifest, or ``None`` if it has none."""
        if not self._looked:
            with self._lock:
                if not self._looked:
                    try:
                        raw = self._read(NAME)
                    except OSError:
                        self._manifest = None
                    else:
                        path = f"{self._origin}/{NAME}"
                        self._manifest = Manifest.parse(raw, path)
                    self._looked = True
        return self._manifest
