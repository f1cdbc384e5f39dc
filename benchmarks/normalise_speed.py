"""Normalisation throughput: ``python benchmarks/normalise_speed.py [--mb 5]``.

Not part of the test suite.  Makes about ``--mb`` MB (UTF-8) of articles from the seeds and
the unseen dev articles, once clean and once noisy (:mod:`tests/noise.py`: Traditional,
pinyin, doubled marks, a GBK-shifted run, navigation/footer, GBK/Big5/UTF-16/HTML
containers), and times

* ``normalise`` alone on the decoded articles, and
* ``read_article`` + ``normalise`` on the files' bytes (decoding and encoding detection too),
* and, on the first ``--share`` files, the whole per-article pipeline with its timing hook,
  to give normalisation's share of the per-article build time.

MB/s are of UTF-8 text (the clean text for both sets, so the two figures compare work per
unit of news) per CPU second of this process.  The character model and OpenCC are loaded
before timing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from noise import CONTAINERS, noisy_copy  # noqa: E402

from kg import pipeline  # noqa: E402
from kg.normalise import normalise  # noqa: E402
from kg.read import read_article  # noqa: E402


def sources() -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "unseen").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def make_files(folder: Path, mb: float, noisy: bool) -> tuple[list[Path], int]:
    """Files totalling about ``mb`` MB of clean UTF-8 text; returns them and the clean bytes."""
    texts = sources()
    files: list[Path] = []
    size = 0
    i = 0
    while size < mb * 1e6:
        clean = texts[i % len(texts)]
        if noisy:
            data, suffix, _ = noisy_copy(clean, i, kind=CONTAINERS[i % len(CONTAINERS)])
        else:
            data, suffix = clean.encode("utf-8"), ".txt"
        f = folder / f"a{i:05d}{suffix}"
        f.write_bytes(data)
        files.append(f)
        size += len(clean.encode("utf-8"))
        i += 1
    return files, size


def timed(files: list[Path]) -> tuple[float, float]:
    """(CPU seconds of normalise alone, of read + normalise): CPU time of this process, so
    that other work on a shared machine does not count."""
    t0 = time.process_time()
    arts = [read_article(f) for f in files]
    t1 = time.process_time()
    for a in arts:
        normalise(a)
    t2 = time.process_time()
    return t2 - t1, t2 - t0


def share(files: list[Path]) -> float:
    """Normalisation's share of the per-article stages (read ... relations) on ``files``."""
    for f in files[:3]:  # warm: the recognisers load their dictionaries on first use
        pipeline.process_path(str(f))
    pipeline.enable_timing(True)
    try:
        for f in files:
            pipeline.process_path(str(f))
        t = pipeline.take_timings()
    finally:
        pipeline.enable_timing(False)
    total = sum(secs for secs, _ in t.values())  # name -> [seconds, calls]
    return t["normalise"][0] / total if total else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--share", type=int, default=100, help="files run through the whole per-article pipeline")
    args = ap.parse_args()
    normalise(read_article(sorted((ROOT / "seeds").glob("*.txt"))[1]))  # warm: char model, OpenCC
    with tempfile.TemporaryDirectory() as tmp:
        for noisy in (False, True):
            folder = Path(tmp) / ("noisy" if noisy else "clean")
            folder.mkdir()
            files, size = make_files(folder, args.mb, noisy)
            norm_s, total_s = timed(files)
            mb = size / 1e6
            part = share(files[:args.share]) if args.share else 0.0
            print(f"{'noisy' if noisy else 'clean'}: {len(files)} articles, {mb:.1f} MB: normalise "
                  f"{mb / norm_s:.2f} MB/s ({norm_s:.1f} s); read+normalise {mb / total_s:.2f} MB/s ({total_s:.1f} s); "
                  f"normalise = {part:.0%} of the per-article stages")


if __name__ == "__main__":
    main()
