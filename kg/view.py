"""The HTML views: ``graph.html`` (an interactive explorer) and ``overview.html``.

Both pages are self-contained: every script and style is inlined from ``kg/static`` and the
page holds no http(s) URL, so it opens from disk with no network at all.

Why vis-network with our own template rather than pyvis's ``Network.generate_html``: pyvis's
template pulls CDN scripts (bootstrap, tom-select) and has no legend, search, filters, panel or
lazy evidence; the vis-network build that pyvis ships is what we embed (see kg/static/README.md).

What the graph page promises (``data["promise"]``): a graph of at most ``SMALL_GRAPH``
entities is drawn whole; a bigger one draws the top of the graph (committees, their regions,
brands and programmes, by rank, at most ``INITIAL_CAP`` nodes) and keeps the rest (people,
figures, meetings...) behind expansion, class checkboxes and search.  Evidence sentences are
embedded as a separate compact JSON block that the page parses only when the panel needs it.

The layout is computed here, not by physics: committees form a layered tree (全国政协 ->
province -> prefecture -> county, by ``subOrganizationOf``) and each committee's block of the
things it runs, its region and its people sits right under it.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

import orjson

from kg import gazetteer
from kg.model import (
    BRAND,
    CLAIMS,
    COMMITTEE,
    DOCUMENT,
    FIGURE,
    HOLDS_POST,
    MEETING,
    MEMBER_OF,
    ORGAN,
    ORGANISATION,
    PERSON,
    PROGRAMME,
    REGION,
    REGION_OF,
    RUNS,
    SUB_ORGANIZATION_OF,
    Corpus,
    Entity,
    Evidence,
)

STATIC = Path(__file__).resolve().parent / "static"
VIS_VERSION = "vis-9.1.2"  # the vis-network build inside pyvis 0.3.2

SMALL_GRAPH = 400  # a corpus with at most this many entities is drawn whole
INITIAL_CAP = 1500  # at most this many nodes drawn at first on bigger graphs
MAX_EVIDENCE = 8  # evidence sentences embedded per node or edge (the count of all is kept)

# grid of a committee's block (canvas units)
DX, DY = 190.0, 110.0
COMMITTEE_H = 120.0
GAP_X, GAP_Y = 70.0, 110.0
SMALL_DX, SMALL_DY = 100.0, 46.0  # the dense grid of small things under a committee's block
SAT_DX, SAT_DY = 62.0, 26.0  # satellites: offset right of their host, step down
LANE = 40.0  # free lane under a committee for the edges to its sub-committees
MAX_ASPECT = 3.0  # a tree wider than this (width / height) wraps sub-committees into bands
ASPECT = 1.6  # the shape aimed at when wrapping (a landscape screen)
MIN_BAND = 6  # a band holds at least this many sub-committees: small families stay on one row


@dataclass(frozen=True)
class Style:
    """How one class is drawn: the legend, the node shape and the label size."""

    cls: str
    name: str  # legend text
    colour: str
    shape: str  # a vis-network shape
    font: int  # label size in canvas units
    size: int  # node size for shapes with the label outside
    top: bool  # drawn at first on big graphs


STYLES: dict[str, Style] = {s.cls: s for s in (
    Style(COMMITTEE, "政协 Committee", "#c0392b", "box", 30, 30, True),
    Style(REGION, "地区 Region", "#2e86c1", "triangle", 17, 11, True),
    Style(BRAND, "品牌 Brand", "#8e44ad", "star", 22, 17, True),
    Style(PROGRAMME, "活动/机制 Programme", "#1e8449", "diamond", 22, 14, True),
    Style(PERSON, "人物 Person", "#e67e22", "dot", 17, 9, False),
    Style(ORGAN, "机构 Organ", "#a04000", "hexagon", 16, 10, False),
    Style(ORGANISATION, "组织 Organisation", "#566573", "triangleDown", 16, 10, False),
    Style(MEETING, "会议 Meeting", "#148f77", "square", 15, 9, False),
    Style(DOCUMENT, "文件 Document", "#7d6608", "square", 15, 8, False),
    Style(FIGURE, "数据 Figure", "#b7950b", "dot", 14, 6, False),
)}
OTHER = Style("", "其他 Other", "#7f8c8d", "dot", 14, 8, False)
CLASS_ORDER = list(STYLES)
_CLASS_RANK = {c: i for i, c in enumerate(CLASS_ORDER)}  # CLASS_ORDER.index without the scan

# predicate -> (colour, width, dashed, opacity); the region tree is faint: the committee tree says it already
EDGE_STYLES: dict[str, tuple[str, float, bool, float]] = {
    SUB_ORGANIZATION_OF: ("#c0392b", 3.0, False, 0.8),
    RUNS: ("#8e44ad", 1.6, False, 0.75),
    REGION_OF: ("#2e86c1", 1.2, True, 0.6),
    "partOf": ("#2e86c1", 1.0, True, 0.25),
    MEMBER_OF: ("#e67e22", 1.2, False, 0.75),
    HOLDS_POST: ("#e67e22", 1.0, True, 0.75),
    CLAIMS: ("#b7950b", 1.0, False, 0.75),
    "organOf": ("#a04000", 1.2, False, 0.75),
    "heldBy": ("#148f77", 1.0, False, 0.75),
    "issuedBy": ("#7d6608", 1.0, False, 0.75),
    "cooperatesWith": ("#566573", 1.2, True, 0.75),
}
LEVELS = {0: "全国", 1: "省级", 2: "市级", 3: "县级"}

_URL = re.compile(r"https?://[^\s\"'<>()]+")
_XML_NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml", "http://www.w3.org/1999/xlink")


def style_of(cls: str) -> Style:
    return STYLES.get(cls, OTHER)


# --------------------------------------------------------------------------- graph helpers

def _committee_parents(corpus: Corpus) -> dict[str, str]:
    """Committee key -> parent committee key (the first ``subOrganizationOf`` by key order)."""
    parents: dict[str, str] = {}
    subs = [f for f in corpus.facts if f.predicate == SUB_ORGANIZATION_OF]
    for f in sorted(subs, key=lambda f: (f.subject, f.object)):
        if (f.subject in corpus.entities and f.object in corpus.entities
                and f.subject != f.object and f.subject not in parents):
            parents[f.subject] = f.object
    # drop cycles so the tree walk always ends
    for start in sorted(parents):
        seen, k = set(), start
        while k in parents:
            if k in seen:
                del parents[k]
                break
            seen.add(k)
            k = parents[k]
    return parents


def _adjacency(corpus: Corpus) -> dict[str, list[str]]:
    adj: dict[str, set[str]] = defaultdict(set)
    ents = corpus.entities
    for f in corpus.facts:
        s, o = f.subject, f.object
        if s in ents and o in ents and s != o:
            adj[s].add(o)
            adj[o].add(s)
    return {k: sorted(v) for k, v in adj.items()}


@dataclass
class GraphIndex:
    """What the view derives from the facts once: neighbours, degrees, anchors, the committee tree."""

    adj: dict[str, list[str]]
    deg: dict[str, int]
    owner: dict[str, str]  # entity key -> the committee it is drawn under (see anchors)
    parents: dict[str, str]  # committee key -> parent committee key


def index_graph(corpus: Corpus) -> GraphIndex:
    adj = _adjacency(corpus)
    deg = {k: len(adj.get(k, ())) for k in corpus.entities}
    return GraphIndex(adj, deg, anchors(corpus, adj), _committee_parents(corpus))


def _level(e: Entity) -> int | None:
    if e.key.endswith(":CN"):
        return 0
    lv = e.attrs.get("level")
    try:
        return int(lv) if lv is not None else None
    except (TypeError, ValueError):
        return None


def _code(e: Entity) -> str:
    code = e.attrs.get("code")
    if code:
        return str(code)
    if e.cls not in (COMMITTEE, REGION):  # (before splitting the key: most entities stop here)
        return ""
    rest = e.key.partition(":")[2]
    return rest if rest.isdigit() else ""


def anchors(corpus: Corpus, adj: dict[str, list[str]] | None = None) -> dict[str, str]:
    """Entity key -> the committee it is drawn under: the nearest committee in the graph.

    A breadth-first search from every committee at once (higher levels first, then by key),
    so a brand run by a county committee sits under it, a figure claimed by that brand too,
    and ties go to the same committee on every run.
    """
    adj = _adjacency(corpus) if adj is None else adj
    committees = sorted((e for e in corpus.entities.values() if e.cls == COMMITTEE),
                        key=lambda e: (_level(e) if _level(e) is not None else 9, e.key))
    owner: dict[str, str] = {e.key: e.key for e in committees}
    queue = deque(e.key for e in committees)
    while queue:
        k = queue.popleft()
        for n in adj.get(k, ()):
            if n not in owner:
                owner[n] = owner[k]
                queue.append(n)
    return owner


def _tier(e: Entity, owner: dict[str, str], ents: dict[str, Entity]) -> int:
    """How near the top of the graph an entity is: committees by level, then what the upper
    committees run, then counties, then what they run; regions last (committees stand for them)."""
    if e.cls == COMMITTEE:
        lv = _level(e)
        return {0: 0, 1: 0, 2: 1, 3: 2}.get(lv if lv is not None else 3, 2)
    if e.cls in (BRAND, PROGRAMME):
        anchor = ents.get(owner.get(e.key, ""))
        lv = _level(anchor) if anchor is not None else None
        return {0: 1, 1: 1, 2: 2}.get(lv if lv is not None else 3, 3)
    return _CLASS_TIER.get(e.cls, 5)


def ranking(corpus: Corpus, gi: GraphIndex | None = None) -> list[str]:
    """Entity keys, most important first: tier (see :func:`_tier`), then degree and mentions."""
    gi = gi or index_graph(corpus)
    ents, owner, deg = corpus.entities, gi.owner, gi.deg
    # the rank tuples end with the (unique) key, so sorting them orders the keys as a sort by
    # key function would; classes whose tier needs no anchor get it from the class alone
    ranked = sorted([(_tier(e, owner, ents) if e.cls in _ANCHORED_TIERS else _CLASS_TIER.get(e.cls, 5),
                      -deg.get(k, 0) - len(e.evidence) // 4, k) for k, e in ents.items()])
    return [k for _, _, k in ranked]


_ANCHORED_TIERS = (COMMITTEE, BRAND, PROGRAMME)  # the classes whose tier _tier works out from levels
_CLASS_TIER = {c: 4 if s.top else 5 for c, s in STYLES.items()}  # the others' (OTHER is not top: 5)


def initial_keys(corpus: Corpus, gi: GraphIndex | None = None, ranked: list[str] | None = None) -> set[str]:
    """The entities the page draws at first (see the module docstring).

    ``ranked`` is :func:`ranking`'s answer when the caller has it already (the page needs it
    too: computed once, not twice).
    """
    if len(corpus.entities) <= SMALL_GRAPH:
        return set(corpus.entities)
    ents = corpus.entities
    top = [k for k in (ranking(corpus, gi) if ranked is None else ranked) if ents[k].cls in _TOP_CLASSES]
    return set(top[:INITIAL_CAP])


_TOP_CLASSES = frozenset(c for c, s in STYLES.items() if s.top)  # style_of(c).top, without the call (OTHER is not)


# --------------------------------------------------------------------------- layout

def _block_shape(n: int) -> tuple[int, int]:
    """Columns and rows of a block of ``n`` items: wider than tall, an even number of columns
    (a lane stays free under the committee for the edges to its sub-committees)."""
    if n == 0:
        return 0, 0
    cols = min(6, max(2, math.ceil(math.sqrt(n * 1.6))))
    cols += cols % 2
    return cols, math.ceil(n / cols)


def _block_x(col: int, cols: int) -> float:
    """Offset of a block column from the committee's x, leaving the central lane free."""
    half = cols / 2
    if col < half:
        return -LANE / 2 - (half - col - 0.5) * DX
    return LANE / 2 + (col - half + 0.5) * DX


def _item_order(e: Entity, deg: dict[str, int]) -> tuple:
    return (_CLASS_RANK.get(e.cls, len(CLASS_ORDER)), -deg.get(e.key, 0), e.label, e.key)


@dataclass
class _Block:
    """What hangs under a committee: a grid of the things it runs (and its region, people,
    organs...), then a dense grid of small things (figures, meetings, documents) it holds itself.
    Offsets are relative to the committee's position, in the order of the block's keys."""

    width: float
    height: float
    offsets: list[tuple[float, float]]

    @staticmethod
    def of(ents: dict[str, Entity], keys: list[str]) -> _Block:
        main = [k for k in keys if ents[k].cls not in SATELLITES]
        small = len(keys) - len(main)
        cols, rows = _block_shape(len(main))
        offsets = [(_block_x(i % cols, cols), COMMITTEE_H * 0.75 + (i // cols) * DY) for i in range(len(main))]
        width, height = (cols * DX + LANE if main else 0.0), rows * DY
        if small:
            width = max(width, 4 * SMALL_DX)
            scols = max(1, int(width // SMALL_DX))
            top = COMMITTEE_H * 0.75 + height + (SMALL_DY if main else 0.0)
            offsets += [(-width / 2 + SMALL_DX / 2 + (i % scols) * SMALL_DX, top + (i // scols) * SMALL_DY)
                        for i in range(small)]
            height += (SMALL_DY if main else 0.0) + math.ceil(small / scols) * SMALL_DY
        return _Block(width, height, offsets)


class _Tree:
    """The committee tree packed into boxes.

    Every committee at one depth reserves the same height for itself and its block, so in a
    graph whose children fit in one band the levels line up (全国政协 / provinces / cities /
    counties).  A committee with many sub-committees wraps them into bands no wider than
    ``band_w``, which keeps a big graph roughly screen-shaped instead of a thin endless line.
    """

    def __init__(self, ents: dict[str, Entity], committees: list[str], parents: dict[str, str],
                 blocks: dict[str, list[str]], band_w: float = math.inf):
        self.ents, self.blocks, self.band_w = ents, blocks, band_w
        self.block = {c: _Block.of(ents, blocks[c]) for c in committees}
        self.children: dict[str, list[str]] = defaultdict(list)
        for c in committees:
            if c in parents:
                self.children[parents[c]].append(c)
        self.roots = sorted((c for c in committees if c not in parents),
                            key=lambda c: (_level(ents[c]) if _level(ents[c]) is not None else 9, c))
        self.depth: dict[str, int] = {}
        stack = [(r, 0) for r in self.roots]
        while stack:
            c, d = stack.pop()
            self.depth[c] = d
            stack.extend((ch, d + 1) for ch in self.children[c])
        self.own_h: dict[int, float] = defaultdict(float)
        for c in committees:
            self.own_h[self.depth[c]] = max(self.own_h[self.depth[c]], COMMITTEE_H + self.block[c].height)
        self.size: dict[str, tuple[float, float]] = {}
        self.bands: dict[str, list[list[str]]] = {}
        for c in sorted(committees, key=lambda c: -self.depth[c]):  # children before parents
            self._measure(c)

    def _own_w(self, c: str) -> float:
        return max(self.block[c].width, len(self.ents[c].label) * STYLES[COMMITTEE].font + 40)

    def _measure(self, c: str) -> None:
        bands: list[list[str]] = []
        row_w = 0.0
        for ch in self.children[c]:
            w = self.size[ch][0]
            if bands and (len(bands[-1]) < MIN_BAND or row_w + GAP_X + w <= self.band_w):
                bands[-1].append(ch)
                row_w += GAP_X + w
            else:
                bands.append([ch])
                row_w = w
        self.bands[c] = bands
        w = max([self._own_w(c)] + [self._band_w(b) for b in bands])
        h = self.own_h[self.depth[c]] + sum(GAP_Y + max(self.size[ch][1] for ch in b) for b in bands)
        self.size[c] = (w, h)

    def _band_w(self, band: list[str]) -> float:
        return sum(self.size[ch][0] for ch in band) + GAP_X * (len(band) - 1)

    def extent(self) -> tuple[float, float]:
        """Width and height of the whole forest."""
        sizes = [self.size[r] for r in self.roots]
        return (sum(w for w, _ in sizes) + 2 * GAP_X * max(0, len(sizes) - 1), max([h for _, h in sizes] or [0.0]))

    def place(self, pos: dict[str, tuple[float, float]]) -> float:
        """Write every committee's and block item's position; return the right edge."""
        left = 0.0
        stack = []
        for r in self.roots:
            stack.append((r, left, 0.0))
            left += self.size[r][0] + GAP_X * 2
        while stack:
            c, lft, top = stack.pop()
            w = self.size[c][0]
            cx = lft + w / 2
            pos[c] = (round(cx, 1), round(top, 1))
            for k, (dx, dy) in zip(self.blocks[c], self.block[c].offsets, strict=True):
                pos[k] = (round(cx + dx, 1), round(top + dy, 1))
            y = top + self.own_h[self.depth[c]] + GAP_Y
            for band in self.bands[c]:
                x = lft + (w - self._band_w(band)) / 2
                for ch in band:
                    stack.append((ch, x, y))
                    x += self.size[ch][0] + GAP_X
                y += max(self.size[ch][1] for ch in band) + GAP_Y
        return left


def layout(corpus: Corpus, shown: set[str] | None = None,
           gi: GraphIndex | None = None) -> dict[str, tuple[float, float]]:
    """Canvas position of every entity.

    Entities in ``shown`` (default: all) are laid out as a committee tree (see :class:`_Tree`),
    each committee with a block under it of what hangs from it (its region, brands,
    programmes, people...).  The others get a ring around the committee they hang from, used
    when they are expanded.  Entities no drawn committee reaches go in a grid to the right.
    """
    shown = set(corpus.entities) if shown is None else shown
    gi = gi or index_graph(corpus)
    deg, owner, ents = gi.deg, gi.owner, corpus.entities
    # the shown entities, in the entities' order, found once for the committees, the blocks and
    # the loose grid (a few of many entities on big graphs)
    drawn = [k for k in ents if k in shown]
    committees = sorted(k for k in drawn if ents[k].cls == COMMITTEE)
    parents = {c: p for c, p in gi.parents.items() if c in shown and p in shown}
    hosts = _satellite_hosts(ents, shown, gi.adj)
    blocks: dict[str, list[str]] = defaultdict(list)
    members = [k for k in drawn if ents[k].cls != COMMITTEE and owner.get(k) in shown and k not in hosts]
    for k in sorted(members, key=lambda k: _item_order(ents[k], deg)):
        blocks[owner[k]].append(k)
    for c, keys in blocks.items():  # the grid first, the small things after it
        blocks[c] = [k for k in keys if ents[k].cls not in SATELLITES] + [k for k in keys if ents[k].cls in SATELLITES]
    pos: dict[str, tuple[float, float]] = {}
    right = _fit_tree(ents, committees, parents, blocks).place(pos)
    _place_satellites(hosts, pos)
    _grid_unanchored(ents, drawn, pos, deg, right, pos)
    _rings(ents, owner, pos)
    return pos


SATELLITES = (FIGURE,)  # small things (short labels) drawn densely, or next to the one thing they belong to


def _satellite_hosts(ents: dict[str, Entity], shown: set[str], adj: dict[str, list[str]]) -> dict[str, str]:
    """Satellite key -> the non-committee neighbour it is drawn beside (a figure by the
    programme that claims it), so that block grids hold only the things a committee runs."""
    hosts = {}
    for k in sorted(shown):
        if ents[k].cls not in SATELLITES:
            continue
        cands = [n for n in adj.get(k, ()) if n in shown and ents[n].cls not in SATELLITES and ents[n].cls != COMMITTEE]
        if cands:
            hosts[k] = cands[0]
    return hosts


def _place_satellites(hosts: dict[str, str], pos: dict[str, tuple[float, float]]) -> None:
    """A short column to the right of the host, clear of its label (which hangs below it)."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for k, h in sorted(hosts.items()):
        if h in pos:
            by_host[h].append(k)
    for h, keys in sorted(by_host.items()):
        hx, hy = pos[h]
        for i, k in enumerate(keys):
            pos[k] = (round(hx + SAT_DX, 1), round(hy - DY * 0.3 + i * SAT_DY, 1))


def _fit_tree(ents: dict[str, Entity], committees: list[str], parents: dict[str, str],
              blocks: dict[str, list[str]]) -> _Tree:
    """The tree unwrapped when it is not too wide; else wrapped to the band width whose shape
    comes nearest to ``ASPECT`` (a few tries, each linear in the number of committees)."""
    tree = _Tree(ents, committees, parents, blocks)
    w, h = tree.extent()
    if w <= MAX_ASPECT * max(h, 1.0):
        return tree
    best, best_err = tree, math.inf
    band = 4000.0
    while band < w:
        t = _Tree(ents, committees, parents, blocks, band)
        tw, th = t.extent()
        err = abs(math.log(max(tw, 1.0) / max(th, 1.0) / ASPECT))
        if err < best_err:
            best, best_err = t, err
        band *= 1.5
    return best


def _grid_unanchored(ents: dict[str, Entity], drawn: list[str], placed: dict[str, tuple[float, float]],
                     deg: dict[str, int], left: float, pos: dict[str, tuple[float, float]]) -> None:
    """Shown entities (``drawn``, in the entities' order) that the tree did not place: a grid
    to its right, by class."""
    loose = sorted((k for k in drawn if k not in placed), key=lambda k: _item_order(ents[k], deg))
    cols = max(1, math.ceil(math.sqrt(len(loose) * 1.6))) if loose else 1
    for i, k in enumerate(loose):
        pos[k] = (round(left + (i % cols) * DX, 1), round((i // cols) * DY, 1))


def _rings(ents: dict[str, Entity], owner: dict[str, str], pos: dict[str, tuple[float, float]]) -> None:
    """Positions of the entities not drawn at first: rings around their committee (or the origin)."""
    by_anchor: dict[str, list[str]] = defaultdict(list)
    for k in sorted(ents):
        if k not in pos:
            by_anchor[owner.get(k, "")].append(k)
    offsets = _ring_offsets(max(map(len, by_anchor.values()), default=0))
    for a, keys in sorted(by_anchor.items()):
        cx, cy = pos.get(a, (0.0, -400.0))
        for k, (dx, dy) in zip(keys, offsets, strict=False):  # (offsets may be the longer)
            pos[k] = (round(cx + dx, 1), round(cy + dy, 1))


def _ring_offsets(n: int) -> list[tuple[float, float]]:
    """Offsets of the first ``n`` ring slots from the centre: rings of 10, 18, 26... slots, each
    110 further out.  The same for every anchor, so worked out once (the same float operations
    as per entity, so the same positions)."""
    out = []
    ring, slot, per = 0, 0, 10
    for _ in range(n):
        r = 260 + ring * 110
        angle = 2 * math.pi * slot / per
        out.append((r * math.cos(angle), r * math.sin(angle)))
        slot += 1
        if slot == per:
            ring, slot, per = ring + 1, 0, per + 8
    return out


# --------------------------------------------------------------------------- page data

def _doc_table(corpus: Corpus) -> tuple[list[list[str]], dict[str, int]]:
    """Articles as [path, date, title] rows (sorted by date, newest first), and doc_id -> row."""
    rows: dict[str, list[str]] = {}
    for d in corpus.docs:
        a = d.article
        rows[a.doc_id] = [a.path, a.date, a.title]
    # an article known only from evidence gets the path of its first evidence; usually there is
    # none, which one pass of a set comprehension tells (no row made per evidence just in case)
    if not {ev.doc_id for ev in _all_evidence(corpus)} <= rows.keys():
        for ev in _all_evidence(corpus):
            if ev.doc_id not in rows:
                rows[ev.doc_id] = [ev.path, "", ""]
    order = sorted(rows, key=lambda i: (_neg_date(rows[i][1]), rows[i][0], i))
    return [rows[i] for i in order], {i: n for n, i in enumerate(order)}


def _neg_date(date: str) -> tuple:
    """A sort key putting later dates first (a date that is a prefix of another, "2024" of
    "2024-01", after it, as descending string order does), and undated articles last.

    >>> sorted(["2023-12-31", "", "2024", "2024-01"], key=_neg_date)
    ['2024-01', '2024', '2023-12-31', '']
    """
    # the 0 after the characters: a prefix's key ends where the longer date's next character
    # (a negative code) stands, and 0 is greater, so the prefix comes after
    return (0, (*(-ord(ch) for ch in date), 0)) if date else (1, ())


def _all_evidence(corpus: Corpus) -> Iterator[Evidence]:
    """Every evidence of the corpus: the entities', then the facts' (chained in C, no generator
    frame per list)."""
    return chain(chain.from_iterable(e.evidence for e in corpus.entities.values()),
                 chain.from_iterable(f.evidence for f in corpus.facts))


def _sentence_offset(docs: dict[str, Any], ev: Evidence) -> int | None:
    """Where the evidence span starts inside its sentence, from the document's sentence table."""
    doc = docs.get(ev.doc_id)
    if doc is not None:
        s = doc.sentence_at(ev.start)
        if s is not None and doc.text[s.start:s.end] == ev.sentence:
            return ev.start - s.start
    return None


def _evidence_rows(evs: list[Evidence], docs: dict[str, Any], doc_row: dict[str, int],
                   labels: tuple[str, ...]) -> list:
    """Compact evidence: [[article row, sentence, highlight start, highlight end], ...] plus the total.

    Identical sentences of one article are kept once; at most ``MAX_EVIDENCE`` rows.
    """
    rows: list[list] = []
    seen: set[tuple[str, str]] = set()
    for i, ev in enumerate(evs):
        if len(rows) >= MAX_EVIDENCE:
            # the rest only counts towards the total: one set update, its keys made in C
            seen.update(map(_DOC_SENTENCE, evs[i:]))
            break
        key = (ev.doc_id, ev.sentence)
        if key in seen:
            continue
        seen.add(key)
        rows.append(_evidence_row(ev, docs, doc_row, labels))
    return [rows, len(seen)]


_DOC_SENTENCE = attrgetter("doc_id", "sentence")  # an evidence's (doc_id, sentence), as _evidence_rows keys it


def _evidence_row(ev: Evidence, docs: dict[str, Any], doc_row: dict[str, int],
                  labels: tuple[str, ...]) -> list:
    """[article row, sentence, highlight start, highlight end] of one evidence."""
    off = _sentence_offset(docs, ev)
    n = len(ev.sentence)
    if off is not None and 0 <= off < n and (ev.end - ev.start) < 0.9 * n:
        hs, he = off, min(n, off + (ev.end - ev.start))
    else:  # no offset, or the span is the whole sentence (a relation's): mark a name in it
        hs, he = _find_any(ev.sentence, (ev.surface, *labels) if off is None else labels)
    return [doc_row[ev.doc_id], ev.sentence, hs, he]


def _find_any(sentence: str, labels: tuple[str, ...]) -> tuple[int, int]:
    for lab in labels:
        if lab:
            i = sentence.find(lab)  # one scan for "is it there" and "where"
            if i >= 0:
                return i, i + len(lab)
    return -1, -1


def _jsonable(v: Any) -> Any:
    if type(v) is float:
        return v if _plain_float(v) else _Spelt(v)
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in sorted(v.items(), key=lambda kv: str(kv[0]))}
    if isinstance(v, (list, tuple, set, frozenset)):
        items = [_jsonable(x) for x in v]
        return sorted(items, key=str) if isinstance(v, (set, frozenset)) else items
    return str(v)


# the types json and orjson write alike (floats: see _Spelt); exports' report.json too
PLAIN_TYPES = _PLAIN = frozenset((str, int, bool, type(None)))


class _Spelt(float):
    """A float that orjson spells otherwise than json (with an exponent: ``5e-05`` against
    ``0.00005``; NaN, infinities), so that the page's bytes do not depend on the writer: json
    writes it as the float it is, orjson hands it to :func:`_orjson_default`."""


def _orjson_default(o: Any) -> Any:
    if type(o) is _Spelt:
        return orjson.Fragment(json.dumps(float(o)))
    raise TypeError(f"Type is not JSON serializable: {type(o).__name__}")


def _json_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    """``attrs`` with every value made :func:`_jsonable`.  Most hold plain values only, or
    plain values and floats that json and orjson spell alike (a figure's value), which
    ``_jsonable`` returns as they are: one look at each value spares a call per value (and
    a new dict)."""
    for v in attrs.values():
        if type(v) not in _PLAIN and (type(v) is not float or not _plain_float(v)):
            return {a: _jsonable(x) for a, x in attrs.items()}
    return attrs


def _plain_float(v: float) -> bool:
    """Whether json and orjson spell ``v`` alike (what :func:`_jsonable` leaves unmarked)."""
    return math.isfinite(v) and "e" not in repr(v)


_HIDDEN_ATTRS = {"code", "level", "lat", "lon", "alt", "hant", "inferred", "parent", "posts", "post"}


def view_data(corpus: Corpus) -> tuple[dict, dict]:
    """The page's two JSON blocks: the graph (drawn at once) and the evidence (parsed lazily).

    Pure and deterministic: the same corpus gives the same bytes.
    """
    ents = corpus.entities
    gi = index_graph(corpus)
    ranked = ranking(corpus, gi)
    shown = initial_keys(corpus, gi, ranked)
    pos = layout(corpus, shown, gi)
    # drawn first, then the rest, each by rank: what a stable sort on "not shown" gives
    keys = [k for k in ranked if k in shown] + [k for k in ranked if k not in shown]
    index = {k: i for i, k in enumerate(keys)}
    doc_rows, doc_row = _doc_table(corpus)
    docs = {d.article.doc_id: d for d in corpus.docs}
    facts = [f for f in corpus.facts if f.subject in index and f.object in index and f.subject != f.object]
    region_label = _region_labels(corpus)
    nodes, ev_nodes = _nodes(corpus, keys, index, gi, pos, shown, docs, doc_row)
    edges, ev_edges = _edges(ents, facts, index, docs, doc_row)
    classes = Counter(e.cls for e in ents.values())
    data = {
        "classes": [_class_entry(s, classes.get(s.cls, 0)) for s in [*STYLES.values()]]
        + [_class_entry(Style(c, c, OTHER.colour, OTHER.shape, OTHER.font, OTHER.size, False), n)
           for c, n in sorted(classes.items()) if c not in STYLES],
        "edgeStyles": {p: list(v) for p, v in EDGE_STYLES.items()},
        "levels": {str(k): v for k, v in LEVELS.items()},
        "nodes": nodes,
        "edges": edges,
        "docs": doc_rows,
        "regions": region_label,
        "t2s": t2s_map(map(attrgetter("label"), ents.values())),
        "promise": {"entities": len(ents), "shown": len(shown), "small": len(ents) <= SMALL_GRAPH,
                    "cap": INITIAL_CAP},
    }
    return data, {"n": ev_nodes, "e": ev_edges}


def _nodes(corpus: Corpus, keys: list[str], index: dict[str, int], gi: GraphIndex,
           pos: dict[str, tuple[float, float]], shown: set[str], docs: dict[str, Any],
           doc_row: dict[str, int]) -> tuple[list[dict], dict[str, list]]:
    """The page's node records (in ``keys`` order) and their evidence rows by node index."""
    ents, deg, owner = corpus.entities, gi.deg, gi.owner
    people_posts = posts(corpus)
    # an anchor's code and level, worked out once per committee rather than once per entity
    anchor_info: dict[str, tuple[Entity | None, str, int | None]] = {}
    visible_attrs: dict[tuple[str, ...], list[str]] = {}  # attribute names -> those shown, sorted
    nodes, ev_nodes = [], {}
    for i, k in enumerate(keys):  # i == index[k]
        e = ents[k]
        a_key = owner.get(k, "")
        info = anchor_info.get(a_key)
        if info is None:
            anchor = ents.get(a_key)
            info = anchor_info[a_key] = ((anchor, _code(anchor), _level(anchor)) if anchor is not None
                                         else (None, "", None))
        anchor, a_code, a_level = info
        code = _code(e) or a_code
        lv = _level(e) if e.cls in (COMMITTEE, REGION) else a_level
        x, y = pos[k]  # already rounded to 0.1 by the layout (rounding again changes nothing)
        evs = e.evidence
        if len(evs) == 1:  # most entities: one article
            m, rows = 1, [doc_row[evs[0].doc_id]]
        else:  # distinct doc ids map to distinct rows: one set gives both the count and the rows
            doc_ids = {ev.doc_id for ev in evs}
            m, rows = len(doc_ids), sorted([doc_row[d] for d in doc_ids])
        node = {"k": k, "l": e.label, "c": e.cls, "x": x, "y": y, "g": deg.get(k, 0),
                "m": m, "v": int(k in shown), "d": rows}
        if anchor is not None and anchor.key != k:
            node["a"] = index[anchor.key]
        if code:
            node["r"] = code
        if lv is not None:
            node["lv"] = lv
        if e.alt_labels:
            # (label, lang) pairs sorted: their labels come out in the order sorted(labels) gives
            alt_pairs = sorted(e.alt_labels)
            alts = [[lab, lang] for lab, lang in alt_pairs if lab != e.label]
            if alts:
                node["alt"] = alts
            labels = (e.label, *[lab for lab, _ in alt_pairs])
        else:
            labels = (e.label,)
        if e.attrs:
            # keys are unique, so sorting the names sorts the items the same way; the visible
            # names sorted once per set of names (entities of a kind share theirs)
            names = tuple(e.attrs)
            visible = visible_attrs.get(names)
            if visible is None:
                visible = visible_attrs[names] = sorted(a for a in names if a not in _HIDDEN_ATTRS)
            attrs = _json_attrs({a: e.attrs[a] for a in visible})
            if attrs:
                node["at"] = attrs
        if e.subclasses:
            node["sc"] = sorted(e.subclasses)
        if k in people_posts:
            node["po"] = people_posts[k]
        nodes.append(node)
        ev_nodes[str(i)] = _evidence_rows(evs, docs, doc_row, labels)
    return nodes, ev_nodes


def _edges(ents: dict[str, Entity], facts: list, index: dict[str, int], docs: dict[str, Any],
           doc_row: dict[str, int]) -> tuple[list[dict], dict[str, list]]:
    """The page's edge records (by predicate, then end indexes) and their evidence rows."""
    edges, ev_edges = [], {}
    # each fact's (predicate, from, to) worked out once, for the sort and for its record; the
    # positions break ties as the stable sort of the facts did
    ends = [(f.predicate, index[f.subject], index[f.object]) for f in facts]
    for i, n in enumerate(sorted(range(len(facts)), key=ends.__getitem__)):
        f = facts[n]
        p, s, o = ends[n]
        edge = {"f": s, "t": o, "p": p}
        if f.attrs:
            edge["at"] = _json_attrs({a: f.attrs[a] for a in sorted(f.attrs)})
        edges.append(edge)
        if f.evidence:
            labels = (ents[f.object].label, ents[f.subject].label)
            ev_edges[str(i)] = _evidence_rows(f.evidence, docs, doc_row, labels)
    return edges, ev_edges


def t2s_map(labels) -> dict[str, str]:
    """Traditional -> Simplified for every character of ``labels`` that has another form.

    The search box maps the query through it, so a Traditional query finds a label seen only in
    Simplified (alt labels already carry the Traditional forms the articles printed).

    >>> t2s_map(["政协会议"])["協"]
    '协'
    """
    chars = sorted(set("".join(set(labels))))  # (labels repeat: each once gives the same characters)
    out: dict[str, str] = {}
    for config in ("s2t", "s2tw", "s2hk"):
        convert = _opencc(config)
        for ch in chars:
            t = convert(ch)
            if len(t) == 1 and t != ch:
                out.setdefault(t, ch)
    return dict(sorted(out.items()))


@lru_cache(maxsize=4)
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config).convert


def _class_entry(s: Style, count: int) -> dict:
    return {"cls": s.cls, "name": s.name, "colour": s.colour, "shape": s.shape, "font": s.font,
            "size": s.size, "top": s.top, "count": count}


def _region_labels(corpus: Corpus) -> list[list[str]]:
    """[code, label] of every region or committee region in the corpus, for the region filter."""
    labels: dict[str, str] = {}
    for e in corpus.entities.values():
        if e.cls != REGION and e.cls != COMMITTEE:  # the others have no say here
            continue
        code = _code(e)
        if not code:
            continue
        if e.cls == REGION:
            labels[code] = e.label
        elif e.cls == COMMITTEE and code not in labels:
            labels[code] = e.label.removesuffix("政协")
    return sorted([c, lab] for c, lab in labels.items())


# --------------------------------------------------------------------------- HTML

@lru_cache(maxsize=8)
def _static(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """vis-network's standalone build as pyvis ships it (pyvis is a dependency: the page uses
    its drawing library, not its CDN-bound template), read from the installed package.

    The package is found, not imported: importing pyvis imports IPython, networkx and jinja2
    (about 0.4 s of CPU a build) and the file is all the page needs.  Should the file not be
    there as a plain file (no pyvis, a zipped one...), pyvis's own resource reader says why.
    """
    import importlib.resources
    import importlib.util

    rel = ("templates", "lib", VIS_VERSION, "vis-network.min.js")
    spec = importlib.util.find_spec("pyvis")  # a top-level name: located, not run
    if spec is not None and spec.submodule_search_locations:
        found = Path(next(iter(spec.submodule_search_locations)), *rel)
        if found.is_file():
            return found.read_text(encoding="utf-8")
    path = importlib.resources.files("pyvis").joinpath(*rel)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:  # a pyvis without its vendored build: say so instead of a bare traceback
        raise RuntimeError(f"pyvis does not ship {VIS_VERSION}/vis-network.min.js ({exc}); reinstall pyvis 0.3.2") \
            from None


def scrub_urls(text: str) -> str:
    """Replace every http(s) URL but XML namespace names with ``[url removed]``.

    >>> scrub_urls('see https://example.org/x and "http://www.w3.org/2000/svg"')
    'see [url removed] and "http://www.w3.org/2000/svg"'
    """
    return _URL.sub(lambda m: m.group(0) if m.group(0) in _XML_NAMESPACES else "[url removed]", text)


def _json_for_script(obj: Any) -> bytes:
    """JSON safe inside ``<script type="application/json">``, in UTF-8: no ``<`` at all, so
    nothing in a label can close the element or open a comment.

    Written by orjson, in a third of :mod:`json`'s time here, and the same text as
    ``json.dumps(obj, ensure_ascii=False, separators=(",", ":"))`` for the page data: the two
    escape strings alike and spell ints and plain floats alike.  They differ on floats spelt with
    an exponent and on NaN and infinities: the page data's coordinates are rounded to tenths of
    a bounded layout, and its attribute values come through :func:`_jsonable`, which marks such
    floats (:class:`_Spelt`) for json's spelling.  orjson refuses ints beyond 64 bits, keys that
    are not strings and lone surrogates: json writes those (a lone surrogate then fails to
    encode, as writing a page with it always did).  (``tests/test_view.py`` compares the two on
    real and awkward page data.)  Bytes, as orjson writes them: the page is put together as
    bytes (see :func:`graph_html`).
    """
    try:
        text = orjson.dumps(obj, default=_orjson_default)
    except (TypeError, ValueError):  # orjson.JSONEncodeError is a TypeError
        text = _json_text(obj).encode("utf-8")
    return text.replace(b"<", b"\\u003c")  # ("<" is one byte of UTF-8 and no part of another)


def _json_text(obj: Any) -> str:
    """json's text of the page data.  ``check_circular=False``: the page data is a tree built
    afresh by :func:`view_data`, so the encoder's bookkeeping of every list and dict it enters
    (hundreds of thousands) finds nothing; the text is the same."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), check_circular=False)


# a part's place in a page template (kg/static/*.html)
_MARK = re.compile(r"/\*@([A-Z]+)@\*/")


def _fill(template: str, parts: dict[str, str]) -> str:
    """``template`` with each ``/*@NAME@*/`` replaced by ``parts[NAME]`` (a mark of no part is
    left as it is), in one pass over the template: a part is never searched for marks, so an
    article quoting one (a label, a sentence) does not pull another part into its text.

    >>> _fill("<p>/*@A@*/ /*@B@*/ /*@C@*/</p>", {"A": "/*@B@*/", "B": "b"})
    '<p>/*@B@*/ b /*@C@*/</p>'
    """
    return _fill_utf8(template, {name: value.encode("utf-8") for name, value in parts.items()}).decode("utf-8")


def _fill_utf8(template: str, parts: dict[str, bytes]) -> bytes:
    """:func:`_fill` in UTF-8 with parts given as UTF-8 bytes (the page data as orjson writes it:
    no decode and encode again of megabytes).

    >>> _fill_utf8("/*@A@*/·/*@C@*/", {"A": "/*@C@*/".encode()})
    b'/*@C@*/\\xc2\\xb7/*@C@*/'
    """
    pieces = _MARK.split(template)  # text, name, text, name, ..., text
    out = [pieces[0].encode("utf-8")]
    for name, text in zip(pieces[1::2], pieces[2::2], strict=True):
        value = parts.get(name)
        out += (f"/*@{name}@*/".encode() if value is None else value, text.encode("utf-8"))
    return b"".join(out)


def render_html(corpus: Corpus, title: str = "CPPCC 知识图谱 · graph") -> str:
    """The interactive graph page (``graph.html``): one self-contained UTF-8 HTML string."""
    return graph_html(corpus, title).decode("utf-8")


def graph_html(corpus: Corpus, title: str = "CPPCC 知识图谱 · graph") -> bytes:
    """:func:`render_html`'s page in UTF-8, the bytes of ``graph.html``.

    Put together as bytes (:func:`_fill_utf8`): the page data (megabytes) stays as orjson
    writes it instead of being decoded to a string, filled in and the page encoded again; the
    URLs are scrubbed line by line (see :func:`_scrub_lines`).
    """
    data, evidence = view_data(corpus)
    page = _fill_utf8(_static("graph.html"), {
        "TITLE": html.escape(title).encode("utf-8"),
        "CSS": _static("view.css").encode("utf-8"),
        "VIS": scrub_urls(vis_network_js()).encode("utf-8"),
        "APP": _static("view.js").encode("utf-8"),
        "DATA": _json_for_script(data),
        "EVIDENCE": _json_for_script(evidence),
    })
    return _scrub_lines(page)


def _scrub_lines(page: bytes) -> bytes:
    """:func:`scrub_urls` of UTF-8 text, without decoding the lines that hold no ``http``.

    A URL holds no whitespace, so none runs over a newline: scrubbing each line is scrubbing
    the whole, and a line without ``http`` (the page data, as a rule) has nothing to scrub.
    (A newline byte is no part of another character's UTF-8, so each line decodes alone.)
    """
    lines = page.split(b"\n")
    for i, line in enumerate(lines):
        if b"http" in line:
            lines[i] = scrub_urls(line.decode("utf-8")).encode("utf-8")
    return b"\n".join(lines)


# --------------------------------------------------------------------------- overview

def _runs_counts(corpus: Corpus) -> dict[str, Counter]:
    out: dict[str, Counter] = defaultdict(Counter)
    ents = corpus.entities
    for f in corpus.facts:
        if f.predicate == RUNS:  # (tested first: most facts are not)
            obj = ents.get(f.object)
            if obj is not None and f.subject in ents:
                out[f.subject][obj.cls] += 1
    return out


def posts(corpus: Corpus) -> dict[str, list[str]]:
    """Person key -> the posts the graph records for them ("柳州市政协 主席"...), sorted, each once.

    Posts come from the person's ``posts`` attribute (strings or {"org_label", "title"} dicts)
    and from ``memberOf``/``holdsPost`` facts with a ``role``/``post``; a bare membership is
    listed only when no post in that organisation is known.
    """
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    ents = corpus.entities
    for e in ents.values():
        if e.cls == PERSON:
            for p in _as_list(e.attrs.get("posts")) + _as_list(e.attrs.get("post")):
                found[e.key].add(_post_pair(p))
    for f in corpus.facts:
        # the predicate first: most facts are of other kinds (the tests have no side effects)
        if f.predicate not in (HOLDS_POST, MEMBER_OF):
            continue
        if f.subject not in ents or f.object not in ents or ents[f.subject].cls != PERSON:
            continue
        obj = ents[f.object]
        role = str(f.attrs.get("role") or f.attrs.get("post") or "")
        if obj.cls in (COMMITTEE, ORGAN, ORGANISATION):
            found[f.subject].add((obj.label, role))
        else:  # the object is the post itself
            found[f.subject].add(("", role or obj.label))
    out = {}
    for k, pairs in found.items():
        titled = {org for org, title in pairs if title}
        texts = {f"{org} {title}".strip() if title else f"{org} 成员" for org, title in pairs
                 if title or org not in titled}
        out[k] = sorted(t for t in texts if t)
    return {k: v for k, v in sorted(out.items()) if v}


def _post_pair(p: Any) -> tuple[str, str]:
    if isinstance(p, dict):
        org = str(p.get("org_label") or p.get("org") or p.get("committee") or "")
        return org, str(p.get("title") or p.get("role") or p.get("post") or "")
    return "", str(p)


def _as_list(v: Any) -> list:
    if v is None or v == "":
        return []
    return sorted(v, key=str) if isinstance(v, (list, tuple, set, frozenset)) else [v]


def overview_data(corpus: Corpus) -> dict:
    """What the overview page shows, as plain data (tested without a browser)."""
    ents = corpus.entities
    runs = _runs_counts(corpus)
    # the committees, found once for the ranking, the tree and the map
    committees = [e for e in ents.values() if e.cls == COMMITTEE]
    ranked = sorted(committees, key=lambda e: (-(runs[e.key][BRAND] + runs[e.key][PROGRAMME]), -runs[e.key][BRAND],
                                               _level(e) if _level(e) is not None else 9, e.key))
    people_posts = posts(corpus)
    people = sorted(people_posts, key=lambda k: (-len(people_posts[k]), ents[k].label, k))
    counts = Counter(map(attrgetter("cls"), ents.values()))  # (the same counts, in the same order)
    dates = sorted(d.article.date for d in corpus.docs if d.article.date)
    return {
        "articles": len(corpus.docs),
        "dates": [dates[0], dates[-1]] if dates else [],
        "relations": len(corpus.facts),
        "counts": [[c, style_of(c).name, counts[c]] for c in sorted(counts, key=_class_rank)],
        "committees": [[e.key, e.label, _level(e), runs[e.key][BRAND], runs[e.key][PROGRAMME]] for e in ranked],
        "people": [[k, ents[k].label, people_posts[k]] for k in people[:30]],
        "tree": _tree(corpus, runs, committees),
        "map": _map_points(corpus, runs, committees),
    }


def _class_rank(c: str) -> tuple:
    return (_CLASS_RANK.get(c, len(CLASS_ORDER)), c)


def _tree(corpus: Corpus, runs: dict[str, Counter], committees: list[Entity]) -> list:
    """The committee tree (of ``committees``, the corpus's) as nested [label, brands,
    programmes, children] lists."""
    ents = corpus.entities
    parents = _committee_parents(corpus)
    children: dict[str, list[str]] = defaultdict(list)
    for c, p in parents.items():
        children[p].append(c)
    roots = sorted((e.key for e in committees if e.key not in parents),
                   key=lambda k: (_level(ents[k]) if _level(ents[k]) is not None else 9, k))

    def node(k: str) -> list:
        return [ents[k].label, runs[k][BRAND], runs[k][PROGRAMME], [node(c) for c in sorted(children[k])]]

    return [node(r) for r in roots]


def _map_points(corpus: Corpus, runs: dict[str, Counter], committees: list[Entity]) -> list:
    """[label, lon, lat, initiatives, level] of ``committees`` (the corpus's) whose region has
    coordinates (from the committee, its region entity, or the gazetteer by division code)."""
    ents = corpus.entities
    region_of = {f.subject: f.object for f in corpus.facts if f.predicate == REGION_OF}
    pts = []
    for e in sorted(committees, key=lambda e: e.key):
        ll = _lat_lon(e) or _lat_lon(ents.get(region_of.get(e.key, "")))
        if ll is not None:
            pts.append([e.label, ll[1], ll[0], runs[e.key][BRAND] + runs[e.key][PROGRAMME], _level(e)])
    return pts


def _lat_lon(e: Entity | None) -> tuple[float, float] | None:
    if e is None:
        return None
    try:
        if "lat" in e.attrs and "lon" in e.attrs:
            return float(e.attrs["lat"]), float(e.attrs["lon"])
    except (TypeError, ValueError):
        return None
    code = _code(e)
    d = gazetteer.default().get(code) if code else None
    if d is not None and d.lat is not None and d.lon is not None:
        return float(d.lat), float(d.lon)
    return None


def render_overview(corpus: Corpus, title: str = "CPPCC 知识图谱 · overview") -> str:
    """The overview page (``overview.html``): counts, committee ranking, region tree/map, people."""
    d = overview_data(corpus)
    esc = html.escape
    total = max([n for _, _, n in d["counts"]] or [1])
    counts = "".join(
        f'<tr><td><span class="sw" style="background:{style_of(c).colour}"></span>{esc(name)}</td>'
        f'<td class="n">{n}</td><td><span class="bar" style="width:{100 * n / total:.1f}%;'
        f'background:{style_of(c).colour}"></span></td></tr>' for c, name, n in d["counts"])
    committees = "".join(
        f"<tr><td>{esc(label)}</td><td>{esc(LEVELS.get(lv, '') if lv is not None else '')}</td>"
        f'<td class="n">{b}</td><td class="n">{p}</td><td class="n">{b + p}</td></tr>'
        for _, label, lv, b, p in d["committees"])
    people = "".join(
        f'<tr><td>{esc(label)}</td><td class="n">{len(ps)}</td><td>{esc("；".join(ps))}</td></tr>'
        for _, label, ps in d["people"])
    dates = f"{d['dates'][0]} – {d['dates'][1]}" if d["dates"] else "no dates"
    page = _fill(_static("overview.html"), {
        "TITLE": esc(title),
        "CSS": _static("view.css"),
        "SUMMARY": esc(f"{d['articles']} articles ({dates}), {sum(n for *_, n in d['counts'])} entities, "
                       f"{d['relations']} relations"),
        "COUNTS": counts or '<tr><td colspan="3">no entities</td></tr>',
        "COMMITTEES": committees or '<tr><td colspan="5">no committees</td></tr>',
        "TREE": _tree_html(d["tree"]) or "<p>no committees</p>",
        "MAP": _map_svg(d["map"]),
        "PEOPLE": people or '<tr><td colspan="3">no posts recorded</td></tr>',
    })
    return scrub_urls(page)


def _tree_html(tree: list) -> str:
    if not tree:
        return ""
    items = []
    for label, b, p, kids in tree:
        badge = f' <span class="badge">品牌 {b} · 活动 {p}</span>' if b or p else ""
        items.append(f"<li><span class=\"c\">{html.escape(label)}</span>{badge}{_tree_html(kids)}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _map_svg(points: list, w: int = 640, h: int = 460) -> str:
    """An inline SVG scatter of committees by longitude/latitude (equirectangular, no base map)."""
    if len(points) < 2:
        return '<p class="muted">No committee has coordinates: the region tree shows the hierarchy.</p>'
    lons = [p[1] for p in points]
    lats = [p[2] for p in points]
    x0, x1 = min(lons) - 0.5, max(lons) + 0.5
    y0, y1 = min(lats) - 0.5, max(lats) + 0.5
    kx = math.cos(math.radians((y0 + y1) / 2))  # a degree of longitude is shorter than one of latitude
    s = min((w - 150) / ((x1 - x0) * kx), (h - 40) / (y1 - y0))
    out = [f'<svg viewBox="0 0 {w} {h}" style="width:100%;height:auto" role="img" aria-label="committees by location">',
           f'<rect width="{w}" height="{h}" fill="#f7f9fb" stroke="#d5dbe1"/>']
    for label, lon, lat, n, lv in sorted(points, key=lambda p: (-(p[4] or 0), p[0])):
        x = 20 + (lon - x0) * kx * s
        y = h - 20 - (lat - y0) * s
        r = 3 + 2 * math.sqrt(n)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#c0392b" fill-opacity="0.55">'
                   f"<title>{html.escape(label)}: {n}</title></circle>")
        if lv is not None and lv <= 2:
            out.append(f'<text x="{x + r + 2:.1f}" y="{y + 4:.1f}" font-size="12">{html.escape(label)}</text>')
    out.append("</svg>")
    return "".join(out)
