"""A synthetic corpus for the benchmark: N distinct articles recombined from the seeds' paragraphs.

Why recombine rather than copy: the cache, the duplicate detector and resolve must see N
different articles, with the length, noise (pinyin, Traditional, mojibake) and density of real
CPPCC news.  The same ``seed`` always gives the same corpus, byte for byte.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def paragraphs(seed_dir: Path = SEEDS) -> list[list[str]]:
    """The non-empty lines of each seed file (decoded as UTF-8, undecodable bytes replaced)."""
    out = []
    for p in sorted(seed_dir.glob("*.txt")):
        lines = [ln.rstrip() for ln in p.read_bytes().decode("utf-8", "replace").splitlines()]
        lines = [ln for ln in lines if ln.strip()]
        if lines:
            out.append(lines)
    return out


def make_article(rng: random.Random, pools: list[list[str]], target: int) -> str:
    """One article of about ``target`` UTF-8 bytes: a title, then runs of consecutive
    paragraphs (so sentences keep their context) from one main seed and one other seed."""
    main = rng.randrange(len(pools))
    titles = [ln for pool in pools for ln in pool if len(ln) < 80]
    parts = [rng.choice(titles)]
    size = len(parts[0].encode("utf-8"))
    sources = [main, rng.randrange(len(pools)), main]
    while size < target:
        pool = pools[sources[len(parts) % len(sources)]]
        start = rng.randrange(len(pool))
        run = pool[start:start + rng.randint(1, 4)]
        parts.extend(run)
        size += sum(len(x.encode("utf-8")) + 1 for x in run)
    return "\n".join(parts) + "\n"


def make_corpus(outdir: Path, n: int, seed: int = 2024, mean_bytes: int = 3000) -> list[Path]:
    """Write ``n`` distinct articles to ``outdir`` (``a00000.txt``...) and return their paths."""
    rng = random.Random(seed)
    pools = paragraphs()
    outdir.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    paths = []
    i = 0
    while len(paths) < n:
        text = make_article(rng, pools, rng.randint(mean_bytes // 2, mean_bytes * 3 // 2))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        i += 1
        if digest in seen:
            continue
        seen.add(digest)
        p = outdir / f"a{len(paths):05d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths
