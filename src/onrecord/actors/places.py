"""Countries and their subdivisions (pycountry), so that a place is never taken for a person."""
from __future__ import annotations

from functools import lru_cache


# names the news uses that ISO does not (it has "Türkiye", "Côte d'Ivoire", "Holy See")
NEWS_NAMES = {"TR": ["Turkey"], "CI": ["Ivory Coast"], "MK": ["Macedonia"], "CV": ["Cape Verde"],
              "SZ": ["Swaziland"], "MM": ["Burma"], "PS": ["Palestine"], "VA": ["Vatican", "Holy See"],
              "BN": ["Brunei"], "FM": ["Micronesia"],
              "CD": ["Democratic Republic of Congo", "Democratic Republic of the Congo", "DR Congo"]}

SHOWN = {"TR", "PS", "CD", "VA", "BN", "FM"}  # whose news name is the one to show ("Palestine, State of")


@lru_cache(maxsize=1)
def countries() -> dict[str, tuple[str, ...]]:
    """ISO code -> names (common name first, then the news's own)."""
    import pycountry

    out = {}
    for c in pycountry.countries:
        news = NEWS_NAMES.get(c.alpha_2, [])
        names = [*(news[:1] if c.alpha_2 in SHOWN else ()), getattr(c, "common_name", None), c.name,
                 getattr(c, "official_name", None), *news]
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
