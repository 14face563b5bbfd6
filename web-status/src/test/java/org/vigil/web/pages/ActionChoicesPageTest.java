package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
 * The action forms' choices of issue 21 on a real engine, read back through the JSON API: acknowledgements that
 * expire (a preset or a time; the API's {@code expires}), downtime presets (1 h, 4 h, until tomorrow 09:00 in the
 * server's zone), flexible and triggered downtimes, and child hosts included; and /comments by kind, with the
 * automatic downtime comments' times in the pages' ISO style (the API keeps Nagios's text).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionChoicesPageTest {

    WebFixture web;
    PageForms forms;
    String csrf;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new WebFixture(dir, new VigilConfiguration());
        forms = new PageForms(web);
        for (String s : List.of("web1/http", "web1/disk", "db1/pg")) {
            assertThat(web.post("/api/v1/services/" + s + "/result", "{\"status\":\"critical\",\"output\":\"down\"}")
                    .status()).isEqualTo(200);
        }
        csrf = PageForms.csrf(web.get("/").text());
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private HttpResponse<String> act(String... pairs) throws Exception {
        List<String> all = new ArrayList<>(List.of("csrf", csrf, "return_to", "/problems"));
        all.addAll(List.of(pairs));
        return forms.raw(forms.formPost("/actions", all.toArray(String[]::new)));
    }

    private JsonNode ackComment(String host, String service) throws Exception {
        for (JsonNode c : web.get("/api/v1/comments?host=" + host + "&service=" + service).body()) {
            if (c.get("type").asText().equals("ACKNOWLEDGEMENT")) {
                return c;
            }
        }
        return null;
    }

    private static long epoch(JsonNode time) {
        return Instant.parse(time.asText()).getEpochSecond();
    }

    @Test
    void theAcknowledgeFormOffersAnEndAndTheAcknowledgementExpiresThen() throws Exception {
        String form = web.get("/actions?action=acknowledge&target=web1;http").text();
        assertThat(form).contains("<select id=\"f-expires\" name=\"expires\">").contains("<option value=\"4h\">")
                .contains("<option value=\"tomorrow\">until tomorrow 09:00</option>").contains("name=\"expire_at\"");
        long before = Instant.now().getEpochSecond();
        assertThat(act("action", "acknowledge", "target", "web1;http", "comment", "looking", "expires", "1h")
                .statusCode()).isEqualTo(303);
        JsonNode c = ackComment("web1", "http");
        assertThat(c.get("expires").asBoolean()).isTrue();
        assertThat(epoch(c.get("expire_time"))).isBetween(before + 3600, Instant.now().getEpochSecond() + 3600);
        assertThat(web.get("/api/v1/log?type=EXTERNAL%20COMMAND&limit=20").body().toString())
                .contains("ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;web1;http;");
        // the badge and the detail page say until when
        assertThat(web.get("/problems").text()).containsPattern(
                "title=\"Acknowledged by vigil-web until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d: looking\">ACK");
        assertThat(web.get("/service/web1/http").text()).containsPattern(
                "id=\"acknowledged\">yes, by vigil-web \\(normal\\) until \\d{4}-\\d\\d-\\d\\d [0-9:]{8}: "
                        + "<span class=\"output\">looking</span>");

        HttpResponse<String> past = act("action", "acknowledge", "target", "web1;disk", "comment", "x",
                "expires", "at", "expire_at", "2001-01-01T10:00");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("the acknowledgement would expire before it starts");
        assertThat(ackComment("web1", "disk")).isNull();
    }

    @Test
    void theApiTakesExpires() throws Exception {
        long end = Instant.now().getEpochSecond() + 7200;
        WebFixture.Reply ok = web.post("/api/v1/services/db1/pg/acknowledge",
                "{\"comment\":\"until the vendor calls\",\"expires\":\"" + Instant.ofEpochSecond(end) + "\"}");
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(ok.body().get("command").asText()).startsWith("ACKNOWLEDGE_SVC_PROBLEM_EXPIRE;db1;pg;2;1;0;" + end
                + ";");
        assertThat(epoch(ackComment("db1", "pg").get("expire_time"))).isEqualTo(end);
        WebFixture.Reply past = web.post("/api/v1/services/db1/pg/acknowledge",
                "{\"comment\":\"x\",\"expires\":\"1000000000\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().get("detail").asText()).contains("'expires'").contains("not in the future");
    }

    @Test
    void downtimePresetsTriggersAndChildHosts() throws Exception {
        String form = web.get("/actions?action=schedule_downtime&target=db1").text();
        assertThat(form).contains("<select id=\"f-preset\" name=\"preset\">").contains("from now, 4 hours")
                .contains("name=\"trigger_id\"").contains("<select id=\"f-children\" name=\"child_hosts\">");

        long before = Instant.now().getEpochSecond();
        assertThat(act("action", "schedule_downtime", "target", "db1", "preset", "4h", "fixed", "on",
                "comment", "kernel update").statusCode()).isEqualTo(303);
        JsonNode first = web.get("/api/v1/downtimes?host=db1").body().get(0);
        assertThat(epoch(first.get("start"))).isBetween(before, Instant.now().getEpochSecond());
        assertThat(epoch(first.get("end")) - epoch(first.get("start"))).isEqualTo(4 * 3600);
        long id = first.get("id").asLong();

        // the next form offers it as a trigger; a flexible downtime of a service, triggered by it, until tomorrow 09:00
        assertThat(web.get("/actions?action=schedule_downtime&target=web1;disk").text())
                .contains("<option value=\"" + id + "\">#" + id + " db1, ");
        assertThat(act("action", "schedule_downtime", "target", "web1;disk", "preset", "tomorrow",
                "duration", "30", "trigger_id", Long.toString(id), "comment", "after the db").statusCode())
                .isEqualTo(303);
        JsonNode second = web.get("/api/v1/downtimes?host=web1&service=disk").body().get(0);
        assertThat(second.get("fixed").asBoolean()).isFalse();
        assertThat(second.get("duration_seconds").asLong()).isEqualTo(1800);
        assertThat(second.get("triggered_by").asLong()).isEqualTo(id);
        ZoneId zone = ZoneId.systemDefault();
        long tomorrowNine = ZonedDateTime.now(zone).toLocalDate().plusDays(1).atTime(LocalTime.of(9, 0))
                .atZone(zone).toEpochSecond();
        assertThat(epoch(second.get("end"))).isEqualTo(tomorrowNine);

        assertThat(act("action", "schedule_downtime", "target", "web1", "preset", "1h", "fixed", "on",
                "child_hosts", "triggered", "comment", "rack move").statusCode()).isEqualTo(303);
        assertThat(web.get("/api/v1/log?type=EXTERNAL%20COMMAND&limit=20").body().toString())
                .contains("SCHEDULE_AND_PROPAGATE_TRIGGERED_HOST_DOWNTIME;web1;");
        WebFixture.Reply bad = web.post("/api/v1/services/web1/http/downtime", "{\"start\":\"" + before
                + "\",\"end\":\"" + (before + 60) + "\",\"comment\":\"x\",\"child_hosts\":\"all\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("detail").asText()).isEqualTo("child_hosts is for host downtimes only");
    }

    @Test
    void commentsByKindWithoutUsDates() throws Exception {
        long now = Instant.now().getEpochSecond();
        assertThat(web.post("/api/v1/services/db1/pg/comments", "{\"comment\":\"vacuum tonight\"}").status())
                .isEqualTo(200);
        assertThat(web.post("/api/v1/services/db1/pg/downtime", "{\"start\":\"" + (now - 60) + "\",\"end\":\""
                + (now + 3600) + "\",\"comment\":\"maintenance\"}").status()).isEqualTo(200);
        String nagiosText = null;
        for (int i = 0; i < 100 && nagiosText == null; i++) { // the downtime starts on the engine's next second
            for (JsonNode c : web.get("/api/v1/comments?host=db1&service=pg").body()) {
                if (c.get("type").asText().equals("DOWNTIME")) {
                    nagiosText = c.get("text").asText();
                }
            }
            Thread.sleep(50);
        }
        assertThat(nagiosText).as("the API keeps Nagios's text, date_format us")
                .matches("This service has been scheduled for fixed downtime from \\d\\d-\\d\\d-\\d{4} [0-9:]{8} "
                        + "to \\d\\d-\\d\\d-\\d{4} [0-9:]{8}\\.  Notifications .*");

        String byDefault = web.get("/comments").text();
        assertThat(byDefault).contains("vacuum tonight").doesNotContain("scheduled for fixed downtime")
                .containsPattern("id=\"comments-hidden\">\\d+ other comments? not shown")
                .contains("<input type=\"checkbox\" name=\"kind\" value=\"user\" checked>")
                .contains("<input type=\"checkbox\" name=\"kind\" value=\"downtime\">");
        String downtimes = web.get("/comments?kind=downtime").text();
        assertThat(downtimes).doesNotContain("vacuum tonight").containsPattern(
                "This service has been scheduled for fixed downtime from \\d{4}-\\d\\d-\\d\\d [0-9:]{8} to "
                        + "\\d{4}-\\d\\d-\\d\\d [0-9:]{8}\\.  Notifications")
                .doesNotContainPattern("downtime from \\d\\d-\\d\\d-\\d{4}");
        assertThat(web.get("/comments?kind=all").text()).contains("vacuum tonight")
                .contains("scheduled for fixed downtime");
        WebFixture.Reply bad = web.get("/comments?kind=notes");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("kind &#39;notes&#39; is not one of user, acknowledgement, downtime, flapping or all");
    }
}
