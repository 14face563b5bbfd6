#!/usr/bin/env python3
"""Writes a Nagios 4.4.6 retention.dat for the restart bench's config: HOSTS x SERVICES_PER_HOST services.

usage: retention.py FILE HOSTS SERVICES_PER_HOST

Every block has the fields and order of nagios4's own file (core-scheduler's test resource nagiosstate/retention.dat,
written by Debian's nagios4); 5% of the services are CRITICAL and notified, one in five of those acknowledged with a
comment, 1% of the hosts in a fixed downtime with its comment.
"""
import sys
import time

NOW = int(time.time())


def status(kind, state, notified, acked):
    history = ",".join(["0"] * 21)
    times = (["last_time_up", "last_time_down", "last_time_unreachable"] if kind == "host"
             else ["last_time_ok", "last_time_warning", "last_time_unknown", "last_time_critical"])
    out = "modified_attributes=0\ncheck_command=check_dummy!0\ncheck_period=24x7\nnotification_period=24x7\n"
    out += "event_handler=\nhas_been_checked=1\ncheck_execution_time=0.010\ncheck_latency=0.002\ncheck_type=0\n"
    out += f"current_state={state}\nlast_state={state}\nlast_hard_state={state}\nlast_event_id=0\n"
    out += "current_event_id=0\ncurrent_problem_id=0\nlast_problem_id=0\n"
    out += f"plugin_output={'CRITICAL - down' if state else 'OK - fine'}\nlong_plugin_output=\nperformance_data=time=0.01s\n"
    out += f"last_check={NOW - 30}\nnext_check={NOW + 570}\ncheck_options=0\ncurrent_attempt=1\nmax_attempts=3\n"
    out += "check_interval=600.000000\nretry_interval=60.000000\nstate_type=1\n"
    out += f"last_state_change={NOW - 3600}\nlast_hard_state_change={NOW - 3600}\n"
    out += "".join(f"{t}={NOW - 30 if i == (2 if state and kind != 'host' else 0) else 0}\n" for i, t in enumerate(times))
    out += "".join(f"notified_on_{s}=0\n" for s in (["down", "unreachable"] if kind == "host"
                                                     else ["unknown", "warning", "critical"]))
    out += f"last_notification={NOW - 3500 if notified else 0}\ncurrent_notification_number={1 if notified else 0}\n"
    out += "current_notification_id=0\nnotifications_enabled=1\n"
    out += f"problem_has_been_acknowledged={1 if acked else 0}\nacknowledgement_type={1 if acked else 0}\n"
    out += "active_checks_enabled=1\npassive_checks_enabled=1\nevent_handler_enabled=1\nflap_detection_enabled=1\n"
    out += "process_performance_data=1\nobsess=1\nis_flapping=0\npercent_state_change=0.00\n"
    out += f"check_flapping_recovery_notification=0\nflapping_comment_id=0\nstate_history={history}\n"
    return out


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    hosts, per_host = int(argv[2]), int(argv[3])
    comments, downtimes = [], []
    with open(argv[1], "w") as f:
        f.write(f"info {{\ncreated={NOW}\nversion=4.4.6\n}}\n")
        f.write("program {\nmodified_host_attributes=0\nmodified_service_attributes=0\nenable_notifications=1\n"
                "next_comment_id=1\nnext_downtime_id=1\nnext_event_id=1\nnext_problem_id=1\n"
                "next_notification_id=1\n}\n")
        n = 0
        for h in range(hosts):
            name = f"host{h:05d}"
            f.write(f"host {{\nhost_name={name}\n{status('host', 0, False, False)}}}\n")
            if h % 100 == 0:
                downtimes.append(name)
            for i in range(per_host):
                n += 1
                critical, acked = n % 20 == 0, n % 100 == 0
                f.write(f"service {{\nhost_name={name}\nservice_description=svc{i:03d}\n"
                        f"{status('service', 2 if critical else 0, critical, acked)}}}\n")
                if acked:
                    comments.append((name, f"svc{i:03d}"))
        cid = 0
        for h, s in comments:
            cid += 1
            f.write(f"servicecomment {{\nhost_name={h}\nservice_description={s}\nentry_type=4\ncomment_id={cid}\n"
                    f"source=0\npersistent=1\nentry_time={NOW - 3000}\nexpires=0\nexpire_time=0\nauthor=ops\n"
                    "comment_data=known, ticket 4711\n}\n")
        for d, h in enumerate(downtimes, start=1):
            cid += 1
            f.write(f"hostcomment {{\nhost_name={h}\nentry_type=2\ncomment_id={cid}\nsource=0\npersistent=0\n"
                    f"entry_time={NOW - 600}\nexpires=0\nexpire_time=0\nauthor=ops\ncomment_data=maintenance\n}}\n")
            f.write(f"hostdowntime {{\nhost_name={h}\ncomment_id={cid}\ndowntime_id={d}\nentry_time={NOW - 600}\n"
                    f"start_time={NOW - 600}\nflex_downtime_start=0\nend_time={NOW + 7200}\ntriggered_by=0\nfixed=1\n"
                    "duration=7800\nis_in_effect=1\nstart_notification_sent=1\nauthor=ops\ncomment=maintenance\n}\n")
    print(f"{hosts} hosts, {hosts * per_host} services, {len(comments)} acknowledgements, {len(downtimes)} downtimes"
          f" -> {argv[1]}")


if __name__ == "__main__":
    main(sys.argv)
