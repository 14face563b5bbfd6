#!/usr/bin/env python3
"""Splits a running daemon's CPU over a window: the JVM's own threads (grouped by name: check pool, the JDK's
process reaper, engine thread, check clock, periodic jobs, GC, JIT) and its reaped children (the plugins, and the
JDK's work in a vforked child before exec). Reads /proc/PID/task/*/stat and /proc/PID/stat; no root needed.

usage: cpusplit.py PID [SECONDS] [CHECKS_PER_SECOND]

With CHECKS_PER_SECOND (the offered rate, e.g. 500 for the rate500 scenario) it also prints ms per check.
"""
import collections
import os
import re
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def fields(path):
    with open(path) as f:
        s = f.read()
    return s[s.index("(") + 1:s.rindex(")")], s[s.rindex(")") + 2:].split()


def snapshot(pid):
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            name, f = fields(f"/proc/{pid}/task/{tid}/stat")
        except OSError:
            continue  # ended meanwhile
        threads[tid] = (name, int(f[11]), int(f[12]))
    _, f = fields(f"/proc/{pid}/stat")
    return threads, int(f[13]), int(f[14])  # cutime, cstime: children waited for


def main(argv):
    pid = int(argv[1])
    secs = float(argv[2]) if len(argv) > 2 else 10
    rate = float(argv[3]) if len(argv) > 3 else None
    a, cu0, cs0 = snapshot(pid)
    t0 = time.monotonic()
    time.sleep(secs)
    b, cu1, cs1 = snapshot(pid)
    w = time.monotonic() - t0
    groups = collections.defaultdict(lambda: [0, 0, 0])
    for tid, (name, u, s) in b.items():
        u0, s0 = a[tid][1:] if tid in a else (0, 0)
        g = groups[re.sub(r"[-#]?\d+$", "#", name)]  # "GC Thread#1" and "GC Thread#0" together
        g[0] += u - u0
        g[1] += s - s0
        g[2] += 1
    checks = rate * w if rate else None

    def line(label, u, s, extra=""):
        per = f"  {(u + s) / TICK / checks * 1000:6.3f} ms/check" if checks else ""
        print(f"{label:30s} user {u / TICK:6.2f} s  sys {s / TICK:6.2f} s  {100 * (u + s) / TICK / w:5.1f}% of a core"
              f"{per}{extra}")

    jvm_u = jvm_s = 0
    for name, (u, s, n) in sorted(groups.items(), key=lambda kv: -(kv[1][0] + kv[1][1])):
        if u + s:
            line(name, u, s, f"  ({n} threads)")
            jvm_u, jvm_s = jvm_u + u, jvm_s + s
    line("= the JVM", jvm_u, jvm_s)
    line("= children (reaped plugins)", cu1 - cu0, cs1 - cs0)
    line("= all", jvm_u + cu1 - cu0, jvm_s + cs1 - cs0, f"  over {w:.1f} s")


if __name__ == "__main__":
    main(sys.argv)
