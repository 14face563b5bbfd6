#!/usr/bin/env python3
"""Generate a large, realistic Nagios 4 configuration for the verify benchmark.

Usage: generate.py OUT_DIR [HOSTS] [SERVICES_PER_HOST] [--no-large-installation-tweaks]

Writes OUT_DIR/nagios.cfg (every path in it absolute and under OUT_DIR, so
`nagios4 -v` runs as any user without touching /var), resource.cfg, objects/
(commands, timeperiods, contacts, templates) and conf.d/ (hosts in files of
100, hostgroups, hostgroup services, servicegroups, dependencies, escalations).

Every host gets exactly SERVICES_PER_HOST services: a few come from services
defined on the host's role hostgroup, the rest are defined on the host itself.

Also writes OUT_DIR/expected-counts.txt ("<object type> <count>" per line,
named as `nagios4 -v` names them) so a report can compare what each tool read
with what was generated. Output is deterministic for given arguments.
"""

import argparse
import grp
import os
import pwd
import random
import sys

HOSTS_PER_FILE = 100
ROLES = ["web", "app", "db", "cache", "lb", "mq", "storage", "mail", "dns", "batch"]
SITES = ["ams", "fra", "lon", "nyc", "sfo"]

# Services each role hostgroup carries: (description, check_command, servicegroup).
ROLE_SERVICES = {
    "web": [("HTTP", "check_http!-u /healthz", "applications"),
            ("HTTPS", "check_http!-S -u /healthz", "applications"),
            ("Apache Workers", "check_procs_cmd!200!400!apache2", "applications")],
    "app": [("App Port 8080", "check_tcp!8080", "applications"),
            ("JVM Procs", "check_procs_cmd!2!4!java", "applications"),
            ("App Health", "check_http!-p 8080 -u /health", "applications")],
    "db": [("MySQL", "check_tcp!3306", "databases"),
           ("MySQL Procs", "check_procs_cmd!1!2!mysqld", "databases"),
           ("Disk /var/lib/mysql", "check_disk!15%!5%!/var/lib/mysql", "storage")],
    "cache": [("Redis", "check_tcp!6379", "applications"),
              ("Memcached", "check_tcp!11211", "applications"),
              ("Redis Procs", "check_procs_cmd!1!2!redis-server", "applications")],
    "lb": [("HAProxy", "check_procs_cmd!1!2!haproxy", "applications"),
           ("LB HTTP", "check_http!-u /", "applications"),
           ("LB HTTPS", "check_http!-S -u /", "applications")],
    "mq": [("RabbitMQ", "check_tcp!5672", "applications"),
           ("RabbitMQ Mgmt", "check_tcp!15672", "applications"),
           ("Beam Procs", "check_procs_cmd!1!2!beam.smp", "applications")],
    "storage": [("NFS", "check_tcp!2049", "storage"),
                ("Disk /srv", "check_disk!10%!5%!/srv", "storage"),
                ("Disk /export", "check_disk!10%!5%!/export", "storage")],
    "mail": [("SMTP", "check_smtp", "applications"),
             ("IMAP", "check_imap", "applications"),
             ("Mail Queue", "check_procs_cmd!5!10!postfix", "applications")],
    "dns": [("DNS", "check_dns!example.org", "network"),
            ("Named Procs", "check_procs_cmd!1!2!named", "network"),
            ("DNS TCP", "check_tcp!53", "network")],
    "batch": [("Cron", "check_procs_cmd!1!2!cron", "applications"),
              ("Batch Queue", "check_procs_cmd!50!100!batchd", "applications"),
              ("Disk /scratch", "check_disk!10%!5%!/scratch", "storage")],
}

# Services defined on every host: (description, check_command, template, servicegroup).
HOST_SERVICES = [
    ("PING", "check_ping!100.0,20%!500.0,60%", "critical-service", "network"),
    ("SSH", "check_ssh", "generic-service", "network"),
    ("Load", "check_load!5.0,4.0,3.0!10.0,6.0,4.0", "generic-service", "system"),
    ("Users", "check_users!20!50", "generic-service", "system"),
    ("Total Procs", "check_procs!250!400", "generic-service", "system"),
    ("Zombie Procs", "check_procs_state!5!10!Z", "generic-service", "system"),
    ("Swap", "check_swap!20%!10%", "generic-service", "system"),
    ("Disk /", "check_disk!20%!10%!/", "critical-service", "storage"),
    ("Disk /var", "check_disk!20%!10%!/var", "generic-service", "storage"),
    ("Disk /tmp", "check_disk!20%!10%!/tmp", "generic-service", "storage"),
    ("Disk /home", "check_disk!20%!10%!/home", "generic-service", "storage"),
    ("Disk /boot", "check_disk!20%!10%!/boot", "generic-service", "storage"),
    ("NTP", "check_ntp_time!0.5!1", "generic-service", "system"),
    ("Syslog Procs", "check_procs_cmd!1!2!rsyslogd", "generic-service", "system"),
    ("Cron Procs", "check_procs_cmd!1!2!cron", "generic-service", "system"),
    ("Uptime", "check_dummy!0!up", "generic-service", "system"),
    ("Kernel Log", "check_dummy!0!ok", "generic-service", "system"),
]

CONTACT_TEAMS = ["oncall"] + ROLES
CONTACTS_PER_TEAM = 3


def block(kind, attrs):
    """One `define kind { ... }` block, attributes aligned like hand-written configs."""
    width = max(len(k) for k, _ in attrs) + 2
    lines = [f"define {kind} {{"]
    lines += [f"    {k.ljust(width)}{v}" for k, v in attrs]
    lines.append("}\n")
    return "\n".join(lines)


def write(path, blocks):
    with open(path, "w") as f:
        f.write("# Generated by bench/verify/generate.py; do not edit.\n\n")
        f.write("\n".join(blocks))


def host_name(i):
    return f"{ROLES[i % len(ROLES)]}-{SITES[(i // len(ROLES)) % len(SITES)]}-{i:05d}"


def switch_index(i):
    """Each file of 100 hosts hangs off its first host, the rack's switch."""
    return i - i % HOSTS_PER_FILE


class Generator:
    def __init__(self, out, hosts, per_host, tweaks):
        self.out = os.path.abspath(out)
        self.tweaks = tweaks
        self.hosts = hosts
        self.per_host = per_host
        self.rnd = random.Random(f"{hosts}x{per_host}")
        self.counts = {}
        # Role services count toward the total; the rest are per-host. Keep at
        # least PING and SSH per host: the dependencies and escalations use them.
        self.role_svc = min(3, per_host - 2)
        self.own_svc = per_host - self.role_svc
        self.names = [host_name(i) for i in range(hosts)]
        self.role_members = {r: [] for r in ROLES}
        for i, name in enumerate(self.names):
            self.role_members[ROLES[i % len(ROLES)]].append(name)
        # Half the hosts are also listed in their site's hostgroup.
        self.site_members = {s: [] for s in SITES}
        for i, name in enumerate(self.names):
            if i % 2 == 0:
                self.site_members[SITES[(i // len(ROLES)) % len(SITES)]].append(name)

    def path(self, *parts):
        return os.path.join(self.out, *parts)

    def count(self, kind, n=1):
        self.counts[kind] = self.counts.get(kind, 0) + n

    def run(self):
        for d in ("objects", "conf.d", "var", "var/spool/checkresults", "var/rw", "var/tmp"):
            os.makedirs(self.path(d), exist_ok=True)
        self.main_config()
        self.commands()
        self.timeperiods()
        self.contacts()
        self.templates()
        self.hostgroups()
        self.host_files()
        self.role_services()
        self.servicegroups()
        self.dependencies()
        self.escalations()
        with open(self.path("expected-counts.txt"), "w") as f:
            for kind, n in self.counts.items():
                f.write(f"{kind} {n}\n")

    def main_config(self):
        var = self.path("var")
        lines = [
            "# Generated by bench/verify/generate.py; do not edit.",
            f"log_file={var}/nagios.log",
            f"cfg_file={self.path('objects', 'commands.cfg')}",
            f"cfg_file={self.path('objects', 'timeperiods.cfg')}",
            f"cfg_file={self.path('objects', 'contacts.cfg')}",
            f"cfg_file={self.path('objects', 'templates.cfg')}",
            f"cfg_dir={self.path('conf.d')}",
            f"object_cache_file={var}/objects.cache",
            f"precached_object_file={var}/objects.precache",
            f"resource_file={self.path('resource.cfg')}",
            f"status_file={var}/status.dat",
            "status_update_interval=10",
            # nagios4 -v drops privileges to these before probing temp_path and
            # check_result_path, so they must own the generated directories.
            f"nagios_user={pwd.getpwuid(os.getuid()).pw_name}",
            f"nagios_group={grp.getgrgid(os.getgid()).gr_name}",
            "check_external_commands=1",
            f"command_file={var}/rw/nagios.cmd",
            f"query_socket={var}/rw/nagios.qh",
            f"lock_file={var}/nagios.lock",
            f"temp_file={var}/nagios.tmp",
            f"temp_path={var}/tmp",
            f"check_result_path={var}/spool/checkresults",
            f"state_retention_file={var}/retention.dat",
            f"debug_file={var}/nagios.debug",
            "log_rotation_method=n",
            "use_syslog=0",
            "event_broker_options=-1",
            "interval_length=60",
            "service_check_timeout=60",
            "host_check_timeout=30",
            "retain_state_information=1",
            "retention_update_interval=60",
            "execute_service_checks=1",
            "execute_host_checks=1",
            "enable_notifications=1",
            "enable_event_handlers=1",
            "enable_flap_detection=1",
            "check_for_orphaned_services=1",
            "check_service_freshness=1",
            "check_for_updates=0",
            "date_format=iso8601",
            "illegal_object_name_chars=`~!$%^&*|'\"<>?,()=",
            "illegal_macro_output_chars=`~$&|'\"<>",
            "admin_email=nagios@localhost",
            "admin_pager=pagenagios@localhost",
            "enable_environment_macros=0",
            "allow_empty_hostgroup_assignment=0",
            # What large sites set; without it nagios4 insertion-sorts the
            # members of each group and spends seconds on the service groups.
            f"use_large_installation_tweaks={1 if self.tweaks else 0}",
            "",
        ]
        with open(self.path("nagios.cfg"), "w") as f:
            f.write("\n".join(lines))
        with open(self.path("resource.cfg"), "w") as f:
            f.write("# Generated by bench/verify/generate.py; do not edit.\n"
                    "$USER1$=/usr/lib/nagios/plugins\n"
                    "$USER2$=public\n")

    def commands(self):
        defs = [
            ("check-host-alive", "$USER1$/check_ping -H $HOSTADDRESS$ -w 3000.0,80% -c 5000.0,100% -p 5"),
            ("check_ping", "$USER1$/check_ping -H $HOSTADDRESS$ -w $ARG1$ -c $ARG2$ -p 5"),
            ("check_ssh", "$USER1$/check_ssh $ARG1$ $HOSTADDRESS$"),
            ("check_load", "$USER1$/check_load -w $ARG1$ -c $ARG2$"),
            ("check_users", "$USER1$/check_users -w $ARG1$ -c $ARG2$"),
            ("check_procs", "$USER1$/check_procs -w $ARG1$ -c $ARG2$"),
            ("check_procs_state", "$USER1$/check_procs -w $ARG1$ -c $ARG2$ -s $ARG3$"),
            ("check_procs_cmd", "$USER1$/check_procs -w $ARG1$ -c $ARG2$ -C $ARG3$"),
            ("check_swap", "$USER1$/check_swap -w $ARG1$ -c $ARG2$"),
            ("check_disk", "$USER1$/check_disk -w $ARG1$ -c $ARG2$ -p $ARG3$"),
            ("check_ntp_time", "$USER1$/check_ntp_time -H $HOSTADDRESS$ -w $ARG1$ -c $ARG2$"),
            ("check_http", "$USER1$/check_http -I $HOSTADDRESS$ $ARG1$"),
            ("check_tcp", "$USER1$/check_tcp -H $HOSTADDRESS$ -p $ARG1$ $ARG2$"),
            ("check_smtp", "$USER1$/check_smtp -H $HOSTADDRESS$ $ARG1$"),
            ("check_imap", "$USER1$/check_imap -H $HOSTADDRESS$ $ARG1$"),
            ("check_dns", "$USER1$/check_dns -H $ARG1$ -s $HOSTADDRESS$"),
            ("check_snmp_if", "$USER1$/check_snmp -H $HOSTADDRESS$ -C $USER2$ -o ifOperStatus.$ARG1$ -r 1"),
            ("check_dummy", "$USER1$/check_dummy $ARG1$ $ARG2$"),
            ("notify-host-by-email",
             "/usr/bin/printf \"%b\" \"***** Vigil *****\\n\\nNotification Type: $NOTIFICATIONTYPE$\\n"
             "Host: $HOSTNAME$\\nState: $HOSTSTATE$\\nAddress: $HOSTADDRESS$\\nInfo: $HOSTOUTPUT$\\n\\n"
             "Date/Time: $LONGDATETIME$\\n\" | /usr/bin/mail -s \"** $NOTIFICATIONTYPE$ Host Alert: "
             "$HOSTNAME$ is $HOSTSTATE$ **\" $CONTACTEMAIL$"),
            ("notify-service-by-email",
             "/usr/bin/printf \"%b\" \"***** Vigil *****\\n\\nNotification Type: $NOTIFICATIONTYPE$\\n\\n"
             "Service: $SERVICEDESC$\\nHost: $HOSTALIAS$\\nAddress: $HOSTADDRESS$\\nState: $SERVICESTATE$\\n\\n"
             "Date/Time: $LONGDATETIME$\\n\\nAdditional Info:\\n\\n$SERVICEOUTPUT$\\n\" | /usr/bin/mail -s "
             "\"** $NOTIFICATIONTYPE$ Service Alert: $HOSTALIAS$/$SERVICEDESC$ is $SERVICESTATE$ **\" $CONTACTEMAIL$"),
            ("notify-host-by-pager",
             "/usr/bin/printf \"%b\" \"$NOTIFICATIONTYPE$ $HOSTNAME$ $HOSTSTATE$\" | /usr/bin/mail $CONTACTPAGER$"),
            ("notify-service-by-pager",
             "/usr/bin/printf \"%b\" \"$NOTIFICATIONTYPE$ $HOSTNAME$/$SERVICEDESC$ $SERVICESTATE$\""
             " | /usr/bin/mail $CONTACTPAGER$"),
            ("process-host-perfdata", "/usr/bin/printf \"%b\" \"$LASTHOSTCHECK$\\t$HOSTNAME$\\t$HOSTPERFDATA$\\n\""
             f" >> {self.path('var', 'host-perfdata.out')}"),
            ("process-service-perfdata", "/usr/bin/printf \"%b\" \"$LASTSERVICECHECK$\\t$HOSTNAME$\\t"
             f"$SERVICEDESC$\\t$SERVICEPERFDATA$\\n\" >> {self.path('var', 'service-perfdata.out')}"),
        ]
        write(self.path("objects", "commands.cfg"),
              [block("command", [("command_name", n), ("command_line", c)]) for n, c in defs])
        self.count("commands", len(defs))

    def timeperiods(self):
        days = ["monday", "tuesday", "wednesday", "thursday", "friday"]
        blocks = [
            block("timeperiod", [("timeperiod_name", "24x7"), ("alias", "24 Hours A Day, 7 Days A Week")]
                  + [(d, "00:00-24:00") for d in days + ["saturday", "sunday"]]),
            block("timeperiod", [("name", "us-holidays"), ("timeperiod_name", "us-holidays"),
                                 ("alias", "U.S. Holidays"),
                                 ("january 1", "00:00-00:00"), ("monday -1 may", "00:00-00:00"),
                                 ("july 4", "00:00-00:00"), ("monday 1 september", "00:00-00:00"),
                                 ("thursday 4 november", "00:00-00:00"), ("december 25", "00:00-00:00")]),
            block("timeperiod", [("timeperiod_name", "workhours"), ("alias", "Normal Work Hours")]
                  + [(d, "09:00-17:00") for d in days] + [("exclude", "us-holidays")]),
            block("timeperiod", [("timeperiod_name", "nonworkhours"), ("alias", "Non-Work Hours")]
                  + [(d, "00:00-09:00,17:00-24:00") for d in days]
                  + [("saturday", "00:00-24:00"), ("sunday", "00:00-24:00")]),
            block("timeperiod", [("timeperiod_name", "24x7_sans_holidays"), ("alias", "24x7 Sans Holidays"),
                                 ("use", "us-holidays")]
                  + [(d, "00:00-24:00") for d in days + ["saturday", "sunday"]]),
            block("timeperiod", [("timeperiod_name", "maintenance"), ("alias", "Sunday Maintenance"),
                                 ("sunday", "02:00-04:00"), ("2026-12-31", "22:00-24:00")]),
            block("timeperiod", [("timeperiod_name", "never"), ("alias", "No Time Is A Good Time")]),
        ]
        write(self.path("objects", "timeperiods.cfg"), blocks)
        self.count("time periods", len(blocks))

    def contacts(self):
        blocks = [block("contact", [
            ("name", "generic-contact"),
            ("service_notification_period", "24x7"),
            ("host_notification_period", "24x7"),
            ("service_notification_options", "w,u,c,r,f,s"),
            ("host_notification_options", "d,u,r,f,s"),
            ("service_notification_commands", "notify-service-by-email"),
            ("host_notification_commands", "notify-host-by-email"),
            ("register", "0"),
        ])]
        members = {}
        for team in CONTACT_TEAMS:
            for n in range(1, CONTACTS_PER_TEAM + 1):
                name = f"{team}-{n}"
                members.setdefault(team, []).append(name)
                attrs = [("contact_name", name), ("use", "generic-contact"),
                         ("alias", f"{team.capitalize()} engineer {n}"),
                         ("email", f"{name}@example.org"), ("pager", f"+3120555{len(members) * 10 + n:04d}")]
                if team == "oncall":
                    attrs += [("service_notification_commands", "notify-service-by-email,notify-service-by-pager"),
                              ("host_notification_commands", "notify-host-by-email,notify-host-by-pager")]
                else:
                    attrs += [("service_notification_period", "workhours"), ("_SLACK", f"#team-{team}")]
                blocks.append(block("contact", attrs))
                self.count("contacts")
        for team, names in members.items():
            blocks.append(block("contactgroup", [("contactgroup_name", f"{team}-team"),
                                                 ("alias", f"{team.capitalize()} team"),
                                                 ("members", ",".join(names))]))
            self.count("contact groups")
        blocks.append(block("contactgroup", [("contactgroup_name", "admins"), ("alias", "All administrators"),
                                             ("contactgroup_members", "oncall-team"),
                                             ("members", "web-1,db-1")]))
        self.count("contact groups")
        write(self.path("objects", "contacts.cfg"), blocks)

    def templates(self):
        blocks = [
            block("host", [
                ("name", "generic-host"), ("notifications_enabled", "1"), ("event_handler_enabled", "1"),
                ("flap_detection_enabled", "1"), ("process_perf_data", "1"),
                ("retain_status_information", "1"), ("retain_nonstatus_information", "1"),
                ("check_period", "24x7"), ("check_interval", "5"), ("retry_interval", "1"),
                ("max_check_attempts", "10"), ("check_command", "check-host-alive"),
                ("notification_period", "24x7"), ("notification_interval", "120"),
                ("notification_options", "d,u,r"), ("contact_groups", "admins"), ("register", "0"),
            ]),
            block("host", [
                ("name", "linux-server"), ("use", "generic-host"), ("max_check_attempts", "5"),
                ("notification_period", "workhours"), ("notification_interval", "60"),
                ("_OS", "linux"), ("register", "0"),
            ]),
            block("host", [
                ("name", "network-switch"), ("use", "generic-host"), ("check_interval", "2"),
                ("notification_options", "d,r"), ("_OS", "ios"), ("register", "0"),
            ]),
            block("service", [
                ("name", "generic-service"), ("active_checks_enabled", "1"), ("passive_checks_enabled", "1"),
                ("parallelize_check", "1"), ("obsess_over_service", "1"), ("check_freshness", "0"),
                ("notifications_enabled", "1"), ("event_handler_enabled", "1"),
                ("flap_detection_enabled", "1"), ("process_perf_data", "1"),
                ("retain_status_information", "1"), ("retain_nonstatus_information", "1"),
                ("is_volatile", "0"), ("check_period", "24x7"), ("max_check_attempts", "3"),
                ("check_interval", "10"), ("retry_interval", "2"), ("contact_groups", "admins"),
                ("notification_options", "w,u,c,r"), ("notification_interval", "60"),
                ("notification_period", "24x7"), ("_RUNBOOK", "https://wiki.example.org/runbooks"),
                ("register", "0"),
            ]),
            block("service", [
                ("name", "critical-service"), ("use", "generic-service"), ("max_check_attempts", "2"),
                ("check_interval", "1"), ("retry_interval", "1"), ("notification_interval", "15"),
                ("_SLA", "gold"), ("register", "0"),
            ]),
            block("service", [
                ("name", "team-service"), ("use", "generic-service"), ("notification_period", "workhours"),
                ("_SLA", "silver"), ("register", "0"),
            ]),
        ]
        write(self.path("objects", "templates.cfg"), blocks)

    def hostgroups(self):
        blocks = []
        for role in ROLES:
            blocks.append(block("hostgroup", [("hostgroup_name", f"role-{role}"),
                                              ("alias", f"{role.capitalize()} servers"),
                                              ("notes", f"Hosts running the {role} tier")]))
        for site in SITES:
            members = [("members", ",".join(self.site_members[site]))] if self.site_members[site] else []
            blocks.append(block("hostgroup", [("hostgroup_name", f"site-{site}"),
                                              ("alias", f"Datacenter {site.upper()}")] + members))
        blocks.append(block("hostgroup", [("hostgroup_name", "all-sites"), ("alias", "All datacenters"),
                                          ("hostgroup_members", ",".join(f"site-{s}" for s in SITES))]))
        write(self.path("conf.d", "hostgroups.cfg"), blocks)
        self.count("host groups", len(blocks))

    def host_files(self):
        for start in range(0, self.hosts, HOSTS_PER_FILE):
            blocks = []
            for i in range(start, min(start + HOSTS_PER_FILE, self.hosts)):
                blocks.append(self.host(i))
                blocks += self.own_services(i)
            write(self.path("conf.d", f"hosts-{start // HOSTS_PER_FILE:03d}.cfg"), blocks)

    def host(self, i):
        role = ROLES[i % len(ROLES)]
        sw = switch_index(i)
        attrs = [("host_name", self.names[i]), ("alias", f"{role} server {i} in {self.names[i][-9:-6]}"),
                 ("address", f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}")]
        if i == sw:
            attrs += [("use", "network-switch,linux-server")]
        else:
            attrs += [("use", "linux-server"), ("parents", self.names[sw])]
        attrs += [("hostgroups", f"role-{role}"), ("contact_groups", f"+{role}-team"),
                  ("_RACK", f"R{i // HOSTS_PER_FILE:03d}"), ("_SERIAL", f"SN{self.rnd.randrange(16**8):08X}"),
                  ("_OWNER", f"{role}-team")]
        if i % 7 == 0:
            attrs += [("notes_url", f"https://cmdb.example.org/hosts/{self.names[i]}"),
                      ("icon_image", "linux40.png")]
        self.count("hosts")
        return block("host", attrs)

    def own_services(self, i):
        blocks = []
        for n in range(self.own_svc):
            if n < len(HOST_SERVICES):
                desc, cmd, tmpl, sg = HOST_SERVICES[n]
            else:
                k = n - len(HOST_SERVICES) + 1
                desc, cmd, tmpl, sg = (f"Interface eth{k}", f"check_snmp_if!{k}", "generic-service", "network")
            attrs = [("use", tmpl), ("host_name", self.names[i]), ("service_description", desc),
                     ("check_command", cmd), ("servicegroups", sg)]
            if n % 5 == 0:
                attrs.append(("_SLA", self.rnd.choice(["gold", "silver", "bronze"])))
            blocks.append(block("service", attrs))
            self.count("services")
        return blocks

    def role_services(self):
        blocks = []
        for role in ROLES:
            if not self.role_members[role]:
                continue  # nagios4 rejects a service on an empty hostgroup
            for desc, cmd, sg in ROLE_SERVICES[role][:self.role_svc]:
                blocks.append(block("service", [
                    ("use", "team-service"), ("hostgroup_name", f"role-{role}"),
                    ("service_description", desc), ("check_command", cmd),
                    ("servicegroups", sg), ("contact_groups", f"+{role}-team"),
                ]))
                self.count("services", len(self.role_members[role]))
        write(self.path("conf.d", "hostgroup-services.cfg"), blocks)

    def servicegroups(self):
        groups = [("network", "Network services"), ("system", "Operating system"),
                  ("storage", "Disks and file systems"), ("applications", "Applications"),
                  ("databases", "Databases")]
        blocks = [block("servicegroup", [("servicegroup_name", n), ("alias", a)]) for n, a in groups]
        # One hand-maintained group: explicit host,service pairs, as people write for dashboards.
        pairs = [f"{self.names[i]},PING" for i in range(0, self.hosts, max(1, self.hosts // 20))]
        blocks.append(block("servicegroup", [("servicegroup_name", "business-critical"),
                                             ("alias", "Business critical"), ("members", ",".join(pairs)),
                                             ("servicegroup_members", "databases")]))
        write(self.path("conf.d", "servicegroups.cfg"), blocks)
        self.count("service groups", len(blocks))

    def dependencies(self):
        blocks = []
        for sw in range(0, self.hosts, HOSTS_PER_FILE):
            for i in (sw + 1, sw + 2):
                if i >= self.hosts:
                    continue
                blocks.append(block("hostdependency", [
                    ("host_name", self.names[sw]), ("dependent_host_name", self.names[i]),
                    ("notification_failure_criteria", "d,u"), ("execution_failure_criteria", "n"),
                    ("dependency_period", "24x7"),
                ]))
                self.count("host dependencies")
            if sw + 1 < self.hosts:
                blocks.append(block("servicedependency", [
                    ("host_name", self.names[sw]), ("service_description", "PING"),
                    ("dependent_host_name", self.names[sw + 1]), ("dependent_service_description", "SSH"),
                    ("notification_failure_criteria", "c,u"), ("execution_failure_criteria", "n"),
                ]))
                self.count("service dependencies")
        write(self.path("conf.d", "dependencies.cfg"), blocks)

    def escalations(self):
        blocks = []
        # nagios4 4.4.6 crashes (SIGSEGV) on a hostescalation naming an empty hostgroup.
        if self.role_members["lb"]:
            blocks.append(block("hostescalation", [
                ("hostgroup_name", "role-lb"), ("first_notification", "3"), ("last_notification", "0"),
                ("notification_interval", "30"), ("contact_groups", "oncall-team"),
                ("escalation_period", "24x7"), ("escalation_options", "d,u,r"),
            ]))
            self.count("host escalations", len(self.role_members["lb"]))
        for i in range(0, self.hosts, max(1, self.hosts // 10)):
            blocks.append(block("hostescalation", [
                ("host_name", self.names[i]), ("first_notification", "2"), ("last_notification", "5"),
                ("notification_interval", "15"), ("contact_groups", "admins"),
            ]))
            self.count("host escalations")
        if self.role_svc > 0 and self.role_members["db"]:
            blocks.append(block("serviceescalation", [
                ("hostgroup_name", "role-db"), ("service_description", ROLE_SERVICES["db"][0][0]),
                ("first_notification", "2"), ("last_notification", "0"), ("notification_interval", "20"),
                ("contact_groups", "oncall-team,db-team"), ("escalation_options", "w,c,r"),
            ]))
            self.count("service escalations", len(self.role_members["db"]))
        for i in range(0, self.hosts, max(1, self.hosts // 10)):
            blocks.append(block("serviceescalation", [
                ("host_name", self.names[i]), ("service_description", "PING"),
                ("first_notification", "3"), ("last_notification", "6"), ("notification_interval", "10"),
                ("contacts", "oncall-1,oncall-2"), ("escalation_period", "nonworkhours"),
            ]))
            self.count("service escalations")
        write(self.path("conf.d", "escalations.cfg"), blocks)


def main(argv):
    parser = argparse.ArgumentParser(description="Generate a large Nagios 4 config for bench/verify.")
    parser.add_argument("out", help="directory to write into (created if missing)")
    parser.add_argument("hosts", nargs="?", type=int, default=5000)
    parser.add_argument("services_per_host", nargs="?", type=int, default=20)
    parser.add_argument("--no-large-installation-tweaks", dest="tweaks", action="store_false",
                        help="leave use_large_installation_tweaks off (Nagios then insertion-sorts "
                             "group members, which is quadratic in group size)")
    args = parser.parse_args(argv[1:])
    if args.hosts < 1 or args.services_per_host < 2:
        parser.error("need at least 1 host and 2 services per host")
    Generator(args.out, args.hosts, args.services_per_host, args.tweaks).run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
