#!/usr/bin/env python3
"""The restart of Nagios Core 4 (Debian's nagios4) on the same config as measure.py, for comparison. Prints figures.

usage: nagios.py OUT RUNS

OUT holds the config of generate.py. A copy goes to OUT/nagios4 (its own var directory, same objects). First a seed
run: nagios4 starts on no retention, runs until status.dat shows every host and service checked, and is stopped
with SIGTERM, which writes retention.dat; it is kept as OUT/nagios4/retention.seed. Then RUNS times: the seed in
place, the canary switched to CRITICAL (its first result is then a hard state change), nagios4 started and timed
from launching the process to its first SERVICE ALERT of the canary in nagios.log (the same event measure.py
waits for), then stopped with SIGTERM.
"""
import os
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402

TIMEOUT = float(os.environ.get("TIMEOUT", "240"))


def copy_config(out, dest):
    for d in ("var/tmp", "var/spool/checkresults", "var/rw"):
        os.makedirs(f"{dest}/{d}", exist_ok=True)
    if os.path.isdir(f"{dest}/objects"):
        shutil.rmtree(f"{dest}/objects")
    shutil.copytree(f"{out}/objects", f"{dest}/objects")
    shutil.copyfile(f"{out}/resource.cfg", f"{dest}/resource.cfg")
    # the canary's command and state of this copy, not measure.py's
    generate.write_canary(dest, 2)
    with open(f"{out}/nagios.cfg") as f:
        text = f.read().replace(out, dest)
    with open(f"{dest}/nagios.cfg", "w") as f:
        f.write(text)


def set_canary(dest, state):
    generate.write_canary(dest, state)


def checked(dest):
    try:
        with open(f"{dest}/var/status.dat") as f:
            text = f.read()
    except OSError:
        return 0, 1
    return text.count("has_been_checked=1"), text.count("hoststatus {") + text.count("servicestatus {")


def stop(proc):
    t = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return time.monotonic() - t


def start(dest):
    return subprocess.Popen(["nagios4", f"{dest}/nagios.cfg"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def seed(dest):
    for name in ("retention.dat", "status.dat", "nagios.log"):
        if os.path.exists(f"{dest}/var/{name}"):
            os.remove(f"{dest}/var/{name}")
    set_canary(dest, 0)
    t = time.monotonic()
    proc = start(dest)
    done, total = 0, 1
    while time.monotonic() - t < 600 and proc.poll() is None:
        time.sleep(5)
        done, total = checked(dest)
        if done >= total > 1:
            break
    took = stop(proc)
    shutil.copyfile(f"{dest}/var/retention.dat", f"{dest}/retention.seed")
    print(f"nagios4 seed: {done} of {total} objects checked in {time.monotonic() - t:.0f} s; SIGTERM to exit "
          f"{took:.1f} s; retention.dat {os.path.getsize(f'{dest}/retention.seed') / 1048576:.1f} MiB", flush=True)


def measured(dest, label):
    shutil.copyfile(f"{dest}/retention.seed", f"{dest}/var/retention.dat")
    set_canary(dest, 2)
    log = f"{dest}/var/nagios.log"
    open(log, "w").close()
    t0 = time.monotonic()
    proc = start(dest)
    result = None
    while time.monotonic() - t0 < TIMEOUT and proc.poll() is None:
        with open(log) as f:
            if "SERVICE ALERT: canary;restart-probe;" in f.read():
                result = time.monotonic() - t0
                break
        time.sleep(0.05)
    took = stop(proc)
    shown = "-" if result is None else f"{result:.2f}"
    print(f"{label:10} first result {shown:>6} s, stop {took:.1f} s, load {os.getloadavg()[0]:.1f}", flush=True)
    return result


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    out, runs = os.path.abspath(argv[1]), int(argv[2])
    dest = f"{out}/nagios4"
    copy_config(out, dest)
    if not os.path.exists(f"{dest}/retention.seed") or os.environ.get("RESEED") == "1":
        seed(dest)
    results = [r for r in (measured(dest, f"nagios4-{i + 1}") for i in range(runs)) if r is not None]
    if results:
        print(f"median nagios4: first result {sorted(results)[len(results) // 2]:.2f} s ({len(results)} runs)")


if __name__ == "__main__":
    main(sys.argv)
