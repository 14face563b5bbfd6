package org.vigil.livestatus.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.livestatus.query.QueryContext;
import org.vigil.livestatus.query.Table;

/**
 * The log and statehist tables read a log that Nagios 4.4.6 itself wrote: Debian's nagios4 runs the fixture's
 * objects, takes a passive critical result, a host's down result and a service downtime through its command file,
 * and stops; each kind of line it wrote (program, initial states, commands, passive checks, alerts, downtime
 * alerts) is split into the columns Livestatus gives it, and the state history follows the alerts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NagiosLogTest {

    private static final Path NAGIOS = Path.of("/usr/sbin/nagios4");

    private Path nagiosDir;
    private LiveFixture f;
    private LiveTables tables;
    private long start;

    @BeforeAll
    void run(@TempDir Path dir) throws Exception {
        assertThat(NAGIOS).as("Debian's nagios4-core, which bin/test installs").isExecutable();
        nagiosDir = dir.resolve("nagios");
        Files.createDirectories(nagiosDir.resolve("var/archives"));
        Files.writeString(nagiosDir.resolve("objects.cfg"), LiveFixture.OBJECTS);
        Path var = nagiosDir.resolve("var");
        Files.writeString(nagiosDir.resolve("nagios.cfg"), String.join("\n",
                "cfg_file=" + nagiosDir.resolve("objects.cfg"), "log_file=" + var.resolve("nagios.log"),
                "log_archive_path=" + var.resolve("archives"), "status_file=" + var.resolve("status.dat"),
                "command_file=" + var.resolve("nagios.cmd"), "lock_file=" + var.resolve("nagios.lock"),
                "temp_file=" + var.resolve("nagios.tmp"), "temp_path=" + var, "check_result_path=" + var,
                "query_socket=" + var.resolve("nagios.qh"), "object_cache_file=" + var.resolve("objects.cache"),
                "precached_object_file=" + var.resolve("objects.precache"), "state_retention_file="
                        + var.resolve("retention.dat"), "retain_state_information=0", "nagios_user=root",
                "nagios_group=root", "check_external_commands=1", "log_initial_states=1", "log_passive_checks=1",
                "log_notifications=1", "interval_length=60", "use_timezone=UTC",
                "illegal_macro_output_chars=`~$&|'\"<>", "") + "\n");
        start = Instant.now().getEpochSecond();
        Process nagios = new ProcessBuilder(NAGIOS.toString(), nagiosDir.resolve("nagios.cfg").toString())
                .directory(nagiosDir.toFile()).redirectErrorStream(true)
                .redirectOutput(nagiosDir.resolve("stdout.txt").toFile()).start();
        try {
            await(var.resolve("nagios.log"), "Successfully launched command file worker");
            long now = Instant.now().getEpochSecond();
            command(var, "PROCESS_SERVICE_CHECK_RESULT;web1;http;2;connection refused");
            await(var.resolve("nagios.log"), "SERVICE ALERT: web1;http;CRITICAL");
            command(var, "PROCESS_HOST_CHECK_RESULT;web1;1;web1 down");
            await(var.resolve("nagios.log"), "HOST ALERT: web1;DOWN");
            command(var, "SCHEDULE_SVC_DOWNTIME;web2;http;" + now + ";" + (now + 3600) + ";1;0;0;ops;patching");
            await(var.resolve("nagios.log"), "SERVICE DOWNTIME ALERT: web2;http;STARTED");
        } finally {
            nagios.destroy();
            if (!nagios.waitFor(20, TimeUnit.SECONDS)) {
                nagios.destroyForcibly();
            }
        }
        // the tables read nagios4's log; the current objects come from a Vigil engine on the same configuration
        f = new LiveFixture(dir.resolve("vigil"));
        tables = LiveTables.of(ConfigLoader.load(nagiosDir.resolve("nagios.cfg")).mainConfig());
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private static void command(Path var, String command) throws IOException {
        Files.writeString(var.resolve("nagios.cmd"), "[" + Instant.now().getEpochSecond() + "] " + command + "\n",
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static void await(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nagios4 did not log '" + text + "' in 60 s; its log:\n"
                + (Files.exists(log) ? Files.readString(log) : "(none)"));
    }

    private List<Map<String, Object>> log() {
        Table<?> t = tables.table("log").orElseThrow();
        return LiveFixture.rows(t, f.context());
    }

    private Map<String, Object> first(String type, String host) {
        return log().stream().filter(r -> r.get("type").equals(type) && r.get("host_name").equals(host))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " of " + host + " in " + log()));
    }

    @Test
    void nagiosProgramLinesAreClassTwo() {
        assertThat(log()).filteredOn(r -> ((String) r.get("type")).startsWith("Nagios 4.4.6 starting..."))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("class", 2L));
        assertThat(log()).filteredOn(r -> r.get("type").equals("LOG VERSION: 2.0")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("class", 2L));
        assertThat(log()).extracting(r -> (Long) r.get("time")).allSatisfy(t -> assertThat(t)
                .isBetween(start - 1, Instant.now().getEpochSecond()));
    }

    @Test
    void initialStatesAreClassSixWithTheirState() {
        Map<String, Object> db1 = first("INITIAL HOST STATE", "db1");
        assertThat(db1).containsEntry("class", 6L).containsEntry("state", 0L).containsEntry("state_type", "HARD")
                .containsEntry("attempt", 1L);
        assertThat(log()).filteredOn(r -> r.get("type").equals("INITIAL SERVICE STATE")).hasSize(6)
                .allSatisfy(r -> assertThat(r).containsEntry("class", 6L));
    }

    @Test
    void aPassiveResultIsACommandAPassiveCheckAndAnAlert() {
        // as Livestatus: a command's host and service are taken for commands named *_HOST* or *_SVC* only
        Map<String, Object> command = log().stream().filter(r -> r.get("type").equals("EXTERNAL COMMAND")
                && ((String) r.get("options")).startsWith("PROCESS_SERVICE_CHECK_RESULT")).findFirst().orElseThrow();
        assertThat(command).containsEntry("class", 5L).containsEntry("host_name", "")
                .containsEntry("options", "PROCESS_SERVICE_CHECK_RESULT;web1;http;2;connection refused");
        Map<String, Object> downtime = log().stream().filter(r -> r.get("type").equals("EXTERNAL COMMAND")
                && ((String) r.get("options")).startsWith("SCHEDULE_SVC_DOWNTIME")).findFirst().orElseThrow();
        assertThat(downtime).containsEntry("class", 5L).containsEntry("host_name", "web2")
                .containsEntry("service_description", "http");
        // nagios4 4.4.6 logs a passive check before reading its result: state 0, output "(null)"
        assertThat(first("PASSIVE SERVICE CHECK", "web1")).containsEntry("class", 4L).containsEntry("state", 0L)
                .containsEntry("service_description", "http").containsEntry("plugin_output", "(null)");
        assertThat(first("SERVICE ALERT", "web1")).containsEntry("class", 1L).containsEntry("state", 2L)
                .containsEntry("state_type", "HARD").containsEntry("attempt", 1L)
                .containsEntry("plugin_output", "connection refused").containsEntry("current_service_description",
                        "http").containsEntry("current_host_address", "10.0.0.1");
        assertThat(first("HOST ALERT", "web1")).containsEntry("class", 1L).containsEntry("state", 1L)
                .containsEntry("plugin_output", "web1 down");
    }

    @Test
    void aDowntimeAlertShowsInTheStateHistory() {
        assertThat(first("SERVICE DOWNTIME ALERT", "web2")).containsEntry("class", 1L)
                .containsEntry("state_type", "STARTED").containsEntry("service_description", "http");
        Table<?> hist = tables.table("statehist").orElseThrow();
        QueryContext ctx = f.context();
        List<Map<String, Object>> web2 = LiveFixture.rows(hist, ctx).stream().filter(r -> r.get("host_name")
                .equals("web2") && r.get("service_description").equals("http")).toList();
        assertThat(web2).extracting(r -> r.get("state"), r -> r.get("in_downtime")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0L, 0L), org.assertj.core.groups.Tuple.tuple(0L, 1L));
        List<Map<String, Object>> http = LiveFixture.rows(hist, ctx).stream().filter(r -> r.get("host_name")
                .equals("web1") && r.get("service_description").equals("http")).toList();
        // the OK period of web1/http lasted no second: its initial state and the alert came in the same one
        assertThat(http).extracting(r -> r.get("state"), r -> r.get("host_down")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0L, 0L), org.assertj.core.groups.Tuple.tuple(2L, 0L),
                org.assertj.core.groups.Tuple.tuple(2L, 1L));
    }
}
