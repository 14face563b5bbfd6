package org.vigil.config.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes a random config, from a seed, in which a few service descriptions are defined many times:
 * on host lists with {@code *} and exclusions, on host groups (listed, declared by the hosts, nested,
 * empty, excluded), through templates, over two files. Each definition has its own check command and
 * a service group, so both sides of the duplicate rule show in the objects cache.
 */
final class DuplicateServiceConfigs {

    private static final String FIXED = """
            define command {
                command_name check_dummy
                command_line /bin/true $ARG1$
            }
            define timeperiod {
                timeperiod_name 24x7
                alias always
                monday 00:00-24:00
            }
            define contact {
                contact_name admin
                host_notification_period 24x7
                service_notification_period 24x7
                host_notification_commands check_dummy
                service_notification_commands check_dummy
            }
            define host {
                name hh
                register 0
                address 127.0.0.1
                max_check_attempts 3
                check_period 24x7
                check_command check_dummy
                notification_period 24x7
                contacts admin
            }
            define host {
                name in-g0
                register 0
                hostgroups g0
            }
            define service {
                name p
                register 0
                max_check_attempts 3
                check_period 24x7
                notification_period 24x7
            }
            define service {
                name on-hosts
                register 0
                host_name h0,h1
            }
            define service {
                name on-group
                register 0
                hostgroup_name g0
            }
            define servicegroup {
                servicegroup_name sg0
            }
            define servicegroup {
                servicegroup_name sg1
            }
            define servicegroup {
                servicegroup_name sg2
            }
            """;

    private final Random random;
    private final List<String> hosts = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();

    DuplicateServiceConfigs(long seed) {
        random = new Random(seed);
        for (int i = 2 + random.nextInt(5); i > 0; i--) {
            hosts.add("h" + hosts.size());
        }
        for (int i = 1 + random.nextInt(5); i > 0; i--) {
            groups.add("g" + groups.size());
        }
    }

    /** Writes {@code nagios.cfg}, {@code objects.cfg} and {@code more.cfg} (the later services) into {@code dir}. */
    void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\ncfg_file=more.cfg\n"
                + "illegal_macro_output_chars=`~$&|'\"<>\n");
        StringBuilder first = new StringBuilder(FIXED);
        hostsAndGroups(first);
        StringBuilder second = new StringBuilder();
        int services = 4 + random.nextInt(8);
        for (int s = 0; s < services; s++) {
            service(s < services / 2 ? first : second, s);
        }
        Files.writeString(dir.resolve("objects.cfg"), first);
        Files.writeString(dir.resolve("more.cfg"), second);
    }

    private void hostsAndGroups(StringBuilder out) {
        for (String h : shuffled(hosts)) {
            out.append("define host {\n use ").append(random.nextInt(4) == 0 ? "in-g0,hh" : "hh")
                    .append("\n host_name ").append(h).append('\n');
            optional(out, "hostgroups", pick(groups, random.nextInt(3)));
            out.append("}\n");
        }
        List<String> order = shuffled(groups);
        for (int i = 0; i < order.size(); i++) {
            out.append("define hostgroup {\n hostgroup_name ").append(order.get(i)).append('\n');
            List<String> members = pick(hosts, random.nextInt(3));
            if (random.nextInt(6) == 0) {
                members.add(random.nextInt(members.size() + 1), "*");
            }
            optional(out, "members", members);
            // only groups defined earlier, so that nesting has no loop
            optional(out, "hostgroup_members", pick(order.subList(0, i), random.nextInt(3)));
            out.append("}\n");
        }
    }

    private void service(StringBuilder out, int number) {
        String use = random.nextInt(5) != 0 ? "p" : random.nextBoolean() ? "on-hosts,p" : "on-group,p";
        out.append("define service {\n use ").append(use)
                .append("\n service_description S").append(random.nextInt(3))
                .append("\n check_command check_dummy!").append(number)
                .append("\n servicegroups sg").append(random.nextInt(3)).append('\n');
        // 0: hosts, 1: groups, 2: both, 3 and 4 (with a template only): what the template says
        int kind = use.equals("p") ? random.nextInt(3) : 2 + random.nextInt(3);
        if (kind == 0 || kind == 2) {
            out.append(" host_name ").append(list(hosts)).append('\n');
        }
        if (kind == 1 || kind == 2) {
            out.append(" hostgroup_name ").append(list(groups)).append('\n');
        }
        out.append("}\n");
    }

    private String list(List<String> names) {
        List<String> items = pick(names, 1 + random.nextInt(3));
        if (random.nextInt(5) == 0) {
            items.add(random.nextInt(items.size() + 1), "*");
        }
        if (random.nextInt(4) == 0) {
            items.add(random.nextInt(items.size() + 1), "!" + names.get(random.nextInt(names.size())));
        }
        return String.join(",", items);
    }

    private static void optional(StringBuilder out, String key, List<String> values) {
        if (!values.isEmpty()) {
            out.append(' ').append(key).append(' ').append(String.join(",", values)).append('\n');
        }
    }

    private List<String> pick(List<String> from, int n) {
        List<String> s = shuffled(from);
        return new ArrayList<>(s.subList(0, Math.min(n, s.size())));
    }

    private List<String> shuffled(List<String> from) {
        List<String> s = new ArrayList<>(from);
        Collections.shuffle(s, random);
        return s;
    }
}
