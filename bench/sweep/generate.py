#!/usr/bin/env python3
"""Writes the sweep bench's config: SERVICES check_dummy services spread over HOSTS hosts.

usage: generate.py OUT HOSTS SERVICES [FAIL_EVERY]

Services go round-robin over the hosts (1,736 over 129: 59 hosts with 14, 70 with 13). Every FAIL_EVERY-th
service (default 97) returns CRITICAL and every FAIL_EVERY-th + 1 WARNING, so the summary has something to list.
Hosts have no check command (a sweep then runs exactly SERVICES checks); services are checked once a day, so the
regular schedule stays out of the way of the measurement. Paths are under OUT/var.
"""
import os
import sys


def main():
    out, hosts, services = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    fail_every = int(sys.argv[4]) if len(sys.argv) > 4 else 97
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
    lines = ["""define command {
    command_name check_dummy
    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ "$ARG2$"
}
define contact {
    contact_name admin
    host_notification_commands check_dummy!0!n
    service_notification_commands check_dummy!0!n
}
define hostgroup {
    hostgroup_name all
    members *
}
"""]
    for h in range(hosts):
        lines.append(f"define host {{\n    host_name host{h:03d}\n    max_check_attempts 1\n"
                     f"    contacts admin\n}}\n")
    for i in range(services):
        host = i % hosts
        n = i // hosts
        state, text = 0, "ok"
        if i % fail_every == 0:
            state, text = 2, f"service {i} is down"
        elif i % fail_every == 1:
            state, text = 1, f"service {i} is slow"
        lines.append(f"define service {{\n    host_name host{host:03d}\n    service_description svc{n:02d}\n"
                     f"    check_command check_dummy!{state}!{text}\n    max_check_attempts 3\n"
                     f"    check_interval 86400\n    retry_interval 86400\n    contacts admin\n}}\n")
    with open(os.path.join(out, "objects.cfg"), "w") as f:
        f.write("".join(lines))


if __name__ == "__main__":
    main()
