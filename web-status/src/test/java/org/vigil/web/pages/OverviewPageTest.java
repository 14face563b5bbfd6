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

/** The tactical overview on a real engine: counts per state, split by handling, with links into the lists. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewPageTest {

    WebFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new WebFixture(dir, new VigilConfiguration());
        post("/api/v1/services/web1/http/result", "{\"status\":\"critical\",\"output\":\"HTTP CRITICAL <b>500</b>\"}");
        post("/api/v1/services/db1/pg/result", "{\"status\":\"critical\",\"output\":\"PG down\"}");
        post("/api/v1/services/web1/disk/result", "{\"status\":\"OK\",\"output\":\"disk fine\"}");
        post("/api/v1/services/db1/pg/acknowledge", "{\"comment\":\"on it\"}");
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private void post(String path, String body) throws Exception {
        assertThat(web.post(path, body).status()).as(path).isEqualTo(200);
    }

    @Test
    void countsServicesPerStateSplitIntoUnhandledAndAcknowledged() throws Exception {
        WebFixture.Reply r = web.get("/");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        String html = r.text();
        assertThat(html).contains("<title>(1) Tactical overview · Vigil</title>");
        String services = html.substring(html.indexOf("id=\"services-counts\""));
        String critical = services.substring(services.indexOf("state-critical\">CRITICAL"));
        critical = critical.substring(0, critical.indexOf("</tr>"));
        assertThat(critical).contains(">2</a>").contains("href=\"/services?state=CRITICAL&amp;handled=unhandled\">1</a>")
                .contains("href=\"/services?state=CRITICAL&amp;handled=acknowledged\">1</a>");
        assertThat(html).contains("href=\"/problems\">1</a>");
    }

    @Test
    void servesTheStylesheetAndScript() throws Exception {
        assertThat(web.get("/static/vigil.css").status()).isEqualTo(200);
        WebFixture.Reply js = web.get("/static/vigil.js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.text()).contains("location.reload");
    }
}
