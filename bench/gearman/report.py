#!/usr/bin/env python3
"""Prints the gearman bench's tables from the result.json files measure.py wrote.

usage: report.py OFFERED RUN_DIR...
"""
import json
import sys


def load(run):
    try:
        with open(f"{run}/result.json") as f:
            return json.load(f)
    except OSError:
        return {"name": run.rsplit("/", 1)[-1], "error": "no result.json"}


def per_k(cpu, checks):
    return f"{1000 * cpu / checks:.3f}" if checks else "-"


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    offered = int(argv[1])
    rs = [load(r) for r in argv[2:]]
    local = next((r for r in rs if r.get("workers") == 0 and r.get("checks_per_s")), None)
    print(f"\n{offered:,} checks/s offered\n")
    print("| setup | checks/s | / local | central `vigil run` CPU s per 1,000 checks | central % of a core "
          "| gearmand s per 1,000 | workers s per 1,000 | others' CPU % | load avg |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rs:
        if "checks_per_s" not in r:
            print(f"| {r.get('name')} | failed: {r.get('error')} | | | | | | | |")
            continue
        w, n = r["window_s"], r["checks"]
        ratio = f"{r['checks_per_s'] / local['checks_per_s']:.2f}x" if local else "-"
        label = "local" if r["workers"] == 0 else f"{r['workers']} worker{'s' if r['workers'] > 1 else ''}"
        print(f"| {label} | {r['checks_per_s']:,.0f} | {ratio} | {per_k(r['central_cpu_s'], n)} "
              f"| {100 * r['central_cpu_s'] / w:.0f} | {per_k(r['gearmand_cpu_s'], n) if r['workers'] else '-'} "
              f"| {per_k(r['workers_cpu_s'], n) if r['workers'] else '-'} | {100 * r['others_cpu_s'] / w:.0f} "
              f"| {r.get('load_average', ['-'])[0]} |")
    print("\nAre the results real (dispatch counters over the window, status.dat after it):\n")
    print("| setup | results | orphaned | ran locally | rejected | pending at end | workers connected "
          "| services checked in window | their outputs |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rs:
        if "checks_per_s" not in r:
            continue
        a, b = r.get("gearman_start") or {}, r.get("gearman_end") or {}

        def d(k):
            return f"{b[k] - a[k]:,}" if k in a and k in b else "-"
        outs = ", ".join(f"{o!r} x{c:,}" for o, c in (r.get("outputs") or {}).items())
        print(f"| {r['name']} | {d('results')} | {d('orphaned')} | {d('ran_locally')} | {d('rejected_results')} "
              f"| {b.get('pending', '-')} | {b.get('workers', '-')} "
              f"| {r.get('services_checked_in_window', 0):,} of {r.get('services', 0):,} | {outs} |")
    dist = [r for r in rs if r.get("workers") and r.get("checks")]
    if dist:
        print("\nThe central node when every check runs on workers: CPU of the `vigil run` JVM alone "
              "(not gearmand, not the workers), projected linearly to 20,000 checks/s:\n")
        for r in dist:
            k = r["central_cpu_s"] / r["checks"] * 1000
            print(f"- {r['workers']} worker(s), {r['checks_per_s']:,.0f} checks/s: {k:.3f} s per 1,000 checks "
                  f"-> {k * 20:.2f} cores at 20,000 checks/s")
    for r in rs:
        if r.get("error"):
            print(f"\n{r['name']}: {r['error']}")


if __name__ == "__main__":
    main(sys.argv)
