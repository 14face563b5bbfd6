package org.vigil.livestatus.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.command.CommandType;
import org.vigil.livestatus.query.Queries;
import org.vigil.livestatus.query.Request;

/**
 * The exact requests Thruk's tactical overview, host list and service list and Nagstamon's Livestatus monitor send
 * (src/test/resources/clients, with their source files and commits), answered by the query language over these
 * tables, with each answer checked against the engine's state.
 *
 * <p>Hosts: web1 DOWN acknowledged, web2 UP, db1 pending. Services: web1/http CRITICAL on a down host, web2/http
 * WARNING in downtime, web1/disk OK, web2/disk UNKNOWN with notifications off, db1/pg WARNING, db1/disk pending.
 * Results are passive and active checks off, so checked objects count as passive ones with active checks
 * disabled, never-checked ones as active.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientQueriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private LiveFixture f;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new LiveFixture(dir);
        f.call(CommandType.PROCESS_HOST_CHECK_RESULT, "web1", "1", "web1 down");
        f.call(CommandType.PROCESS_HOST_CHECK_RESULT, "web2", "0", "web2 up");
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "web1", "http", "2", "http down");
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "web2", "http", "1", "http slow");
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "web1", "disk", "0", "disk ok");
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "web2", "disk", "3", "disk unknown");
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "db1", "pg", "1", "pg slow");
        f.call(CommandType.ACKNOWLEDGE_HOST_PROBLEM, "web1", "2", "0", "1", "ops", "on it");
        f.call(CommandType.DISABLE_SVC_NOTIFICATIONS, "web2", "disk");
        long now = Instant.now().getEpochSecond();
        f.call(CommandType.SCHEDULE_SVC_DOWNTIME, "web2", "http", Long.toString(now - 1), Long.toString(now + 3600),
                "1", "0", "0", "ops", "patching");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!f.snapshot().downtimes().get(0).inEffect() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void thruksTacticalOverviewHostStats() throws Exception {
        Map<String, Long> stats = stats("thruk-tac-host-stats");
        Map<String, Long> expected = new LinkedHashMap<>();
        counts(expected, "total 3, total_active 1, total_passive 2, pending 1, plain_pending 1, pending_and_disabled 1,"
                + " pending_and_scheduled 0, up 1, plain_up 1, up_and_disabled_active 0, up_and_disabled_passive 1,"
                + " up_and_scheduled 0, down 1, plain_down 0, down_and_ack 1, down_and_scheduled 0,"
                + " down_and_disabled_active 0, down_and_disabled_passive 1, down_and_unhandled 0, unreachable 0,"
                + " plain_unreachable 0, unreachable_and_ack 0, unreachable_and_scheduled 0,"
                + " unreachable_and_disabled_active 0, unreachable_and_disabled_passive 0,"
                + " unreachable_and_unhandled 0, flapping 0, flapping_disabled 0, notifications_disabled 0,"
                + " eventhandler_disabled 0, active_checks_disabled_active 1, active_checks_disabled_passive 2,"
                + " passive_checks_disabled 0, outages 1");
        assertThat(stats).isEqualTo(expected);
    }

    @Test
    void thruksTacticalOverviewServiceStats() throws Exception {
        Map<String, Long> stats = stats("thruk-tac-service-stats");
        Map<String, Long> expected = new LinkedHashMap<>();
        counts(expected, "total 6, total_active 1, active_checks_disabled_active 1, total_passive 5,"
                + " active_checks_disabled_passive 5, pending 1, plain_pending 1, pending_and_disabled 1,"
                + " pending_and_scheduled 0, ok 1, plain_ok 1, ok_and_scheduled 0, ok_and_disabled_active 0,"
                + " ok_and_disabled_passive 1, warning 2, plain_warning 1, warning_and_scheduled 1,"
                + " warning_and_disabled_active 0, warning_and_disabled_passive 2, warning_and_ack 0,"
                + " warning_on_down_host 0, warning_and_unhandled 1, critical 1, plain_critical 1,"
                + " critical_and_scheduled 0, critical_and_disabled_active 0, critical_and_disabled_passive 1,"
                + " critical_and_ack 0, critical_on_down_host 1, critical_and_unhandled 0, unknown 1,"
                + " plain_unknown 1, unknown_and_scheduled 0, unknown_and_disabled_active 0,"
                + " unknown_and_disabled_passive 1, unknown_and_ack 0, unknown_on_down_host 0,"
                + " unknown_and_unhandled 1, flapping 0, flapping_disabled 0, notifications_disabled 1,"
                + " eventhandler_disabled 0, passive_checks_disabled 0");
        assertThat(stats).isEqualTo(expected);
    }

    @Test
    void thruksHostListHasEveryHostWithItsColumns() throws Exception {
        String request = resource("thruk-host-list.txt");
        List<String> columns = columnsOf(request);
        JsonNode rows = fixed16Json(answer(request));
        assertThat(rows).hasSize(3);
        Map<String, Map<String, JsonNode>> byName = new HashMap<>();
        for (JsonNode row : rows) {
            Map<String, JsonNode> r = named(columns, row);
            byName.put(r.get("name").asText(), r);
        }
        assertThat(byName.keySet()).containsExactlyInAnyOrder("web1", "web2", "db1");
        Map<String, JsonNode> web1 = byName.get("web1");
        assertThat(web1.get("state").asInt()).isEqualTo(1);
        assertThat(web1.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(web1.get("plugin_output").asText()).isEqualTo("web1 down");
        assertThat(web1.get("num_services_crit").asInt()).isEqualTo(1);
        assertThat(web1.get("num_services_ok").asInt()).isEqualTo(1);
        assertThat(web1.get("childs").get(0).asText()).isEqualTo("web2");
        assertThat(web1.get("address").asText()).isEqualTo("10.0.0.1");
        assertThat(byName.get("db1").get("has_been_checked").asInt()).isZero();
        assertThat(byName.get("db1").get("num_services_pending").asInt()).isEqualTo(1);
        assertThat(byName.get("web2").get("parents").get(0).asText()).isEqualTo("web1");
        assertThat(byName.get("web2").get("num_services_unknown").asInt()).isEqualTo(1);
    }

    @Test
    void thruksServiceListHasEveryServiceWithItsHostsColumns() throws Exception {
        String request = resource("thruk-service-list.txt");
        List<String> columns = columnsOf(request);
        JsonNode rows = fixed16Json(answer(request));
        assertThat(rows).hasSize(6);
        Map<String, Map<String, JsonNode>> byKey = new HashMap<>();
        for (JsonNode row : rows) {
            Map<String, JsonNode> r = named(columns, row);
            byKey.put(r.get("host_name").asText() + ";" + r.get("description").asText(), r);
        }
        assertThat(byKey.keySet()).containsExactlyInAnyOrder("web1;http", "web2;http", "web1;disk", "web2;disk",
                "db1;pg", "db1;disk");
        assertThat(byKey.get("web1;http").get("state").asInt()).isEqualTo(2);
        assertThat(byKey.get("web1;http").get("host_state").asInt()).isEqualTo(1);
        assertThat(byKey.get("web1;http").get("host_acknowledged").asInt()).isEqualTo(1);
        assertThat(byKey.get("web2;http").get("scheduled_downtime_depth").asInt()).isEqualTo(1);
        assertThat(byKey.get("web2;disk").get("notifications_enabled").asInt()).isZero();
        assertThat(byKey.get("db1;disk").get("has_been_checked").asInt()).isZero();
        assertThat(byKey.get("db1;pg").get("plugin_output").asText()).isEqualTo("pg slow");
        assertThat(byKey.get("web1;http").get("host_parents")).isEmpty();
        assertThat(byKey.get("web2;http").get("host_parents").get(0).asText()).isEqualTo("web1");
        assertThat(byKey.get("web1;http").get("custom_variable_names").get(0).asText()).isEqualTo("PORT");
    }

    @Test
    void nagstamonsHostAndServiceProblems() throws Exception {
        List<Map<String, JsonNode>> hosts = headed(JSON.readTree(answer(resource("nagstamon-hosts.txt"))));
        assertThat(hosts).extracting(h -> h.get("name").asText()).containsExactly("web1");
        Map<String, JsonNode> web1 = hosts.get(0);
        // what Nagstamon's _update_object and _create_host read
        assertThat(web1.get("state").asInt()).isEqualTo(1);
        assertThat(web1.get("last_hard_state").asInt()).isEqualTo(1);
        assertThat(web1.get("current_attempt").asInt()).isEqualTo(1);
        assertThat(web1.get("plugin_output").asText()).isEqualTo("web1 down");
        assertThat(web1.get("notifications_enabled").asInt()).isEqualTo(1);
        assertThat(web1.get("is_flapping").asInt()).isZero();
        assertThat(web1.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(web1.get("scheduled_downtime_depth").asInt()).isZero();
        assertThat(web1.get("last_check").asLong()).isPositive();
        assertThat(web1.get("last_state_change").asLong()).isPositive();
        List<Map<String, JsonNode>> services = headed(JSON.readTree(answer(resource("nagstamon-services.txt"))));
        assertThat(services).extracting(s -> s.get("host_name").asText() + ";" + s.get("display_name").asText()
                + ";" + s.get("state").asInt()).containsExactly("db1;pg;1", "web1;http;2", "web2;disk;3",
                "web2;http;1");
        assertThat(services.get(3).get("scheduled_downtime_depth").asInt()).isEqualTo(1);
        assertThat(services.get(2).get("notifications_enabled").asInt()).isZero();
        // Nagstamon makes a host of a service's host_* columns when the host is not itself a problem
        assertThat(services.get(0).get("host_name").asText()).isEqualTo("db1");
        assertThat(services.get(0).get("host_state").asInt()).isZero();
    }

    @Test
    void nagstamonLeavesOutAcknowledgedProblemsWhenAsked() throws Exception {
        assertThat(headed(JSON.readTree(answer(resource("nagstamon-hosts-unacknowledged.txt"))))).isEmpty();
        assertThat(headed(JSON.readTree(answer(resource("nagstamon-services-unacknowledged.txt"))))).hasSize(4);
    }

    /** The named counts of a Thruk stats request: its answer's numbers under the names of its .named.txt. */
    private Map<String, Long> stats(String name) throws Exception {
        JsonNode rows = fixed16Json(answer(resource(name + ".txt")));
        assertThat(rows).hasSize(1);
        List<String> names = statsNames(resource(name + ".named.txt"));
        assertThat(rows.get(0)).hasSize(names.size());
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), rows.get(0).get(i).asLong());
        }
        return out;
    }

    /** The names Thruk's client gives the stats, read as it reads them (a combined stat takes the last name). */
    private static List<String> statsNames(String statement) {
        List<String> names = new ArrayList<>();
        Pattern stat = Pattern.compile("^Stats: .*?(?:\\s+as\\s+(\\S+))?$");
        Pattern and = Pattern.compile("^Stats(?:And|Or): (\\d+)\\s+as\\s+(\\S+)$");
        for (String line : statement.split("\n")) {
            Matcher m = and.matcher(line);
            if (m.matches()) {
                for (int i = 0; i < Integer.parseInt(m.group(1)); i++) {
                    names.remove(names.size() - 1);
                }
                names.add(m.group(2));
                continue;
            }
            m = stat.matcher(line);
            if (m.matches()) {
                names.add(m.group(1) == null ? line : m.group(1));
            }
        }
        return names;
    }

    private static void counts(Map<String, Long> into, String spec) {
        for (String pair : spec.split(",")) {
            String[] p = pair.strip().split(" ");
            into.put(p[0], Long.parseLong(p[1]));
        }
    }

    private String answer(String request) throws Exception {
        byte[] out = Queries.answer(Request.parse(request.stripTrailing()), f.tables, f.context());
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The JSON body of a fixed16 answer, after checking its header says 200 and the body's length. */
    private static JsonNode fixed16Json(String answer) throws IOException {
        String header = answer.substring(0, 16);
        String body = answer.substring(16);
        assertThat(header.substring(0, 3)).as(answer).isEqualTo("200");
        assertThat(Integer.parseInt(header.substring(4).strip()))
                .isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        return JSON.readTree(body);
    }

    private static List<String> columnsOf(String request) {
        for (String line : request.split("\n")) {
            if (line.startsWith("Columns: ")) {
                return List.of(line.substring(9).strip().split("\\s+"));
            }
        }
        throw new AssertionError("no Columns header");
    }

    private static Map<String, JsonNode> named(List<String> columns, JsonNode row) {
        assertThat(row).hasSize(columns.size());
        Map<String, JsonNode> m = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.put(columns.get(i), row.get(i));
        }
        return m;
    }

    /** Rows of an answer with ColumnHeaders: on, as Nagstamon's table() reads them. */
    private static List<Map<String, JsonNode>> headed(JsonNode answer) {
        List<String> header = new ArrayList<>();
        answer.get(0).forEach(h -> header.add(h.asText()));
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        for (int i = 1; i < answer.size(); i++) {
            rows.add(named(header, answer.get(i)));
        }
        return rows;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ClientQueriesTest.class.getResourceAsStream("/clients/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
