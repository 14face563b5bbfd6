package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.VigilConfiguration;

/** The downtimes and comments lists, the event log with its filters and paging, and the config errors page. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntriesAndLogPageTest {

    WebFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new WebFixture(dir, new VigilConfiguration());
        long now = System.currentTimeMillis() / 1000;
        post("/api/v1/hosts/db1/downtime", "{\"start\":\"" + (now + 3600) + "\",\"end\":\"" + (now + 7200)
                + "\",\"comment\":\"move <script>rack</script>\",\"author\":\"erin\"}");
        post("/api/v1/services/web1/http/downtime", "{\"start\":\"" + (now + 60) + "\",\"end\":\"" + (now + 600)
                + "\",\"fixed\":false,\"duration\":300,\"comment\":\"deploy\"}");
        post("/api/v1/services/db1/pg/comments", "{\"comment\":\"vacuum <b>tonight</b>\",\"author\":\"frank\"}");
        post("/api/v1/hosts/web1/comments", "{\"comment\":\"new disk\",\"author\":\"gina\"}");
        for (int i = 0; i < 3; i++) {
            post("/api/v1/services/web1/disk/result", "{\"status\":\"" + (i % 2 == 0 ? "critical" : "ok")
                    + "\",\"output\":\"DISK " + i + " <script>x</script>\"}");
        }
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private void post(String path, String body) throws Exception {
        WebFixture.Reply r = web.post(path, body);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
    }

    private String page(String path) throws Exception {
        WebFixture.Reply r = web.get(path);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        return r.text();
    }

    private static String rows(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("id=" + id).isPositive();
        return html.substring(at, html.indexOf("</table>", at));
    }

    @Test
    void theDowntimesListLinksObjectsAndRemovesSeveralAtOnce() throws Exception {
        String html = page("/downtimes");
        assertThat(html).containsPattern("<title>(\\(\\d+\\) )?Scheduled downtimes · Vigil</title>")
                .contains("<form method=\"post\" action=\"/actions/form\">")
                .contains("name=\"action\" value=\"remove_downtime\"")
                .contains("name=\"return_to\" value=\"/downtimes\"");
        String table = rows(html, "downtime-list");
        assertThat(table).contains("href=\"/host/db1\"").contains("href=\"/service/web1/http\"")
                .contains("erin").contains("move &lt;script&gt;rack&lt;/script&gt;").doesNotContain("<script>")
                .contains("flexible").contains("0d 0h 5m 0s").contains("fixed")
                .containsPattern("<input type=\"checkbox\" class=\"select\" name=\"downtime_id\" value=\"\\d+\"");
        // host downtimes first
        assertThat(table.indexOf("data-host=\"db1\"")).isLessThan(table.indexOf("data-host=\"web1\""));
    }

    @Test
    void theCommentsListLinksObjectsAndRemovesSeveralAtOnce() throws Exception {
        String html = page("/comments");
        assertThat(html).contains("name=\"action\" value=\"remove_comment\"");
        String table = rows(html, "comment-list");
        assertThat(table).contains("href=\"/service/db1/pg\"").contains("frank").contains("gina")
                .contains("vacuum &lt;b&gt;tonight&lt;/b&gt;").contains("new disk").contains("user")
                .containsPattern("name=\"comment_id\" value=\"\\d+\"");
        assertThat(table.indexOf("gina")).as("host comments first").isLessThan(table.indexOf("frank"));
    }

    @Test
    void theLogIsNewestFirstAndEscaped() throws Exception {
        String table = rows(page("/log"), "log");
        assertThat(table).contains("SERVICE ALERT").contains("EXTERNAL COMMAND").doesNotContain("<script>")
                .contains("DISK 2 &lt;script&gt;x&lt;/script&gt;");
        assertThat(table.indexOf("DISK 2")).isLessThan(table.indexOf("DISK 1")).isLessThan(table.indexOf("DISK 0"));
        assertThat(table).contains("starting...").as("program lines without a type are shown too");
    }

    @Test
    void theLogFiltersByTypeHostServiceAndText() throws Exception {
        String alerts = rows(page("/log?type=alerts&host=web1&service=disk"), "log");
        assertThat(alerts).contains("SERVICE ALERT").doesNotContain("EXTERNAL COMMAND").doesNotContain("DOWNTIME");
        String commands = rows(page("/log?type=commands&text=vacuum"), "log");
        assertThat(commands).contains("ADD_SVC_COMMENT;db1;pg").doesNotContain("ADD_HOST_COMMENT");
        String program = rows(page("/log?type=program"), "log");
        assertThat(program).contains("starting...").doesNotContain("SERVICE ALERT").doesNotContain("EXTERNAL COMMAND");
        assertThat(page("/log?type=flapping")).contains("No log lines match.");
        assertThat(page("/log?type=alerts")).contains("<option value=\"alerts\" selected>");
    }

    @Test
    void theLogFiltersByTime() throws Exception {
        assertThat(page("/log?until=2000-01-01")).contains("No log lines match.");
        assertThat(rows(page("/log?since=2000-01-01%2000:00&until=2999-01-01T00:00:00Z"), "log"))
                .contains("SERVICE ALERT");
        assertThat(page("/log?since=" + (System.currentTimeMillis() / 1000 + 3600))).contains("No log lines match.");
        // relative times count back from now: the alerts of this test's monitor are minutes old, not days
        assertThat(rows(page("/log?since=-1h"), "log")).contains("SERVICE ALERT");
        assertThat(rows(page("/log?since=-30m&type=alerts"), "log")).contains("SERVICE ALERT");
        assertThat(page("/log?until=-2d")).contains("No log lines match.");
        assertThat(page("/log?since=-1h")).contains("name=\"since\" value=\"-1h\"");
    }

    @Test
    void theLogIsPaged() throws Exception {
        for (int i = 0; i < LogPage.PAGE + 5; i++) {
            post("/api/v1/hosts/db1/comments", "{\"comment\":\"paging " + i + "\"}");
        }
        String first = page("/log?type=commands&text=paging");
        assertThat(first).contains("paging " + (LogPage.PAGE + 4) + "</td>").doesNotContain("paging 4</td>")
                .contains("rel=\"next\" href=\"/log?type=commands&amp;text=paging&amp;page=2\"");
        String second = page("/log?type=commands&text=paging&page=2");
        assertThat(rows(second, "log")).contains("paging 4</td>").contains("paging 0</td>")
                .doesNotContain("paging 5</td>");
        assertThat(second).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void badLogParametersAre400WithAClearMessage() throws Exception {
        WebFixture.Reply r = web.get("/log?type=bogus");
        assertThat(r.status()).isEqualTo(400);
        // an HTML error page (issue 7's error pages), so the quotes come escaped
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.text()).contains("type &#39;bogus&#39; is not one of alerts, notifications, downtimes, flapping, "
                + "commands, program").doesNotContain("Exception");
        r = web.get("/log?since=-1y");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("&#39;since&#39; is &#39;-1y&#39;, not a time such as -1h, -30m, -2d, today");
        r = web.get("/log?page=0");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("page &#39;0&#39; is not a whole number from 1");
        r = web.get("/log?since=2026-01-02&until=2026-01-01");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("is before &#39;since&#39;");
    }

    @Test
    void configErrorsShowTheLastRejectedReload() throws Exception {
        assertThat(page("/config-errors")).contains("The running configuration was accepted");
        Path objects = web.dir.resolve("objects.cfg");
        String good = Files.readString(objects);
        try {
            Files.writeString(objects, good + "\ndefine host {\n    use base-host\n    host_name <b>bad</b>\n"
                    + "    parents nosuchparent\n}\n");
            assertThat(web.daemon.reload("test reload").errors()).isNotEmpty();
            String html = web.get("/config-errors").text();
            assertThat(html).contains("id=\"config-errors\"").contains("objects.cfg:").contains("nosuchparent")
                    .doesNotContain("<b>bad</b>");
            long until = System.currentTimeMillis() + 5_000; // the overview's snapshot may be up to 1 s old
            while (!page("/").contains("href=\"/config-errors\"") && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            assertThat(page("/")).contains("href=\"/config-errors\"");
        } finally {
            Files.writeString(objects, good);
        }
    }
}
