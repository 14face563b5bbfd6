#!/usr/bin/env python3
"""Readers under load (issue 16): a real `vigil run` at the restart bench's size, 20 clients at once on each of the
pages and API lists ops use most. Prints figures only.

usage: readers.py OUT VIGIL [CLIENTS] [SECONDS]

OUT holds the restart bench's config and seed (bench/restart/run.sh makes them). The seed is put in place, the
monitor started, and one service in ten (and one host in fifty) is made CRITICAL (DOWN) by passive results through
the external command file, so /problems has something to show. Then, for each URL in turn, CLIENTS threads request
it back to back for SECONDS seconds (after 2 s of warm-up; the last two URLs differ on every request, so that no
answer is shared): the answers per second, p50, p99 and max latency, and
how many were not 200. Last, the heap used after a full GC (jcmd GC.run; GC.heap_info) and the resident memory.
"""
import http.client
import itertools
import os
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "restart"))
import generate  # noqa: E402
import measure  # noqa: E402

# Clients keep their connection open, as browsers, Thruk and Nagstamon do; CONNECTION=each opens one per request
# (what this bench did until 2026-12-07: then Python's connection set-up, on the same two cores, weighed as much
# as the smaller pages).
KEEP_ALIVE = os.environ.get("CONNECTION", "keep-alive") != "each"

URLS = [
    ("overview", "/"),
    ("problems", "/problems"),
    ("critical services", "/services?state=critical"),
    ("api services limit=100", "/api/v1/services?limit=100"),
    # every request a query of its own: no list is answered twice from a snapshot (web-status's Answers)
    ("problems, each new", "/problems?request={n}"),
    ("critical, each new", "/services?state=critical&request={n}"),
    # issue 21's header: a search as typed (digits of host and service names, every request another query) and the
    # summary every page polls
    ("search, each new", "/api/v1/search?q={n}"),
    ("header summary", "/api/v1/summary"),
    # issue 21's triage: filtered and sorted /problems, each request a query of its own
    ("problems filtered, new", "/problems?state=critical&handled=unhandled&text=host0{n}"),
    ("problems recent, new", "/problems?sort=recent&request={n}"),
    # issue 21's filter bar on the group pages (groups.cfg below: 100 host groups of 50 hosts, 20 service groups of
    # 5,000 services), each request a query of its own
    ("hostgroups filtered, new", "/hostgroups?state=down&handled=unhandled&text=host0{n}"),
    ("servicegroups filtered, new", "/servicegroups?state=critical&handled=unhandled&text=host0{n}"),
    ("servicegroups state, new", "/servicegroups?state=critical&request={n}"),
    # a service's detail page with its graphs and 25-hour timeline ({h}: one of 100 hosts, none DOWN, whose svc000 is CRITICAL with perfdata)
    ("service detail, graphs", "/service/{h}/svc000?request={n}"),
    # the same page of services whose graphs were never drawn ({c}: every request another host, none of the 100
    # above, none DOWN)
    ("service detail, cold", "/service/{c}/svc000?request={n}"),
]


def problems(out, hosts, per_host):
    """Passive results: every tenth service CRITICAL, every fiftieth host DOWN."""
    now = int(time.time())
    lines = []
    for h in range(hosts):
        name = f"host{h:05d}"
        if h % 50 == 0:
            lines.append(f"[{now}] PROCESS_HOST_CHECK_RESULT;{name};1;DOWN - bench\n")
        for i in range(per_host):
            if (h * per_host + i) % 10 == 0:
                lines.append(f"[{now}] PROCESS_SERVICE_CHECK_RESULT;{name};svc{i:03d};2;CRITICAL - bench"
                             f"|time={(h % 7) / 10:.1f}s;0.5;1;0 size={h}B;;;0 load={i / 4:.2f};4;8;0\n")
    with open(f"{out}/var/rw/nagios.cmd", "w") as pipe:
        pipe.write("".join(lines))
    return len(lines)


def cold(n):
    """The n-th host whose pages no other URL asks for: not DOWN (h % 50 == 0) nor one of the 100 of {h}."""
    n %= 4800  # 5,000 hosts: 100 x 48 (after that, pages drawn already)
    return (n // 48) * 50 + 2 + n % 48


def groups(out, hosts, per_host):
    """objects/groups.cfg: host groups hgNN of 50 hosts each, service groups sgNNN of every host's svcNNN. Written
    only when it differs, as the canary (a rewritten config defeats the objects cache)."""
    lines = []
    for g in range(0, hosts, 50):
        members = ",".join(f"host{h:05d}" for h in range(g, min(hosts, g + 50)))
        lines.append(f"define hostgroup {{\n    hostgroup_name hg{g // 50:03d}\n    alias Host group {g // 50}\n"
                     f"    members {members}\n}}\n")
    for i in range(per_host):
        members = ",".join(f"host{h:05d},svc{i:03d}" for h in range(hosts))
        lines.append(f"define servicegroup {{\n    servicegroup_name sg{i:03d}\n    alias Service group {i}\n"
                     f"    members {members}\n}}\n")
    text = "".join(lines)
    path = f"{out}/objects/groups.cfg"
    if not os.path.exists(path) or open(path).read() != text:
        with open(path, "w") as f:
            f.write(text)


def load(port, path, clients, seconds):
    url = f"http://127.0.0.1:{port}{path}"
    numbers = itertools.count()
    times, bad = [], [0]
    lock = threading.Lock()
    stop_at = [0.0]

    def client():
        conn = None
        while time.monotonic() < stop_at[0]:
            t = time.monotonic()
            n = next(numbers)
            target = path.replace("{n}", str(n)).replace("{h}", f"host{(n % 100) * 50 + 1:05d}") \
                .replace("{c}", f"host{cold(n):05d}")
            try:
                if KEEP_ALIVE:
                    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    conn.request("GET", target)
                    r = conn.getresponse()
                    r.read()
                    ok = r.status == 200
                else:
                    with urllib.request.urlopen(url.replace(path, target), timeout=60) as r:
                        r.read()
                        ok = r.status == 200
            except Exception:
                ok, conn = False, None
            took = time.monotonic() - t
            with lock:
                if measuring[0]:
                    times.append(took)
                    bad[0] += 0 if ok else 1

    measuring = [False]
    stop_at[0] = time.monotonic() + 2 + seconds
    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    time.sleep(2)
    with lock:
        measuring[0] = True
        started = time.monotonic()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    times.sort()
    if not times:
        return None
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000  # noqa: E731
    return len(times) / elapsed, pick(0.5), pick(0.99), times[-1] * 1000, bad[0]


def settle(pid, quiet=0.5, most=300):
    """Waits until the engine is done with the checks of its start (every service is due at once): until, over 5 s,
    it and its plugins use less than `quiet` of a core, or `most` seconds have passed. Returns the seconds waited
    and the share of a core used in the last 5 s."""
    started = time.monotonic()
    while True:
        before = all_cpu_seconds(pid)
        time.sleep(5)
        busy = (all_cpu_seconds(pid) - before) / 5
        if busy < quiet or time.monotonic() - started > most:
            return time.monotonic() - started, busy


def all_cpu_seconds(pid):
    """CPU seconds of the process and of its children waited for (the plugins it ran)."""
    with open(f"/proc/{pid}/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    return sum(int(p) for p in parts[11:15]) / os.sysconf("SC_CLK_TCK")


def main(argv):
    if len(argv) not in (3, 4, 5):
        sys.exit(__doc__)
    out, vigil = os.path.abspath(argv[1]), argv[2]
    clients = int(argv[3]) if len(argv) > 3 else 20
    seconds = float(argv[4]) if len(argv) > 4 else 15
    hosts = sum(1 for f in os.listdir(f"{out}/objects") if f.startswith("hosts-")) * 100
    per_host = int(os.environ.get("PER_HOST", "20"))
    app, admin = measure.free_port(), measure.free_port()
    measure.write_yaml(out, app, admin)
    measure.put_seed(out)
    generate.write_canary(out, 0)
    groups(out, hosts, per_host)
    os.makedirs(f"{out}/runs", exist_ok=True)
    run = measure.Run(out, vigil, "readers")
    got = run.wait_ready(app, admin)
    if "exited" in got:
        sys.exit(f"vigil exited with status {got['exited']} (see {out}/runs/readers.out)")
    sent = problems(out, hosts, per_host)
    time.sleep(10)  # the command file is read and the results applied
    first = time.monotonic()
    waited, busy = settle(run.proc.pid)
    # a second round of the same results a step (60 s) later, so the graphs of the detail pages have points to draw
    time.sleep(max(0.0, 61 - (time.monotonic() - first)))
    problems(out, hosts, per_host)
    time.sleep(5)
    print(f"{hosts * per_host} services on {hosts} hosts; {sent} passive problems sent; {clients} clients, "
          f"{seconds:.0f} s per URL after 2 s of warm-up; measured once the start's checks were done "
          f"({waited:.0f} s after the problems; the engine then used {busy:.0%} of a core, its plugins included)")
    print("connections: " + ("kept open by each client" if KEEP_ALIVE else "one per request"))
    print(f"{'url':26} {'answers/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'not 200':>7}")
    for label, path in URLS:
        r = load(app, path, clients, seconds)
        if r is None:
            print(f"{label:26} no answer")
            continue
        rate, p50, p99, worst, bad = r
        print(f"{label:26} {rate:9.1f} {p50:8.0f} {p99:8.0f} {worst:8.0f} {bad:7d}", flush=True)
    res = run.resources()
    print(f"heap used after a full GC: {res['heap_after_gc_mib']:.0f} MiB; RSS {res['rss_mib']:.0f} MiB "
          f"(peak {res['peak_rss_mib']:.0f} MiB); CPU {res['cpu_s']:.0f} s")
    run.stop()


if __name__ == "__main__":
    main(sys.argv)
