"""The public functions of reporting lines, on the default dataset."""

from __future__ import annotations

from regionkit._models import Division
from regionkit._reporting import Authority, LineKind, ReportingLink
from regionkit._store import default_dataset

__all__ = ["centre", "reporting_line", "reports_directly_to_centre", "subordinates"]


def reporting_line(
    division: Division | Authority | str, *, kind: LineKind | str | None = None
) -> tuple[ReportingLink, ...]:
    """
    Return the chain of links from *division* up to its national centre.

    Each unit has one administrative line, and that is what comes back by
    default. A unit with more lines (Shenzhen plans directly with the State
    Council; an XPCC city also answers to the Corps; Nenets Autonomous Okrug lies
    within Arkhangelsk Oblast) gives the line of *kind*: at each step the link of
    that kind is taken where the unit has one, else its administrative link. A
    federal district's line is its envoy's line to the President. Economic and
    geographic regions take part in no line: their chain is empty, as is a
    centre's.

    Args:
        division: A `Division`, an `Authority` or a code (``"RU-NEN"``,
            ``"440300"``, ``"CN-XPCC"``).
        kind: A `LineKind` or its value (``"within"``); ``None`` for the
            administrative line.

    Raises:
        UnknownCode: No division or authority has this code.
        TypeError: *division* or *kind* has the wrong type.
        ValueError: *kind* is no `LineKind` value.

    >>> [(s.superior_code, s.kind.value) for s in reporting_line("RU-NEN")]
    [('RU-CENTRE', 'administrative')]
    >>> [s.superior_code for s in reporting_line("RU-NEN", kind="within")]
    ['RU-ARK', 'RU-CENTRE']
    >>> [s.superior_code for s in reporting_line("CN-440304")]  # Futian, Shenzhen
    ['CN-440300', 'CN-GD', 'CN-CENTRE']
    >>> [s.superior_code for s in reporting_line("CN-440304", kind="separate_planning")]
    ['CN-440300', 'CN-CENTRE']
    >>> print(reporting_line("CN-HK")[0].basis.citation)  # doctest: +ELLIPSIS
    A special administrative region (art. 31): ... Macao, art. 12).
    """
    from regionkit._reporting import line_in

    return line_in(default_dataset(), division, kind=kind)


def reports_directly_to_centre(division: Division | Authority | str) -> bool:
    """
    Whether the administrative line of *division* goes straight to its centre.

    True for every Russian subject (an autonomous okrug inside an oblast too) and
    every Chinese provincial-level unit, and for the federal districts, whose
    envoys answer to the President.

    >>> reports_directly_to_centre("RU-NEN"), reports_directly_to_centre("CN-HK")
    (True, True)
    >>> reports_directly_to_centre("CN-440300")  # Shenzhen: through Guangdong
    False
    """
    from regionkit._reporting import directly_in

    return directly_in(default_dataset(), division)


def subordinates(
    division: Division | Authority | str, *, kind: LineKind | str | None = None
) -> tuple[Division | Authority, ...]:
    """
    Return the units with a link of *kind* (any kind if ``None``) to *division*.

    In code order. For the centres, these are the top-level units, the federal
    districts or the Corps, and whatever reaches them directly by another line.

    >>> [d.code for d in subordinates("RU-ARK")]
    ['RU-NEN']
    >>> [d.code for d in subordinates("CN-CENTRE", kind="separate_planning")]
    ['CN-210200', 'CN-330200', 'CN-350200', 'CN-370200', 'CN-440300']
    >>> len(subordinates("CN-XPCC"))
    12
    """
    from regionkit._reporting import subordinates_in

    return subordinates_in(default_dataset(), division, kind=kind)


def centre(country: str) -> Authority:
    """
    Return the national centre of *country* (``"RU"`` or ``"CN"``).

    >>> centre("RU").name()
    'Federal centre of the Russian Federation (the President and the Government)'
    >>> centre("CN").seat.name("en")
    'Beijing'
    """
    from regionkit._reporting import centre_in

    return centre_in(default_dataset(), country)
