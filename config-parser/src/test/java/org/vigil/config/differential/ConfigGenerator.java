package org.vigil.config.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Writes a random but Nagios-valid config from a seed: template graphs with several parents, +
 * and null values, custom variables in mixed case, nested groups with exclusions, services on
 * hosts, groups and wildcards, escalations and acyclic dependencies. Same seed, same config.
 */
final class ConfigGenerator {

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    private final int hosts;
    private final int hostTemplates;
    private final int hostGroups;
    private final int contacts;
    private final int contactGroups;
    private final int serviceTemplates;
    /**
     * Even seeds give every service definition its own description, so that no definition competes
     * with another for a host; odd seeds reuse five descriptions and so test which one wins.
     */
    private final boolean distinctServices;
    /** host,description of services defined by host_name only: safe targets for dependencies. */
    private final List<String[]> directServices = new ArrayList<>();

    ConfigGenerator(long seed) {
        random = new Random(seed);
        distinctServices = seed % 2 == 0;
        hosts = 3 + random.nextInt(8);
        hostTemplates = 1 + random.nextInt(5);
        hostGroups = 1 + random.nextInt(4);
        contacts = 1 + random.nextInt(4);
        contactGroups = 1 + random.nextInt(3);
        serviceTemplates = 1 + random.nextInt(4);
    }

    /** Writes {@code nagios.cfg} and {@code objects.cfg} into {@code dir}. */
    void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\n"
                + "illegal_macro_output_chars=`~$&|'\"<>\n");
        Files.writeString(dir.resolve("objects.cfg"), generate());
    }

    String generate() {
        basics();
        contactsAndGroups();
        hostTemplates();
        hostGroups();
        hosts();
        serviceTemplates();
        services();
        escalationsAndDependencies();
        return out.toString();
    }

    private void basics() {
        define("timeperiod", "timeperiod_name 24x7", "alias Always",
                "sunday 00:00-24:00", "monday 00:00-24:00", "tuesday 00:00-24:00", "wednesday 00:00-24:00",
                "thursday 00:00-24:00", "friday 00:00-24:00", "saturday 00:00-24:00");
        define("timeperiod", "timeperiod_name workhours", "alias Work", "monday 09:00-17:00,18:00-19:00",
                "friday 09:00-12:00");
        define("command", "command_name check_dummy", "command_line /usr/lib/nagios/plugins/check_dummy $ARG1$");
        define("command", "command_name notify", "command_line /bin/true $CONTACTEMAIL$");
    }

    private void contactsAndGroups() {
        define("contact", "name person", "register 0", "host_notification_period 24x7",
                "service_notification_period 24x7", "host_notification_commands notify",
                "service_notification_commands notify");
        for (int i = 0; i < contactGroups; i++) {
            List<String> lines = new ArrayList<>(List.of("contactgroup_name cg" + i, "alias Group " + i));
            if (i > 0 && chance(40)) {
                lines.add("contactgroup_members " + subset(i, n -> "cg" + n, false));
            }
            define("contactgroup", lines);
        }
        for (int i = 0; i < contacts; i++) {
            List<String> lines = new ArrayList<>(List.of("use person", "contact_name c" + i));
            lines.add("contactgroups " + subset(contactGroups, n -> "cg" + n, false));
            maybe(lines, 30, "email c" + i + "@example.org");
            maybe(lines, 30, "host_notification_options " + pick("d,u,r", "n", "d,r,f,s"));
            define("contact", lines);
        }
    }

    private void hostTemplates() {
        define("host", "name ht0", "register 0", "max_check_attempts 3", "check_period 24x7",
                "check_command check_dummy!0", "notification_period 24x7", "contact_groups cg0", "_ROOT root");
        for (int i = 1; i < hostTemplates; i++) {
            List<String> lines = new ArrayList<>(List.of("name ht" + i, "register 0", "use " + uses(i, "ht")));
            hostAttributes(lines, i);
            define("host", lines);
        }
    }

    private void hostAttributes(List<String> lines, int i) {
        maybe(lines, 40, "check_interval " + (1 + random.nextInt(9)));
        maybe(lines, 40, "notification_interval " + (random.nextInt(4) * 15));
        maybe(lines, 30, "notification_options " + pick("d,u,r", "d,r", "a", "n"));
        maybe(lines, 40, "contact_groups " + plus() + subset(contactGroups, n -> "cg" + n, false));
        maybe(lines, 25, "contacts " + plus() + subset(contacts, n -> "c" + n, false));
        maybe(lines, 40, "hostgroups " + plus() + subset(hostGroups, n -> "hg" + n, false));
        maybe(lines, 40, customName("ROLE") + " role" + i);
        maybe(lines, 20, customName("ROOT") + " overridden" + i);
        maybe(lines, 25, "notes " + pick("null", "notes of " + i));
        maybe(lines, 15, "notification_period " + pick("workhours", "24x7"));
        maybe(lines, 15, "event_handler_enabled 0");
    }

    private void hostGroups() {
        for (int i = 0; i < hostGroups; i++) {
            List<String> lines = new ArrayList<>(List.of("hostgroup_name hg" + i, "alias Host group " + i));
            maybe(lines, 40, "members " + subset(hosts, n -> "h" + n, true));
            if (i > 0 && chance(35)) {
                lines.add("hostgroup_members " + subset(i, n -> "hg" + n, false));
            }
            define("hostgroup", lines);
        }
    }

    private void hosts() {
        for (int i = 0; i < hosts; i++) {
            List<String> lines = new ArrayList<>(List.of("host_name h" + i, "address 10.0.0." + (i + 1),
                    "use " + uses(hostTemplates, "ht")));
            hostAttributes(lines, 100 + i);
            if (i > 0 && chance(40)) {
                lines.add("parents " + plus() + subset(i, n -> "h" + n, false));
            }
            define("host", lines);
        }
    }

    private void serviceTemplates() {
        define("service", "name st0", "register 0", "max_check_attempts 2", "check_interval 5", "retry_interval 1",
                "check_period 24x7", "check_command check_dummy!0", "_TIER gold");
        for (int i = 1; i < serviceTemplates; i++) {
            List<String> lines = new ArrayList<>(List.of("name st" + i, "register 0", "use " + uses(i, "st")));
            serviceAttributes(lines, i);
            define("service", lines);
        }
    }

    private void serviceAttributes(List<String> lines, int i) {
        maybe(lines, 30, "check_interval " + (1 + random.nextInt(9)));
        maybe(lines, 30, "notification_interval " + (random.nextInt(4) * 10));
        maybe(lines, 30, "contact_groups " + plus() + subset(contactGroups, n -> "cg" + n, false));
        maybe(lines, 20, "contacts " + plus() + subset(contacts, n -> "c" + n, false));
        maybe(lines, 30, "servicegroups " + plus() + "sg" + random.nextInt(2));
        maybe(lines, 30, customName("TIER") + " tier" + i);
        maybe(lines, 20, "notification_period " + pick("workhours", "24x7"));
        maybe(lines, 20, "notes " + pick("null", "service notes " + i));
        maybe(lines, 20, "notification_options " + pick("w,c,r", "c", "a"));
    }

    private void services() {
        define("servicegroup", "servicegroup_name sg0", "alias Service group 0");
        define("servicegroup", "servicegroup_name sg1", "alias Service group 1", "servicegroup_members sg0");
        int count = 3 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            int reused = random.nextInt(5);
            String description = "svc" + (distinctServices ? i : reused);
            List<String> lines = new ArrayList<>(List.of("use " + uses(serviceTemplates, "st"),
                    "service_description " + description));
            int target = random.nextInt(4);
            if (target == 0) {
                String list = subset(hosts, n -> "h" + n, false);
                lines.add("host_name " + list);
                for (String h : list.split(",")) {
                    directServices.add(new String[] {h, description});
                }
            } else if (target == 1) {
                lines.add("host_name *,!h" + random.nextInt(hosts));
            } else {
                // A host in the list as well keeps the definition from expanding to nothing.
                lines.add("hostgroup_name " + subset(hostGroups, n -> "hg" + n, false));
                lines.add("host_name h" + random.nextInt(hosts));
            }
            serviceAttributes(lines, 100 + i);
            define("service", lines);
        }
    }

    private void escalationsAndDependencies() {
        if (chance(60)) {
            List<String> lines = new ArrayList<>(List.of("hostgroup_name hg" + random.nextInt(hostGroups),
                    "host_name h" + random.nextInt(hosts), "first_notification " + (1 + random.nextInt(3)),
                    "last_notification " + random.nextInt(5)));
            maybe(lines, 50, "contact_groups cg" + random.nextInt(contactGroups));
            maybe(lines, 30, "escalation_options " + pick("d,r", "a", "u"));
            define("hostescalation", lines);
        }
        if (!directServices.isEmpty() && chance(70)) {
            String[] s = directServices.get(random.nextInt(directServices.size()));
            List<String> lines = new ArrayList<>(List.of("host_name " + s[0], "service_description " + s[1],
                    "first_notification 2", "last_notification 0"));
            maybe(lines, 50, "notification_interval " + random.nextInt(30));
            define("serviceescalation", lines);
        }
        if (directServices.size() >= 2 && chance(70)) {
            String[] master = directServices.get(0);
            String[] dependent = directServices.get(directServices.size() - 1);
            if (!(master[0].equals(dependent[0]) && master[1].equals(dependent[1]))) {
                define("servicedependency", "host_name " + master[0], "service_description " + master[1],
                        "dependent_host_name " + dependent[0], "dependent_service_description " + dependent[1],
                        "notification_failure_criteria " + pick("w,c", "c", "u,c,w"),
                        "execution_failure_criteria " + pick("c", "n", "w,c"));
            }
        }
        if (hosts > 1 && chance(60)) {
            define("hostdependency", "host_name h0", "dependent_host_name h" + (1 + random.nextInt(hosts - 1)),
                    "notification_failure_criteria " + pick("d", "d,u", "n"), "inherits_parent " + random.nextInt(2));
        }
    }

    /** One to three templates of lower index, so that the graph has no cycle and always reaches 0. */
    private String uses(int below, String prefix) {
        Set<String> names = new LinkedHashSet<>();
        int n = 1 + random.nextInt(Math.min(3, below));
        while (names.size() < n) {
            names.add(prefix + random.nextInt(below));
        }
        if (!names.contains(prefix + "0") && chance(30)) {
            names.add(prefix + "0");
        }
        return String.join(",", names);
    }

    /** A non-empty subset of {@code 0..size-1}; with {@code exclusions}, maybe a trailing !name. */
    private String subset(int size, IntFunction<String> name, boolean exclusions) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (chance(50)) {
                items.add(name.apply(i));
            }
        }
        if (items.isEmpty()) {
            items.add(name.apply(random.nextInt(size)));
        }
        if (exclusions && items.size() > 1 && chance(30)) {
            items.add("!" + items.get(0));
        }
        return String.join(",", items);
    }

    private String customName(String name) {
        return "_" + pick(name, name.toLowerCase(java.util.Locale.ROOT),
                name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT));
    }

    private String plus() {
        return chance(35) ? "+" : "";
    }

    private void maybe(List<String> lines, int percent, String line) {
        if (chance(percent)) {
            lines.add(line);
        }
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private void define(String type, String... lines) {
        define(type, List.of(lines));
    }

    private void define(String type, List<String> lines) {
        out.append("define ").append(type).append(" {\n");
        for (String line : lines) {
            int space = line.indexOf(' ');
            out.append("    ").append(String.format("%-30s", line.substring(0, space)))
                    .append(line.substring(space + 1)).append('\n');
        }
        out.append("}\n\n");
    }
}
