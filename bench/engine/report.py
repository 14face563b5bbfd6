#!/usr/bin/env python3
"""Prints the engine bench's tables from RUNS/<scenario>-<tool>/result.json (written by measure.py).

usage: report.py RUNS SCENARIO[:offered_rate] ...
"""
import json
import os
import sys


def load(runs, scenario, tool):
    p = f"{runs}/{scenario}-{tool}/result.json"
    if not os.path.exists(p):
        return None
    with open(p) as f:
        return json.load(f)


def fig(r):
    """The derived figures of one run, None where not measured."""
    w = r.get("window_s") or 0
    checks = r.get("plugin_exits") or 0
    cpu = r.get("cpu_s")
    rss = r.get("peak_rss_kib")
    return {
        "checks/s": checks / w if w else None,
        "status/s": (r.get("last_check_changes") or 0) / w if w else None,
        "p50": r.get("latency_p50_ms"), "p99": r.get("latency_p99_ms"), "max": r.get("latency_max_ms"),
        "cpu/1000": cpu / checks * 1000 if cpu is not None and checks else None,
        "cpu%": cpu / w * 100 if cpu is not None and w else None,
        "own%": r["daemon_cpu_s"] / w * 100 if r.get("daemon_cpu_s") is not None and w else None,
        "rss": rss / 1024 if rss else None,
        "maxrss": r["time_maxrss_kib"] / 1024 if r.get("time_maxrss_kib") else None,
        "other%": 100 * r["other_cpu_s"] / w if w and r.get("other_cpu_s") is not None else None,
        "heap": r["heap_used_after_gc_kib"] / 1024 if r.get("heap_used_after_gc_kib") else None,
    }


def f(v, fmt="{:.0f}"):
    return "-" if v is None else fmt.format(v)


def ratio(a, b):
    return "-" if a is None or b in (None, 0) else f"{a / b:.2f}x"


COLS = [("checks/s", "checks/s", "{:.0f}"), ("status/s", "last_check changes/s", "{:.0f}"),
        ("p50", "lat p50 ms", "{:.0f}"), ("p99", "lat p99 ms", "{:.0f}"), ("max", "lat max ms", "{:.0f}"),
        ("cpu/1000", "CPU s/1000 checks", "{:.2f}"), ("cpu%", "CPU % of a core", "{:.0f}"),
        ("own%", "of it the daemon's own (plugins excluded) %", "{:.0f}"),
        ("rss", "peak RSS MiB (VmHWM)", "{:.0f}"), ("maxrss", "GNU time %M MiB", "{:.0f}"),
        ("other%", "others' CPU % of a core", "{:.0f}")]


def table(runs, scenario, offered):
    others = sorted(d[len(scenario) + 1:] for d in os.listdir(runs) if d.startswith(scenario + "-"))
    tools = ["nagios", "vigil"] + [t for t in others if t not in ("nagios", "vigil")]
    rows = [(t, load(runs, scenario, t)) for t in tools]
    rows = [(t, r) for t, r in rows if r]
    if not rows:
        return
    print(f"\n## {scenario}" + (f" (offered {offered} checks/s)" if offered else ""))
    print("| tool | " + " | ".join(c[1] for c in COLS) + " |")
    print("|---" * (len(COLS) + 1) + "|")
    figs = {}
    for t, r in rows:
        figs[t] = fig(r)
        print(f"| {t} | " + " | ".join(f(figs[t][k], fmt) for k, _, fmt in COLS) + " |")
    for t in figs:
        if t != "nagios" and "nagios" in figs:
            print(f"| {t}/nagios | " + " | ".join(ratio(figs[t][k], figs["nagios"][k]) for k, _, _ in COLS) + " |")
    print()
    for t, r in rows:
        print(f"- {t}: window {f(r.get('window_s'), '{:.1f}')} s, {r.get('plugin_exits')} plugin exits in it, "
              f"{r.get('snapshots')} status.dat snapshots, {r.get('latency_samples')} latency samples; "
              f"services {r.get('services')} (scheduled {r.get('services_scheduled')}, never checked "
              f"{r.get('services_never_checked')}), last_check > 2 intervals old at the end: "
              f"{r.get('behind_2_intervals_at_end')}, gap > 2 intervals inside the window: "
              f"{r.get('gap_over_2_intervals_in_window')} (largest {r.get('max_gap_s')} s); "
              f"first status.dat after {f(r.get('startup_s'), '{:.2f}')} s; peak threads {r.get('peak_threads')}, "
              f"peak live plugins {r.get('peak_live_plugins')}; SIGTERM to exit {f(r.get('shutdown_s'), '{:.1f}')} s "
              f"(exit {r.get('exit')}); other processes used "
              f"{f(100 * r['other_cpu_s'] / r['window_s'] if r.get('other_cpu_s') is not None else None)}% "
              f"of a core meanwhile; load {'/'.join(r['load_before'])} before, "
              f"{'/'.join(r['load_after'])} after")
        if r.get("active_scheduled_service_check_stats"):
            print(f"  - programstatus active_scheduled_service_check_stats (1/5/15 min): "
                  f"{r['active_scheduled_service_check_stats']}")
        if r.get("heap_used_kib") is not None:
            print(f"  - heap used {r['heap_used_kib'] / 1024:.0f} MiB at the end, "
                  f"{r['heap_used_after_gc_kib'] / 1024:.0f} MiB after a full GC (jcmd GC.run)")
        if r.get("suspect_lines"):
            print(f"  - {r['suspect_lines']} output lines mention Exception/Error/Warning "
                  f"({r.get('uncaught_exceptions')} uncaught exceptions); first: {r['suspect_sample'][:3]}")


def main(argv):
    runs = argv[1]
    for arg in argv[2:]:
        scenario, _, offered = arg.partition(":")
        table(runs, scenario, offered)


if __name__ == "__main__":
    main(sys.argv)
