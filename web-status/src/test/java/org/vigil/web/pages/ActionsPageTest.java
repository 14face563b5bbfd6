package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.VigilConfiguration;

/**
 * {@code /actions} on a real engine without users: each action changes the engine (read back through the JSON
 * API), several targets at once, the CSRF token, bad input re-rendering the form, and errors as HTML pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionsPageTest {

    WebFixture web;
    PageForms forms;
    String csrf;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new WebFixture(dir, new VigilConfiguration());
        forms = new PageForms(web);
        result("web1/http", "critical", "HTTP CRITICAL");
        result("db1/pg", "critical", "PG down");
        result("web1/disk", "ok", "disk fine");
        csrf = PageForms.csrf(web.get("/").text());
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private void result(String service, String status, String output) throws Exception {
        assertThat(web.post("/api/v1/services/" + service + "/result",
                "{\"status\":\"" + status + "\",\"output\":\"" + output + "\"}").status()).isEqualTo(200);
    }

    private JsonNode status(String service) throws Exception {
        return web.get("/api/v1/services/" + service).body().get("service").get("status");
    }

    private JsonNode hostStatus(String host) throws Exception {
        return web.get("/api/v1/hosts/" + host).body().get("host").get("status");
    }

    /** Posts an action with the token and expects the 303 back with the result banner's parameters. */
    private String act(String... pairs) throws Exception {
        List<String> all = new ArrayList<>(List.of("csrf", csrf, "return_to", "/services?state=problem"));
        all.addAll(List.of(pairs));
        HttpResponse<String> r = forms.raw(forms.formPost("/actions", all.toArray(String[]::new)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void theFormListsTheTargetsWithCmdCgisDefaults() throws Exception {
        WebFixture.Reply r = web.get("/actions?action=acknowledge&target=web1;http&target=db1;pg&return_to=/problems");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        String html = r.text();
        assertThat(html).containsPattern("<title>(\\(\\d+\\) )?Acknowledge problem · Vigil</title>")
                .contains("name=\"target\" value=\"web1;http\"").contains("name=\"target\" value=\"db1;pg\"")
                .contains("http on web1").contains("href=\"/service/web1/http\"")
                .contains("name=\"return_to\" value=\"/problems\"").contains("name=\"csrf\" value=\"" + csrf + "\"");
        assertThat(html).containsPattern("name=\"sticky\" checked").containsPattern("name=\"notify\" checked")
                .doesNotContainPattern("name=\"persistent\" checked");
        String downtime = web.get("/actions?action=schedule_downtime&target=db1").text();
        assertThat(downtime).contains("name=\"fixed\" checked").contains("name=\"with_services\"")
                .containsPattern("name=\"start\" value=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d\"");
    }

    @Test
    void acknowledgeSeveralTargetsThenRemoveTheAcknowledgements() throws Exception {
        String location = act("action", "acknowledge", "target", "web1;http", "target", "db1;pg",
                "comment", "on it", "sticky", "on", "notify", "on");
        assertThat(location).endsWith("/services?state=problem&done=2&action=acknowledge");
        assertThat(status("web1/http").get("acknowledged").asBoolean()).isTrue();
        assertThat(status("db1/pg").get("acknowledged").asBoolean()).isTrue();
        assertThat(status("db1/pg").get("acknowledgement_type").asText()).isEqualTo("STICKY");
        assertThat(web.get("/api/v1/comments?host=db1&service=pg").body().toString())
                .contains("on it").contains("vigil-web");
        // the page it comes back to says what was done
        String back = web.get("/?done=2&action=acknowledge").text();
        assertThat(back).contains("id=\"action-result\"").contains("Acknowledge problem: done for 2 objects.");
        act("action", "remove_acknowledgement", "target", "web1;http", "target", "db1;pg");
        assertThat(status("web1/http").get("acknowledged").asBoolean()).isFalse();
        assertThat(status("db1/pg").get("acknowledged").asBoolean()).isFalse();
    }

    @Test
    void recheckGoesThroughTheCommandPath() throws Exception {
        act("action", "recheck", "target", "web1", "target", "web1;disk");
        String log = web.get("/api/v1/log?type=EXTERNAL%20COMMAND&limit=50").body().toString();
        assertThat(log).contains("SCHEDULE_FORCED_HOST_CHECK;web1").contains("SCHEDULE_FORCED_SVC_CHECK;web1;disk");
    }

    @Test
    void downtimeForAHostWithItsServicesThenRemoved() throws Exception {
        act("action", "schedule_downtime", "target", "db1", "start", "2030-01-01T22:00", "end", "2030-01-01T23:30",
                "fixed", "on", "comment", "patching", "with_services", "on");
        JsonNode downtimes = web.get("/api/v1/downtimes?host=db1").body();
        assertThat(downtimes.size()).isEqualTo(2);
        assertThat(downtimes.toString()).contains("\"service\":\"pg\"").contains("patching");
        List<String> ids = new ArrayList<>(List.of("action", "remove_downtime"));
        for (JsonNode d : downtimes) {
            ids.addAll(List.of("downtime_id", d.get("id").asText()));
        }
        assertThat(act(ids.toArray(String[]::new))).contains("done=2");
        assertThat(web.get("/api/v1/downtimes?host=db1").body().size()).isZero();
        // a flexible one takes its duration in minutes
        act("action", "schedule_downtime", "target", "web1;disk", "start", "2030-01-01 10:00",
                "end", "2030-01-01 12:00", "duration", "10", "comment", "maybe");
        JsonNode d = web.get("/api/v1/downtimes?host=web1&service=disk").body().get(0);
        assertThat(d.get("fixed").asBoolean()).isFalse();
        assertThat(d.get("duration_seconds").asLong()).isEqualTo(600);
        act("action", "remove_downtime", "downtime_id", d.get("id").asText());
    }

    @Test
    void commentsAddedAndRemoved() throws Exception {
        act("action", "add_comment", "target", "web1", "comment", "new disks Monday", "persistent", "on");
        JsonNode comments = web.get("/api/v1/comments?host=web1").body();
        JsonNode c = null;
        for (JsonNode n : comments) {
            if (n.get("text").asText().equals("new disks Monday")) {
                c = n;
            }
        }
        assertThat(c).isNotNull();
        act("action", "remove_comment", "comment_id", c.get("id").asText());
        assertThat(web.get("/api/v1/comments?host=web1").body().toString()).doesNotContain("new disks Monday");
    }

    @Test
    void switchesForNotificationsAndChecks() throws Exception {
        act("action", "disable_notifications", "target", "web1", "target", "web1;http");
        assertThat(hostStatus("web1").get("notifications_enabled").asBoolean()).isFalse();
        assertThat(status("web1/http").get("notifications_enabled").asBoolean()).isFalse();
        act("action", "enable_notifications", "target", "web1", "target", "web1;http");
        assertThat(hostStatus("web1").get("notifications_enabled").asBoolean()).isTrue();
        assertThat(status("web1/http").get("notifications_enabled").asBoolean()).isTrue();
        // on a host (its check keeps it UP), so no service's state changes under the other tests
        act("action", "enable_checks", "target", "db1");
        assertThat(hostStatus("db1").get("active_checks_enabled").asBoolean()).isTrue();
        act("action", "disable_checks", "target", "db1");
        assertThat(hostStatus("db1").get("active_checks_enabled").asBoolean()).isFalse();
    }

    @Test
    void passiveResults() throws Exception {
        act("action", "passive_result", "target", "web1;disk", "status", "1", "output", "DISK WARNING 91%");
        assertThat(status("web1/disk").get("state").asText()).isEqualTo("WARNING");
        assertThat(status("web1/disk").get("output").asText()).isEqualTo("DISK WARNING 91%");
        act("action", "passive_result", "target", "web1;disk", "status", "0", "output", "disk fine");
        assertThat(status("web1/disk").get("state").asText()).isEqualTo("OK");
    }

    @Test
    void withoutOrWithAWrongTokenNothingIsDone() throws Exception {
        WebFixture.Reply none = forms.post("/actions", "action", "disable_notifications", "target", "db1;pg");
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.contentType()).startsWith("text/html");
        assertThat(none.text()).contains("security token (csrf) is missing or wrong").doesNotContain("Exception");
        WebFixture.Reply wrong = forms.post("/actions", "csrf", "forged", "action", "disable_notifications",
                "target", "db1;pg");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(status("db1/pg").get("notifications_enabled").asBoolean()).isTrue();
    }

    @Test
    void badInputReRendersTheFormWithTheReason() throws Exception {
        WebFixture.Reply noComment = forms.post("/actions", "csrf", csrf, "action", "acknowledge",
                "target", "db1;pg", "comment", "");
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.text()).contains("id=\"action-error\"").contains("&#39;comment&#39; is required")
                .contains("id=\"action-form\"").contains("value=\"db1;pg\"");
        WebFixture.Reply badTime = forms.post("/actions", "csrf", csrf, "action", "schedule_downtime",
                "target", "db1", "start", "tomorrow", "end", "2030-01-01T10:00", "fixed", "on", "comment", "x");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.text()).contains("&#39;start&#39; is &#39;tomorrow&#39;, not a date and time");
        WebFixture.Reply unknown = forms.post("/actions", "csrf", csrf, "action", "reboot", "target", "db1");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("unknown action &#39;reboot&#39;").contains("acknowledge");
        WebFixture.Reply noTargets = forms.post("/actions", "csrf", csrf, "action", "recheck");
        assertThat(noTargets.status()).isEqualTo(400);
        assertThat(noTargets.text()).contains("no target: choose at least one host or service");
        WebFixture.Reply badStatus = forms.post("/actions", "csrf", csrf, "action", "passive_result",
                "target", "db1", "status", "3", "output", "x");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.text()).contains("status &#39;3&#39; is not 0-2");
        assertThat(web.get("/api/v1/downtimes?host=db1").body().size()).isZero();
    }

    @Test
    void anUnknownTargetIsA404PageAndNothingIsDone() throws Exception {
        WebFixture.Reply r = forms.post("/actions", "csrf", csrf, "action", "disable_notifications",
                "target", "db1;pg", "target", "web1;nosuch");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.text()).contains("Not found (404)").contains("no service &#39;nosuch&#39; on host &#39;web1&#39;");
        assertThat(status("db1/pg").get("notifications_enabled").asBoolean()).isTrue();
    }

    @Test
    void aCommandTheEngineRefusesIsReportedPerTarget() throws Exception {
        // Nagios refuses to acknowledge an OK service; the other target is still acknowledged
        WebFixture.Reply r = forms.post("/actions", "csrf", csrf, "action", "acknowledge", "target", "web1;disk",
                "target", "db1;pg", "comment", "mixed", "sticky", "on");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text()).contains("1 of 2 targets were refused").contains("refused:")
                .contains("ACKNOWLEDGE_SVC_PROBLEM;db1;pg");
        assertThat(status("db1/pg").get("acknowledged").asBoolean()).isTrue();
        act("action", "remove_acknowledgement", "target", "db1;pg");
    }

    @Test
    void returnToIsOnlyEverALocalPath() throws Exception {
        for (String evil : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:x")) {
            HttpResponse<String> r = forms.raw(forms.formPost("/actions", "csrf", csrf, "action", "recheck",
                    "target", "web1", "return_to", evil));
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElseThrow()).as(evil)
                    .endsWith("/?done=1&action=recheck").doesNotContain("evil");
        }
    }

    @Test
    void pageErrorsAreHtmlAndApiErrorsStayJson() throws Exception {
        WebFixture.Reply page = web.get("/no/such/page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("Not found (404)").contains("There is no page at /no/such/page.")
                .contains("href=\"/static/vigil.css\"");
        WebFixture.Reply api = web.get("/api/v1/nosuch");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body().get("error").asText()).isEqualTo("not found");
        WebFixture.Reply bad = web.get("/api/v1/services?state=purple");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/json");
        WebFixture.Reply method = forms.post("/", "a", "b");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.contentType()).startsWith("text/html");
    }

    @Test
    void aFormPostToTheApiDoesNotSlipThrough() throws Exception {
        WebFixture.Reply r = forms.post("/api/v1/services/db1/pg/notifications", "enabled", "false");
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.body().get("detail").asText()).contains("application/json");
        assertThat(status("db1/pg").get("notifications_enabled").asBoolean()).isTrue();
    }
}
