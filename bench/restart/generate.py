#!/usr/bin/env python3
"""Writes the restart bench's config: HOSTS x SERVICES_PER_HOST check_dummy services, retention on.

usage: generate.py OUT HOSTS SERVICES_PER_HOST [INTERVAL]

Built on bench/engine/generate.py (the same objects and paths), with what a restart needs on top:
retention on (`state_retention_file`, so embedded H2 beside it), the external command file on, and
INTERVAL seconds (default 600) between checks of every host and service (`interval_length=1`).
One more host, `canary`, has one service `restart-probe` checked every second with
max_check_attempts 1; its command (canary.sh) returns the state written in canary.state, which measure.py switches
between runs (0 or 2), so the first result applied after a restart is a hard state change, which the log shows as a
SERVICE ALERT. The object files themselves never change between runs.
"""
import importlib.util
import os
import sys


def _engine_generator():
    """bench/engine/generate.py under its own module name: this file is `generate` too when measure.py imports it."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "engine", "generate.py")
    spec = importlib.util.spec_from_file_location("engine_generate", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


engine = _engine_generator()


def main_cfg(out, var):
    lines = engine.main_cfg(out, var, 1).splitlines()
    d = dict(line.split("=", 1) for line in lines)
    d.update({
        "retain_state_information": "1",
        "retention_update_interval": "60",
        "check_external_commands": "1",
        "status_update_interval": "10",
        "max_concurrent_checks": "0",
    })
    return "".join(f"{k}={v}\n" for k, v in d.items())


def canary(out):
    """The canary and its command, the same text whatever the state: a restart on an unchanged config."""
    return engine.host("canary") + f"""define command {{
    command_name            check_canary
    command_line            {out}/canary.sh
}}
define service {{
    host_name               canary
    service_description     restart-probe
    check_command           check_canary
    check_interval          1
    retry_interval          1
    max_check_attempts      1
    check_period            24x7
    notification_interval   0
    notification_period     24x7
    notifications_enabled   0
    contact_groups          bench
}}
"""


CANARY_SH = """#!/bin/sh
# the restart bench's canary: check_dummy with the state in canary.state (0: ok, 2: critical)
read state < "$(dirname "$0")/canary.state"
if [ "$state" = 0 ]; then text=ok; else text=critical; fi
exec /usr/lib/nagios/plugins/check_dummy "$state" "$text"
"""


def write_canary(out, state):
    """Sets the canary's next result. Only canary.state changes: the object files stay as they were, so a restart
    is one on an unchanged config (Vigil reuses its objects cache; rewriting the config would defeat it)."""
    for name, text, mode in (("objects/canary.cfg", canary(out), 0o644), ("canary.sh", CANARY_SH, 0o755)):
        path = f"{out}/{name}"
        if not os.path.exists(path) or open(path).read() != text:
            with open(path, "w") as f:
                f.write(text)
        os.chmod(path, mode)
    with open(f"{out}/canary.state", "w") as f:
        f.write(f"{state}\n")


def main(argv):
    if len(argv) not in (4, 5):
        sys.exit(__doc__)
    out = os.path.abspath(argv[1])
    hosts, per_host = int(argv[2]), int(argv[3])
    interval = int(argv[4]) if len(argv) == 5 else 600
    var = f"{out}/var"
    for d in ("objects", "var/tmp", "var/spool/checkresults", "var/rw"):
        os.makedirs(f"{out}/{d}", exist_ok=True)
    with open(f"{out}/nagios.cfg", "w") as f:
        f.write(main_cfg(out, var))
    with open(f"{out}/resource.cfg", "w") as f:
        f.write("$USER1$=/usr/lib/nagios/plugins\n")
    with open(f"{out}/objects/fixed.cfg", "w") as f:
        f.write(engine.FIXED)
    write_canary(out, 2)
    per_file = 100
    for start in range(0, hosts, per_file):
        with open(f"{out}/objects/hosts-{start // per_file:04d}.cfg", "w") as f:
            for n in range(start, min(hosts, start + per_file)):
                name = f"host{n:05d}"
                f.write(engine.host(name).replace("check_interval          3600",
                                                  f"check_interval          {interval}"))
                for i in range(per_host):
                    f.write(engine.service(name, i, interval))
    print(f"{hosts} hosts x {per_host} services (+1 canary) every {interval} s -> {out}")


if __name__ == "__main__":
    main(sys.argv)
