"""China's administrative divisions (GB/T 2260): codes, names, short and former names, parents.

Interface used by the rest of the package (issue 4 fills it from a maintained data package):

* ``default()`` -> the shared :class:`Gazetteer` (built once per process);
* ``Gazetteer.get(code)`` -> :class:`Division`;
* ``Gazetteer.lookup(name)`` -> divisions whose official, short or former name is ``name``;
* ``Gazetteer.ancestors(code)`` -> parents, nearest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

NATIONAL = "CN"  # key suffix of 全国政协; it serves the whole country and has no region


@dataclass(frozen=True)
class Division:
    code: str  # six digits, e.g. "450200"
    name: str  # official full name, e.g. "柳州市"
    level: int  # 1 province-level, 2 prefecture-level, 3 county-level
    parent: str | None = None  # code of the parent division
    short: tuple[str, ...] = ()  # short forms used by news: 柳州, 广西
    former: tuple[str, ...] = ()  # former names: 横县 for 横州市
    lat: float | None = None
    lon: float | None = None


class Gazetteer:
    def __init__(self, divisions: list[Division]):
        self._by_code = {d.code: d for d in divisions}
        self._by_name: dict[str, list[Division]] = {}
        for d in divisions:
            for n in {d.name, *d.short, *d.former}:
                self._by_name.setdefault(n, []).append(d)

    def get(self, code: str) -> Division | None:
        return self._by_code.get(code)

    def lookup(self, name: str) -> list[Division]:
        return list(self._by_name.get(name, ()))

    def ancestors(self, code: str) -> list[Division]:
        out = []
        d = self._by_code.get(code)
        while d is not None and d.parent:
            d = self._by_code.get(d.parent)
            if d is not None:
                out.append(d)
        return out

    def names(self) -> list[str]:
        return list(self._by_name)

    def __len__(self) -> int:
        return len(self._by_code)


@lru_cache(maxsize=1)
def default() -> Gazetteer:
    return Gazetteer([])
