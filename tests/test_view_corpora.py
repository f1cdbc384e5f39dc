"""Corpora for the view tests: a small hand-made one in the style of CPPCC news, and a big
synthetic one (thousands of articles) for the scale test.

Every name here is invented (Hubei and Hunan committees, made-up brands and people): nothing
comes from the seeds.  The corpora are built directly as :class:`kg.model.Corpus` objects, so
the view is tested whatever the extractor currently finds.
"""

from __future__ import annotations

import random

from kg.model import (
    BRAND,
    CLAIMS,
    COMMITTEE,
    FIGURE,
    MEETING,
    MEMBER_OF,
    PART_OF,
    PERSON,
    PROGRAMME,
    REGION,
    REGION_OF,
    RUNS,
    SUB_ORGANIZATION_OF,
    Article,
    Corpus,
    Doc,
    Entity,
    Evidence,
    Fact,
    Sentence,
)
from kg.resolve import evidence_for, iri_for

# code, committee label, region label, level, parent code
TREE = [
    ("420000", "湖北省政协", "湖北省", 1, "CN"),
    ("420500", "宜昌市政协", "宜昌市", 2, "420000"),
    ("420528", "长阳土家族自治县政协", "长阳土家族自治县", 3, "420500"),
    ("430000", "湖南省政协", "湖南省", 1, "CN"),
    ("430200", "株洲市政协", "株洲市", 2, "430000"),
    ("430281", "醴陵市政协", "醴陵市", 3, "430200"),
]

ARTICLES = [
    ("hubei-001.txt", "2025-03-02", "湖北省政协推进协商品牌建设", [
        "湖北省政协持续擦亮“荆楚议事厅”协商品牌。",
        "宜昌市政协开展“产业链委员行动”，全年协助引进项目42个。",
        "长阳土家族自治县政协打造“委员说事”协商平台。",
        "湖北省政协主席王建国出席会议并讲话。",
    ]),
    ("yichang-002.txt", "2025-04-18", "宜昌市政協推出議事平台", [
        "宜昌市政協推出「宜商量」議事平台。",
        "平台已組織協商活動十余場。",
    ]),
    ("hunan-003.txt", "2025-05-09", "湖南省政协开展协商在一线活动", [
        "湖南省政协开展“协商在一线”活动。",
        "株洲市政协打造“株洲好商量”品牌。",
        "醴陵市政协委员李红梅领办“陶瓷产业委员工作室”。",
    ]),
]

_T2S = str.maketrans("協議組織場動", "协议组织场动")


def _doc(path: str, date: str, title: str, sentences: list[str]) -> Doc:
    """A Doc whose raw text is the article as printed and whose text is its Simplified form."""
    raw = "\n".join(sentences)
    text = raw.translate(_T2S)
    sents, pos = [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(pos, pos + len(s), i))
        pos += len(s) + 1
    n = len(text)
    art = Article(path=f"news/{path}", doc_id=path.split(".")[0], raw=raw, content_hash=path, encoding="utf-8",
                  title=title, date=date)
    return Doc(article=art, text=text, raw_starts=tuple(range(n)), raw_ends=tuple(range(1, n + 1)),
               sentences=tuple(sents))


class _Builder:
    """Adds entities and facts with evidence found by searching the documents' text."""

    def __init__(self, docs: list[Doc]):
        self.docs = docs
        self.entities: dict[str, Entity] = {}
        self.facts: list[Fact] = []

    def find(self, needle: str) -> list[Evidence]:
        out = []
        for d in self.docs:
            i = d.text.find(needle)
            if i >= 0:
                out.append(evidence_for(d, i, i + len(needle)))
        return out

    def entity(self, key: str, cls: str, label: str, surface: str = "", **attrs) -> Entity:
        e = Entity(key=key, cls=cls, label=label, iri=iri_for(key), attrs=dict(attrs))
        e.evidence = self.find(surface or label)
        for ev in e.evidence:
            if ev.surface and ev.surface != label:
                e.alt_labels.add((ev.surface, "zh-Hant" if ev.surface.translate(_T2S) != ev.surface else "zh-Hans"))
        self.entities[key] = e
        return e

    def fact(self, predicate: str, subject: str, obj: str, evidence_text: str = "", **attrs) -> None:
        evs = self.find(evidence_text) if evidence_text else []
        self.facts.append(Fact(predicate, subject, obj, attrs=dict(attrs), evidence=evs))


def realistic_corpus() -> Corpus:
    """Two provinces, each with a city and a county committee, their brands, programmes,
    people and a figure; one article printed in Traditional characters."""
    docs = [_doc(*a) for a in ARTICLES]
    b = _Builder(docs)
    b.entity("committee:CN", COMMITTEE, "全国政协", level=0, inferred=True)
    for code, committee, region, level, parent in TREE:
        b.entity(f"committee:{code}", COMMITTEE, committee, code=code, level=level)
        b.entity(f"region:{code}", REGION, region, code=code, level=level)
        b.fact(REGION_OF, f"committee:{code}", f"region:{code}", committee)
        b.fact(SUB_ORGANIZATION_OF, f"committee:{code}", f"committee:{parent}", derived="region tree")
        if parent != "CN":
            b.fact(PART_OF, f"region:{code}", f"region:{parent}", derived="region tree")
    for key, cls, label, committee, cue in [
        ("initiative:荆楚议事厅", BRAND, "荆楚议事厅", "420000", "擦亮“荆楚议事厅”"),
        ("initiative:产业链委员行动", PROGRAMME, "产业链委员行动", "420500", "开展“产业链委员行动”"),
        ("initiative:委员说事", BRAND, "委员说事", "420528", "打造“委员说事”"),
        ("initiative:宜商量", BRAND, "宜商量", "420500", "推出「宜商量」"),
        ("initiative:协商在一线", PROGRAMME, "协商在一线", "430000", "开展“协商在一线”"),
        ("initiative:株洲好商量", BRAND, "株洲好商量", "430200", "打造“株洲好商量”"),
        ("initiative:陶瓷产业委员工作室", BRAND, "陶瓷产业委员工作室", "430281", "领办“陶瓷产业委员工作室”"),
    ]:
        b.entity(key, cls, label)
        b.fact(RUNS, f"committee:{committee}", key, cue)
    b.entity("person:王建国", PERSON, "王建国", posts=[{"title": "主席", "kind": "cppcc", "org_label": "湖北省政协"}])
    b.fact(MEMBER_OF, "person:王建国", "committee:420000", "湖北省政协主席王建国", role="主席")
    b.entity("person:李红梅", PERSON, "李红梅")
    b.fact(MEMBER_OF, "person:李红梅", "committee:430281", "醴陵市政协委员李红梅", role="委员")
    b.entity("figure:引进项目42个", FIGURE, "引进项目42个", "引进项目42个", value=42, unit="个")
    b.fact(CLAIMS, "initiative:产业链委员行动", "figure:引进项目42个", "全年协助引进项目42个")
    ents = dict(sorted(b.entities.items()))
    facts = sorted(b.facts, key=lambda f: (f.predicate, f.subject, f.object))
    return Corpus(docs=docs, entities=ents, facts=facts)


def big_corpus(n_articles: int = 3000, seed: int = 7) -> Corpus:
    """A synthetic corpus of ``n_articles`` articles with the density of CPPCC news: per article
    one committee (province, city or county), two or three initiatives, three people, a figure
    and a meeting, each with an evidence sentence.  Same arguments, same corpus."""
    rng = random.Random(seed)
    ents: dict[str, Entity] = {}
    facts: dict[tuple[str, str, str], Fact] = {}
    docs: list[Doc] = []
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
    given = "建国红梅志强海燕文华秀英明辉晓东丽娟国平春林玉兰德胜"
    cues = ["委员行动", "协商平台", "议事厅", "工作室", "讲堂", "好商量", "在协商", "先锋行动"]
    words = "产业乡村生态民生科技文旅教育医疗数字营商交通水利社区青年妇女民族同心"

    def add(key: str, cls: str, label: str, ev: Evidence, **attrs) -> None:
        e = ents.get(key)
        if e is None:
            e = ents[key] = Entity(key=key, cls=cls, label=label, iri=iri_for(key), attrs=dict(attrs))
        if len(e.evidence) < 6:
            e.evidence.append(ev)

    def rel(p: str, s: str, o: str, ev: Evidence | None = None, **attrs) -> None:
        f = facts.setdefault((p, s, o), Fact(p, s, o, attrs=dict(attrs)))
        if ev is not None and len(f.evidence) < 4:
            f.evidence.append(ev)

    def committee(code: str, level: int, ev: Evidence) -> str:
        key = f"committee:{code}"
        add(key, COMMITTEE, f"测试{code}政协", ev, code=code, level=level)
        add(f"region:{code}", REGION, f"测试{code}区域", ev, code=code, level=level)
        rel(REGION_OF, key, f"region:{code}")
        return key

    add("committee:CN", COMMITTEE, "全国政协", Evidence("x", "x", "全国政协", 0, 4, 0, 4), level=0)
    for a in range(n_articles):
        prov = 11 + rng.randrange(31)
        city = rng.randrange(1, 12)
        county = rng.randrange(1, 14)
        level = rng.choices([1, 2, 3], weights=[1, 3, 6])[0]
        code = [f"{prov}0000", f"{prov}{city:02d}00", f"{prov}{city:02d}{county:02d}"][level - 1]
        doc_id = f"a{a:05d}"
        art = Article(path=f"corpus/{doc_id}.txt", doc_id=doc_id, raw="", content_hash=doc_id, encoding="utf-8",
                      title=f"第{a}篇 政协履职新闻", date=f"2025-{1 + a % 12:02d}-{1 + a % 28:02d}")
        docs.append(Doc(article=art))

        def ev(sentence: str, doc_id: str = doc_id) -> Evidence:
            return Evidence(doc_id, f"corpus/{doc_id}.txt", sentence, 0, len(sentence), 0, len(sentence))

        ckey = committee(code, level, ev(f"测试{code}政协召开常委会议。"))
        chain = [f"{prov}0000", f"{prov}{city:02d}00"][: level - 1]
        parent = "committee:CN"
        for lv, pc in enumerate(chain, start=1):
            pkey = committee(pc, lv, ev(f"测试{pc}政协调研。"))
            rel(SUB_ORGANIZATION_OF, pkey, parent)
            if parent != "committee:CN":
                rel(PART_OF, f"region:{pc}", f"region:{parent.partition(':')[2]}")
            parent = pkey
        rel(SUB_ORGANIZATION_OF, ckey, parent)
        for _ in range(rng.choice([2, 3])):
            name = rng.choice(words) + rng.choice(words) + rng.choice(cues) + str(rng.randrange(1, 60))
            ikey = f"initiative:{name}"
            sent = ev(f"测试{code}政协打造“{name}”品牌。")
            add(ikey, BRAND if "平台" in name or "厅" in name else PROGRAMME, name, sent)
            rel(RUNS, ckey, ikey, sent)
        for _ in range(3):
            name = rng.choice(surnames) + rng.choice(given[::2]) + rng.choice(given[1::2])
            sent = ev(f"测试{code}政协副主席{name}出席。")
            add(f"person:{name}", PERSON, name, sent)
            rel(MEMBER_OF, f"person:{name}", ckey, sent, role="副主席")
        fig = f"引进项目{rng.randrange(5, 400)}个"
        sent = ev(f"全年协助{fig}。")
        add(f"figure:{doc_id}", FIGURE, fig, sent)
        rel(CLAIMS, ckey, f"figure:{doc_id}", sent)
        add(f"meeting:{doc_id}", MEETING, f"第{a}次常委会议", ev("召开常委会议。"))
        rel("heldBy", f"meeting:{doc_id}", ckey)
    return Corpus(docs=docs, entities=dict(sorted(ents.items())),
                  facts=sorted(facts.values(), key=lambda f: (f.predicate, f.subject, f.object)))


def test_realistic_corpus_is_consistent():
    """Every fact joins two entities of the corpus and every entity but the inferred root has evidence."""
    c = realistic_corpus()
    assert all(f.subject in c.entities and f.object in c.entities for f in c.facts)
    assert all(e.evidence for e in c.entities.values() if not e.attrs.get("inferred"))
    assert ("宜昌市政協", "zh-Hant") in c.entities["committee:420500"].alt_labels


def test_big_corpus_is_deterministic():
    a, b = big_corpus(40), big_corpus(40)
    assert list(a.entities) == list(b.entities)
    triples = [[(f.predicate, f.subject, f.object) for f in c.facts] for c in (a, b)]
    assert triples[0] == triples[1]
