#!/usr/bin/env python3
"""Livestatus under load (issue 18): a real `vigil run` at the restart bench's size, answering Livestatus on a Unix
socket beside its JSON API. Prints figures only, never pass or fail (issue 18's goal: the stats query under 50 ms
p99).

usage: livestatus.py OUT VIGIL [CLIENTS] [QUERIES]

OUT holds the restart bench's config and seed (bench/restart/run.sh makes them); vigil.yml gets a `livestatus:`
section. As bench/readers does, one service in ten and one host in fifty are made CRITICAL (DOWN) by passive results
through the command file. Then each query is sent QUERIES times by CLIENTS threads at once (each on a connection of
its own kept alive, as Thruk's and Nagstamon's are), after 50 queries of warm-up, and then the same for the JSON API
question closest to it: p50, p99 and max latency in ms, answers per second, and the answers that failed.
"""
import http.client
import itertools
import os
import socket
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "restart"))
sys.path.insert(0, os.path.join(HERE, "..", "readers"))
import generate  # noqa: E402
import measure  # noqa: E402
import readers  # noqa: E402

# The tactical overview's service counts, in the shape of Thruk's get_service_stats: one Stats line or StatsAnd
# group per figure (total, pending, each state and how much of it is handled, unhandled, acknowledged, in downtime,
# flapping, disabled).
TACTICAL = "GET services\n" + "".join(f"{line}\n" for line in [
    "Stats: description !=",
    "Stats: has_been_checked = 0",
    "Stats: has_been_checked = 1", "Stats: state = 0", "StatsAnd: 2",
    "Stats: has_been_checked = 1", "Stats: state = 1", "StatsAnd: 2",
    "Stats: has_been_checked = 1", "Stats: state = 2", "StatsAnd: 2",
    "Stats: has_been_checked = 1", "Stats: state = 3", "StatsAnd: 2",
    "Stats: state = 1", "Stats: acknowledged = 0", "Stats: scheduled_downtime_depth = 0",
    "Stats: host_state = 0", "StatsAnd: 4",
    "Stats: state = 2", "Stats: acknowledged = 0", "Stats: scheduled_downtime_depth = 0",
    "Stats: host_state = 0", "StatsAnd: 4",
    "Stats: state = 3", "Stats: acknowledged = 0", "Stats: scheduled_downtime_depth = 0",
    "Stats: host_state = 0", "StatsAnd: 4",
    "Stats: state = 2", "Stats: acknowledged = 1", "StatsAnd: 2",
    "Stats: state = 2", "Stats: scheduled_downtime_depth > 0", "StatsAnd: 2",
    "Stats: is_flapping = 1",
    "Stats: active_checks_enabled = 0",
    "Stats: notifications_enabled = 0",
    "Stats: event_handler_enabled = 0",
    "Stats: accept_passive_checks = 0",
]) + "OutputFormat: json\nResponseHeader: fixed16\nKeepAlive: on\n\n"

PAGE = ("GET services\nColumns: host_name description state plugin_output last_check last_state_change acknowledged"
        " scheduled_downtime_depth\nSort: host_name asc\nSort: description asc\nLimit: 100\n"
        "OutputFormat: json\nResponseHeader: fixed16\nKeepAlive: on\n\n")

PROBLEMS = ("GET services\nColumns: host_name description state plugin_output last_state_change\n"
            "Filter: state != 0\nFilter: acknowledged = 0\nFilter: scheduled_downtime_depth = 0\n"
            "Filter: host_state = 0\nSort: last_state_change desc\n"
            "OutputFormat: json\nResponseHeader: fixed16\nKeepAlive: on\n\n")


def each_new(query):
    """The query with a filter that every service passes and that differs on every request ({n}), so that no answer
    is shared: what Vigil's per-snapshot answers (AnswerCache) save, the "each new" rows show."""
    return query.replace("GET services\n", "GET services\nFilter: host_name != -{n}\n", 1)


LIVESTATUS = [("tactical overview stats", TACTICAL), ("100-row sorted services", PAGE), ("problems filter", PROBLEMS),
              ("tactical stats, each new", each_new(TACTICAL)), ("sorted services, each new", each_new(PAGE)),
              ("problems, each new", each_new(PROBLEMS))]
NUMBERS = itertools.count()
API = [("api status (state counts)", "/api/v1/status"), ("api services limit=100", "/api/v1/services?limit=100"),
       ("api critical services", "/api/v1/services?state=critical")]


def read_exactly(sock, n):
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise IOError("closed")
        data.extend(chunk)
    return bytes(data)


def ask_livestatus(path, query):
    """One connection per client, kept alive: returns a function that sends the query and reads the answer."""
    s = [None]

    def ask():
        if s[0] is None:
            s[0] = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s[0].connect(path)
        s[0].sendall(query.replace("{n}", str(next(NUMBERS))).encode())
        header = read_exactly(s[0], 16)
        read_exactly(s[0], int(header[4:15]))
        return header[:3] == b"200"
    return ask


def ask_api(port, path):
    conn = [None]

    def ask():
        conn[0] = conn[0] or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn[0].request("GET", path)
        r = conn[0].getresponse()
        r.read()
        return r.status == 200
    return ask


def measure_queries(make_client, clients, queries, warmup=50):
    """QUERIES answers (after WARMUP) shared by CLIENTS threads: (answers/s, p50, p99, max ms, failures)."""
    times, failed = [], [0]
    lock = threading.Lock()
    left = [queries + warmup]

    def client():
        ask = make_client()
        while True:
            with lock:
                if left[0] <= 0:
                    return
                left[0] -= 1
                counted = left[0] < queries
            t = time.monotonic()
            try:
                ok = ask()
            except Exception:
                ok, ask = False, make_client()
            took = time.monotonic() - t
            if counted:
                with lock:
                    times.append(took)
                    failed[0] += 0 if ok else 1

    started = time.monotonic()
    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000  # noqa: E731
    return len(times) / elapsed, pick(0.5), pick(0.99), times[-1] * 1000, failed[0]


def main(argv):
    if len(argv) not in (3, 4, 5):
        sys.exit(__doc__)
    out, vigil = os.path.abspath(argv[1]), argv[2]
    clients = int(argv[3]) if len(argv) > 3 else 10
    queries = int(argv[4]) if len(argv) > 4 else 1000
    hosts = sum(1 for f in os.listdir(f"{out}/objects") if f.startswith("hosts-")) * 100
    per_host = int(os.environ.get("PER_HOST", "20"))
    app, admin = measure.free_port(), measure.free_port()
    measure.write_yaml(out, app, admin)
    live = f"{out}/var/rw/live"
    with open(f"{out}/vigil.yml", "a") as f:
        f.write(f"livestatus:\n  socket: {live}\n  threads: {max(16, clients * 2)}\n")
    measure.put_seed(out)
    generate.write_canary(out, 0)
    os.makedirs(f"{out}/runs", exist_ok=True)
    run = measure.Run(out, vigil, "livestatus")
    got = run.wait_ready(app, admin)
    if "exited" in got:
        sys.exit(f"vigil exited with status {got['exited']} (see {out}/runs/livestatus.out)")
    sent = readers.problems(out, hosts, per_host)
    time.sleep(10)  # the command file is read and the results applied
    waited, busy = readers.settle(run.proc.pid)
    print(f"{hosts * per_host} services on {hosts} hosts; {sent} passive problems sent; each query {queries} times "
          f"(after 50 of warm-up) from {clients} clients at once; measured once the start's checks were done ({waited:.0f} s "
          f"after the problems; the engine then used {busy:.0%} of a core, its plugins included)")
    print(f"{'query':28} {'answers/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'failed':>6}")
    rows = [(label, lambda q=q: ask_livestatus(live, q)) for label, q in LIVESTATUS]
    rows += [(label, lambda p=p: ask_api(app, p)) for label, p in API]
    for label, make in rows:
        rate, p50, p99, worst, failed = measure_queries(make, clients, queries)
        print(f"{label:28} {rate:9.1f} {p50:8.1f} {p99:8.1f} {worst:8.1f} {failed:6d}", flush=True)
    run.stop()


if __name__ == "__main__":
    main(sys.argv)
