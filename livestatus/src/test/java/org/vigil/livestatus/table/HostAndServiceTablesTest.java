package org.vigil.livestatus.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.command.CommandType;
import org.vigil.model.StatusSnapshot;

/**
 * The hosts and services tables against a real engine: after passive results, an acknowledgement, a downtime, a
 * comment and a disabled switch, each column shows what the engine holds, with Naemon's types and codes (booleans
 * 0/1, times in epoch seconds with 0 for never, host_* columns on services, num_services_* on hosts).
 *
 * <p>States: web1 DOWN (acknowledged sticky), web2 UP, db1 pending; web1/http CRITICAL, web2/http WARNING
 * (in downtime), web1/disk OK, web2/disk UNKNOWN (notifications disabled), db1/disk and db1/pg pending.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostAndServiceTablesTest {

    private LiveFixture f;
    private long before;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new LiveFixture(dir);
        before = Instant.now().getEpochSecond();
        f.call(CommandType.PROCESS_HOST_CHECK_RESULT, "web1", "1", "web1 down|rta=5ms");
        f.call(CommandType.PROCESS_HOST_CHECK_RESULT, "web2", "0", "web2 up");
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "web1", "http", "2", "http down\nsecond line|time=1s");
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "web2", "http", "1", "http slow");
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "web1", "disk", "0", "disk ok");
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "web2", "disk", "3", "disk unknown");
        f.call(CommandType.ACKNOWLEDGE_HOST_PROBLEM, "web1", "2", "0", "1", "ops", "on it");
        long now = Instant.now().getEpochSecond();
        f.call(CommandType.SCHEDULE_SVC_DOWNTIME, "web2", "http", Long.toString(now - 1), Long.toString(now + 3600),
                "1", "0", "0", "ops", "patching");
        f.call(CommandType.ADD_SVC_COMMENT, "web1", "http", "1", "ops", "looking");
        f.call(CommandType.DISABLE_SVC_NOTIFICATIONS, "web2", "disk");
        // the daemon starts a downtime on its next one-second tick
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
    void hostRowsShowTheEngineStateWithNaemonsCodes() {
        Map<String, Object> web1 = f.row("hosts", "name", "web1");
        assertThat(web1).containsEntry("state", 1L).containsEntry("state_type", 1L)
                .containsEntry("has_been_checked", 1L).containsEntry("plugin_output", "web1 down")
                .containsEntry("perf_data", "rta=5ms").containsEntry("acknowledged", 1L)
                .containsEntry("acknowledgement_type", 2L).containsEntry("alias", "Web one")
                .containsEntry("address", "10.0.0.1").containsEntry("check_command", "check_dummy!host")
                .containsEntry("check_type", 1L).containsEntry("active_checks_enabled", 0L)
                .containsEntry("accept_passive_checks", 1L).containsEntry("notifications_enabled", 1L)
                .containsEntry("max_check_attempts", 1L).containsEntry("current_attempt", 1L)
                .containsEntry("icon_image", "web.png")
                .containsEntry("notes_url", "http://wiki/$HOSTNAME$/$HOSTADDRESS$")
                .containsEntry("notes_url_expanded", "http://wiki/web1/10.0.0.1")
                .containsEntry("contacts", List.of("alice")).containsEntry("groups", List.of("all", "web"))
                .containsEntry("childs", List.of("web2")).containsEntry("parents", List.of())
                .containsEntry("in_check_period", 1L).containsEntry("in_notification_period", 1L)
                .containsEntry("custom_variable_names", List.of("OWNER", "RACK"))
                .containsEntry("custom_variable_values", List.of("ops", "r1"))
                .containsEntry("custom_variables", Map.of("OWNER", "ops", "RACK", "r1"));
        assertThat((Long) web1.get("last_check")).isBetween(before, Instant.now().getEpochSecond());
        // checked just now, every 5 minutes: well under one interval old
        assertThat((Double) web1.get("staleness")).isBetween(0.0, 0.1);
        assertThat((Long) web1.get("last_state_change")).isBetween(before, Instant.now().getEpochSecond());
        // as Nagios records it (and status.dat shows it): a result stamps the time of the state before it
        assertThat((Long) web1.get("last_time_up")).isBetween(before, Instant.now().getEpochSecond());
        assertThat(web1.get("last_time_unreachable")).isEqualTo(0L);
        // web1's services: http CRITICAL, disk OK
        assertThat(web1).containsEntry("num_services", 2L).containsEntry("num_services_crit", 1L)
                .containsEntry("num_services_ok", 1L).containsEntry("num_services_pending", 0L)
                .containsEntry("worst_service_state", 2L).containsEntry("total_services", 2L)
                .containsEntry("services", List.of("disk", "http"))
                .containsEntry("services_with_state", List.of(List.of("disk", 0L, 1L), List.of("http", 2L, 1L)));
    }

    @Test
    void aPendingHostHasNotBeenCheckedAndItsTimesAreZero() {
        Map<String, Object> db1 = f.row("hosts", "name", "db1");
        assertThat(db1).containsEntry("state", 0L).containsEntry("has_been_checked", 0L)
                .containsEntry("last_check", 0L).containsEntry("last_state_change", 0L)
                .containsEntry("last_notification", 0L).containsEntry("acknowledged", 0L)
                .containsEntry("in_notification_period", 0L).containsEntry("contact_groups", List.of("dba"))
                .containsEntry("contacts", List.of("bob")).containsEntry("num_services_pending", 2L)
                .containsEntry("num_services", 2L).containsEntry("worst_service_state", 0L)
                .containsEntry("custom_variables", Map.of()).containsEntry("plugin_output", "");
    }

    @Test
    void serviceRowsCarryTheirOwnStateAndTheirHostsColumns() {
        Map<String, Object> http = f.service("web1", "http");
        assertThat(http).containsEntry("state", 2L).containsEntry("state_type", 1L)
                .containsEntry("plugin_output", "http down").containsEntry("long_plugin_output", "second line")
                .containsEntry("perf_data", "time=1s").containsEntry("host_state", 1L)
                .containsEntry("host_acknowledged", 1L).containsEntry("host_address", "10.0.0.1")
                .containsEntry("host_alias", "Web one").containsEntry("host_groups", List.of("all", "web"))
                .containsEntry("groups", List.of("ports")).containsEntry("contacts", List.of("alice"))
                .containsEntry("custom_variable_names", List.of("PORT")).containsEntry("custom_variables",
                        Map.of("PORT", "80"))
                .containsEntry("host_custom_variable_names", List.of("OWNER", "RACK"))
                .containsEntry("action_url_expanded", "http://act/web1/http")
                .containsEntry("check_command", "check_dummy!svc").containsEntry("host_name", "web1")
                .containsEntry("description", "http").containsEntry("display_name", "http");
        List<?> comments = (List<?>) http.get("comments");
        assertThat(comments).hasSize(1);
        assertThat(http.get("comments_with_info")).isEqualTo(List.of(List.of(comments.get(0), "ops", "looking")));
        assertThat((Long) http.get("last_time_ok")).isGreaterThanOrEqualTo(before);
        assertThat(http.get("last_time_warning")).isEqualTo(0L);
    }

    @Test
    void downtimesAndSwitchesShowOnTheirServices() {
        Map<String, Object> http2 = f.service("web2", "http");
        assertThat(http2).containsEntry("state", 1L).containsEntry("scheduled_downtime_depth", 1L)
                .containsEntry("host_parents", List.of("web1"));
        StatusSnapshot s = f.snapshot();
        long id = s.downtimes().get(0).id();
        assertThat(http2).containsEntry("downtimes", List.of(id))
                .containsEntry("downtimes_with_info", List.of(List.of(id, "ops", "patching")));
        assertThat(f.service("web2", "disk")).containsEntry("notifications_enabled", 0L).containsEntry("state", 3L);
        assertThat(f.service("db1", "pg")).containsEntry("in_check_period", 0L).containsEntry("has_been_checked", 0L)
                .containsEntry("in_notification_period", 1L).containsEntry("host_in_notification_period", 0L);
    }

    @Test
    void everyServiceIsOneRowInHostThenDescriptionOrder() {
        assertThat(f.rows("services")).extracting(r -> r.get("host_name") + ";" + r.get("description"))
                .containsExactly("db1;disk", "db1;pg", "web1;disk", "web1;http", "web2;disk", "web2;http");
        assertThat(f.rows("hosts")).extracting(r -> r.get("name")).containsExactly("db1", "web1", "web2");
        assertThat(f.rows("hosts")).extracting(r -> r.get("id")).containsExactly(0L, 1L, 2L);
        assertThat(f.rows("services")).extracting(r -> r.get("id")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        // should_be_scheduled is the engine's own flag (as status.dat writes it)
        List<Long> engine = f.daemon.engine().call(() -> f.daemon.engine().services().stream()
                .sorted(java.util.Comparator.comparing((org.vigil.engine.state.ServiceStatus x) -> x.hostName())
                        .thenComparing(x -> x.description()))
                .map(x -> x.shouldBeScheduled() ? 1L : 0L).toList());
        assertThat(f.rows("services")).extracting(r -> r.get("should_be_scheduled")).isEqualTo(engine);
    }

    @Test
    void waitObjectFindsHostsAndServicesByBothSpellings() {
        var ctx = f.context();
        var hosts = f.tables.table("hosts").orElseThrow();
        var services = f.tables.table("services").orElseThrow();
        assertThat(hosts.object("web1", ctx)).isPresent();
        assertThat(hosts.object("nosuch", ctx)).isEmpty();
        assertThat(services.object("web1;http", ctx)).isPresent();
        assertThat(services.object("web1 http", ctx)).isPresent();
        assertThat(services.object("web1;nosuch", ctx)).isEmpty();
        assertThat(f.tables.table("hostgroups").orElseThrow().object("web", ctx)).isPresent();
        assertThat(f.tables.table("servicegroups").orElseThrow().object("ports", ctx)).isPresent();
        // a contact sees only its objects: alice is no contact of db1
        assertThat(hosts.object("db1", f.context("alice"))).isEmpty();
    }
}
