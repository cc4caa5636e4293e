"""`flashpoint events` / `quotes` read a database; they never create an empty one."""

import subprocess
import sys


def test_reading_a_missing_database_is_a_one_line_error_and_creates_nothing(tmp_path):
    missing = tmp_path / "nothing-here.db"
    for command in ("events", "quotes"):
        proc = subprocess.run([sys.executable, "-m", "flashpoint.cli", command, "--db", str(missing)],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode != 0
        assert len(proc.stderr.strip().splitlines()) == 1 and str(missing) in proc.stderr
        assert "Traceback" not in proc.stderr
        assert not missing.exists()
