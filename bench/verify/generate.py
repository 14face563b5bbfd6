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
import os
import random
import sys

import fixed_objects
from cfgout import Output, block, write

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


def host_name(i):
    return f"{ROLES[i % len(ROLES)]}-{SITES[(i // len(ROLES)) % len(SITES)]}-{i:05d}"


def switch_index(i):
    """Each file of 100 hosts hangs off its first host, the rack's switch."""
    return i - i % HOSTS_PER_FILE


class Generator:
    """Writes the objects whose number grows with HOSTS and SERVICES_PER_HOST."""

    def __init__(self, out, hosts, per_host):
        self.out = out
        self.hosts = hosts
        self.rnd = random.Random(f"{hosts}x{per_host}")
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

    def run(self):
        self.hostgroups()
        self.host_files()
        self.role_services()
        self.servicegroups()
        self.dependencies()
        self.escalations()

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
        write(self.out.path("conf.d", "hostgroups.cfg"), blocks)
        self.out.count("host groups", len(blocks))

    def host_files(self):
        for start in range(0, self.hosts, HOSTS_PER_FILE):
            blocks = []
            for i in range(start, min(start + HOSTS_PER_FILE, self.hosts)):
                blocks.append(self.host(i))
                blocks += self.own_services(i)
            write(self.out.path("conf.d", f"hosts-{start // HOSTS_PER_FILE:03d}.cfg"), blocks)

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
        self.out.count("hosts")
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
            self.out.count("services")
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
                self.out.count("services", len(self.role_members[role]))
        write(self.out.path("conf.d", "hostgroup-services.cfg"), blocks)

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
        write(self.out.path("conf.d", "servicegroups.cfg"), blocks)
        self.out.count("service groups", len(blocks))

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
                self.out.count("host dependencies")
            if sw + 1 < self.hosts:
                blocks.append(block("servicedependency", [
                    ("host_name", self.names[sw]), ("service_description", "PING"),
                    ("dependent_host_name", self.names[sw + 1]), ("dependent_service_description", "SSH"),
                    ("notification_failure_criteria", "c,u"), ("execution_failure_criteria", "n"),
                ]))
                self.out.count("service dependencies")
        write(self.out.path("conf.d", "dependencies.cfg"), blocks)

    def escalations(self):
        blocks = []
        # nagios4 4.4.6 crashes (SIGSEGV) on a hostescalation naming an empty hostgroup.
        if self.role_members["lb"]:
            blocks.append(block("hostescalation", [
                ("hostgroup_name", "role-lb"), ("first_notification", "3"), ("last_notification", "0"),
                ("notification_interval", "30"), ("contact_groups", "oncall-team"),
                ("escalation_period", "24x7"), ("escalation_options", "d,u,r"),
            ]))
            self.out.count("host escalations", len(self.role_members["lb"]))
        for i in range(0, self.hosts, max(1, self.hosts // 10)):
            blocks.append(block("hostescalation", [
                ("host_name", self.names[i]), ("first_notification", "2"), ("last_notification", "5"),
                ("notification_interval", "15"), ("contact_groups", "admins"),
            ]))
            self.out.count("host escalations")
        if self.role_svc > 0 and self.role_members["db"]:
            blocks.append(block("serviceescalation", [
                ("hostgroup_name", "role-db"), ("service_description", ROLE_SERVICES["db"][0][0]),
                ("first_notification", "2"), ("last_notification", "0"), ("notification_interval", "20"),
                ("contact_groups", "oncall-team,db-team"), ("escalation_options", "w,c,r"),
            ]))
            self.out.count("service escalations", len(self.role_members["db"]))
        for i in range(0, self.hosts, max(1, self.hosts // 10)):
            blocks.append(block("serviceescalation", [
                ("host_name", self.names[i]), ("service_description", "PING"),
                ("first_notification", "3"), ("last_notification", "6"), ("notification_interval", "10"),
                ("contacts", "oncall-1,oncall-2"), ("escalation_period", "nonworkhours"),
            ]))
            self.out.count("service escalations")
        write(self.out.path("conf.d", "escalations.cfg"), blocks)


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
    out = Output(args.out)
    for d in ("objects", "conf.d", "var", "var/spool/checkresults", "var/rw", "var/tmp"):
        os.makedirs(out.path(d), exist_ok=True)
    fixed_objects.main_config(out, args.tweaks)
    fixed_objects.commands(out)
    fixed_objects.timeperiods(out)
    fixed_objects.contacts(out, CONTACT_TEAMS)
    fixed_objects.templates(out)
    Generator(out, args.hosts, args.services_per_host).run()
    out.write_counts()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
