"""kg.evaluate scores like the shared scorer, on hand-made cases and on an export."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_rdf_corpus import make_corpus

from kg import evaluate, rdf
from kg.cli import main
from kg.errors import UserError
from kg.evaluate import load_gold
from kg.validate import load_graph

ROOT = Path(__file__).resolve().parent.parent
SCORER = next((p / "eval" / "score.py" for p in (ROOT.parent / "shared", ROOT / "shared")
               if (p / "eval" / "score.py").is_file()), None)

GOLD = {
    "entities": [
        {"class": "CPPCCCommittee", "label": "宜昌市政协"},
        {"class": "CPPCCCommittee", "label": "湖北省政协"},
        {"class": "CPPCCCommittee", "label": "全国政协", "optional": True},
        {"class": "AdministrativeRegion", "label": "宜昌市"},
        {"class": "AdministrativeRegion", "label": "湖北省"},
        {"class": "AdministrativeRegion", "label": "长阳土家族自治县"},
        {"class": "Brand", "label": "峡江议事厅"},
        {"class": "Brand", "label": "荆楚同心委员行动"},  # found as Programme: found, class wrong
        {"class": "Person", "label": "王明远"},
        {"class": "Person", "label": "李华"},
    ],
    "relations": [
        {"s": "宜昌市政协", "p": "runs", "o": "峡江议事厅"},
        {"s": "王明远", "p": "memberOf", "o": "宜昌市政协"},
        {"s": "李华", "p": "memberOf", "o": "湖北省政协"},
        {"s": "宜昌市政协", "p": "region", "o": "宜昌市"},
        {"s": "湖北省政协", "p": "region", "o": "湖北省"},
        {"s": "宜昌市政协", "p": "subOrganizationOf", "o": "湖北省政协"},
        {"s": "湖北省政协", "p": "subOrganizationOf", "o": "全国政协", "optional": True},
    ],
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("eval")
    ttl = d / "graph.ttl"
    ttl.write_bytes(rdf.corpus_turtle(make_corpus()))
    gold = d / "gold.json"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return ttl, gold


def test_hand_made_scores(files):
    ttl, gold = files
    r = evaluate.evaluate(ttl, [gold])
    com = r["entities"]["CPPCCCommittee"]
    assert (com["tp"], com["fp"], com["fn"]) == (2, 0, 0)  # 全国政协 is optional: no fp
    reg = r["entities"]["AdministrativeRegion"]
    assert (reg["tp"], reg["fn"], reg["missed"]) == (2, 1, ["长阳土家族自治县"])
    ini = r["entities"]["Initiative"]
    assert (ini["tp"], ini["fp"], ini["class_accuracy"]) == (2, 0, 0.5)
    mem = r["relations"]["memberOf"]
    assert (mem["tp"], mem["fn"]) == (1, 1) and mem["missed"] == ["李华|memberOf|湖北省政协"]
    assert r["relations"]["runs"]["fp"] == 1  # 湖北省政协 runs 荆楚同心委员行动 is not in this gold
    f1s = [x["f1"] for x in r["entities"].values()] + [x["f1"] for x in r["relations"].values()]
    assert r["overall_f1"] == pytest.approx(sum(f1s) / len(f1s))


def test_report_lists_false_positives_and_misses(files):
    ttl, gold = files
    text = evaluate.format_report(evaluate.evaluate(ttl, [gold]))
    assert "missed:         长阳土家族自治县" in text
    assert "false positive: 湖北省政协|runs|荆楚同心委员行动" in text
    assert text.splitlines()[4].startswith("memberOf")
    brief = evaluate.format_report(evaluate.evaluate(ttl, [gold]), verbose=False)
    assert brief.splitlines()[-1].startswith("overall F1")


def test_cli_eval(files, capsys):
    ttl, gold = files
    assert main(["eval", str(ttl), str(gold)]) == 0
    assert main(["eval", str(ttl), str(gold), "--min-f1", "0.99"]) == 1
    assert main(["eval", str(ttl), str(gold.parent / "nope.json")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_bad_gold_is_a_user_error(tmp_path, files):
    ttl, _ = files
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(UserError):
        evaluate.evaluate(ttl, [bad])


@pytest.mark.skipif(SCORER is None, reason="shared/eval/score.py is not next to the repository")
def test_agrees_with_the_shared_scorer(files):
    ttl, gold = files
    out = subprocess.run([sys.executable, str(SCORER), str(ttl), str(gold), "--json"], capture_output=True,
                         text=True, check=True).stdout
    assert json.loads(out) == json.loads(json.dumps(evaluate.evaluate(ttl, [gold]), ensure_ascii=False))


@pytest.mark.skipif(SCORER is None, reason="shared/eval/score.py is not next to the repository")
def test_agrees_with_the_shared_scorer_on_the_seeds(seeds_export):
    _, out = seeds_export
    golds = sorted(str(p) for p in (SCORER.parent / "gold").glob("*.json"))
    if not golds:
        pytest.skip("no gold files")
    ext = subprocess.run([sys.executable, str(SCORER), str(out / "graph.ttl"), *golds, "--json"],
                         capture_output=True, text=True, check=True).stdout
    ours = evaluate.evaluate(out / "graph.ttl", golds)
    assert json.loads(ext) == json.loads(json.dumps(ours, ensure_ascii=False))


@pytest.mark.parametrize("doc,words", [([1, 2], "found a list"),
                                       ({"entities": [{"class": "Person"}]}, 'entities[0] has no "label" string'),
                                       ({"relations": [{"s": "a", "p": "runs", "o": 3}]}, 'no "o" string')])
def test_load_gold_names_what_is_wrong_with_a_gold_file(tmp_path, doc, words):
    """The library call, not only the CLI, refuses a badly shaped gold file with a UserError."""
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(UserError) as err:
        load_gold([path])
    assert words in str(err.value) and str(path) in str(err.value)


def test_load_graph_locates_a_turtle_error(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text("<http://x/a> <http://x/b> <http://x/c> .\n<http://x/a> <http://x/b> \"open\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        load_graph(path)
    assert "line 2" in str(err.value), str(err.value)
