"""`make bench` (python -m tools.bench [--only NAME] [options]): run every benchmark in BENCHMARKS.

A benchmark is a module with `main(argv)` (returning None or an exit code); it should take the options it
knows and ignore the rest (argparse's parse_known_args), so one command line serves all of them. To add
one, append its module name below. `--only search_bench` runs just that one.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = [
    "tools.bench.needs_bench",
    "tools.bench.search_bench",
    "tools.bench.route_bench",
    "tools.bench.goals",
    "tools.bench.init_bench",
]


def main(argv: list[str]) -> None:
    """Run the benchmarks (all, or those named with --only search_bench,route_bench)."""
    only: set[str] = set()
    if "--only" in argv:
        at = argv.index("--only")
        only = set(argv[at + 1].split(","))
        argv = argv[:at] + argv[at + 2 :]
    failed = []
    for name in BENCHMARKS:
        if only and name.rsplit(".", 1)[-1] not in only:
            continue
        print(f"\n### {name}", flush=True)
        try:
            outcome = importlib.import_module(name).main(argv)
        except SystemExit as exc:  # a benchmark's own argument parser refused the options
            outcome = exc.code
        if outcome not in (None, 0):
            failed.append(name)
    if failed:
        sys.exit(f"Fehlgeschlagen: {', '.join(failed)}")


if __name__ == "__main__":
    main(sys.argv[1:])
