package org.vigil.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.app.VigilConfiguration;

/** Every route of the JSON API against a real engine and the real web server, without authentication. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiTest {

    WebFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new WebFixture(dir, new VigilConfiguration());
        post200("/api/v1/services/web1/http/result",
                "{\"status\":\"critical\",\"output\":\"HTTP CRITICAL - 500|time=0.5s\\nline two\"}");
        post200("/api/v1/services/db1/pg/result", "{\"status\":1,\"output\":\"PG slow\"}");
        post200("/api/v1/services/web1/disk/result", "{\"status\":\"OK\",\"output\":\"disk fine\"}");
        post200("/api/v1/hosts/web1/result", "{\"status\":\"up\",\"output\":\"PING OK\"}");
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private JsonNode post200(String path, String body) throws Exception {
        WebFixture.Reply r = web.post(path, body);
        assertThat(r.status()).as(path + " " + r.text()).isEqualTo(200);
        assertThat(r.body().get("ok").asBoolean()).isTrue();
        return r.body();
    }

    private JsonNode get200(String path) throws Exception {
        WebFixture.Reply r = web.get(path);
        assertThat(r.status()).as(path + " " + r.text()).isEqualTo(200);
        return r.body();
    }

    private void error(WebFixture.Reply r, int status, String detail) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.body().get("error").asText()).isNotBlank();
        assertThat(r.body().get("detail").asText()).contains(detail);
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private static List<String> field(JsonNode items, String name) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get(name).asText()));
        return out;
    }

    @Test
    void passiveResultsShowInTheServiceListAndDetail() throws Exception {
        JsonNode crit = get200("/api/v1/services?state=critical");
        assertThat(crit.get("total").asInt()).isEqualTo(1);
        JsonNode s = get200("/api/v1/services/web1/http");
        JsonNode st = s.get("service").get("status");
        assertThat(st.get("state").asText()).isEqualTo("CRITICAL");
        assertThat(st.get("state_type").asText()).isEqualTo("HARD");
        assertThat(st.get("attempt").asInt()).isEqualTo(1);
        assertThat(st.get("max_attempts").asInt()).isEqualTo(1);
        assertThat(st.get("output").asText()).isEqualTo("HTTP CRITICAL - 500");
        assertThat(st.get("perf_data").asText()).isEqualTo("time=0.5s");
        assertThat(st.get("long_output").asText()).isEqualTo("line two");
        assertThat(st.get("passive").asBoolean()).isTrue();
        assertThat(st.get("problem").asBoolean()).isTrue();
        assertThat(st.get("last_check").asText()).isNotEqualTo("null");
        assertThat(s.get("service").get("servicegroups").get(0).asText()).isEqualTo("ports");
    }

    @Test
    void serviceFiltersSortingAndPaging() throws Exception {
        assertThat(field(get200("/api/v1/services").get("items"), "description")).containsExactly("pg", "disk", "http");
        assertThat(field(get200("/api/v1/services?sort=state&order=desc").get("items"), "description"))
                .containsExactly("http", "pg", "disk");
        assertThat(field(get200("/api/v1/services?host=web1").get("items"), "description"))
                .containsExactly("disk", "http");
        assertThat(field(get200("/api/v1/services?hostgroup=webservers").get("items"), "host"))
                .containsOnly("web1");
        assertThat(field(get200("/api/v1/services?servicegroup=ports").get("items"), "description"))
                .containsExactly("pg", "http");
        assertThat(field(get200("/api/v1/services?text=slow").get("items"), "description")).containsExactly("pg");
        assertThat(field(get200("/api/v1/services?state=problem&state_type=hard").get("items"), "description"))
                .containsExactly("pg", "http");
        JsonNode page = get200("/api/v1/services?sort=service&offset=1&limit=1");
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(field(page.get("items"), "description")).containsExactly("http");
    }

    @Test
    void hostsListAndDetail() throws Exception {
        JsonNode hosts = get200("/api/v1/hosts");
        assertThat(field(hosts.get("items"), "name")).containsExactly("db1", "web1");
        assertThat(field(get200("/api/v1/hosts?state=up").get("items"), "name")).containsExactly("web1");
        assertThat(field(get200("/api/v1/hosts?state=pending").get("items"), "name")).containsExactly("db1");
        assertThat(field(get200("/api/v1/hosts?hostgroup=webservers").get("items"), "name")).containsExactly("web1");
        assertThat(field(get200("/api/v1/hosts?text=192.0.2.20").get("items"), "name")).containsExactly("db1");
        assertThat(field(get200("/api/v1/hosts?sort=name&order=desc").get("items"), "name"))
                .containsExactly("web1", "db1");
        JsonNode web1 = get200("/api/v1/hosts/web1");
        assertThat(web1.get("host").get("alias").asText()).isEqualTo("Web one");
        assertThat(web1.get("host").get("contacts").get(0).asText()).isEqualTo("alice");
        assertThat(web1.get("host").get("status").get("output").asText()).isEqualTo("PING OK");
        assertThat(field(web1.get("services"), "description")).containsExactly("disk", "http");
        assertThat(get200("/api/v1/hosts/db1").get("host").get("contacts").get(0).asText()).isEqualTo("bob");
    }

    @Test
    void groupsContactsAndProgramStatus() throws Exception {
        JsonNode hg = get200("/api/v1/hostgroups");
        assertThat(field(hg, "name")).containsExactly("webservers");
        assertThat(get200("/api/v1/hostgroups/webservers").get("states").get("UP").asInt()).isEqualTo(1);
        JsonNode sg = get200("/api/v1/servicegroups/ports");
        assertThat(sg.get("members").toString()).contains("web1;http", "db1;pg");
        assertThat(sg.get("states").get("CRITICAL").asInt()).isEqualTo(1);
        assertThat(field(get200("/api/v1/servicegroups"), "name")).containsExactly("ports");
        assertThat(field(get200("/api/v1/contacts"), "name")).containsExactly("alice", "bob");
        JsonNode bob = get200("/api/v1/contacts/bob");
        assertThat(bob.get("contactgroups").get(0).asText()).isEqualTo("dba");
        JsonNode status = get200("/api/v1/status");
        assertThat(status.get("program").get("version").asText()).isNotBlank();
        assertThat(status.get("services").get("CRITICAL").asInt()).isEqualTo(1);
        assertThat(status.get("services").get("WARNING").asInt()).isEqualTo(1);
        assertThat(status.get("hosts").get("PENDING").asInt()).isEqualTo(1);
    }

    @Test
    void acknowledgeAndRemoveTheAcknowledgement() throws Exception {
        post200("/api/v1/services/db1/pg/acknowledge", "{\"comment\":\"looking\",\"author\":\"ops\"}");
        JsonNode st = get200("/api/v1/services/db1/pg").get("service").get("status");
        assertThat(st.get("acknowledged").asBoolean()).isTrue();
        assertThat(st.get("acknowledgement_type").asText()).isEqualTo("STICKY");
        assertThat(st.get("handled").asBoolean()).isTrue();
        assertThat(field(get200("/api/v1/services?state=unhandled").get("items"), "description"))
                .containsExactly("http");
        JsonNode comments = get200("/api/v1/comments?host=db1&service=pg");
        assertThat(field(comments, "text")).contains("looking");
        assertThat(field(comments, "author")).contains("ops");
        post200("/api/v1/services/db1/pg/remove-acknowledgement", null);
        assertThat(get200("/api/v1/services/db1/pg").get("service").get("status").get("acknowledged").asBoolean())
                .isFalse();
        // Nagios refuses to acknowledge an OK service: the engine's reason comes back as a 422
        error(web.post("/api/v1/services/web1/disk/acknowledge", "{\"comment\":\"x\"}"), 422, "");
        error(web.post("/api/v1/services/db1/pg/acknowledge", "{}"), 400, "'comment' is required");
    }

    @Test
    void hostDowntimeWithServicesAndItsDeletion() throws Exception {
        long now = Instant.now().getEpochSecond();
        post200("/api/v1/hosts/db1/downtime", "{\"start\":" + now + ",\"end\":" + (now + 3600)
                + ",\"comment\":\"patching\",\"with_services\":true}");
        JsonNode downtimes = get200("/api/v1/downtimes?host=db1");
        assertThat(downtimes.size()).isEqualTo(2);
        assertThat(field(downtimes, "comment")).containsOnly("patching");
        assertThat(downtimes.toString()).contains("\"service\":\"pg\"").contains("\"fixed\":true");
        for (JsonNode d : downtimes) {
            post200("/api/v1/downtimes/" + d.get("id").asLong() + "/delete", null);
        }
        assertThat(get200("/api/v1/downtimes?host=db1").size()).isZero();
        error(web.post("/api/v1/downtimes/999999/delete", null), 404, "no downtime 999999");
        error(web.post("/api/v1/downtimes/abc/delete", null), 400, "not a whole number");
    }

    @Test
    void flexibleServiceDowntime() throws Exception {
        post200("/api/v1/services/web1/disk/downtime", "{\"start\":\"2030-01-01T10:00:00Z\","
                + "\"end\":\"2030-01-01T12:00:00Z\",\"fixed\":false,\"duration\":600,\"comment\":\"maybe\"}");
        JsonNode d = get200("/api/v1/downtimes?host=web1&service=disk").get(0);
        assertThat(d.get("fixed").asBoolean()).isFalse();
        assertThat(d.get("duration_seconds").asLong()).isEqualTo(600);
        assertThat(d.get("start").asText()).isEqualTo("2030-01-01T10:00:00Z");
        JsonNode detail = get200("/api/v1/services/web1/disk");
        assertThat(detail.get("downtimes").size()).isEqualTo(1);
        error(web.post("/api/v1/services/web1/disk/downtime", "{\"start\":\"2030-01-01T10:00:00Z\","
                + "\"end\":\"2030-01-01T12:00:00Z\",\"fixed\":false,\"comment\":\"x\"}"), 400, "duration");
        error(web.post("/api/v1/services/web1/disk/downtime", "{\"start\":\"tomorrow\",\"end\":1,\"comment\":\"x\"}"),
                400, "not epoch seconds or ISO-8601");
        error(web.post("/api/v1/services/web1/disk/downtime", "{\"start\":100,\"end\":50,\"comment\":\"x\"}"),
                400, "'end' must be after 'start'");
    }

    @Test
    void commentsAddAndDelete() throws Exception {
        post200("/api/v1/hosts/web1/comments", "{\"comment\":\"new disks on Monday\"}");
        JsonNode c = get200("/api/v1/comments?host=web1");
        JsonNode mine = null;
        for (JsonNode n : c) {
            if (n.get("text").asText().equals("new disks on Monday")) {
                mine = n;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("author").asText()).isEqualTo("vigil-api");
        assertThat(mine.get("service").isNull()).isTrue();
        assertThat(get200("/api/v1/hosts/web1").get("comments").toString()).contains("new disks on Monday");
        post200("/api/v1/comments/" + mine.get("id").asLong() + "/delete", null);
        assertThat(get200("/api/v1/comments?host=web1").toString()).doesNotContain("new disks on Monday");
        post200("/api/v1/services/web1/http/comments", "{\"comment\":\"svc note\",\"persistent\":false}");
        assertThat(get200("/api/v1/comments?service=http").toString()).contains("svc note");
        error(web.post("/api/v1/comments/424242/delete", null), 404, "no comment 424242");
        error(web.post("/api/v1/hosts/web1/comments", "{\"comment\":\"two\\nlines\"}"), 400, "one line");
    }

    /** Last: enabling active checks runs check_dummy, which changes outputs the other tests look at. */
    @Test
    @Order(Integer.MAX_VALUE)
    void notificationAndActiveCheckSwitchesAndRecheck() throws Exception {
        post200("/api/v1/services/web1/http/notifications", "{\"enabled\":false}");
        post200("/api/v1/hosts/web1/notifications", "{\"enabled\":false}");
        post200("/api/v1/services/web1/disk/active-checks", "{\"enabled\":true}");
        post200("/api/v1/hosts/web1/active-checks", "{\"enabled\":true}");
        JsonNode http = get200("/api/v1/services/web1/http").get("service").get("status");
        assertThat(http.get("notifications_enabled").asBoolean()).isFalse();
        assertThat(get200("/api/v1/services/web1/disk").get("service").get("status").get("active_checks_enabled")
                .asBoolean()).isTrue();
        JsonNode db1 = get200("/api/v1/hosts/web1").get("host").get("status");
        assertThat(db1.get("notifications_enabled").asBoolean()).isFalse();
        assertThat(db1.get("active_checks_enabled").asBoolean()).isTrue();
        post200("/api/v1/services/web1/http/notifications", "{\"enabled\":true}");
        post200("/api/v1/services/web1/disk/active-checks", "{\"enabled\":false}");
        post200("/api/v1/hosts/web1/active-checks", "{\"enabled\":false}");
        assertThat(post200("/api/v1/services/web1/disk/recheck", "{\"forced\":true}").get("command").asText())
                .startsWith("SCHEDULE_FORCED_SVC_CHECK;web1;disk;");
        assertThat(post200("/api/v1/hosts/web1/recheck", null).get("command").asText())
                .startsWith("SCHEDULE_FORCED_HOST_CHECK;web1;");
        error(web.post("/api/v1/hosts/web1/notifications", "{}"), 400, "'enabled'");
    }

    @Test
    void logTailWithFilters() throws Exception {
        JsonNode alerts = get200("/api/v1/log?type=SERVICE%20ALERT&host=web1");
        assertThat(alerts.size()).isPositive();
        assertThat(alerts.get(0).get("service").asText()).isIn("http", "disk");
        assertThat(alerts.toString()).contains("HTTP CRITICAL - 500");
        JsonNode commands = get200("/api/v1/log?type=EXTERNAL%20COMMAND&text=PROCESS_SERVICE_CHECK_RESULT&limit=2");
        assertThat(commands.size()).isEqualTo(2);
        error(web.get("/api/v1/log?limit=0"), 400, "limit must be 1 to 1000");
    }

    @Test
    void badRequestsAreClearJsonErrors() throws Exception {
        error(web.get("/api/v1/hosts/nosuch"), 404, "no host 'nosuch'");
        error(web.get("/api/v1/services/web1/nosuch"), 404, "no service 'nosuch' on host 'web1'");
        error(web.get("/api/v1/hostgroups/nosuch"), 404, "no host group 'nosuch'");
        error(web.get("/api/v1/servicegroups/nosuch"), 404, "no service group 'nosuch'");
        error(web.get("/api/v1/contacts/nosuch"), 404, "no contact 'nosuch'");
        error(web.get("/api/v1/services?hostgroup=nosuch"), 404, "no host group 'nosuch'");
        error(web.get("/api/v1/services?servicegroup=nosuch"), 404, "no service group 'nosuch'");
        error(web.get("/api/v1/services?state=purple"), 400, "state 'purple' is not one of");
        error(web.get("/api/v1/hosts?state=critical"), 400, "state 'critical' is not one of");
        error(web.get("/api/v1/services?state_type=medium"), 400, "is not one of soft, hard");
        error(web.get("/api/v1/services?sort=colour"), 400, "sort 'colour' is not one of");
        error(web.get("/api/v1/services?order=sideways"), 400, "not one of asc, desc");
        error(web.get("/api/v1/hosts?offset=-1"), 400, "offset must be 0 or more");
        error(web.get("/api/v1/hosts?limit=abc"), 400, "not a whole number");
        error(web.get("/api/v1/nothing-here"), 404, "no such resource");
        error(web.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.web.port() + "/api/v1/hosts"))
                .DELETE()), 405, "does not take that method");
        error(web.post("/api/v1/hosts/nosuch/recheck", null), 404, "no host 'nosuch'");
        error(web.post("/api/v1/services/web1/http/result", "{not json"), 400, "not valid JSON");
        error(web.post("/api/v1/services/web1/http/result", "{\"status\":0,\"output\":\"x\",\"colour\":1}"),
                400, "unknown field 'colour'");
        error(web.post("/api/v1/services/web1/http/result", "{\"status\":7,\"output\":\"x\"}"), 400,
                "status '7' is not 0-3");
        error(web.post("/api/v1/hosts/web1/result", "{\"status\":\"critical\",\"output\":\"x\"}"), 400,
                "is not 0-2 or one of up, down, unreachable");
        error(web.post("/api/v1/services/web1/http/acknowledge", null), 400, "needs a JSON body");
        error(web.post("/api/v1/services/web1/http/acknowledge", "{\"comment\":\"x\",\"sticky\":\"very\"}"), 400,
                "sticky");
        error(web.post("/api/v1/hosts/web1/comments", "{\"comment\":\"x\",\"author\":\"a;b\"}"), 400, "without ';'");
    }

    @Test
    void adminPortHasHealthChecksAndPrometheusMetrics() throws Exception {
        WebFixture.Reply health = web.admin("/healthcheck");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("engine").get("healthy").asBoolean()).isTrue();
        assertThat(health.body().get("check-latency").get("healthy").asBoolean()).isTrue();
        assertThat(health.body().get("retention").get("message").asText()).isEqualTo("retention is off");
        assertThat(health.body().get("command-file").get("message").asText()).isEqualTo("external commands are off");
        WebFixture.Reply metrics = web.admin("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.text()).contains("# TYPE vigil_checks_completed_total counter")
                .contains("vigil_check_latency_seconds{quantile=\"0.99\"}")
                .contains("vigil_check_execution_time_seconds{kind=\"service\",stat=\"avg\"}")
                .contains("vigil_hosts{state=\"UP\"} 1")
                .contains("# TYPE vigil_perfdata_dropped_total counter\nvigil_perfdata_dropped_total 0\n")
                .containsPattern("vigil_services\\{state=\"CRITICAL\",handled=\"(true|false)\"} 1");
        // every sample line is NAME{labels} VALUE
        metrics.text().lines().filter(l -> !l.startsWith("#"))
                .forEach(l -> assertThat(l).matches("[a-z_]+(\\{[^}]*})? -?[0-9.]+"));
    }
}
