#!/usr/bin/env python3
"""Prints the moving-in bench's one table (issue 22): verify's wall and CPU per size beside nagios4 -v's, and the
daemon's own CPU at 500 checks/s beside Nagios's, each with Vigil's ratio to Nagios.

usage: report.py ENGINE_RUNS_PREFIX VERIFY_OUT_DIR...

ENGINE_RUNS_PREFIX is <engine OUT>/runs/rate500: <prefix>-nagios/result.json and <prefix>-vigil/result.json as
bench/engine/measure.py writes them. Each VERIFY_OUT_DIR is one size of bench/verify/sizes.sh, named
verify-HOSTSxSERVICES, with runs/results.tsv (tool, run, exit code, wall s, peak RSS KB, user s, system s).
"""
import json
import re
import statistics
import sys
from pathlib import Path


def verify_rows(out):
    """(services, {tool: (median wall s, median CPU s)}, every run accepted) of one size."""
    m = re.search(r"verify-(\d+)x(\d+)$", str(out))
    services = int(m.group(1)) * int(m.group(2)) if m else None
    runs, ok = {}, True
    tsv = out / "runs" / "results.tsv"
    if tsv.exists():
        for line in tsv.read_text().splitlines():
            tool, _run, rc, wall, _rss, user, system = line.split("\t")
            runs.setdefault(tool, []).append((float(wall), float(user) + float(system)))
            ok = ok and rc == "0"
    med = {t: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r)) for t, r in runs.items()}
    return services, med, ok and bool(runs)


def engine(prefix, tool):
    p = Path(f"{prefix}-{tool}") / "result.json"
    if not p.exists():
        return None
    r = json.loads(p.read_text())
    w, own, exits = r.get("window_s") or 0, r.get("daemon_cpu_s"), r.get("plugin_exits") or 0
    if not w or own is None:
        return None
    return {"warmup": r.get("warmup") or 0, "own%": 100 * own / w, "ms/check": 1000 * own / exits if exits else None, "checks/s": exits / w,
            "p99": r.get("latency_p99_ms")}


def ratio(v, n):
    return "-" if v is None or not n else f"{v / n:.2f}x"


def num(v, fmt):
    return "-" if v is None else fmt.format(v)


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    rows = [("what", "Nagios 4", "Vigil", "Vigil / Nagios")]
    ok = True
    for out in map(Path, argv[2:]):
        services, med, accepted = verify_rows(out)
        ok = ok and accepted
        n, v = med.get("nagios4"), med.get("vigil")
        label = f"verify, {services:,} services" if services else f"verify, {out.name}"
        rows.append((label + ": wall s", num(n and n[0], "{:.2f}"), num(v and v[0], "{:.2f}"),
                     ratio(v and v[0], n and n[0])))
        rows.append((label + ": CPU s", num(n and n[1], "{:.2f}"), num(v and v[1], "{:.2f}"),
                     ratio(v and v[1], n and n[1])))
    n, v = engine(argv[1], "nagios"), engine(argv[1], "vigil")
    ok = ok and n is not None and v is not None
    at = f"500 checks/s from {n['warmup']:.0f} s" if n else "500 checks/s"
    for key, label, fmt in (("checks/s", "checks/s done", "{:.0f}"),
                            ("own%", "own CPU, % of a core (plugins excluded)", "{:.1f}"),
                            ("ms/check", "own CPU ms per check", "{:.3f}"),
                            ("p99", "latency p99 ms", "{:.0f}")):
        a, b = n and n[key], v and v[key]
        rows.append((f"{at}: {label}", num(a, fmt), num(b, fmt), ratio(b, a)))
    width = [max(len(r[i]) for r in rows) for i in range(4)]
    for i, r in enumerate(rows):
        print("| " + " | ".join(c.ljust(width[j]) for j, c in enumerate(r)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (w + 2) for w in width) + "|")
    print("(verify: medians of the runs; 500 checks/s: one window, plugins forked by both; own CPU is utime+stime\n"
          " of the JVM, or of Nagios and its workers. Under 1.00x Vigil uses less. The machine's other work moves\n"
          " every figure: compare the ratios of one run.)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
