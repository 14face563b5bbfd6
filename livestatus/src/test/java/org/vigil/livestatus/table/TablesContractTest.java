package org.vigil.livestatus.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.command.CommandType;
import org.vigil.livestatus.query.Column;
import org.vigil.livestatus.query.ColumnType;
import org.vigil.livestatus.query.QueryContext;
import org.vigil.livestatus.query.Table;

/**
 * What holds for every table: the seventeen tables exist; column names are unique within a table; every value of
 * every column in every row has the Java type its {@link ColumnType} promises and is never null; the
 * {@code columns} table lists exactly the columns the tables have; and the columns Thruk, Nagstamon and NagVis
 * name in their queries all exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TablesContractTest {

    private LiveFixture f;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new LiveFixture(dir);
        f.call(CommandType.PROCESS_HOST_CHECK_RESULT, "web1", "1", "down");
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "web1", "http", "2", "crit");
        f.call(CommandType.ADD_HOST_COMMENT, "web1", "1", "ops", "host note");
        f.call(CommandType.ADD_SVC_COMMENT, "db1", "pg", "1", "ops", "svc note");
        long now = System.currentTimeMillis() / 1000;
        f.call(CommandType.SCHEDULE_HOST_DOWNTIME, "web2", Long.toString(now + 600), Long.toString(now + 1200), "0",
                "0", "300", "ops", "flexible");
        Files.writeString(dir.resolve("archives/nagios-12-01-2026-00.log"), """
                [1764547200] LOG ROTATION: DAILY
                [1764547201] SERVICE ALERT: web1;http;CRITICAL;HARD;1;crit
                [1764547202] HOST NOTIFICATION: alice;web1;DOWN;notify-by-email;down
                """);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void everyTableThereIs() {
        assertThat(f.tables.all()).extracting(Table::name).containsExactlyInAnyOrder("hosts", "services",
                "hostgroups", "servicegroups", "hostsbygroup", "servicesbygroup", "servicesbyhostgroup", "contacts",
                "contactgroups", "commands", "timeperiods", "comments", "downtimes", "log", "statehist", "status",
                "columns");
        assertThat(f.tables.table("nosuch")).isEmpty();
    }

    @Test
    void everyValueHasItsColumnsTypeAndNamesAreUnique() {
        QueryContext ctx = f.context();
        for (Table<?> t : f.tables.all()) {
            checkTable(t, ctx);
        }
    }

    private static <R> void checkTable(Table<R> t, QueryContext ctx) {
        List<String> names = t.columns().stream().map(Column::name).toList();
        assertThat(new HashSet<>(names)).as(t.name() + " column names").hasSize(names.size());
        int rows = 0;
        for (R row : t.rows(ctx)) {
            rows++;
            for (Column<R> c : t.columns()) {
                Object v = c.value(row);
                assertThat(v).as(t.name() + "." + c.name()).isNotNull();
                assertThat(v).as(t.name() + "." + c.name()).isInstanceOf(javaType(c.type()));
            }
        }
        assertThat(rows).as(t.name() + " rows").isPositive();
    }

    private static Class<?> javaType(ColumnType type) {
        return switch (type) {
            case INT, TIME -> Long.class;
            case FLOAT -> Double.class;
            case LIST -> List.class;
            case DICT -> Map.class;
            default -> String.class;
        };
    }

    @Test
    void theColumnsTableListsEveryColumnOfEveryTable() {
        List<Map<String, Object>> listed = f.rows("columns");
        Set<String> expected = f.tables.all().stream().flatMap(t -> t.columns().stream()
                .map(c -> t.name() + "." + c.name() + ":" + c.type().livestatusName())).collect(Collectors.toSet());
        assertThat(listed.stream().map(r -> r.get("table") + "." + r.get("name") + ":" + r.get("type"))
                .collect(Collectors.toSet())).isEqualTo(expected);
        assertThat(listed).allSatisfy(r -> assertThat((String) r.get("description")).isNotBlank());
    }

    @Test
    void theColumnsClientsNameExist() {
        // Thruk 630dcd9 lib/Thruk/Backend/Provider/Livestatus.pm: default and extra host and service columns;
        // NagVis cfd758e share/server/core/classes/GlobalBackendmklivestatus.php: hard_state, staleness; Nagstamon
        // f6767b5 Nagstamon/servers/Livestatus.py reads every column of hosts and services
        assertHas("hosts", """
                accept_passive_checks acknowledged action_url action_url_expanded active_checks_enabled address alias
                check_command check_freshness check_interval check_options check_period check_type checks_enabled
                childs comments current_attempt current_notification_number event_handler event_handler_enabled
                execution_time custom_variable_names custom_variable_values first_notification_delay
                flap_detection_enabled groups has_been_checked high_flap_threshold icon_image icon_image_alt
                icon_image_expanded is_executing is_flapping last_check last_notification last_state_change latency
                low_flap_threshold max_check_attempts name next_check notes notes_expanded notes_url
                notes_url_expanded notification_interval notification_period notifications_enabled num_services_crit
                num_services_ok num_services_pending num_services_unknown num_services_warn num_services
                obsess_over_host parents percent_state_change perf_data plugin_output process_performance_data
                retry_interval scheduled_downtime_depth state state_type modified_attributes_list last_time_down
                last_time_unreachable last_time_up display_name in_check_period in_notification_period contacts
                contact_groups long_plugin_output services comments_with_info downtimes_with_info last_update
                last_hard_state custom_variables worst_service_state acknowledgement_type last_hard_state_change
                hard_state staleness
                """);
        assertHas("services", """
                accept_passive_checks acknowledged action_url action_url_expanded active_checks_enabled check_command
                check_interval check_options check_period check_type checks_enabled comments current_attempt
                current_notification_number description event_handler event_handler_enabled custom_variable_names
                custom_variable_values execution_time first_notification_delay flap_detection_enabled groups
                has_been_checked high_flap_threshold host_acknowledged host_action_url_expanded
                host_active_checks_enabled host_address host_alias host_checks_enabled host_check_type host_latency
                host_plugin_output host_perf_data host_current_attempt host_check_command host_comments host_groups
                host_has_been_checked host_icon_image_expanded host_icon_image_alt host_is_executing host_is_flapping
                host_notes host_name host_notes_url_expanded host_notifications_enabled
                host_scheduled_downtime_depth host_state host_accept_passive_checks host_last_state_change icon_image
                icon_image_alt icon_image_expanded is_executing is_flapping last_check last_notification
                last_state_change latency low_flap_threshold max_check_attempts next_check notes notes_expanded
                notes_url notes_url_expanded notification_interval notification_period notifications_enabled
                obsess_over_service percent_state_change perf_data plugin_output process_performance_data
                retry_interval scheduled_downtime_depth state state_type modified_attributes_list last_time_critical
                last_time_ok last_time_unknown last_time_warning display_name host_display_name
                host_custom_variable_names host_custom_variable_values in_check_period in_notification_period
                host_parents contacts contact_groups long_plugin_output comments_with_info downtimes_with_info
                host_contacts host_contact_groups last_update last_hard_state downtimes host_downtimes
                hard_state staleness host_scheduled_downtime_depth
                """);
        assertHas("hostgroups", """
                name alias members action_url notes notes_url num_hosts num_hosts_down num_hosts_pending
                num_hosts_unreach num_hosts_up num_services num_services_hard_crit num_services_hard_ok
                num_services_hard_unknown num_services_hard_warn num_services_crit num_services_ok
                num_services_pending num_services_unknown num_services_warn worst_host_state
                worst_service_hard_state worst_service_state
                """);
        assertHas("servicegroups", """
                name alias members action_url notes notes_url num_services num_services_hard_crit
                num_services_hard_ok num_services_hard_unknown num_services_hard_warn num_services_crit
                num_services_ok num_services_pending num_services_unknown num_services_warn worst_service_state
                """);
        assertHas("contacts", """
                id name alias email pager service_notification_period host_notification_period can_submit_commands
                groups modified_attributes_list custom_variable_names custom_variable_values
                host_notifications_enabled service_notifications_enabled host_notification_commands
                service_notification_commands in_host_notification_period in_service_notification_period address1
                address2 address3 address4 address5
                """);
        assertHas("status", """
                accept_passive_host_checks accept_passive_service_checks check_external_commands
                check_host_freshness check_service_freshness enable_event_handlers enable_flap_detection
                enable_notifications execute_host_checks execute_service_checks last_command_check
                last_log_rotation livestatus_version nagios_pid obsess_over_hosts obsess_over_services
                process_performance_data program_start program_version interval_length
                """);
        assertHas("log", "class time type state host_name service_description plugin_output message options "
                + "state_type contact_name command_name attempt current_host_name current_service_description");
        assertHas("comments", "author comment entry_time entry_type expires expire_time host_name id persistent "
                + "service_description source type is_service service_state host_state");
        assertHas("downtimes", "author comment end_time entry_time fixed host_name id start_time "
                + "service_description triggered_by duration type is_service service_state");
        assertHas("contactgroups", "name alias members");
        assertHas("timeperiods", "name alias in exclusions");
        assertHas("commands", "name line");
        assertHas("hostsbygroup", "name state hostgroup_name hostgroup_alias");
        assertHas("servicesbygroup", "host_name description state servicegroup_name servicegroup_alias");
        assertHas("servicesbyhostgroup", "host_name description state hostgroup_name hostgroup_alias");
        assertHas("statehist", "host_name service_description time from until duration duration_part state "
                + "in_downtime in_host_downtime host_down is_flapping in_notification_period duration_ok "
                + "duration_part_ok duration_warning duration_critical duration_unknown duration_unmonitored");
    }

    private void assertHas(String table, String names) {
        Set<String> have = f.tables.table(table).orElseThrow().columns().stream().map(Column::name)
                .collect(Collectors.toSet());
        assertThat(have).as(table).containsAll(List.of(names.strip().split("\\s+")));
    }

    @Test
    void theStatusTableIsOneRowOfTheProgramsStatus() {
        List<Map<String, Object>> rows = f.rows("status");
        assertThat(rows).hasSize(1);
        Map<String, Object> s = rows.get(0);
        assertThat(s).containsEntry("nagios_pid", ProcessHandle.current().pid())
                .containsEntry("program_start", f.daemon.started().getEpochSecond())
                .containsEntry("enable_notifications", 1L).containsEntry("execute_service_checks", 1L)
                .containsEntry("check_external_commands", 1L).containsEntry("interval_length", 60L)
                .containsEntry("num_hosts", 3L).containsEntry("num_services", 6L)
                .containsEntry("livestatus_version", StatusTable.LIVESTATUS_VERSION);
        f.call(CommandType.DISABLE_NOTIFICATIONS);
        try {
            assertThat(f.rows("status").get(0)).containsEntry("enable_notifications", 0L);
        } finally {
            f.call(CommandType.ENABLE_NOTIFICATIONS);
        }
    }
}
