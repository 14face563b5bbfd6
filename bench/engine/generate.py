#!/usr/bin/env python3
"""Writes the engine bench's config: HOSTS x SERVICES check_dummy services, interval_length=1.

usage: generate.py OUT HOSTS SERVICES_PER_HOST CHECK_INTERVAL [SPREAD]

Every service runs `check_dummy 0 ok` every CHECK_INTERVAL seconds, so the offered rate is
HOSTS*SERVICES_PER_HOST/CHECK_INTERVAL checks per second. Hosts run the same plugin once an hour
(in practice once, at start-up, inside the warm-up). SPREAD is max_service_check_spread in
interval_length units (1 by default: first checks within a second, as the brief asks of Nagios;
Vigil spreads first checks over each check's own interval whatever this says).
Every path is under OUT/var; nagios_user/nagios_group are the user running the script.
"""
import grp
import os
import pwd
import sys


def main_cfg(out, var, spread):
    user = pwd.getpwuid(os.getuid()).pw_name
    group = grp.getgrgid(os.getgid()).gr_name
    d = {
        "log_file": f"{var}/nagios.log",
        "cfg_dir": f"{out}/objects",
        "resource_file": f"{out}/resource.cfg",
        "object_cache_file": f"{var}/objects.cache",
        "precached_object_file": f"{var}/objects.precache",
        "status_file": f"{var}/status.dat",
        "state_retention_file": f"{var}/retention.dat",
        "retain_state_information": "0",
        "temp_file": f"{var}/nagios.tmp",
        "temp_path": f"{var}/tmp",
        "lock_file": f"{var}/nagios.lock",
        "check_result_path": f"{var}/spool/checkresults",
        "command_file": f"{var}/rw/nagios.cmd",
        "check_external_commands": "0",
        "debug_file": f"{var}/nagios.debug",
        "debug_level": "0",
        "nagios_user": user,
        "nagios_group": group,
        "interval_length": "1",
        "status_update_interval": "1",
        "max_service_check_spread": str(spread),
        "max_host_check_spread": str(spread),
        "service_inter_check_delay_method": "s",
        "service_interleave_factor": "s",
        "max_concurrent_checks": "0",
        "enable_notifications": "0",
        "enable_event_handlers": "0",
        "enable_flap_detection": "0",
        "process_performance_data": "0",
        "log_initial_states": "0",
        "use_syslog": "0",
        "illegal_macro_output_chars": "`~$&|'\"<>",
    }
    return "".join(f"{k}={v}\n" for k, v in d.items())


FIXED = """\
define command {
    command_name    check_dummy
    command_line    $USER1$/check_dummy $ARG1$ $ARG2$
}
define command {
    command_name    notify-none
    command_line    /bin/true
}
define timeperiod {
    timeperiod_name 24x7
    alias           always
    sunday          00:00-24:00
    monday          00:00-24:00
    tuesday         00:00-24:00
    wednesday       00:00-24:00
    thursday        00:00-24:00
    friday          00:00-24:00
    saturday        00:00-24:00
}
define contact {
    contact_name                    bench
    alias                           bench
    host_notification_period        24x7
    service_notification_period     24x7
    host_notification_options       n
    service_notification_options    n
    host_notification_commands      notify-none
    service_notification_commands   notify-none
}
define contactgroup {
    contactgroup_name   bench
    alias               bench
    members             bench
}
"""


def host(name):
    return f"""define host {{
    host_name               {name}
    alias                   {name}
    address                 127.0.0.1
    check_command           check_dummy!0!host-ok
    check_interval          3600
    retry_interval          60
    max_check_attempts      3
    check_period            24x7
    notification_interval   0
    notification_period     24x7
    notifications_enabled   0
    contact_groups          bench
}}
"""


def service(h, i, interval):
    return f"""define service {{
    host_name               {h}
    service_description     svc{i:03d}
    check_command           check_dummy!0!ok
    check_interval          {interval}
    retry_interval          {interval}
    max_check_attempts      3
    check_period            24x7
    notification_interval   0
    notification_period     24x7
    notifications_enabled   0
    contact_groups          bench
}}
"""


def main(argv):
    if len(argv) not in (5, 6):
        sys.exit(__doc__)
    out = os.path.abspath(argv[1])
    hosts, per_host, interval = int(argv[2]), int(argv[3]), int(argv[4])
    spread = int(argv[5]) if len(argv) == 6 else 1
    var = f"{out}/var"
    for d in ("objects", "var/tmp", "var/spool/checkresults", "var/rw"):
        os.makedirs(f"{out}/{d}", exist_ok=True)
    with open(f"{out}/nagios.cfg", "w") as f:
        f.write(main_cfg(out, var, spread))
    with open(f"{out}/resource.cfg", "w") as f:
        f.write("$USER1$=/usr/lib/nagios/plugins\n")
    with open(f"{out}/objects/fixed.cfg", "w") as f:
        f.write(FIXED)
    per_file = 100
    for start in range(0, hosts, per_file):
        with open(f"{out}/objects/hosts-{start // per_file:04d}.cfg", "w") as f:
            for n in range(start, min(hosts, start + per_file)):
                name = f"host{n:05d}"
                f.write(host(name))
                for i in range(per_host):
                    f.write(service(name, i, interval))
    print(f"{hosts} hosts x {per_host} services every {interval} s = "
          f"{hosts * per_host / interval:.0f} checks/s offered -> {out}")


if __name__ == "__main__":
    main(sys.argv)
