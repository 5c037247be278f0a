"""Walking the tree of divisions: pure functions over a parent and a children step."""

from __future__ import annotations

from collections.abc import Callable

from regionkit._models import Division

__all__ = ["ancestors", "descendants"]


def ancestors(
    division: Division, parent: Callable[[Division], Division | None]
) -> tuple[Division, ...]:
    """Return the chain of parents of *division*, nearest first."""
    chain: list[Division] = []
    seen = {division.code}
    step = parent(division)
    while step is not None:
        if step.code in seen:  # the build rejects cycles; never loop on bad data
            raise ValueError(f"cycle in parents at {step.code}")
        seen.add(step.code)
        chain.append(step)
        step = parent(step)
    return tuple(chain)


def descendants(
    division: Division, children: Callable[[Division], tuple[Division, ...]]
) -> tuple[Division, ...]:
    """Return every unit below *division*, depth first, children in code order."""
    found: list[Division] = []
    stack = list(reversed(children(division)))
    while stack:
        step = stack.pop()
        found.append(step)
        stack.extend(reversed(children(step)))
    return tuple(found)
