#!/usr/bin/env python3
"""Times `vigil sweep` against a running `vigil run`: from starting the command to its summary on stdout.

usage: measure.py VIGIL CFG RUNS

Each run is a fresh `bin/vigil sweep CFG --json` process (so the figure includes the CLI's JVM start-up, as a
user waits for it). Prints, per run, the wall time and the monitor's own figure (`elapsed_ms`: first check
started to last result applied), then min and median.
"""
import json
import statistics
import subprocess
import sys
import time


def main():
    vigil, cfg, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    walls, inner = [], []
    summary = None
    for r in range(runs):
        t0 = time.monotonic()
        p = subprocess.run([vigil, "sweep", cfg, "--json"], capture_output=True, text=True)
        wall = time.monotonic() - t0
        if p.returncode not in (0, 1):
            print(f"run {r + 1}: vigil sweep exited {p.returncode}: {p.stderr.strip()}")
            sys.exit(1)
        summary = json.loads(p.stdout)
        walls.append(wall)
        inner.append(summary["elapsed_ms"] / 1000)
        print(f"run {r + 1}: {summary['done']} of {summary['total']} checks on {summary['hosts']} hosts, "
              f"{summary['problems']} not OK; command to summary {wall:.3f} s, in the monitor {inner[-1]:.3f} s "
              f"({summary['done'] / inner[-1]:.0f} checks/s)")
    print(f"command to summary: min {min(walls):.3f} s, median {statistics.median(walls):.3f} s")
    print(f"in the monitor:     min {min(inner):.3f} s, median {statistics.median(inner):.3f} s "
          f"({summary['done'] / statistics.median(inner):.0f} checks/s)")
    print(f"CLI overhead (JVM start, config read, socket): median "
          f"{statistics.median(walls) - statistics.median(inner):.3f} s")


if __name__ == "__main__":
    main()
