"""Shared fixtures: the seeds are built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_export(tmp_path_factory):
    """(KnowledgeGraph, output folder) of a one-worker build of seeds/."""
    import kg

    out = tmp_path_factory.mktemp("seeds-export")
    graph = kg.build([SEEDS], outdir=out, workers=1)
    return graph, out
