"""exports/ is committed so that a visitor can open the view without installing anything; it must
be the current build of seeds/ (rebuild with ``cppcc-kg build`` when this fails)."""

from __future__ import annotations

from conftest import ROOT

EXPORTS = ROOT / "exports"


def test_committed_exports_are_the_current_build_of_the_seeds(seeds_export):
    _, out = seeds_export
    built = sorted(p.name for p in out.iterdir() if p.is_file())
    committed = sorted(p.name for p in EXPORTS.iterdir() if p.is_file())
    assert committed == built
    stale = [name for name in built if (out / name).read_bytes() != (EXPORTS / name).read_bytes()]
    assert not stale, f"exports/ is stale ({', '.join(stale)}): run `cppcc-kg build` and commit exports/"
