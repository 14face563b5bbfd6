#!/usr/bin/env python3
"""Print the verify benchmark's tables from what run.sh recorded.

Usage: report.py OUT_DIR
       report.py --summary OUT_DIR...    (one line per size, as sizes.sh prints it)

Reads OUT_DIR/runs/results.tsv (tool, run, exit code, wall s, peak RSS KB, user s, system s),
OUT_DIR/runs/<tool>.<run>.out (each run's stdout and stderr) and
OUT_DIR/expected-counts.txt (written by generate.py). Prints figures only; it
never judges a time. Exits 1 if a tool did not accept the config on every run.
"""

import re
import statistics
import sys
from collections import namedtuple
from pathlib import Path

TOOLS = ["nagios4", "vigil"]
Run = namedtuple("Run", "run rc wall rss_mib cpu")
CHECKED = re.compile(r"^\s*Checked\s+(\d+)\s+([A-Za-z][A-Za-z ]*?)\.?\s*$")
TOTAL = re.compile(r"^\s*Total\s+(Warnings|Errors):\s*(\d+)\s*$")


def key(kind):
    """nagios4 says both 'time periods' and 'timeperiods'; match them as one."""
    return kind.lower().replace(" ", "")


def read_runs(runs_dir):
    runs = {}
    for line in (runs_dir / "results.tsv").read_text().splitlines():
        tool, run, rc, wall, rss, user, system = line.split("\t")
        runs.setdefault(tool, []).append(Run(int(run), int(rc), float(wall), int(rss) / 1024,
                                             float(user) + float(system)))
    return runs


def read_counts(text):
    """Object counts from `Checked N <type>.` lines, first mention of a type wins."""
    counts, labels = {}, {}
    for line in text.splitlines():
        m = CHECKED.match(line)
        if m and key(m.group(2)) not in counts:
            counts[key(m.group(2))] = int(m.group(1))
            labels[key(m.group(2))] = m.group(2)
        m = TOTAL.match(line)
        if m:
            k = f"total{m.group(1).lower()}"
            counts[k], labels[k] = int(m.group(2)), f"Total {m.group(1)}"
    return counts, labels


def table(rows):
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                        for i, (c, w) in enumerate(zip(r, widths))).rstrip())


def ratio(a, b):
    return f"{a / b:.2f}x" if b else "-"


def timing_table(runs):
    rows = [("tool", "runs", "exit codes", "wall min s", "wall median s", "CPU median s",
             "peak RSS MiB (max)", "peak RSS MiB (median)")]
    stats = {}
    for tool in TOOLS:
        if tool not in runs:
            rows.append((tool, 0, "not run") + ("-",) * 5)
            continue
        r = runs[tool]
        walls, rss = [x.wall for x in r], [x.rss_mib for x in r]
        stats[tool] = (min(walls), statistics.median(walls), statistics.median(x.cpu for x in r),
                       max(rss), statistics.median(rss))
        rows.append((tool, len(r), ",".join(sorted({str(x.rc) for x in r})))
                    + tuple(f"{v:.2f}" for v in stats[tool][:3])
                    + tuple(f"{v:.1f}" for v in stats[tool][3:]))
    if len(stats) == 2:
        rows.append(("vigil/nagios4", "", "")
                    + tuple(ratio(v, n) for v, n in zip(stats["vigil"], stats["nagios4"])))
    table(rows)


def counts_table(out, runs):
    generated = {}
    labels = {"totalwarnings": "Total Warnings", "totalerrors": "Total Errors"}
    for line in (out / "expected-counts.txt").read_text().splitlines():
        kind, n = line.rsplit(" ", 1)
        generated[key(kind)], labels[key(kind)] = int(n), kind
    reported = {}
    for tool in TOOLS:
        if tool in runs:
            last = max(x.run for x in runs[tool])
            text = (out / "runs" / f"{tool}.{last}.out").read_text(errors="replace")
            reported[tool], tool_labels = read_counts(text)
            for k, v in tool_labels.items():
                labels.setdefault(k, v)
    order = list(generated) + [k for t in reported.values() for k in t if k not in generated]
    order = list(dict.fromkeys(k for k in order if not k.startswith("total"))) + ["totalwarnings",
                                                                                   "totalerrors"]
    rows = [("object type", "generated") + tuple(reported) + ("",)]
    for k in order:
        cells = tuple(reported[t].get(k, "-") for t in reported)
        differs = len(reported) == 2 and cells[0] != cells[1]
        rows.append((labels.get(k, k), generated.get(k, "")) + cells + ("<- differs" if differs else "",))
    table(rows)
    print("(generated: definitions, escalations expanded per host. nagios4 4.4.6 counts a dependency\n"
          " twice when it also registers an execution dependency: a hostdependency whenever\n"
          " execution_failure_criteria is set, even to n; a servicedependency only when it is not n)")


def outcome(rc):
    if rc in (126, 127):
        return f"exited {rc}: it could not be started"
    if rc > 128:
        return f"was killed by signal {rc - 128}: it crashed"
    return f"exited {rc}: it did not accept the config"


def acceptance(out, runs):
    """Flags every tool that did not accept the config; returns True if all did."""
    ok = True
    for tool in TOOLS:
        for r in runs.get(tool, []):
            if r.rc != 0:
                ok = False
                print(f"FLAG: {tool} run {r.run} {outcome(r.rc)} "
                      f"(output: {out / 'runs' / f'{tool}.{r.run}.out'})")
    if ok and len(runs) == 2:
        print("Both tools accepted the config (exit code 0 on every run).")
    return ok


def services(out):
    """The generated services, from expected-counts.txt."""
    for line in (out / "expected-counts.txt").read_text().splitlines():
        kind, n = line.rsplit(" ", 1)
        if key(kind) == "services":
            return int(n)
    return 0


def summary(outs):
    """One row per size: each tool's wall and CPU medians and peak RSS, and Vigil's ratios to Nagios's."""
    rows = [("services", "nagios4 wall", "vigil wall", "ratio", "nagios4 CPU", "vigil CPU", "ratio",
             "nagios4 RSS", "vigil RSS", "ratio")]
    ok = True
    for out in outs:
        runs = read_runs(out / "runs")
        ok = all(r.rc == 0 for rs in runs.values() for r in rs) and ok
        med = {t: (statistics.median(x.wall for x in r), statistics.median(x.cpu for x in r),
                   statistics.median(x.rss_mib for x in r)) for t, r in runs.items()}
        n, v = med.get("nagios4"), med.get("vigil")
        cells = []
        for i, unit in ((0, "s"), (1, "s"), (2, "MiB")):
            fmt = "{:.0f} " + unit if unit == "MiB" else "{:.2f} " + unit
            cells += [fmt.format(n[i]) if n else "-", fmt.format(v[i]) if v else "-",
                      ratio(v[i], n[i]) if n and v else "-"]
        rows.append((f"{services(out):,}",) + tuple(cells))
    table(rows)
    print("(medians; ratio: vigil / nagios4, under 1.00x Vigil is faster. A 10 ms resolution makes small\n"
          " sizes' ratios coarse. Other work on the machine moves wall times: compare ratios, not times.)")
    return 0 if ok else 1


def main(argv):
    if len(argv) >= 3 and argv[1] == "--summary":
        return summary([Path(a) for a in argv[2:]])
    if len(argv) != 2:
        sys.stderr.write("usage: report.py OUT_DIR | report.py --summary OUT_DIR...\n")
        return 2
    out = Path(argv[1])
    runs = read_runs(out / "runs")
    timing_table(runs)
    print()
    counts_table(out, runs)
    print()
    return 0 if acceptance(out, runs) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
