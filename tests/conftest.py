"""Shared fixtures: the seeds are built once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# The suite is a gate (CI runs it before anything lands): the same generated examples on every
# run.  To look for new failing examples: pytest --hypothesis-profile=explore
settings.register_profile("gate", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile("gate")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_export(tmp_path_factory):
    """(KnowledgeGraph, output folder) of a one-worker build of seeds/, run from the repository
    root with the relative path ``seeds`` as ``cppcc-kg build`` does: its files must equal the
    committed exports/ byte for byte (tests/test_exports_fresh.py)."""
    import kg

    out = tmp_path_factory.mktemp("seeds-export")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        graph = kg.build(["seeds"], outdir=out, workers=1)
    finally:
        os.chdir(cwd)
    return graph, out
