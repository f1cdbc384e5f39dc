"""Issue 3, "done when": on articles the project never tuned on, noisy copies score within
0.03 F1 of the clean copies.

The articles are the hand-annotated unseen dev set (``tests/data/unseen`` with gold in
``tests/data/unseen_gold``; whatever is there).  Each gets one noisy copy from
:mod:`noise`: Traditional script, full-width forms, a GBK byte-shifted run away from the gold
names, navigation and footer lines, indents and invisible characters, pinyin, doubled
punctuation, sometimes hard wrapping, and a container - GBK, Big5, UTF-16, an HTML page or a
whole-text misreading - cycled so that every one is used.  Each set is built once per
module, one worker.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest
from noise import CONTAINERS, noisy_copy

import kg
from kg import read
from kg.evaluate import evaluate_graph

HERE = Path(__file__).resolve().parent
UNSEEN = HERE / "data" / "unseen"
GOLD = HERE / "data" / "unseen_gold"
# fixed at collection time: other helpers may add articles while the tests run
ARTICLES = [p for p in sorted(UNSEEN.glob("*.txt")) if (GOLD / f"{p.stem}.json").exists()]
MAX_LOSS = 0.03

pytestmark = pytest.mark.skipif(not ARTICLES, reason="no annotated unseen articles")


def _gold(p: Path) -> Path:
    return GOLD / f"{p.stem}.json"


def _names(gold: Path) -> set[str]:
    """Every label and alternative label of the gold file: the noise keeps away from them."""
    doc = json.loads(gold.read_text(encoding="utf-8"))
    out: set[str] = set()
    for e in doc.get("entities", []):
        out.add(e["label"])
        out.update(e.get("alt", []))
    return out


def _seed(p: Path) -> int:
    return zlib.crc32(p.stem.encode("utf-8"))  # stable across runs and Python versions


@pytest.fixture(scope="module")
def clean_score() -> dict:
    graph = kg.build(ARTICLES, workers=1)
    return evaluate_graph(graph.rdf, [_gold(p) for p in ARTICLES])


@pytest.fixture(scope="module")
def noisy_build(tmp_path_factory) -> tuple[dict, dict, dict[str, dict]]:
    """(score, report.json, what the generator did per noisy file name)."""
    src = tmp_path_factory.mktemp("noisy-src")
    out = tmp_path_factory.mktemp("noisy-out")
    files, made = [], {}
    for i, p in enumerate(ARTICLES):
        kind = CONTAINERS[i % len(CONTAINERS)]
        # (read as the build reads it: an article may be stored in GBK)
        data, suffix, info = noisy_copy(read.read_article(p).raw, _seed(p), _names(_gold(p)), kind)
        f = src / f"{p.stem}{suffix}"
        f.write_bytes(data)
        files.append(f)
        made[f.name] = info
    graph = kg.build(files, outdir=out, workers=1)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return evaluate_graph(graph.rdf, [_gold(p) for p in ARTICLES]), report, made


def _found(score: dict) -> dict[str, int]:
    return {k: r["tp"] for k, r in {**score["entities"], **score["relations"]}.items()}


def test_noisy_copies_score_within_003_of_clean(clean_score, noisy_build):
    noisy, _, _ = noisy_build
    assert sum(_found(clean_score).values()) > 0  # the clean set finds something: the comparison means something
    lost = {k: sorted(set(noisy[part][k]["missed"]) - set(clean_score[part][k].get("missed", ())))
            for part in ("entities", "relations") for k in noisy[part]}
    lost = {k: v for k, v in lost.items() if v}  # named in the failure message
    assert noisy["overall_f1"] >= clean_score["overall_f1"] - MAX_LOSS, (
        f"clean {clean_score['overall_f1']:.3f} noisy {noisy['overall_f1']:.3f}; lost to noise: {lost}")


def test_noise_is_really_there(noisy_build):
    """Guards the test above against a generator that stopped making noise."""
    _, report, made = noisy_build
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    assert set(by_name) == set(made)
    assert {m["container"] for m in made.values()} == set(CONTAINERS[:len(made)])
    assert sum(m["mojibake_runs"] for m in made.values()) >= len(made) // 2


def test_report_carries_a_quality_record_per_article(noisy_build):
    """report.json says, per article, what reading and normalising found and repaired."""
    _, report, made = noisy_build
    for f in report["files"]:
        info = made[Path(f["path"]).name]
        q = f["quality"]
        assert f["status"] == "ok", f
        # GBK is read as its superset GB18030; UTF-16 names its byte order
        assert q["encoding"].startswith(info["encoding"].replace("gbk", "gb18030")), (info, q)
        assert q["html"] is (info["container"] == "html")
        assert q["script"] == "Hant"
        assert q["misread_as"] == ("cp1252" if info["container"] == "misread" else "")
        assert q["pinyin_removed"] > 0 and q["punctuation_repaired"] > 0
        for key in ("mojibake_recovered", "mojibake_lost"):
            assert isinstance(q[key], int) and q[key] >= 0
    # a shifted run can re-synchronise after a byte below 0x80 and leave only two characters,
    # too few to tell from a rare name: most runs, not all, must be seen
    runs = sum(m["mojibake_runs"] for m in made.values())
    seen = sum(f["quality"]["mojibake_recovered"] + f["quality"]["mojibake_lost"] for f in report["files"])
    assert seen >= runs * 2 // 3, (seen, runs)
