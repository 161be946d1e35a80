"""`lotse init` of the synthetic bundle into an empty SQLite database: the import (validated) and the index.

The bundle is written by tools/bench/synth.py (same seed, same size: the same bundle); `lotse init --data
DIR` runs as a command in a fresh temporary instance. The import's share is the time until the import's
report is printed (schema migration included), the index's the rest. Prints the load average.

Usage: python -m tools.bench --only init_bench [--init-sizes 10000[,100000]] [--init-runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from tools.bench import synth
from tools.bench.route_bench import BIN, CACHE, ROOT

#: The first line of the import's report (printed when the import is done, before the index is built).
REPORT_START = ("Organisationen:", "Stadtteile:", "Angebote:")


def main(argv: list[str]) -> int:
    """Time `lotse init` for each size (and run) and print the figures with the load average."""
    parser = argparse.ArgumentParser(description="lotse init mit dem synthetischen Bündel")
    parser.add_argument("--init-sizes", default="10000", help="Angebote je Messung, z. B. 10000,100000")
    parser.add_argument("--init-runs", type=int, default=1)
    args, _others = parser.parse_known_args(argv)
    for size in (int(s) for s in args.init_sizes.split(",") if s):
        bundle = CACHE / f"bundle-{size}"
        synth.write_bundle(bundle, size)
        for _ in range(args.init_runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            total, imported, rejected = measure(bundle)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
            print(
                f"lotse init, {size} Angebote: {total:.1f} s (Import {imported:.1f} s,"
                f" Index {total - imported:.1f} s; CPU {cpu:.1f} s), {rejected} abgelehnt; Last {load}",
                flush=True,
            )
    return 0


def measure(bundle: Path) -> tuple[float, float, int]:
    """Run `lotse init --data bundle` in a new instance; return (total s, import s, rejections)."""
    with tempfile.TemporaryDirectory(prefix="lotse-init-") as tmp:
        instance = Path(tmp) / "instance"
        env = {
            **os.environ,
            "LOTSE_INSTANCE_DIR": str(instance),
            "LOTSE_DATABASE_URL": f"sqlite:///{instance / 'lotse.sqlite3'}",
        }
        started = time.perf_counter()
        imported = None
        rejected = 0
        with subprocess.Popen(
            [str(BIN / "lotse"), "init", "--data", str(bundle)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        ) as process:
            assert process.stdout is not None
            for line in process.stdout:
                if imported is None and line.startswith(REPORT_START):
                    imported = time.perf_counter() - started
                rejected += line.startswith("Abgelehnt:")
        total = time.perf_counter() - started
        if process.returncode:
            raise SystemExit(f"lotse init fehlgeschlagen ({process.returncode})")
    return total, imported if imported is not None else total, rejected
