import json
import subprocess
import sys


def test_build_writes_three_files(tmp_path):
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "kg", "build", "seeds", "-o", str(out), "--workers", "1"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "5 articles read" in r.stdout
    for name in ("graph.ttl", "graph.html", "report.json"):
        assert (out / name).stat().st_size > 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {f["status"] for f in report["files"]} == {"ok"}
