package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.VigilConfiguration;

/**
 * The host group and service group overviews on a real engine: per group its counts per state (links into the
 * filtered lists, which show exactly that many rows) and its members with their states; one group by name.
 *
 * <p>Groups: webservers = web1; ports = web1/http, db1/pg. States: web1 DOWN, db1 UP; http CRITICAL, pg OK,
 * disk WARNING.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupPagesTest {

    WebFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new WebFixture(dir, new VigilConfiguration());
        post("/api/v1/hosts/db1/result", "{\"status\":\"up\",\"output\":\"PING OK\"}");
        post("/api/v1/hosts/web1/result", "{\"status\":\"down\",\"output\":\"PING CRITICAL\"}");
        post("/api/v1/services/web1/http/result", "{\"status\":\"critical\",\"output\":\"HTTP CRITICAL\"}");
        post("/api/v1/services/db1/pg/result", "{\"status\":\"ok\",\"output\":\"PG fine\"}");
        post("/api/v1/services/web1/disk/result", "{\"status\":\"warning\",\"output\":\"disk 91% used\"}");
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private void post(String path, String body) throws Exception {
        assertThat(web.post(path, body).status()).as(path).isEqualTo(200);
    }

    private String page(String path) throws Exception {
        WebFixture.Reply r = web.get(path);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        return r.text();
    }

    /** The panel of group {@code name} on a group page. */
    private static String panel(String html, String kind, String name) {
        int at = html.indexOf("id=\"" + kind + "-" + name + "\"");
        assertThat(at).as(name).isPositive();
        int end = html.indexOf("<div class=\"panel group\"", at + 1);
        return html.substring(at, end < 0 ? html.indexOf("</section>", at) : end);
    }

    @Test
    void hostGroupsShowCountsPerStateWithLinksAndMembers() throws Exception {
        String html = page("/hostgroups");
        assertThat(html).containsPattern("<title>(\\(\\d+\\) )?Host groups · Vigil</title>");
        String p = panel(html, "hostgroup", "webservers");
        assertThat(p).contains(">Web servers</a> <small>(webservers)</small>")
                .contains("href=\"/hosts?hostgroup=webservers&amp;state=DOWN\" class=\"count state-down\""
                        + " data-state=\"DOWN\">1 DOWN</a>")
                .contains("href=\"/hosts?hostgroup=webservers&amp;state=UP\" class=\"count zero\" data-state=\"UP\">0 UP")
                .contains("href=\"/services?hostgroup=webservers&amp;state=CRITICAL\" class=\"count state-critical\""
                        + " data-state=\"CRITICAL\">1 CRITICAL</a>")
                .contains(">1 WARNING</a>").contains(">0 OK</a>")
                .contains("<li data-host=\"web1\"><a href=\"/host/web1\"><span class=\"dot state-down\"");
        assertThat(p).doesNotContain("data-host=\"db1\"");
        // The count links lead to lists with exactly that many rows.
        assertThat(ListPagesTest.rows(page("/services?hostgroup=webservers&state=CRITICAL"), "service-list"))
                .containsExactly("web1;http");
        assertThat(ListPagesTest.rows(page("/hosts?hostgroup=webservers&state=DOWN"), "host-list"))
                .containsExactly("web1");
    }

    @Test
    void serviceGroupsShowTheirServicesAndTheirHosts() throws Exception {
        String html = page("/servicegroups");
        String p = panel(html, "servicegroup", "ports");
        assertThat(p).contains(">Ports</a> <small>(ports)</small>")
                .contains("href=\"/services?servicegroup=ports&amp;state=CRITICAL\" class=\"count state-critical\""
                        + " data-state=\"CRITICAL\">1 CRITICAL</a>")
                .contains(">1 OK</a>").contains(">0 WARNING</a>")
                .contains("href=\"/hosts?servicegroup=ports&amp;state=UP\" class=\"count state-up\" data-state=\"UP\">1 UP")
                .contains(">1 DOWN</a>")
                .contains("<li data-host=\"db1\" data-service=\"pg\"><a href=\"/service/db1/pg\">")
                .contains("data-host=\"web1\" data-service=\"http\"").doesNotContain("data-service=\"disk\"");
        assertThat(ListPagesTest.rows(page("/hosts?servicegroup=ports&state=UP"), "host-list"))
                .containsExactly("db1");
    }

    @Test
    void oneGroupByName() throws Exception {
        String html = page("/hostgroups?name=webservers");
        assertThat(html).containsPattern("<title>(\\(\\d+\\) )?Host group Web servers · Vigil</title>")
                .contains("href=\"/hostgroups\">All host groups</a>");
        assertThat(page("/servicegroups?name=ports")).containsPattern("<title>(\\(\\d+\\) )?Service group Ports · Vigil</title>")
                .contains("id=\"servicegroup-ports\"");
        WebFixture.Reply r = web.get("/hostgroups?name=nosuch");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).doesNotContain("Exception");
        assertThat(web.get("/servicegroups?name=webservers").status()).isEqualTo(404);
    }

    @Test
    void theFilterBarOfTheListsChoosesTheMembersListed() throws Exception {
        String services = page("/servicegroups?state=CRITICAL");
        assertThat(services).contains("<form method=\"get\" action=\"/servicegroups\" class=\"filters\" id=\"filters\">")
                .contains("name=\"service\"").contains("<option value=\"ports\">ports</option>")
                .doesNotContain("name=\"hostgroup\"").contains("id=\"group-filters\"");
        assertThat(panel(services, "servicegroup", "ports")).contains("data-host=\"web1\" data-service=\"http\"")
                .doesNotContain("data-service=\"pg\"")
                // the counts stay the whole group's, as the lists they link to
                .contains(">1 OK</a>").contains(">1 CRITICAL</a>");
        assertThat(panel(page("/servicegroups?service=pg&text=fine"), "servicegroup", "ports"))
                .contains("data-host=\"db1\" data-service=\"pg\"").doesNotContain("data-service=\"http\"");
        assertThat(page("/servicegroups?host=nosuch")).doesNotContain("id=\"servicegroup-ports\"")
                .contains("No group has a member that passes the filters.");

        String hosts = page("/hostgroups?state=DOWN&text=web");
        assertThat(hosts).contains("action=\"/hostgroups\"").doesNotContain("name=\"service\"")
                .doesNotContain("name=\"servicegroup\"");
        assertThat(panel(hosts, "hostgroup", "webservers")).contains("<li data-host=\"web1\">");
        assertThat(page("/hostgroups?state=UP")).doesNotContain("id=\"hostgroup-webservers\"");
        // the select's group is one group's page; there a filter no member passes leaves the panel, empty
        assertThat(page("/hostgroups?hostgroup=webservers")).containsPattern("<title>(\\(\\d+\\) )?Host group Web "
                + "servers · Vigil</title>").contains("<option value=\"webservers\" selected>");
        assertThat(panel(page("/hostgroups?name=webservers&state=UP"), "hostgroup", "webservers"))
                .doesNotContain("<li data-host");
        assertThat(web.get("/hostgroups?sort=state").status()).isEqualTo(400);
        assertThat(web.get("/hostgroups?hostgroup=nosuch").status()).isEqualTo(404);
    }

    @Test
    void statesAreCountedInTheOrderShownProblemsFirst() {
        org.vigil.model.CheckView up = new org.vigil.model.CheckView("UP", 0, "HARD", 1, 1, null, null,
                null, null, 0, "", "", "", false, "NONE", 0, false, true, true, true, false, 0, 0, false, false);
        GroupPanel.Tally t = new GroupPanel.Tally(GroupsResource.HOST_ORDER, "/hosts?hostgroup=g");
        t.add(up);
        t.add(up);
        assertThat(t.counts()).extracting(GroupPanel.StateCount::state, GroupPanel.StateCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DOWN", 0),
                        org.assertj.core.groups.Tuple.tuple("UNREACHABLE", 0),
                        org.assertj.core.groups.Tuple.tuple("UP", 2),
                        org.assertj.core.groups.Tuple.tuple("PENDING", 0));
    }
}
