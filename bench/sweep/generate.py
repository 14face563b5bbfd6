#!/usr/bin/env python3
"""Writes the sweep bench's config: SERVICES services spread over HOSTS hosts, and their expanded command lines.

usage: generate.py OUT HOSTS SERVICES [KINDS [PORT [FAIL_EVERY]]]

KINDS (default "dummy") is a comma-separated list of plugin kinds given to the services in turn: dummy
(check_dummy), tcp and http (check_tcp and check_http against 127.0.0.1:PORT, a local server the caller starts),
disk (check_disk on /) and load (check_load). A service is named KIND + its number on its host (http03), so
`vigil sweep --service 'http*'` selects one kind. Services go round-robin over the hosts (1,736 over 129: 59 hosts
with 14, 70 with 13). Every FAIL_EVERY-th service (default 97) is a check_dummy returning CRITICAL and the next one
a check_dummy returning WARNING, so the summary has something to list.

With the kind "dummy" alone, hosts have no check command (a sweep then runs exactly SERVICES checks); with a mix,
each host is checked with check_dummy too ("plus the host checks"). Services are checked once a day, so the regular
schedule stays out of the way of the measurement. Paths are under OUT/var.

Besides nagios.cfg and objects.cfg: OUT/lines.txt holds every check's command line as Vigil expands it (one a line,
quoted for xargs), OUT/lines-KIND.txt those of one kind, for the bench's `xargs -P` floor; OUT/lines.tsv and
OUT/lines-KIND.tsv the same lines as their arguments separated by tabs, for its bare C floor (xrun.c).
"""
import os
import shlex
import sys

PLUGINS = "/usr/lib/nagios/plugins"

# kind -> (command_name, command_line, the $ARGn$ of a service of that kind)
COMMANDS = {
    "dummy": ("check_dummy", f'{PLUGINS}/check_dummy $ARG1$ "$ARG2$"', ["0", "ok"]),
    "tcp": ("check_tcp", f"{PLUGINS}/check_tcp -H 127.0.0.1 -p @PORT@", []),
    "http": ("check_http", f"{PLUGINS}/check_http -H 127.0.0.1 -p @PORT@ -u /", []),
    "disk": ("check_disk", f"{PLUGINS}/check_disk -w 1% -c 1% -p /", []),
    "load": ("check_load", f"{PLUGINS}/check_load -w 500,500,500 -c 900,900,900", []),
}


def expand(line, args):
    for n, a in enumerate(args, 1):
        line = line.replace(f"$ARG{n}$", a)
    return line


def main():
    out, hosts, services = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    kinds = (sys.argv[4] if len(sys.argv) > 4 else "dummy").split(",")
    port = sys.argv[5] if len(sys.argv) > 5 else "80"
    fail_every = int(sys.argv[6]) if len(sys.argv) > 6 else 97
    unknown = [k for k in kinds if k not in COMMANDS]
    if unknown:
        sys.exit(f"generate.py: unknown kind(s) {','.join(unknown)}; known: {','.join(COMMANDS)}")
    host_checks = kinds != ["dummy"]
    var = os.path.join(out, "var")
    os.makedirs(var, exist_ok=True)
    with open(os.path.join(out, "nagios.cfg"), "w") as f:
        f.write(f"""cfg_file={out}/objects.cfg
log_file={var}/nagios.log
lock_file={var}/nagios.lock
status_file={var}/status.dat
status_update_interval=10
retain_state_information=0
check_external_commands=0
interval_length=1
max_concurrent_checks=0
enable_notifications=0
enable_event_handlers=0
enable_flap_detection=0
log_initial_states=0
log_service_retries=0
illegal_macro_output_chars=`~$&|'"<>
""")
    lines = []
    for name, line, _ in COMMANDS.values():
        lines.append(f"define command {{\n    command_name {name}\n    command_line {line.replace('@PORT@', port)}\n}}\n")
    lines.append("""define contact {
    contact_name admin
    host_notification_commands check_dummy!0!n
    service_notification_commands check_dummy!0!n
}
define hostgroup {
    hostgroup_name all
    members *
}
""")
    expanded = {k: [] for k in kinds}
    in_order = []
    for h in range(hosts):
        check = "    check_command check_dummy!0!host up\n" if host_checks else ""
        lines.append(f"define host {{\n    host_name host{h:03d}\n{check}    max_check_attempts 1\n"
                     f"    check_interval 86400\n    contacts admin\n}}\n")
        if host_checks:
            host_line = expand(COMMANDS["dummy"][1], ["0", "host up"])
    for i in range(services):
        host = i % hosts
        n = i // hosts
        kind = kinds[i % len(kinds)]
        args = COMMANDS[kind][2]
        if i % fail_every == 0:
            kind, args = "dummy", ["2", f"service {i} is down"]
        elif i % fail_every == 1:
            kind, args = "dummy", ["1", f"service {i} is slow"]
        name, line, _ = COMMANDS[kind]
        command = "!".join([name] + args)
        lines.append(f"define service {{\n    host_name host{host:03d}\n    service_description {kind}{n:02d}\n"
                     f"    check_command {command}\n    max_check_attempts 3\n"
                     f"    check_interval 86400\n    retry_interval 86400\n    contacts admin\n}}\n")
        expanded.setdefault(kind, []).append(expand(line.replace("@PORT@", port), args))
        in_order.append(expanded[kind][-1])
    with open(os.path.join(out, "objects.cfg"), "w") as f:
        f.write("".join(lines))
    write_lines(os.path.join(out, "lines"), in_order + ([host_line] * hosts if host_checks else []))
    for k, ls in expanded.items():
        write_lines(os.path.join(out, f"lines-{k}"), ls)


def write_lines(base, lines):
    with open(base + ".txt", "w") as f:
        f.write("".join(line + "\n" for line in lines))
    with open(base + ".tsv", "w") as f:
        f.write("".join("\t".join(shlex.split(line)) + "\n" for line in lines))


if __name__ == "__main__":
    main()
