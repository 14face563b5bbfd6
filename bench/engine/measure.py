#!/usr/bin/env python3
"""Runs one tool on one generated config and records what bench/engine/README describes.

usage: measure.py TOOL CMD_JSON CFG_DIR RUN_DIR WARMUP DURATION INTERVAL [--load-only]

TOOL names the run; CMD_JSON is the command line as a JSON list (run under GNU time). The tool
must write CFG_DIR/var/status.dat every second. Writes RUN_DIR/result.json and keeps the tool's
output in RUN_DIR/out.txt. Must run as root: it turns on BSD process accounting (acct(2)) into
RUN_DIR/acct for the length of the run, to count every plugin process that exits.
"""
import ctypes
import json
import os
import signal
import struct
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
ACCT_REC = 64          # struct acct_v3
ACCT_COMM = slice(48, 64)
# the plugin whose processes are counted (bench/builtin runs others: BENCH_PLUGIN=check_tcp)
PLUGIN = os.environ.get("BENCH_PLUGIN", "check_dummy").encode()


# ---- process tree: CPU and memory from /proc -------------------------------------------------

def proc_stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        s = f.read()
    comm = s[s.index("(") + 1:s.rindex(")")]
    fields = s[s.rindex(")") + 2:].split()
    # fields[0] is state (field 3); utime..cstime are fields 14..17, ppid field 4
    return comm, int(fields[1]), sum(int(x) for x in fields[11:15])


def tree(root):
    """Pids of root and all its descendants, with comm and cumulative CPU ticks (self + reaped)."""
    procs = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                comm, ppid, ticks = proc_stat(int(d))
            except (OSError, ValueError):
                continue
            procs[int(d)] = (comm, ppid, ticks)
    kids = {}
    for pid, (_, ppid, _) in procs.items():
        kids.setdefault(ppid, []).append(pid)
    out, todo = {}, [root]
    while todo:
        p = todo.pop()
        if p in procs:
            out[p] = procs[p]
            todo.extend(kids.get(p, []))
    return out


def vm_hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def machine_busy_seconds():
    """CPU seconds all cores spent not idle since boot (from /proc/stat), to see what else ran."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v[:8]) - v[3] - v[4]) / TICK


def cpu_seconds(root):
    return sum(t for _, _, t in tree(root).values()) / TICK


def own_ticks(pid):
    """utime + stime of the process itself, without the children it reaped."""
    with open(f"/proc/{pid}/stat") as f:
        s = f.read()
    return sum(int(x) for x in s[s.rindex(")") + 2:].split()[11:13])


def daemon_cpu_seconds(root):
    """CPU of the daemon's own processes (Nagios and its workers, or the JVM), plugins excluded: their own time
    only, since what they reaped is the plugins'."""
    total = 0
    for pid, (comm, _, _) in tree(root).items():
        if comm != PLUGIN.decode():
            try:
                total += own_ticks(pid)
            except (OSError, ValueError):
                pass
    return total / TICK


def memory_kib(root):
    """(RSS of the daemon tree without plugins, PSS of the same in KiB, threads, live plugins)."""
    rss = pss = threads = plugins = 0
    for pid, (comm, _, _) in tree(root).items():
        if comm == PLUGIN.decode():
            plugins += 1
            continue
        try:
            threads += len(os.listdir(f"/proc/{pid}/task"))
        except OSError:
            pass
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss, threads, plugins


# ---- status.dat ------------------------------------------------------------------------------

def parse_status(path):
    """(created, programstatus dict, {host;svc: (last_check, latency, next_check)}) or None."""
    try:
        with open(path) as f:
            text = f.read()
    except OSError:
        return None
    created, program, services = None, {}, {}
    for block in text.split("\n\n"):
        b = block.lstrip()
        if b.startswith("info {") or b.startswith("programstatus {"):
            for line in b.splitlines()[1:]:
                k, _, v = line.strip().partition("=")
                program[k] = v
        elif b.startswith("servicestatus {"):
            kv = {}
            for line in b.splitlines()[1:]:
                k, _, v = line.strip().partition("=")
                if k in ("host_name", "service_description", "last_check", "check_latency", "next_check"):
                    kv[k] = v
            services[kv.get("host_name", "") + ";" + kv.get("service_description", "")] = (
                int(kv.get("last_check", "0") or 0), float(kv.get("check_latency", "0") or 0),
                int(kv.get("next_check", "0") or 0))
    created = int(program.get("created", "0") or 0)
    return created, program, services


# ---- process accounting ----------------------------------------------------------------------

def acct_on(path):
    libc = ctypes.CDLL(None, use_errno=True)
    open(path, "wb").close()
    if libc.acct(path.encode()) != 0:
        raise OSError(ctypes.get_errno(), "acct(2) failed (needs root / CAP_SYS_PACCT)")
    return libc


def plugin_exits(path, start, end, parents):
    """check_dummy processes that exited between two offsets of the accounting file and whose parent
    is one of `parents` (the machine may be shared: other processes' plugins do not count)."""
    with open(path, "rb") as f:
        f.seek(start)
        data = f.read(end - start)
    n = 0
    for i in range(0, len(data) - ACCT_REC + 1, ACCT_REC):
        rec = data[i:i + ACCT_REC]
        if rec[48:64].split(b"\0")[0] == PLUGIN and struct.unpack_from("<I", rec, 20)[0] in parents:
            n += 1
    return n


# ---- the run ---------------------------------------------------------------------------------

def pct(values, p):
    if not values:
        return None
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def jcmd(pid, *args):
    try:
        return subprocess.run(["jcmd", str(pid), *args], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"jcmd failed: {e}"


def heap_used_kib(text):
    # "garbage-first heap   total 262144K, used 81234K [...]" (G1) or "def new generation ..." etc.
    used = 0
    for line in text.splitlines():
        if "heap" in line and "used" in line:
            used += int(line.split("used")[1].split("K")[0].strip(" ,"))
    return used


def main(argv):
    load_only = "--load-only" in argv
    argv = [a for a in argv if a != "--load-only"]
    tool, cmd, cfg, run_dir = argv[1], json.loads(argv[2]), argv[3], argv[4]
    warmup, duration, interval = float(argv[5]), float(argv[6]), float(argv[7])
    os.makedirs(run_dir, exist_ok=True)
    status = f"{cfg}/var/status.dat"
    for stale in (status, f"{cfg}/var/nagios.lock"):
        if os.path.exists(stale):
            os.remove(stale)
    acct_path = f"{run_dir}/acct"
    libc = acct_on(acct_path)
    res = {"tool": tool, "warmup": warmup, "duration": duration, "interval": interval,
           "load_before": open("/proc/loadavg").read().split()[:3]}
    out = open(f"{run_dir}/out.txt", "w")
    t0 = time.monotonic()
    timer = subprocess.Popen(["/usr/bin/time", "-f", "%U %S %M %e", "-o", f"{run_dir}/time.txt", *cmd],
                             stdout=out, stderr=subprocess.STDOUT, cwd=cfg)
    try:
        record(res, timer, status, acct_path, t0, warmup, duration, interval, load_only)
    finally:
        daemon = children_of(timer.pid)
        for pid in daemon:
            os.kill(pid, signal.SIGTERM)
        t_term = time.monotonic()
        try:
            timer.wait(timeout=60)
        except subprocess.TimeoutExpired:
            for pid in children_of(timer.pid):
                os.kill(pid, signal.SIGKILL)
            timer.wait()
            res["killed"] = True
        libc.acct(None)
    res["shutdown_s"] = time.monotonic() - t_term
    res["exit"] = timer.returncode
    with open(f"{run_dir}/time.txt") as f:
        last = f.read().strip().splitlines()[-1].split()
    res["time_user"], res["time_sys"], res["time_maxrss_kib"], res["time_wall"] = (
        float(last[0]), float(last[1]), int(last[2]), float(last[3]))
    if "parents" in res:
        res["plugin_exits_total"] = plugin_exits(acct_path, 0, os.path.getsize(acct_path), set(res["parents"]))
    res["load_after"] = open("/proc/loadavg").read().split()[:3]
    with open(f"{run_dir}/out.txt", errors="replace") as f:
        bad = [l.rstrip() for l in f if any(w in l for w in ("Exception", "Error", "ERROR", "Warning", "WARN"))]
    res["suspect_lines"] = len(bad)
    res["uncaught_exceptions"] = sum(1 for l in bad if l.startswith("Exception in thread"))
    res["suspect_sample"] = bad[:8]
    with open(f"{run_dir}/result.json", "w") as f:
        json.dump(res, f, indent=1)
    os.remove(acct_path)   # it holds every process on the machine; the figures are in result.json


def children_of(pid):
    return [p for p, (c, pp, _) in tree(pid).items() if pp == pid]


def record(res, timer, status, acct_path, t0, warmup, duration, interval, load_only):
    daemon = None
    while daemon is None and timer.poll() is None:
        kids = children_of(timer.pid)
        daemon = kids[0] if kids else None
        time.sleep(0.01)
    if daemon is None:
        raise SystemExit(f"{res['tool']}: exited at once, see out.txt")
    res["pid"] = daemon
    first_status = None
    while first_status is None and timer.poll() is None and time.monotonic() - t0 < 600:
        if os.path.exists(status):
            first_status = time.monotonic() - t0
        else:
            time.sleep(0.01)
    res["startup_s"] = first_status
    if first_status is None:
        raise SystemExit(f"{res['tool']}: no status.dat, see out.txt")
    t_start = t0 + max(warmup, first_status)
    t_end = t_start + duration
    while time.monotonic() < t_start and timer.poll() is None:
        time.sleep(0.05)
    busy0 = machine_busy_seconds()
    cpu0, acct0, w0 = cpu_seconds(daemon), os.path.getsize(acct_path), time.monotonic()
    own0 = daemon_cpu_seconds(daemon)
    parents = {p for p, (c, _, _) in tree(daemon).items() if c != PLUGIN.decode()}
    res["parents"] = sorted(parents)
    peak_rss = peak_pss = peak_threads = peak_plugins = 0
    snaps, prev, mtime = 0, None, None
    latencies, changes, seen, gaps, checked = [], 0, {}, {}, set()
    next_mem = 0
    while time.monotonic() < t_end and timer.poll() is None:
        now = time.monotonic()
        if now >= next_mem:
            rss, pss, threads, plugins = memory_kib(daemon)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            peak_threads, peak_plugins = max(peak_threads, threads), max(peak_plugins, plugins)
            next_mem = now + 1
        try:
            m = os.stat(status).st_mtime_ns
        except OSError:
            m = None
        if m is not None and m != mtime and not load_only:
            mtime = m
            s = parse_status(status)
            if s:
                snaps += 1
                created, program, services = s
                if prev is not None:
                    for key, (lc, lat, _) in services.items():
                        old = prev.get(key)
                        if old is not None and lc != old[0]:
                            changes += 1
                            checked.add(key)
                            latencies.append(lat)
                            if seen.get(key, 0) > 0:
                                gaps[key] = max(gaps.get(key, 0), lc - seen[key])
                            seen[key] = lc
                        elif key not in seen and old is not None and old[0] > 0:
                            seen[key] = old[0]
                prev = services
        time.sleep(0.05)
    w1 = time.monotonic()
    cpu1, acct1 = cpu_seconds(daemon), os.path.getsize(acct_path)
    res["daemon_cpu_s"] = daemon_cpu_seconds(daemon) - own0
    busy1 = machine_busy_seconds()
    rss, pss, threads, plugins = memory_kib(daemon)
    res["peak_threads"], res["peak_live_plugins"] = max(peak_threads, threads), max(peak_plugins, plugins)
    res["window_s"] = w1 - w0
    res["cpu_s"] = cpu1 - cpu0
    res["tree_cpu_at_window_end_s"] = cpu1   # since start, to compare with GNU time's %U + %S
    # everything else that ran on the machine meanwhile, this sampler included (plugins count as
    # the tool's once reaped, so a few in flight at the edges land here)
    res["other_cpu_s"] = (busy1 - busy0) - res["cpu_s"]
    res["plugin_exits"] = plugin_exits(acct_path, acct0, acct1, parents)
    res["peak_tree_rss_kib"], res["peak_tree_pss_kib"] = max(peak_rss, rss), max(peak_pss, pss)
    # The sampled tree sum above counts a vfork()ed child (same mm, not yet exec'd) as a second JVM;
    # the kernel's own peak (VmHWM) of the daemon and its workers does not.
    res["peak_rss_kib"] = sum(vm_hwm(p) for p in parents)
    res["snapshots"] = snaps
    res["last_check_changes"] = changes
    res["latency_samples"] = len(latencies)
    for p in (50, 99):
        res[f"latency_p{p}_ms"] = None if not latencies else pct(latencies, p) * 1000
    res["latency_max_ms"] = max(latencies) * 1000 if latencies else None
    final = parse_status(status)
    if final:
        created, program, services = final
        res["services"] = len(services)
        res["services_never_checked"] = sum(1 for lc, _, _ in services.values() if lc == 0)
        res["services_scheduled"] = sum(1 for _, _, nc in services.values() if nc > 0)
        res["behind_2_intervals_at_end"] = sum(1 for lc, _, _ in services.values()
                                               if created - lc > 2 * interval)
        res["active_scheduled_service_check_stats"] = program.get("active_scheduled_service_check_stats")
    if not load_only:
        res["services_checked_in_window"] = len(checked)
        res["gap_over_2_intervals_in_window"] = sum(1 for g in gaps.values() if g > 2 * interval)
        res["max_gap_s"] = max(gaps.values()) if gaps else None
    if res["tool"].startswith("vigil"):
        info = jcmd(daemon, "GC.heap_info")
        res["heap_used_kib"] = heap_used_kib(info)
        jcmd(daemon, "GC.run")
        info2 = jcmd(daemon, "GC.heap_info")
        res["heap_used_after_gc_kib"] = heap_used_kib(info2)
        res["heap_info"] = info2.strip().splitlines()[:6]


if __name__ == "__main__":
    main(sys.argv)
