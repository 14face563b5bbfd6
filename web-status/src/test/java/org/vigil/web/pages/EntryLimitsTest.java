package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.VigilConfiguration;

/**
 * The limits on comments and downtimes ({@code limits:} in vigil.yml, here 2 comments per object, 3 in all, 1
 * downtime per object, 2 in all) through the JSON API and {@code /actions} on a real daemon: a command past a
 * limit is a 422 naming the limit, logged as a failed external command, and changes nothing; within the limits
 * the same actions work. The method order matters (each fills what the next one meets), so it is fixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
class EntryLimitsTest {

    WebFixture web;
    PageForms forms;
    String csrf;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        VigilConfiguration settings = new VigilConfiguration();
        settings.limits.maxCommentsPerObject = 2;
        settings.limits.maxComments = 3;
        settings.limits.maxDowntimesPerObject = 1;
        settings.limits.maxDowntimes = 2;
        web = new WebFixture(dir, settings);
        forms = new PageForms(web);
        assertThat(web.post("/api/v1/services/web1/http/result", "{\"status\":\"critical\",\"output\":\"down\"}")
                .status()).isEqualTo(200);
        csrf = PageForms.csrf(web.get("/").text());
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private int comments() throws Exception {
        return web.get("/api/v1/comments").body().size();
    }

    private int downtimes() throws Exception {
        return web.get("/api/v1/downtimes").body().size();
    }

    private String log() throws Exception {
        return Files.readString(web.dir.resolve("nagios.log"));
    }

    @Test
    void a_commentsPastALimitAre422AndLogged() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(web.post("/api/v1/hosts/web1/comments", "{\"comment\":\"note " + i + "\"}").status())
                    .isEqualTo(200);
        }
        WebFixture.Reply third = web.post("/api/v1/hosts/web1/comments", "{\"comment\":\"one too many\"}");
        assertThat(third.status()).isEqualTo(422);
        assertThat(third.body().get("error").asText()).isEqualTo("command failed");
        assertThat(third.body().get("detail").asText()).isEqualTo("host 'web1' has 2 comments, the most allowed per"
                + " object (limits.max_comments_per_object in vigil.yml); delete some first");
        assertThat(comments()).isEqualTo(2);
        assertThat(log()).contains("ADD_HOST_COMMENT;web1;1;vigil-api;one too many returned error Command failed"
                + " (host 'web1' has 2 comments");

        // an acknowledgement adds a comment: the third comment fills the total, so the acknowledgement is refused
        assertThat(web.post("/api/v1/hosts/db1/comments", "{\"comment\":\"db\"}").status()).isEqualTo(200);
        WebFixture.Reply ack = web.post("/api/v1/services/web1/http/acknowledge", "{\"comment\":\"on it\"}");
        assertThat(ack.status()).isEqualTo(422);
        assertThat(ack.body().get("detail").asText()).contains("there are 3 comments", "limits.max_comments in");
        assertThat(web.get("/api/v1/services/web1/http").body().get("service").get("status").get("acknowledged")
                .asBoolean()).isFalse();
        assertThat(comments()).isEqualTo(3);
    }

    @Test
    void b_theActionsPageReportsTheLimitPerTarget() throws Exception {
        WebFixture.Reply r = forms.post("/actions", "csrf", csrf, "action", "add_comment", "target", "db1;pg",
                "comment", "full", "return_to", "/");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.text()).contains("limits.max_comments in vigil.yml");
        assertThat(comments()).isEqualTo(3);
    }

    @Test
    void c_downtimesPastALimitAre422AndNothingIsScheduled() throws Exception {
        String body = "{\"start\": 1893535200, \"end\": 1893542400, \"comment\": \"patching\"}";
        assertThat(web.post("/api/v1/hosts/db1/downtime", body).status()).isEqualTo(200);
        WebFixture.Reply again = web.post("/api/v1/hosts/db1/downtime", body);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body().get("detail").asText()).isEqualTo("host 'db1' has 1 downtime, the most allowed per"
                + " object is 1 (limits.max_downtimes_per_object in vigil.yml)");
        // the total: the second downtime fills it
        WebFixture.Reply services = web.post("/api/v1/services/web1/http/downtime", body);
        assertThat(services.status()).isEqualTo(200);
        WebFixture.Reply over = web.post("/api/v1/services/web1/disk/downtime", body);
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.body().get("detail").asText()).isEqualTo("there are 2 downtimes and this command adds 1,"
                + " past the most allowed, 2 (limits.max_downtimes in vigil.yml)");
        assertThat(downtimes()).isEqualTo(2);
        assertThat(log()).contains("SCHEDULE_SVC_DOWNTIME;web1;disk;1893535200;1893542400;1;0;7200;vigil-api;patching"
                + " returned error Command failed (there are 2 downtimes");

        // room again once one is deleted
        long id = web.get("/api/v1/downtimes?host=db1").body().get(0).get("id").asLong();
        assertThat(web.post("/api/v1/downtimes/" + id + "/delete", null).status()).isEqualTo(200);
        assertThat(web.post("/api/v1/services/web1/disk/downtime", body).status()).isEqualTo(200);
        assertThat(downtimes()).isEqualTo(2);
    }

    @Test
    void d_theDefaultsAreDocumentedOnes() {
        VigilConfiguration.Limits d = new VigilConfiguration().limits;
        assertThat(List.of(d.maxCommentsPerObject, d.maxComments, d.maxDowntimesPerObject, d.maxDowntimes))
                .containsExactly(500, 100_000, 500, 100_000);
    }
}
