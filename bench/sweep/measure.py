#!/usr/bin/env python3
"""Times `vigil sweep` against a running `vigil run`, next to two floors running the same expanded command lines.

usage: measure.py VIGIL CFG VIGIL_PID OUT XRUN RUNS [KIND ...]

A round is, for the whole config and then for each KIND (services named KIND*, see generate.py), one right after
the other:
- vigil: a fresh `VIGIL sweep CFG --json [--service 'KIND*']` process;
- xargs: `xargs -P $XARGS_P -L 1 env` (default 4) over OUT/lines.txt (or OUT/lines-KIND.txt), stdout to /dev/null.
  `env` makes xargs run each line as the command it is: `xargs -L 1` alone runs /bin/echo with the line as its
  arguments, which times echo, not the plugins. env's own exec is part of this figure;
- bare: XRUN (xrun.c) over OUT/lines.tsv (or OUT/lines-KIND.tsv): fork and exec each line itself, $XARGS_P at once,
  nothing in between. The floor the ratios are taken against.
RUNS rounds; the medians are printed last. Per sweep: the wall time from starting the command to its summary (so
the CLI's JVM start-up is in it), the monitor's own figure (`elapsed_ms`: first check started to last result
applied), CPU time (user + system) of the monitor (VIGIL_PID's own and that of the plugins it reaped, from /proc) and
of the CLI apart, and the connections the kernel dropped from a full listen queue meanwhile (TcpExt ListenDrops: each
costs a client a SYN retransmission, 1 s). Per floor run: its wall time, CPU time (the runner and the plugins it
reaped) and listen drops. Each sweep's JSON summary is kept as OUT/runs/MODE-KIND-ROUND.json (MODE: $MODE).
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def proc_cpu(pid):
    """utime + stime + cutime + cstime of pid, in seconds: the JVM's threads and the plugins it reaped."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / TICK


def listen_drops():
    """The kernel's count of connections dropped because a listen queue was full (TcpExt ListenDrops)."""
    with open("/proc/net/netstat") as f:
        lines = [line.split() for line in f if line.startswith("TcpExt:")]
    return int(dict(zip(lines[0][1:], lines[1][1:])).get("ListenDrops", 0))


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(command, stdin=None, pid=None):
    """Runs command; its wall time, CPU time (its own and its reaped children's; pid's apart) and listen drops."""
    d0, c0, m0, t0 = listen_drops(), children_cpu(), proc_cpu(pid) if pid else 0, time.monotonic()
    if pid is not None:
        p = subprocess.run(command, capture_output=True, text=True)
    else:
        p = subprocess.run(command, stdin=stdin, stdout=subprocess.DEVNULL, check=False)
    wall = time.monotonic() - t0
    own = children_cpu() - c0
    if pid:
        return p, {"wall": wall, "cpu": proc_cpu(pid) - m0, "cli": own, "drops": listen_drops() - d0}
    return p, {"wall": wall, "cpu": own, "drops": listen_drops() - d0}


def main():
    vigil, cfg, pid, out, xrun = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
    runs = int(sys.argv[6])
    kinds = ["all"] + sys.argv[7:]
    parallel = str(int(os.environ.get("XARGS_P", "4")))
    mode = os.environ.get("MODE", "x")
    os.makedirs(os.path.join(out, "runs"), exist_ok=True)
    fig = {k: {t: [] for t in ("vigil", "inner", "xargs", "bare")} for k in kinds}
    counts = {}
    for r in range(1, runs + 1):
        for kind in kinds:
            base = os.path.join(out, "lines" if kind == "all" else f"lines-{kind}")
            select = [] if kind == "all" else ["--service", kind + "*"]
            p, v = timed([vigil, "sweep", cfg, "--json"] + select, pid=pid)
            if p.returncode not in (0, 1):
                sys.exit(f"{kind}: vigil sweep exited {p.returncode}: {p.stderr.strip()}")
            summary = json.loads(p.stdout)
            with open(os.path.join(out, "runs", f"{mode}-{kind}-{r}.json"), "w") as f:
                json.dump(summary, f)
            with open(base + ".txt") as f:
                _, x = timed(["xargs", "-P", parallel, "-L", "1", "env"], stdin=f)
            _, b = timed([xrun, parallel, base + ".tsv"])
            counts[kind] = summary["done"]
            inner = summary["elapsed_ms"] / 1000
            for key, value in (("vigil", v), ("inner", inner), ("xargs", x), ("bare", b)):
                fig[kind][key].append(value)
            print(f"round {r} {kind:5}: {summary['done']} checks ({summary['problems']} not OK); vigil: in the "
                  f"monitor {inner:.3f} s, command to summary {v['wall']:.3f} s, CPU {v['cpu']:.2f} s (CLI "
                  f"{v['cli']:.2f} s), "
                  f"{v['drops']} listen drops; xargs: {x['wall']:.3f} s, CPU {x['cpu']:.2f} s, {x['drops']} drops; "
                  f"bare: {b['wall']:.3f} s, CPU {b['cpu']:.2f} s, {b['drops']} drops", flush=True)
    report(fig, counts, runs, parallel)


def report(fig, counts, runs, parallel):
    med = statistics.median

    def m(kind, tool, key):
        return med(x[key] for x in fig[kind][tool])

    print(f"medians of {runs} ({os.environ.get('BENCH_MODE', '')}), -P {parallel}: wall s (vigil in the monitor, "
          f"vigil command to summary, xargs env, bare) | vigil in the monitor / bare | CPU s (the monitor with its "
          f"plugins, the CLI, xargs env, bare) | CPU ms per check (the monitor, bare) | listen drops (vigil, xargs, "
          f"bare)")
    for kind in fig:
        n = counts[kind]
        inner = med(fig[kind]["inner"])
        print(f"  {kind:5} {n:5}: {inner:.3f} {m(kind, 'vigil', 'wall'):.3f} {m(kind, 'xargs', 'wall'):.3f} "
              f"{m(kind, 'bare', 'wall'):.3f} | {inner / m(kind, 'bare', 'wall'):.2f}x | "
              f"{m(kind, 'vigil', 'cpu'):.2f} {m(kind, 'vigil', 'cli'):.2f} {m(kind, 'xargs', 'cpu'):.2f} "
              f"{m(kind, 'bare', 'cpu'):.2f} | "
              f"{1000 * m(kind, 'vigil', 'cpu') / n:.2f} {1000 * m(kind, 'bare', 'cpu') / n:.2f} | "
              f"{m(kind, 'vigil', 'drops'):.0f} {m(kind, 'xargs', 'drops'):.0f} {m(kind, 'bare', 'drops'):.0f}")


if __name__ == "__main__":
    main()
