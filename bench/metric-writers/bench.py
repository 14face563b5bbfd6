#!/usr/bin/env python3
"""The metric writers' cost per result: passive results pushed through `vigil run`'s command file as fast as it takes
them, with no writers, with writers to real receivers (carbon-cache and influxd, started here), and with writers
whose receivers are away (every result queued, then dropped). Prints results/s and the vigil process's CPU time per
result (user + system, from /proc: every thread, the writers' included), per mode, runs interleaved.

usage: bench.py OUT SERVICES RESULTS RUNS
"""
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc, what):
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    sys.exit(f"{what} did not listen on {port}")


def generate(out, services):
    var = os.path.join(out, "var")
    os.makedirs(var, exist_ok=True)
    with open(os.path.join(out, "nagios.cfg"), "w") as f:
        f.write(f"""cfg_file={out}/objects.cfg
log_file={var}/nagios.log
lock_file={var}/nagios.lock
status_file={var}/status.dat
command_file={var}/nagios.cmd
check_external_commands=1
status_update_interval=60
retain_state_information=0
execute_service_checks=0
execute_host_checks=0
log_passive_checks=0
enable_notifications=0
enable_event_handlers=0
enable_flap_detection=0
log_initial_states=0
illegal_macro_output_chars=`~$&|'"<>
""")
    lines = ["define command {\n command_name check_dummy\n command_line /usr/lib/nagios/plugins/check_dummy $ARG1$\n}",
             "define contact {\n contact_name admin\n host_notification_commands check_dummy\n"
             " service_notification_commands check_dummy\n}",
             "define host {\n host_name h0\n check_command check_dummy!0\n max_check_attempts 1\n contacts admin\n}"]
    for i in range(services + 1):
        name = "marker" if i == services else f"s{i}"
        lines.append(f"define service {{\n host_name h0\n service_description {name}\n check_command check_dummy!0\n"
                     f" max_check_attempts 1\n check_interval 1440\n contacts admin\n}}")
    with open(os.path.join(out, "objects.cfg"), "w") as f:
        f.write("\n".join(lines) + "\n")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_once(out, mode, services, results, receivers):
    yml = os.path.join(out, f"vigil-{mode}.yml")
    with open(yml, "w") as f:
        if mode == "none":
            f.write("{}\n")
        else:
            gport, iport = receivers if mode == "receivers" else (free_port(), free_port())
            f.write(f"metric_writers:\n"
                    f"  graphite: {{ host: 127.0.0.1, port: {gport} }}\n"
                    f"  influxdb: {{ url: 'http://127.0.0.1:{iport}', database: bench }}\n")
    log = os.path.join(out, "var", "nagios.log")
    if os.path.exists(log):
        os.remove(log)
    vigil = subprocess.Popen(["bin/vigil", "run", "--no-web", "--web-config", yml, os.path.join(out, "nagios.cfg")],
                             stdout=open(os.path.join(out, f"run-{mode}.out"), "w"), stderr=subprocess.STDOUT)
    try:
        cmd = os.path.join(out, "var", "nagios.cmd")
        for _ in range(600):
            if os.path.exists(cmd) and os.path.exists(log) and "starting" in open(log).read():
                break
            time.sleep(0.1)
        time.sleep(2)  # the start's own work is done
        now = int(time.time())
        text = "".join(f"[{now}] PROCESS_SERVICE_CHECK_RESULT;h0;s{i % services};0;OK | time=0.{i % 10}s;1;2;0;10"
                       f" size={i}B;;;0\n" for i in range(results))
        text += f"[{now}] PROCESS_SERVICE_CHECK_RESULT;h0;marker;2;the last one\n"
        cpu0 = cpu_seconds(vigil.pid)
        t0 = time.monotonic()
        with open(cmd, "w") as fifo:
            fifo.write(text)
        while "marker;CRITICAL" not in open(log).read():
            time.sleep(0.01)
            if time.monotonic() - t0 > 600:
                sys.exit("the results were not all applied within 10 minutes")
        elapsed = time.monotonic() - t0
        # the writers' threads finish sending what is queued (their CPU counts); every mode waits alike, so the
        # JIT and GC work that follows a burst is in every mode's figure
        time.sleep(3)
        cpu = cpu_seconds(vigil.pid) - cpu0
        return results / elapsed, cpu / results * 1e6
    finally:
        vigil.terminate()
        vigil.wait(30)


def start_receivers(out):
    carbon_dir = os.path.join(out, "carbon")
    os.makedirs(os.path.join(carbon_dir, "storage"), exist_ok=True)
    gport = free_port()
    with open(os.path.join(carbon_dir, "carbon.conf"), "w") as f:
        f.write(f"""[cache]
STORAGE_DIR = {carbon_dir}/storage
LOCAL_DATA_DIR = {carbon_dir}/storage/whisper
WHITELISTS_DIR = {carbon_dir}/storage/lists
CONF_DIR = {carbon_dir}
LOG_DIR = {carbon_dir}/storage/log
PID_DIR = {carbon_dir}/storage
ENABLE_LOGROTATION = False
USER =
MAX_CACHE_SIZE = inf
MAX_UPDATES_PER_SECOND = 500
MAX_CREATES_PER_MINUTE = inf
LINE_RECEIVER_INTERFACE = 127.0.0.1
LINE_RECEIVER_PORT = {gport}
ENABLE_UDP_LISTENER = False
PICKLE_RECEIVER_INTERFACE = 127.0.0.1
PICKLE_RECEIVER_PORT = {free_port()}
CACHE_QUERY_INTERFACE = 127.0.0.1
CACHE_QUERY_PORT = {free_port()}
LOG_UPDATES = False
""")
    with open(os.path.join(carbon_dir, "storage-schemas.conf"), "w") as f:
        f.write("[all]\npattern = .*\nretentions = 60s:1d\n")
    carbon = subprocess.Popen(["carbon-cache", f"--config={carbon_dir}/carbon.conf", "--nodaemon", "start"],
                              stdout=open(os.path.join(out, "carbon.out"), "w"), stderr=subprocess.STDOUT)
    wait_port(gport, carbon, "carbon-cache")
    influx_dir = os.path.join(out, "influx")
    os.makedirs(influx_dir, exist_ok=True)
    iport = free_port()
    with open(os.path.join(influx_dir, "influxdb.conf"), "w") as f:
        f.write(f"""reporting-enabled = false
bind-address = "127.0.0.1:{free_port()}"
[meta]
  dir = "{influx_dir}/meta"
[data]
  dir = "{influx_dir}/data"
  wal-dir = "{influx_dir}/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[http]
  bind-address = "127.0.0.1:{iport}"
  log-enabled = false
[logging]
  level = "warn"
""")
    influx = subprocess.Popen(["influxd", "run", "-config", os.path.join(influx_dir, "influxdb.conf")],
                              stdout=open(os.path.join(out, "influxd.out"), "w"), stderr=subprocess.STDOUT)
    wait_port(iport, influx, "influxd")
    urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{iport}/query",
                                                  data=b"q=CREATE+DATABASE+bench")).read()
    return (gport, iport), [carbon, influx]


def main():
    out, services, results, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stopped: the receivers and vigil are stopped too
    generate(out, services)
    receivers, procs = start_receivers(out)
    modes = ["none", "receivers", "away"]
    figures = {m: [] for m in modes}
    try:
        for r in range(runs + 1):  # the first round warms the page cache and the JIT's archive: not counted
            for m in modes:
                rate, micros = run_once(out, m, services, results, receivers)
                if r > 0:
                    figures[m].append((rate, micros))
                print(f"{'warm-up' if r == 0 else 'run ' + str(r)}: {m:9} {rate:8.0f} results/s  "
                      f"{micros:6.1f} us CPU per result", flush=True)
    finally:
        for p in procs:
            p.terminate()
            p.wait(30)
    print(f"\n{results} passive results with perfdata (2 values each) over {services} services, {runs} runs "
          f"per mode, medians:")
    med = {}
    for m in modes:
        rates = sorted(f[0] for f in figures[m])
        cpus = sorted(f[1] for f in figures[m])
        med[m] = (rates[len(rates) // 2], cpus[len(cpus) // 2])
        print(f"  {m:9} {med[m][0]:8.0f} results/s  {med[m][1]:6.1f} us CPU per result")
    for m in ("receivers", "away"):
        print(f"  writers ({m}): {med[m][1] - med['none'][1]:+.1f} us CPU per result, "
              f"results/s {100 * (med[m][0] / med['none'][0] - 1):+.0f}%")
    json.dump(figures, open(os.path.join(out, "figures.json"), "w"))


if __name__ == "__main__":
    main()
