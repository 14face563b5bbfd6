package org.vigil.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 22's move between engines, both ways, through the real programs. Nagios 4.4.6 takes passive results (two
 * notified problems, one acknowledged sticky), an active check that keeps failing, comments, and a fixed, a triggered
 * and a flexible downtime; it writes retention.dat as it stops. {@code vigil import-nagios-state} loads it, and
 * {@code vigil run} must show Nagios's last status.dat on those fields, and notify nothing at its start (its first
 * check of the failing service finds a problem Nagios had notified). Then {@code vigil export-nagios-state} writes a
 * retention.dat on which a new Nagios starts with the same acknowledgements, comments and downtimes.
 */
class NagiosStateTakeoverTest {

    /** What must match on every host and service. */
    private static final List<String> STATE = List.of("current_state", "state_type", "current_attempt",
            "last_hard_state", "plugin_output", "last_state_change", "last_hard_state_change",
            "problem_has_been_acknowledged", "acknowledgement_type", "current_notification_number",
            "last_notification", "scheduled_downtime_depth", "notifications_enabled", "active_checks_enabled");
    private static final List<String> COMMENT = List.of("entry_type", "author", "comment_data", "persistent",
            "source", "expires", "entry_time");
    private static final List<String> DOWNTIME = List.of("downtime_id", "triggered_by", "fixed", "start_time",
            "end_time", "duration", "is_in_effect", "author", "comment", "entry_time");

    @Test
    void vigilStartsWhereNagiosStoppedAndBack() throws Exception {
        Scenario s = Scenario.read(Path.of(getClass().getResource("/takeover").toURI()));
        Path nagiosStatus;
        try (EngineProcess nagios = new EngineProcess.Nagios("nagios", ScenarioRun.workDir("takeover", "nagios"))) {
            nagios.prepare(s);
            nagios.start();
            nagiosStatus = runNagios(nagios);
        }
        Map<String, List<String>> before = status(nagiosStatus);

        try (EngineProcess vigil = withoutCdsTraining(ScenarioRun.workDir("takeover", "vigil"))) {
            vigil.prepare(s);
            Cli imported = cli("import-nagios-state", nagiosStatus.resolveSibling("var/retention.dat").toString(),
                    vigil.dir.resolve("nagios.cfg").toString());
            assertThat(imported.code).as(imported.output).isZero();
            assertThat(imported.output).contains("took:", "1 acknowledgements", "3 downtimes", "1 downtimes: triggered",
                    "4 services", "2 hosts");
            long started = System.currentTimeMillis() / 1000;
            vigil.start();
            awaitCheckedSince(vigil, "web1;db", started);
            EngineProcess.sleep(1500); // a notification decided at that check would be recorded by now
            vigil.snapshotStatus();
            assertThat(vigil.dir.resolve("var/notifications.log")).as("Vigil notified at its start").doesNotExist();
            Map<String, List<String>> after = status(vigil.dir.resolve("status.final"));
            assertSame(before, after, "Vigil after the import");

            Cli refused = cli("import-nagios-state", nagiosStatus.resolveSibling("var/retention.dat").toString(),
                    vigil.dir.resolve("nagios.cfg").toString());
            assertThat(refused.code).isEqualTo(1);
            assertThat(refused.output).contains("a daemon runs on this config");
            vigil.stop();

            Path exported = vigil.dir.resolve("exported-retention.dat");
            Cli export = cli("export-nagios-state", exported.toString(), vigil.dir.resolve("nagios.cfg").toString());
            assertThat(export.code).as(export.output).isZero();
            try (EngineProcess back = new EngineProcess.Nagios("nagios-back", ScenarioRun.workDir("takeover",
                    "nagios-back"))) {
                back.prepare(s);
                Files.createDirectories(back.dir.resolve("var"));
                Files.copy(exported, back.dir.resolve("var/retention.dat"));
                back.start();
                EngineProcess.sleep(2500); // status_update_interval=1: its status.dat is written by then
                back.snapshotStatus();
                Map<String, List<String>> again = status(back.dir.resolve("status.final"));
                assertThat(entries(again, "comment")).as("comments in Nagios on Vigil's export")
                        .isEqualTo(entries(before, "comment"));
                assertThat(entries(again, "downtime")).as("downtimes in Nagios on Vigil's export")
                        .isEqualTo(entries(before, "downtime"));
                for (String object : List.of("web1;app", "web1;disk", "web1;db", "db1", "db1;backup")) {
                    assertThat(pick(again.get(object), "problem_has_been_acknowledged", "acknowledgement_type",
                            "current_state", "current_notification_number", "scheduled_downtime_depth"))
                            .as("%s in Nagios on Vigil's export", object)
                            .isEqualTo(pick(before.get(object), "problem_has_been_acknowledged",
                                    "acknowledgement_type", "current_state", "current_notification_number",
                                    "scheduled_downtime_depth"));
                }
                back.stop();
            }
        }
    }

    /**
     * Vigil without bin/vigil's class-data-sharing training run, which the first start after a build does and which
     * took longer than the start's 40 s on a loaded machine: how fast Vigil starts is not this test's subject.
     */
    private static EngineProcess withoutCdsTraining(Path dir) {
        return new EngineProcess.Vigil("vigil", dir) {
            @Override
            Map<String, String> environment() {
                Map<String, String> env = new java.util.HashMap<>(super.environment());
                env.put("VIGIL_CDS", "0");
                return env;
            }
        };
    }

    /** Nagios's part: results, acknowledgement, comments, downtimes; its status.dat copied; stopped. */
    private static Path runNagios(EngineProcess nagios) throws IOException, InterruptedException {
        long now = System.currentTimeMillis() / 1000;
        nagios.command("[" + now + "] PROCESS_SERVICE_CHECK_RESULT;web1;app;2;CRITICAL - app down");
        nagios.command("[" + now + "] PROCESS_SERVICE_CHECK_RESULT;web1;disk;1;WARNING - disk 91%");
        Duration wait = Duration.ofSeconds(20);
        nagios.awaitLog(1, "SERVICE NOTIFICATION: oncall;web1;app;CRITICAL", wait);
        nagios.awaitLog(1, "SERVICE NOTIFICATION: oncall;web1;disk;WARNING", wait);
        nagios.awaitLog(1, "SERVICE NOTIFICATION: oncall;web1;db;CRITICAL", wait);
        now = System.currentTimeMillis() / 1000; // the triggered downtime waits for its trigger's start: both ahead
        nagios.command("[" + now + "] ACKNOWLEDGE_SVC_PROBLEM;web1;app;2;1;1;alice;looking into it");
        nagios.command("[" + now + "] ADD_HOST_COMMENT;web1;1;bob;web1 moves racks on Friday");
        nagios.command("[" + now + "] ADD_SVC_COMMENT;web1;disk;1;carol;a bigger disk is ordered");
        nagios.command("[" + now + "] SCHEDULE_HOST_DOWNTIME;db1;" + (now + 3) + ";" + (now + 3600)
                + ";1;0;0;dave;db1 maintenance");
        nagios.command("[" + now + "] SCHEDULE_SVC_DOWNTIME;db1;backup;" + (now + 3) + ";" + (now + 3600)
                + ";1;1;0;dave;backup paused with db1");
        nagios.command("[" + now + "] SCHEDULE_SVC_DOWNTIME;web1;disk;" + (now + 7200) + ";" + (now + 10800)
                + ";0;0;1800;erin;disk swap window");
        nagios.awaitLog(1, "SERVICE NOTIFICATION: oncall;web1;app;ACKNOWLEDGEMENT (CRITICAL)", wait);
        nagios.awaitLog(1, "HOST DOWNTIME ALERT: db1;STARTED", wait);
        nagios.awaitLog(1, "SERVICE DOWNTIME ALERT: db1;backup;STARTED", wait);
        EngineProcess.sleep(2500); // status_update_interval=1: status.dat holds all of it by then
        nagios.snapshotStatus();
        nagios.stop();
        assertThat(nagios.dir.resolve("var/retention.dat")).exists();
        return nagios.dir.resolve("status.final");
    }

    private static void assertSame(Map<String, List<String>> nagios, Map<String, List<String>> vigil, String what) {
        for (String object : List.of("web1", "db1", "web1;app", "web1;disk", "web1;db", "db1;backup")) {
            List<String> fields = new ArrayList<>(STATE);
            if (!object.equals("web1;db") && !object.equals("web1") && !object.equals("db1")) {
                fields.add("last_check"); // the others Vigil checks again at its start
            }
            assertThat(pick(vigil.get(object), fields.toArray(String[]::new))).as("%s: %s", what, object)
                    .isEqualTo(pick(nagios.get(object), fields.toArray(String[]::new)));
        }
        assertThat(entries(vigil, "comment")).as("%s: comments", what).isEqualTo(entries(nagios, "comment"));
        assertThat(entries(vigil, "downtime")).as("%s: downtimes", what).isEqualTo(entries(nagios, "downtime"));
    }

    /** Comments or downtimes, each as its object and the fields compared (not comment ids: Vigil has one sequence). */
    private static TreeSet<String> entries(Map<String, List<String>> status, String kind) {
        TreeSet<String> out = new TreeSet<>();
        status.forEach((key, fields) -> {
            if (key.startsWith(kind + " ")) {
                List<String> compared = new ArrayList<>(kind.equals("comment") ? COMMENT : DOWNTIME);
                if (fields.contains("entry_type=2")) {
                    compared.remove("entry_time"); // Nagios makes a downtime's comment again as it reads the downtime
                }
                out.add(key.substring(0, key.indexOf('#')) + " " + pick(fields, compared.toArray(String[]::new)));
            }
        });
        return out;
    }

    private static List<String> pick(List<String> fields, String... names) {
        assertThat(fields).as("object missing from status.dat").isNotNull();
        List<String> out = new ArrayList<>();
        for (String name : names) {
            out.add(fields.stream().filter(f -> f.startsWith(name + "=")).findFirst().orElse(name + "=(absent)"));
        }
        return out;
    }

    /**
     * status.dat by block: hosts as their name, services as {@code host;service}, comments and downtimes as
     * {@code comment host[;service]#n} with every field.
     */
    static Map<String, List<String>> status(Path file) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        Map<String, String> fields = new LinkedHashMap<>();
        String block = null;
        int n = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.endsWith("{")) {
                block = line.substring(0, line.length() - 1).strip();
                fields.clear();
            } else if (line.equals("}") && block != null) {
                String object = fields.get("host_name") + (fields.containsKey("service_description")
                        ? ";" + fields.get("service_description") : "");
                List<String> values = fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
                if (block.equals("hoststatus") || block.equals("servicestatus")) {
                    out.put(object, values);
                } else if (block.endsWith("comment")) {
                    out.put("comment " + object + "#" + n++, values);
                } else if (block.endsWith("downtime")) {
                    out.put("downtime " + object + "#" + n++, values);
                }
                block = null;
            } else if (block != null && line.contains("=")) {
                fields.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return out;
    }

    /** Waits until status.dat shows {@code object} checked at or after {@code since}. */
    private static void awaitCheckedSince(EngineProcess engine, String object, long since) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Path file = engine.dir.resolve("var/status.dat");
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> f = status(file).get(object);
                if (f != null && Long.parseLong(pick(f, "last_check").get(0).substring(11)) >= since) {
                    return;
                }
            }
            EngineProcess.sleep(200);
        }
        throw new AssertionError(object + " was not checked by " + engine.label + " within 30 s\n" + engine.tail());
    }

    private record Cli(int code, String output) {
    }

    /** Runs {@code bin/vigil ARGS} as a user would, its output and errors together. */
    private static Cli cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(EngineProcess.Vigil.ROOT.resolve("bin/vigil").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("VIGIL_JAVA_OPTS", "-Xmx160m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("vigil " + String.join(" ", args) + " did not end within 60 s:\n" + output);
        }
        System.out.println("vigil " + args[0] + ":\n" + output);
        return new Cli(p.exitValue(), output);
    }
}
