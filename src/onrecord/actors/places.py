"""Countries and their subdivisions (pycountry), so that a place is never taken for a person."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def countries() -> dict[str, tuple[str, ...]]:
    """ISO code -> names (common name first)."""
    import pycountry

    out = {}
    for c in pycountry.countries:
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        out[c.alpha_2] = tuple(dict.fromkeys(n for n in names if n))
    return out


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    import pycountry

    names = {n for ns in countries().values() for n in ns}
    names |= {s.name for s in pycountry.subdivisions}
    return frozenset(names)


def is_place(name: str) -> bool:
    return name in place_names()
