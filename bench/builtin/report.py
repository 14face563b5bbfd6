#!/usr/bin/env python3
"""Prints the built-in checks bench's table from RUNS/<name>-<tool>/result.json (bench/engine/measure.py's).

usage: report.py RUNS OFFERED "TOOL ..." NAME ...

checks/s counts the services whose last_check moved between status.dat snapshots (every service runs every second,
so a built-in check, which no process accounting sees, counts as a forked one does); plugins/s is the plugin
processes that exited (0 for built-in runs); CPU per 1,000 checks is the whole tree's (daemon and plugins).
"""
import json
import os
import sys


def load(runs, name, tool):
    p = f"{runs}/{name}-{tool}/result.json"
    if not os.path.exists(p):
        return None
    with open(p) as f:
        return json.load(f)


def row(name, tool, r):
    if r is None:
        return f"| {name} | {tool} | - | - | - | - | - | no result |"
    w = r.get("window_s") or 0
    checks = r.get("last_check_changes") or 0
    cpu = r.get("cpu_s")
    rate = checks / w if w else 0
    per1000 = cpu / checks * 1000 if cpu is not None and checks else None
    plugins = (r.get("plugin_exits") or 0) / w if w else 0
    p99 = r.get("latency_p99_ms")
    return (f"| {name} | {tool} | {rate:.0f} | {plugins:.0f} | "
            f"{'-' if per1000 is None else f'{per1000:.3f}'} | {'-' if cpu is None or not w else f'{cpu / w * 100:.0f}'} | "
            f"{'-' if p99 is None else f'{p99:.0f}'} | {r.get('suspect_lines', 0)} suspect lines |")


def main(argv):
    if len(argv) < 5:
        sys.exit(__doc__)
    runs, offered, tools, names = argv[1], int(argv[2]), argv[3].split(), argv[4:]
    print(f"\n{offered} checks/s offered\n")
    print("| command | run by | checks/s | plugins/s | CPU s per 1,000 checks | CPU % of a core | p99 latency ms | notes |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name in names:
        results = {t: load(runs, name, t) for t in tools}
        for t in tools:
            print(row(name, t, results[t]))
        base = results.get("nagios")
        built = results.get("vigil-builtin")
        if base and built and base.get("last_check_changes") and base.get("window_s") and built.get("window_s"):
            ratio = (built["last_check_changes"] / built["window_s"]) / (base["last_check_changes"] / base["window_s"])
            print(f"| {name} | built-in / nagios | {ratio:.1f}x | | | | | |")


if __name__ == "__main__":
    main(sys.argv)
