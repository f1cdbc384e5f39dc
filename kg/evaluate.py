"""Precision, recall and F1 of an export against gold files — the same scoring as the shared
scorer (``shared/eval/score.py``), so ``cppcc-kg eval`` and the official score never disagree.

Corpus-level: the gold set is the union of the gold files; the system set is every node typed
with a contract class that has a ``skos:prefLabel``.  Brand and Programme are one group
("Initiative") with class accuracy reported apart; optional gold items are neither required
nor false positives; the overall F1 is the mean of the group and relation F1s.  Labels are
compared after :func:`norm` (NFKC, Traditional→Simplified, marks and spaces removed).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import UserError

CPPCC = "https://w3id.org/cppcc-kg/ontology#"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"

GROUP = {
    "CPPCCCommittee": "CPPCCCommittee",
    "AdministrativeRegion": "AdministrativeRegion",
    "Brand": "Initiative",
    "Programme": "Initiative",
    "Person": "Person",
}
RELATION = {"runs": CPPCC + "runs", "memberOf": ORG + "memberOf", "region": CPPCC + "region",
            "subOrganizationOf": ORG + "subOrganizationOf"}
_STRIP = re.compile(r"[\s“”‘’「」『』\"'《》〈〉()（）\[\]【】{}·•・]")


@lru_cache(maxsize=1)
def _t2s():
    try:
        import opencc

        return opencc.OpenCC("t2s").convert
    except ImportError:  # pragma: no cover - opencc is a dependency
        return None


def norm(label: str) -> str:
    """The scorer's label normalisation.

    >>> norm("“產業振興 委員行動”"), norm("党旗领航‘梧’来协商")
    ('产业振兴委员行动', '党旗领航梧来协商')
    """
    text = unicodedata.normalize("NFKC", label)
    conv = _t2s()
    if conv:
        text = conv(text)
    return _STRIP.sub("", text)


def gold_problem(doc: object) -> str | None:
    """What makes a parsed gold file unusable, or None.

    >>> gold_problem({"entities": [{"class": "Person"}]})
    'entities[0] has no "label" string'
    >>> gold_problem({"entities": [], "relations": []}) is None
    True
    """
    if not isinstance(doc, dict):
        return f"expected a JSON object with \"entities\" and \"relations\", found a {type(doc).__name__}"
    for key, fields in (("entities", ("class", "label")), ("relations", ("s", "p", "o"))):
        items = doc.get(key, [])
        if not isinstance(items, list):
            return f"\"{key}\" must be a list"
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                return f"{key}[{i}] is not an object"
            for f in fields:
                if not isinstance(item.get(f), str):
                    return f"{key}[{i}] has no \"{f}\" string"
            alt = item.get("alt", [])
            if not isinstance(alt, list) or not all(isinstance(a, str) for a in alt):
                return f"{key}[{i}]: \"alt\" must be a list of strings"
    return None


def load_gold(paths: Iterable[str | Path]) -> tuple[dict, dict]:
    """Gold entities {group: {key: {optional, names, cls}}} and relations {p: {(s, p, o): optional}}."""
    ents: dict[str, dict[str, dict]] = defaultdict(dict)
    rels: dict[str, dict[tuple, bool]] = defaultdict(dict)
    for path in paths:
        try:
            with open(path, encoding="utf-8") as fh:
                doc = json.load(fh)
        except OSError as exc:
            raise UserError(f"cannot read gold file {path}: {exc.strerror}") from None
        except json.JSONDecodeError as exc:
            raise UserError(f"gold file {path} is not JSON: {exc}") from None
        problem = gold_problem(doc)
        if problem:
            raise UserError(f"gold file {path} is not in the gold format: {problem}")
        for e in doc.get("entities", []):
            group = GROUP.get(e.get("class", ""))
            if group is None:
                raise UserError(f"gold file {path}: unknown class {e.get('class')!r}")
            names = {norm(e["label"])} | {norm(a) for a in e.get("alt", [])}
            key = norm(e["label"])
            prev = ents[group].get(key)
            if prev:  # the same entity in several articles: required if required anywhere
                prev["optional"] = prev["optional"] and e.get("optional", False)
                prev["names"] |= names
            else:
                ents[group][key] = {"optional": e.get("optional", False), "names": names, "cls": e["class"]}
        for r in doc.get("relations", []):
            key = (norm(r["s"]), r["p"], norm(r["o"]))
            rels[r["p"]][key] = rels[r["p"]].get(key, True) and r.get("optional", False)
    return ents, rels


def system_entities(g: Any) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = defaultdict(dict)  # group -> norm label -> class
    for cls, group in GROUP.items():
        q = f"SELECT DISTINCT ?l WHERE {{ ?e a <{CPPCC}{cls}> ; <{SKOS}prefLabel> ?l }}"
        for (label,) in g.query(q):
            out[group].setdefault(norm(str(label)), cls)
    return out


def system_relations(g: Any) -> dict[str, set[tuple[str, str, str]]]:
    out: dict[str, set] = defaultdict(set)
    for name, iri in RELATION.items():
        q = (f"SELECT DISTINCT ?sl ?ol WHERE {{ ?s <{iri}> ?o . ?s <{SKOS}prefLabel> ?sl . "
             f"?o <{SKOS}prefLabel> ?ol }}")
        for sl, ol in g.query(q):
            out[name].add((norm(str(sl)), name, norm(str(ol))))
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_entities(gold: dict, system: dict) -> dict[str, dict]:
    rows = {}
    for group in sorted(set(GROUP.values())):
        g = gold.get(group, {})
        s = system.get(group, {})
        alias = {n: key for key, e in g.items() for n in e["names"]}
        found, fp, class_ok, class_n = set(), [], 0, 0
        for label, cls in s.items():
            key = alias.get(label)
            if key is None:
                fp.append(label)
                continue
            found.add(key)
            if group == "Initiative":
                class_n += 1
                class_ok += cls == g[key]["cls"]
        tp = sum(1 for k in found if not g[k]["optional"])
        fn = [k for k, e in g.items() if not e["optional"] and k not in found]
        p, r, f = prf(tp, len(fp), len(fn))
        rows[group] = {"tp": tp, "fp": len(fp), "fn": len(fn), "p": p, "r": r, "f1": f,
                       "false_positives": sorted(fp), "missed": sorted(fn)}
        if group == "Initiative":
            rows[group]["class_accuracy"] = class_ok / class_n if class_n else 0.0
    return rows


def score_relations(gold: dict, system: dict, gold_ents: dict) -> dict[str, dict]:
    alias = {}
    for e in (e for group in gold_ents.values() for e in group.values()):
        canon = sorted(e["names"])[0]
        for n in e["names"]:
            alias[n] = canon

    def canon(t):
        return (alias.get(t[0], t[0]), t[1], alias.get(t[2], t[2]))

    rows = {}
    for name in sorted(gold):
        g = {canon(k): opt for k, opt in gold[name].items()}
        s = {canon(t) for t in system.get(name, set())}
        tp = sum(1 for t in s if t in g and not g[t])
        fp = sorted(t for t in s if t not in g)
        fn = sorted(t for t, opt in g.items() if not opt and t not in s)
        p, r, f = prf(tp, len(fp), len(fn))
        rows[name] = {"tp": tp, "fp": len(fp), "fn": len(fn), "p": p, "r": r, "f1": f,
                      "false_positives": ["|".join(t) for t in fp], "missed": ["|".join(t) for t in fn]}
    return rows


def evaluate_graph(g: Any, gold_paths: Iterable[str | Path]) -> dict[str, Any]:
    """Score an rdflib Graph; same dict as ``score.py --json``."""
    return _score(g, *load_gold(gold_paths))


def _score(g: Any, gold_ents: dict, gold_rels: dict) -> dict[str, Any]:
    ents = score_entities(gold_ents, system_entities(g))
    rels = score_relations(gold_rels, system_relations(g), gold_ents)
    f1s = [r["f1"] for r in ents.values()] + [r["f1"] for r in rels.values()]
    return {"entities": ents, "relations": rels, "overall_f1": sum(f1s) / len(f1s) if f1s else 0.0}


def evaluate(graph_path: str | Path, gold_paths: Iterable[str | Path]) -> dict[str, Any]:
    """The ``eval`` verb: load the export and score it against the gold files."""
    from kg.validate import load_graph

    gold_paths = list(gold_paths)
    if not gold_paths:
        raise UserError("no gold file given")
    gold = load_gold(gold_paths)  # a broken gold file is reported before a large graph is parsed
    return _score(load_graph(graph_path), *gold)


def format_report(result: dict[str, Any], verbose: bool = True) -> str:
    """The score table (as score.py prints it), then, when verbose, the false positives and
    misses of each row."""
    rows = list(result["entities"].items()) + list(result["relations"].items())
    lines = []
    for name, r in rows:
        extra = f"  class-acc {r['class_accuracy']:.2f}" if "class_accuracy" in r else ""
        lines.append(f"{name:22s} P {r['p']:.2f}  R {r['r']:.2f}  F1 {r['f1']:.2f}  "
                     f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']}){extra}")
    lines.append(f"overall F1 {result['overall_f1']:.3f}")
    if verbose:
        for name, r in rows:
            if r["false_positives"] or r["missed"]:
                lines.append("")
                lines.append(f"{name}:")
                lines += [f"  false positive: {x}" for x in r["false_positives"]]
                lines += [f"  missed:         {x}" for x in r["missed"]]
    return "\n".join(lines)
