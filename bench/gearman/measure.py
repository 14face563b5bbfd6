#!/usr/bin/env python3
"""Runs one scale-out setup on one generated config and records its figures (bench/README.md, "gearman").

usage: measure.py NAME WORKERS CFG_DIR RUN_DIR WARMUP DURATION

WORKERS 0 is local execution: `vigil run` without a gearman section. WORKERS N >= 1 starts a fresh gearmand on a free
loopback port, N `vigil worker` processes on it, then `vigil run` with `gearman: {server, key_file}` in its vigil.yml,
so that every check goes to gearmand. After WARMUP seconds it samples, DURATION seconds later samples again, and
writes RUN_DIR/result.json: checks completed (the admin port's vigil_checks_completed_total), the dispatch's counters
(GET /api/v1/gearman), the CPU seconds (utime + stime from /proc) of the `vigil run` JVM alone, of gearmand and of
the workers (with any plugins they reaped), the machine's other CPU, and from status.dat at the end how many
services were checked in the window and with which outputs. Every process's output is kept in RUN_DIR.
Environment: VIGIL (bin/vigil), GEARMAND (gearmand), VIGIL_JAVA_OPTS, WORKER_ARGS (extra `vigil worker` options),
BENCH_LOCAL_YML (a file appended to vigil.yml), STATUS_INTERVAL (the config's status_update_interval),
GEARMAN_YML (more keys of the gearman: section, `;`-separated, e.g. `result_workers: 4`).
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

TICK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_ticks(pid, reaped=True):
    """utime+stime (and cutime+cstime when reaped) of one process, in ticks; 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    # after ")": state ppid ... utime is field 14 (index 11 here), stime 15, cutime 16, cstime 17
    return sum(int(x) for x in fields[11:15 if reaped else 13])


def children(pid):
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    return out


def tree_seconds(root):
    """CPU seconds of root and every descendant (each with what it reaped)."""
    total, todo = 0, [root]
    while todo:
        p = todo.pop()
        total += proc_ticks(p)
        todo.extend(children(p))
    return total / TICK


def busy_seconds():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v[:8]) - v[3] - v[4]) / TICK


def get(url, timeout=5.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return None


def completed(admin):
    text = get(f"http://127.0.0.1:{admin}/metrics") or ""
    m = re.search(r"^vigil_checks_completed_total (\d+)", text, re.M)
    return int(m.group(1)) if m else None


def gearman_counts(app):
    text = get(f"http://127.0.0.1:{app}/api/v1/gearman")
    if not text:
        return None
    j = json.loads(text)
    c = dict(j.get("counts") or {})
    c["queue_depth"] = j.get("queue_depth")
    c["jobs_waiting"] = j.get("jobs_waiting")
    c["result_latency_s"] = j.get("result_latency_seconds")
    c["fallback"] = j.get("fallback")
    c["workers"] = sum(s.get("workers") or 0 for s in j.get("servers") or [])
    return c


def status_services(path):
    """(last_check, plugin_output) of every service in status.dat."""
    out, cur, inside = [], {}, False
    try:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line == "servicestatus {":
                    inside, cur = True, {}
                elif inside and line == "}":
                    out.append((int(cur.get("last_check", "0")), cur.get("plugin_output", "")))
                    inside = False
                elif inside and "=" in line:
                    k, v = line.split("=", 1)
                    if k in ("last_check", "plugin_output"):
                        cur[k] = v
    except OSError:
        pass
    return out


def sample(s):
    return {
        "t": time.time(),
        "completed": completed(s["admin"]),
        "gearman": gearman_counts(s["app"]) if s["workers"] else None,
        "central": proc_ticks(s["vigil"].pid, reaped=False) / TICK,
        "central_tree": tree_seconds(s["vigil"].pid),
        "gearmand": tree_seconds(s["gearmand"].pid) if s["gearmand"] else 0.0,
        "workers": sum(tree_seconds(w.pid) for w in s["worker_procs"]),
        "busy": busy_seconds(),
    }


def start(cmd, log):
    return subprocess.Popen(cmd, stdout=open(log, "w"), stderr=subprocess.STDOUT, start_new_session=True)


def stop(p, wait=30):
    if p and p.poll() is None:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(wait)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def main(argv):
    if len(argv) != 7:
        sys.exit(__doc__)
    name, workers, cfg, run = argv[1], int(argv[2]), os.path.abspath(argv[3]), os.path.abspath(argv[4])
    warmup, duration = float(argv[5]), float(argv[6])
    vigil = os.environ.get("VIGIL", "bin/vigil")
    os.makedirs(run, exist_ok=True)
    app, admin = free_port(), free_port()
    yml = (f"nagios_config: {cfg}/nagios.cfg\nserver:\n"
           f"  applicationConnectors: [{{ type: http, port: {app}, bindHost: 127.0.0.1 }}]\n"
           f"  adminConnectors: [{{ type: http, port: {admin}, bindHost: 127.0.0.1 }}]\n")
    s = {"app": app, "admin": admin, "workers": workers, "gearmand": None, "worker_procs": [], "vigil": None}
    result = {"name": name, "workers": workers}
    try:
        if workers:
            port = free_port()
            s["gearmand"] = start([os.environ.get("GEARMAND", "gearmand"), "--listen=127.0.0.1", f"--port={port}",
                                   "--threads=1", f"--log-file={run}/gearmand.log"], f"{run}/gearmand.out")
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), 0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            yml += f"gearman:\n  server: 127.0.0.1:{port}\n  key_file: {cfg}/key\n"
            for line in filter(None, os.environ.get("GEARMAN_YML", "").split(";")):
                yml += f"  {line.strip()}\n"
            for i in range(workers):
                s["worker_procs"].append(start(
                    [vigil, "worker", "--server", f"127.0.0.1:{port}", "--key-file", f"{cfg}/key",
                     "--services", "--hosts", *os.environ.get("WORKER_ARGS", "").split()],
                    f"{run}/worker{i + 1}.out"))
        if os.environ.get("BENCH_LOCAL_YML"):  # e.g. builtin_checks off, for a forked check
            yml += open(os.environ["BENCH_LOCAL_YML"]).read()
        with open(f"{run}/vigil.yml", "w") as f:
            f.write(yml)
        s["vigil"] = start([vigil, "run", "--web-config", f"{run}/vigil.yml", f"{cfg}/nagios.cfg"], f"{run}/vigil.out")
        launched = time.time()
        while completed(admin) is None:
            if s["vigil"].poll() is not None or time.time() - launched > 120:
                raise RuntimeError(f"vigil run did not come up, see {run}/vigil.out")
            time.sleep(0.5)
        result["startup_s"] = round(time.time() - launched, 1)
        time.sleep(max(0.0, warmup - (time.time() - launched)))
        a = sample(s)
        time.sleep(duration)
        b = sample(s)
        result["load_average"] = open("/proc/loadavg").read().split()[:3]
        window = b["t"] - a["t"]
        checks = b["completed"] - a["completed"]
        result.update(window_s=round(window, 2), checks=checks, checks_per_s=checks / window)
        for k in ("central", "central_tree", "gearmand", "workers"):
            result[f"{k}_cpu_s"] = b[k] - a[k]
        result["others_cpu_s"] = (b["busy"] - a["busy"]) - sum(result[f"{k}_cpu_s"]
                                                              for k in ("central_tree", "gearmand", "workers"))
        if workers:
            result["gearman_start"], result["gearman_end"] = a["gearman"], b["gearman"]
        # one more status.dat write after the window
        time.sleep(float(os.environ.get("STATUS_INTERVAL", "1")) + 1.5)
        services = status_services(f"{cfg}/var/status.dat")
        fresh = [o for lc, o in services if lc >= a["t"]]
        outputs = {}
        for o in fresh:
            outputs[o] = outputs.get(o, 0) + 1
        result.update(services=len(services), services_checked_in_window=len(fresh),
                      outputs=dict(sorted(outputs.items(), key=lambda kv: -kv[1])[:5]))
    except Exception as e:  # figures only: say what went wrong, keep what was measured
        result["error"] = str(e)
    finally:
        stop(s["vigil"])
        result["vigil_exit"] = s["vigil"].returncode if s["vigil"] else None
        for w in s["worker_procs"]:
            stop(w)
        result["worker_exits"] = [w.returncode for w in s["worker_procs"]]
        stop(s["gearmand"], 5)
    with open(f"{run}/result.json", "w") as f:
        json.dump(result, f, indent=1)
    print(json.dumps({k: result.get(k) for k in ("name", "checks_per_s", "central_cpu_s", "error")}))


if __name__ == "__main__":
    main(sys.argv)
