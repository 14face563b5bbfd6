package org.vigil.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.app.VigilConfiguration;

/** {@code /api/v1/sweeps} on a real engine and web server: the same sweeps as {@code vigil sweep}. */
class SweepApiTest {

    @TempDir
    Path dir;
    private WebFixture web;

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
    }

    @Test
    void aSweepRunsTheSelectedChecksAndIsPolledToItsSummary() throws Exception {
        web = new WebFixture(dir, new VigilConfiguration());
        // the fixture's checks are passive-only; a sweep runs active checks, so switch web1's on first
        for (String svc : new String[] {"http", "disk"}) {
            assertThat(web.post("/api/v1/services/web1/" + svc + "/active-checks", "{\"enabled\":true}").status())
                    .isEqualTo(200);
        }
        WebFixture.Reply started = web.post("/api/v1/sweeps?host=web1&service=*", null);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        long id = started.body().get("id").asLong();
        assertThat(started.body().get("total").asInt()).isEqualTo(2);

        JsonNode s = null;
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            s = web.get("/api/v1/sweeps/" + id).body();
            if (!s.get("phase").asText().equals("running")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(s.get("phase").asText()).isEqualTo("finished");
        assertThat(s.get("done").asInt()).isEqualTo(2);
        assertThat(s.get("percent").asInt()).isEqualTo(100);
        assertThat(s.get("not_ok")).isEmpty(); // check_dummy 0: both OK
        // the results went through the state machine: http, PENDING before, is OK now
        assertThat(web.get("/api/v1/services/web1/http").body().get("service").get("status").get("state").asText())
                .isEqualTo("OK");
        assertThat(web.get("/api/v1/sweeps").body()).hasSize(1);

        WebFixture.Reply again = web.post("/api/v1/sweeps/" + id + "/cancel", null);
        assertThat(again.status()).as(again.text()).isEqualTo(409);
    }

    @Test
    void badSweepRequestsAreClearJsonErrors() throws Exception {
        web = new WebFixture(dir, new VigilConfiguration());
        WebFixture.Reply unknown = web.post("/api/v1/sweeps?host=web9", null);
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(400);
        assertThat(unknown.body().get("detail").asText()).contains("web9");
        WebFixture.Reply noSuch = web.get("/api/v1/sweeps/77");
        assertThat(noSuch.status()).isEqualTo(404);
        WebFixture.Reply notANumber = web.get("/api/v1/sweeps/abc");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.text()).doesNotContain("Exception");
    }
}
