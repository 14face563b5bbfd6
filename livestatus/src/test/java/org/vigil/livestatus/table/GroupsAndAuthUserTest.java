package org.vigil.livestatus.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.command.CommandType;

/**
 * Groups count their members' states as Naemon does, the by-group tables give one row per object and group, and
 * an AuthUser sees what the status pages show that contact: its hosts, the services it or their host's contacts
 * include, a group only if it sees every member, and the comments, downtimes and counts of what it sees.
 *
 * <p>alice is a contact of web1, web2 and both http services; bob (through dba) of db1 and db1/pg.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupsAndAuthUserTest {

    private LiveFixture f;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new LiveFixture(dir);
        f.call(CommandType.PROCESS_HOST_CHECK_RESULT, "web1", "1", "down");
        f.call(CommandType.PROCESS_HOST_CHECK_RESULT, "web2", "2", "unreachable");
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "web1", "http", "2", "crit");
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "db1", "pg", "1", "warn");
        f.call(CommandType.PROCESS_SERVICE_CHECK_RESULT, "web2", "disk", "3", "unknown");
        f.call(CommandType.ADD_SVC_COMMENT, "db1", "pg", "1", "ops", "pg note");
        f.call(CommandType.ADD_HOST_COMMENT, "web1", "1", "ops", "web1 note");
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void hostGroupsCountTheirHostsAndTheirHostsServices() {
        Map<String, Object> web = f.row("hostgroups", "name", "web");
        assertThat(web).containsEntry("alias", "Web servers").containsEntry("notes_url", "http://wiki/web")
                .containsEntry("members", List.of("web1", "web2")).containsEntry("num_hosts", 2L)
                .containsEntry("num_hosts_down", 1L).containsEntry("num_hosts_unreach", 1L)
                .containsEntry("num_hosts_up", 0L).containsEntry("num_hosts_pending", 0L)
                .containsEntry("worst_host_state", 1L).containsEntry("num_services", 4L)
                .containsEntry("num_services_crit", 1L).containsEntry("num_services_unknown", 1L)
                .containsEntry("num_services_pending", 2L).containsEntry("worst_service_state", 2L)
                .containsEntry("members_with_state", List.of(List.of("web1", 1L, 1L), List.of("web2", 2L, 1L)));
        assertThat(f.row("hostgroups", "name", "all")).containsEntry("num_hosts_pending", 1L)
                .containsEntry("num_services", 6L).containsEntry("num_services_warn", 1L);
    }

    @Test
    void serviceGroupsListMembersAsHostAndDescription() {
        Map<String, Object> ports = f.row("servicegroups", "name", "ports");
        assertThat(ports).containsEntry("members", List.of(List.of("db1", "pg"), List.of("web1", "http")))
                .containsEntry("num_services", 2L).containsEntry("num_services_crit", 1L)
                .containsEntry("num_services_warn", 1L).containsEntry("worst_service_state", 2L)
                .containsEntry("num_services_hard_crit", 1L);
    }

    @Test
    void byGroupTablesHaveARowPerObjectAndGroup() {
        assertThat(f.rows("hostsbygroup")).extracting(r -> r.get("hostgroup_name") + ":" + r.get("name"))
                .containsExactly("all:db1", "all:web1", "all:web2", "web:web1", "web:web2");
        assertThat(f.rows("servicesbygroup")).extracting(r -> r.get("servicegroup_name") + ":" + r.get("host_name")
                + ";" + r.get("description")).containsExactly("ports:db1;pg", "ports:web1;http");
        assertThat(f.rows("servicesbyhostgroup")).extracting(r -> r.get("hostgroup_name") + ":"
                + r.get("host_name") + ";" + r.get("description")).containsExactly("all:db1;disk", "all:db1;pg",
                "all:web1;disk", "all:web1;http", "all:web2;disk", "all:web2;http", "web:web1;disk", "web:web1;http",
                "web:web2;disk", "web:web2;http");
        assertThat(f.rows("hostsbygroup")).filteredOn(r -> r.get("name").equals("web1")).extracting(
                r -> r.get("state")).containsOnly(1L);
    }

    @Test
    void anAuthUserSeesItsHostsAndTheServicesItOrTheirHostsContactsInclude() {
        assertThat(f.rows("hosts", f.context("alice"))).extracting(r -> r.get("name"))
                .containsExactly("web1", "web2");
        assertThat(f.rows("services", f.context("alice"))).extracting(r -> r.get("host_name") + ";"
                + r.get("description")).containsExactly("web1;disk", "web1;http", "web2;disk", "web2;http");
        assertThat(f.rows("hosts", f.context("bob"))).extracting(r -> r.get("name")).containsExactly("db1");
        assertThat(f.rows("services", f.context("bob"))).extracting(r -> r.get("host_name") + ";"
                + r.get("description")).containsExactly("db1;disk", "db1;pg");
        assertThat(f.rows("hosts", f.context("nobody"))).isEmpty();
        assertThat(f.rows("services", f.context("nobody"))).isEmpty();
    }

    @Test
    void anAuthUserSeesAGroupOnlyIfItSeesEveryMember() {
        assertThat(f.rows("hostgroups", f.context("alice"))).extracting(r -> r.get("name")).containsExactly("web");
        assertThat(f.rows("hostgroups", f.context("bob"))).isEmpty();
        assertThat(f.rows("servicegroups", f.context("alice"))).isEmpty();
        assertThat(f.rows("servicegroups")).extracting(r -> r.get("name")).containsExactly("ports");
    }

    @Test
    void anAuthUserSeesTheCommentsOfWhatItSees() {
        assertThat(f.rows("comments", f.context("alice"))).extracting(r -> r.get("comment"))
                .containsExactly("web1 note");
        assertThat(f.rows("comments", f.context("bob"))).extracting(r -> r.get("comment"))
                .containsExactly("pg note");
        assertThat(f.rows("comments")).extracting(r -> r.get("comment")).containsExactlyInAnyOrder("pg note",
                "web1 note");
        Map<String, Object> pg = f.rows("comments").stream().filter(r -> r.get("comment").equals("pg note"))
                .findFirst().orElseThrow();
        assertThat(pg).containsEntry("host_name", "db1").containsEntry("service_description", "pg")
                .containsEntry("type", 2L).containsEntry("is_service", 1L).containsEntry("entry_type", 1L)
                .containsEntry("persistent", 1L).containsEntry("author", "ops").containsEntry("service_state", 1L)
                .containsEntry("host_state", 0L);
        Map<String, Object> web1 = f.rows("comments").stream().filter(r -> r.get("comment").equals("web1 note"))
                .findFirst().orElseThrow();
        assertThat(web1).containsEntry("service_description", "").containsEntry("type", 1L)
                .containsEntry("is_service", 0L).containsEntry("host_state", 1L).containsEntry("service_state", 0L);
    }

    @Test
    void contactsShowTheirGroupsPeriodsAndCustomVariables() {
        assertThat(f.row("contacts", "name", "alice")).containsEntry("alias", "Alice A.")
                .containsEntry("email", "alice@example.com").containsEntry("in_host_notification_period", 1L)
                .containsEntry("in_service_notification_period", 0L).containsEntry("groups", List.of())
                .containsEntry("custom_variables", Map.of("TEAM", "web"))
                .containsEntry("host_notification_commands", List.of("check_dummy"));
        assertThat(f.row("contacts", "name", "bob")).containsEntry("groups", List.of("dba")).containsEntry("id", 1L);
        assertThat(f.tables.table("contacts").orElseThrow().object("bob", f.context())).isPresent();
        assertThat(f.row("contactgroups", "name", "dba")).containsEntry("alias", "DBAs")
                .containsEntry("members", List.of("bob"));
        assertThat(f.row("commands", "name", "check_dummy")).containsEntry("line", "/bin/true $ARG1$");
        assertThat(f.row("timeperiods", "name", "24x7")).containsEntry("in", 1L).containsEntry("alias", "Always");
        assertThat(f.row("timeperiods", "name", "never")).containsEntry("in", 0L);
    }
}
