"""China's administrative divisions and countries, from the data file scripts/build_gazetteer.py writes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# English level words after a pinyin name (Suzhou City, Huarong County).
EN_LEVEL = {"province": "Province", "city": "City", "county": "County", "district": "District"}


@dataclass(frozen=True)
class Place:
    """One division: full name, short form ('' if none), level, English spelling ('' if none)."""

    name: str
    short: str
    level: str
    english: str


class Gazetteer:
    """Lookup of full names and short forms; `canonical` links 苏州 and 苏州市 to one place."""

    def __init__(self, places: list[Place]) -> None:
        self.by_name: dict[str, Place] = {}
        self.by_short: dict[str, Place] = {}
        for p in places:
            self.by_name.setdefault(p.name, p)
        for p in places:
            # A short form that is also another division's full name stays that division's.
            if p.short and p.short not in self.by_name:
                self.by_short.setdefault(p.short, p)
        self.by_english: dict[str, Place] = {}
        for p in places:
            if p.english and p.level in EN_LEVEL:
                self.by_english.setdefault(p.english, p)

    @classmethod
    def load(cls, path: Path) -> "Gazetteer":
        """Read the TSV data file (name, short, level, english)."""
        places = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            name, short, level, english = (line.split("\t") + ["", "", ""])[:4]
            places.append(Place(name, short, level, english))
        return cls(places)

    def lookup(self, form: str) -> Place | None:
        """The division written as `form` (full name or short form), if any."""
        return self.by_name.get(form) or self.by_short.get(form)

    def is_short(self, form: str) -> bool:
        """True when `form` is a short form (苏州), not a full name (苏州市)."""
        return form not in self.by_name and form in self.by_short
