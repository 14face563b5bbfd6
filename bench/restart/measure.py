#!/usr/bin/env python3
"""Restarts `vigil run` on a generated config and times what a restart costs. Prints figures only.

usage: measure.py OUT VIGIL RUNS

OUT holds the config of generate.py. The object files never change between the starts below (the canary's state
is in a file its command reads), so every measured start is a restart on an unchanged config. First a seed run: a
start on empty retention, a sweep that checks every host and service once (so retention holds a record for every
object), and a clean stop; the retention
database it leaves is kept as OUT/seed.mv.db. Then one unmeasured start (it writes the objects cache), then RUNS
times each:
  clean   the seed database (left by a clean stop) in place, start: measured.
  kill-9  the seed in place, start, let it run HOLD seconds, kill -9, start again: the second start measured
          (after a crash Vigil rebuilds the embedded database before loading it).
Every measured start is stopped with SIGTERM, timed.

For each measured start, from launching the process (the JVM's start included):
  api        GET /api/v1/status answers 200
  result     the first check result applied: the canary's SERVICE ALERT on stdout (its state was switched
             between runs, so its first result after the restart is a hard state change; it is checked
             every second once the clock runs)
  metric     the admin port's vigil_checks_completed_total above 0 (no earlier than the web server is up)
  restored   when the log says "Retention: restored N records", and N
Then, SETTLE seconds after both: the heap used (jcmd GC.heap_info), the heap used after a full GC
(jcmd GC.run), resident memory now and at its peak (VmRSS, VmHWM), and the process's CPU seconds so far.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402

HOLD = float(os.environ.get("HOLD", "30"))
SETTLE = float(os.environ.get("SETTLE", "2"))
TIMEOUT = float(os.environ.get("TIMEOUT", "240"))
KINDS = os.environ.get("KINDS", "clean kill9").split()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_yaml(out, app, admin):
    with open(f"{out}/vigil.yml", "w") as f:
        f.write(f"""nagios_config: nagios.cfg
server:
  applicationConnectors: [{{ type: http, port: {app}, bindHost: 127.0.0.1 }}]
  adminConnectors: [{{ type: http, port: {admin}, bindHost: 127.0.0.1 }}]
""")


def get(url, timeout=2.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except Exception:  # not up yet
        return None, ""


def jcmd(pid, *args):
    r = subprocess.run(["jcmd", str(pid), *args], capture_output=True, text=True, timeout=60)
    return r.stdout


def heap_used_mib(pid):
    """G1 prints the whole heap on one line; the parallel and serial collectors one line per generation."""
    text = jcmd(pid, "GC.heap_info").split("Metaspace")[0]
    m = re.search(r"garbage-first heap\s+total \d+K, used (\d+)K", text)
    used = [int(m.group(1))] if m else [int(u) for u in re.findall(r"total \d+K, used (\d+)K", text)]
    return sum(used) / 1024 if used else float("nan")


def proc_status(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")


class Run:
    """One `vigil run` process, its stdout read and timestamped on a thread."""

    def __init__(self, out, vigil, label):
        self.out, self.label = out, label
        self.lines = []
        self.t0 = time.monotonic()
        env = dict(os.environ)
        self.proc = subprocess.Popen([vigil, "run", "--web-config", f"{out}/vigil.yml", f"{out}/nagios.cfg"],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        with open(f"{self.out}/runs/{self.label}.out", "w") as keep:
            for line in self.proc.stdout:
                t = time.monotonic() - self.t0
                self.lines.append((t, line.rstrip("\n")))
                keep.write(f"{t:8.3f} {line}")
                keep.flush()

    def first(self, pattern):
        for t, line in list(self.lines):
            if pattern in line:
                return t, line
        return None, None

    def wait_ready(self, app, admin):
        got = {}
        metric_next = 0.0
        api_at = []

        def ask_api():
            # a request made while Vigil starts may be held until it has started: wait for the answer. Each answer
            # copies every object's status on the engine thread, so once the API has answered it is not asked
            # again, and the metric only once a second: the bench must not delay the results it waits for
            while time.monotonic() - self.t0 < TIMEOUT and self.proc.poll() is None:
                if get(f"http://127.0.0.1:{app}/api/v1/status", timeout=TIMEOUT)[0] == 200:
                    api_at.append(time.monotonic() - self.t0)
                    return
                time.sleep(0.05)

        threading.Thread(target=ask_api, daemon=True).start()
        while time.monotonic() - self.t0 < TIMEOUT:
            now = time.monotonic() - self.t0
            if self.proc.poll() is not None:
                got["exited"] = self.proc.returncode
                break
            if "api" not in got and api_at:
                got["api"] = api_at[0]
            if "metric" not in got and now >= metric_next:
                metric_next = now + 1.0
                status, text = get(f"http://127.0.0.1:{admin}/metrics")
                m = re.search(r"^vigil_checks_completed_total (\d+)", text, re.M)
                if m and int(m.group(1)) > 0:
                    got["metric"] = time.monotonic() - self.t0
            if "result" not in got:
                t, _ = self.first("SERVICE ALERT: canary;restart-probe;")
                if t is not None:
                    got["result"] = t
            if all(k in got for k in ("api", "metric", "result")):
                break
            time.sleep(max(0.0, 0.05 - (time.monotonic() - self.t0 - now)))
        t, line = self.first("Retention: restored")
        if t is not None:
            got["restored"] = t
            got["records"] = int(re.search(r"restored (\d+) records", line).group(1))
        return got

    def resources(self):
        pid = self.proc.pid
        r = {"cpu_s": cpu_seconds(pid), "heap_used_mib": heap_used_mib(pid)}
        jcmd(pid, "GC.run")
        r["heap_after_gc_mib"] = heap_used_mib(pid)
        r["rss_mib"] = proc_status(pid, "VmRSS")
        r["peak_rss_mib"] = proc_status(pid, "VmHWM")
        return r

    def stop(self, kill=False):
        t = time.monotonic()
        self.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.reader.join(timeout=10)
        return time.monotonic() - t, self.proc.returncode


def put_seed(out):
    var = f"{out}/var"
    for name in os.listdir(var):
        if name.startswith("vigil-retention") or name.startswith("vigil-outbox") or name == "status.dat":
            os.remove(f"{var}/{name}")
    shutil.copyfile(f"{out}/seed.mv.db", f"{var}/vigil-retention.mv.db")


def seed(out, vigil, app, admin):
    var = f"{out}/var"
    for name in os.listdir(var):
        if name.startswith("vigil-retention") or name.startswith("vigil-outbox"):
            os.remove(f"{var}/{name}")
    generate.write_canary(out, 2)
    run = Run(out, vigil, "seed")
    got = run.wait_ready(app, admin)
    print(f"seed: first start on empty retention: api {fmt(got.get('api'))} s, first result "
          f"{fmt(got.get('result'))} s", flush=True)
    t = time.monotonic()
    sweep = subprocess.run([vigil, "sweep", f"{out}/nagios.cfg", "--json"], capture_output=True, text=True)
    try:
        summary = json.loads(sweep.stdout)
        checked = summary.get("checked", summary.get("completed", "?"))
    except ValueError:
        checked = "?"
    print(f"seed: sweep of every check took {time.monotonic() - t:.1f} s (exit {sweep.returncode}, "
          f"checked {checked})", flush=True)
    time.sleep(3)  # a flush interval or two; the clean stop writes whatever is still pending
    took, code = run.stop()
    print(f"seed: SIGTERM to exit {took:.1f} s (status {code})", flush=True)
    shutil.copyfile(f"{var}/vigil-retention.mv.db", f"{out}/seed.mv.db")
    print(f"seed: retention database {os.path.getsize(f'{out}/seed.mv.db') / 1048576:.1f} MiB", flush=True)


def fmt(v, digits=2):
    return "-" if v is None else f"{v:.{digits}f}"


def measured(out, vigil, app, admin, label):
    run = Run(out, vigil, label)
    got = run.wait_ready(app, admin)
    if "exited" in got:
        print(f"{label}: vigil exited with status {got['exited']} (see {out}/runs/{label}.out)", flush=True)
        return dict(got, label=label)
    time.sleep(SETTLE)
    res = run.resources()
    took, code = run.stop()
    row = dict(got, **res, label=label, stop_s=took, stop_status=code, load=os.getloadavg()[0])
    print(f"{label:10} {row.get('records', '-'):>8} {fmt(row.get('restored'))}s {fmt(row.get('api')):>7}s "
          f"{fmt(row.get('result')):>7}s {fmt(row.get('metric')):>7}s {fmt(row['heap_used_mib'], 0):>6} "
          f"{fmt(row['heap_after_gc_mib'], 0):>6} {fmt(row['rss_mib'], 0):>6} {fmt(row['peak_rss_mib'], 0):>6} "
          f"{fmt(row['cpu_s'], 1):>6} {fmt(took, 1):>5}s {row['load']:5.1f}", flush=True)
    return row


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    out, vigil, runs = os.path.abspath(argv[1]), argv[2], int(argv[3])
    os.makedirs(f"{out}/runs", exist_ok=True)
    app, admin = free_port(), free_port()
    write_yaml(out, app, admin)
    if not os.path.exists(f"{out}/seed.mv.db") or os.environ.get("RESEED") == "1":
        seed(out, vigil, app, admin)
    # a start on this very config, unmeasured: it writes the objects cache that every restart below reuses
    put_seed(out)
    generate.write_canary(out, 0)
    warm = Run(out, vigil, "warm-up")
    got = warm.wait_ready(app, admin)
    time.sleep(SETTLE)
    warm.stop()
    print(f"warm-up start (writes the objects cache): first result {fmt(got.get('result'))} s", flush=True)
    print("times in seconds from launching the process; heap and RSS in MiB; CPU in s at the measurement")
    print(f"{'start':10} {'records':>8} {'restored':>8} {'api':>8} {'result':>8} {'metric':>8} {'heap':>6} "
          f"{'afterGC':>6} {'RSS':>6} {'peak':>6} {'CPU':>6} {'stop':>6} {'load':>5}", flush=True)
    rows = []
    for i in range(runs):
        if "clean" in KINDS:
            put_seed(out)  # the seed's canary is CRITICAL: each start below switches it
            generate.write_canary(out, 0)
            rows.append(measured(out, vigil, app, admin, f"clean-{i + 1}"))
        if "kill9" not in KINDS:
            continue
        put_seed(out)
        generate.write_canary(out, 0)
        first = Run(out, vigil, f"before-kill-{i + 1}")
        first.wait_ready(app, admin)
        time.sleep(HOLD)
        first.stop(kill=True)
        generate.write_canary(out, 2)
        rows.append(measured(out, vigil, app, admin, f"kill9-{i + 1}"))
    with open(f"{out}/runs/results.json", "w") as f:
        json.dump(rows, f, indent=1)
    for kind in ("clean", "kill9"):
        sel = [r for r in rows if r["label"].startswith(kind) and "api" in r and "result" in r]
        if sel:
            med = lambda k: sorted(r[k] for r in sel)[len(sel) // 2]  # noqa: E731
            print(f"median {kind}: api {med('api'):.2f} s, first result {med('result'):.2f} s, heap after GC "
                  f"{med('heap_after_gc_mib'):.0f} MiB, peak RSS {med('peak_rss_mib'):.0f} MiB ({len(sel)} runs)")


if __name__ == "__main__":
    main(sys.argv)
