package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.notify.setup.Notifications;
import org.vigil.notify.setup.NotifySettings;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.VigilConfiguration;

/**
 * The host and service detail pages on a real engine: state, output and long output (escaped), perfdata as a
 * table, comments, downtimes, history from the real log, and the action links.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetailPageTest {

    WebFixture web;
    Notifications notifications;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        // the real notifier (contacts' own commands only), so notifications are logged as in vigil run
        notifications = new Notifications(NotifySettings.NONE, Clock.systemUTC());
        web = new WebFixture(dir, new VigilConfiguration(), notifications);
        // the fixture's contacts take no notification options; give alice all of them
        Files.writeString(dir.resolve("objects.cfg"), WebFixture.OBJECTS.replaceFirst(
                "service_notification_commands check_dummy", "service_notification_commands check_dummy\n"
                        + "    service_notification_options w,u,c,r,f,s"));
        assertThat(web.daemon.reload("test: notification options").errors()).isEmpty();
        post("/api/v1/services/web1/http/result", "{\"status\":\"critical\",\"output\":"
                + "\"HTTP CRITICAL <script>alert(1)</script> | time=0.5s;1;2;0; size=1024B;;;0;2048 'bad\\n"
                + "second line <b>bold</b>\\nthird line\"}");
        post("/api/v1/services/web1/http/acknowledge", "{\"comment\":\"looking <i>now</i>\",\"author\":\"carol\"}");
        post("/api/v1/services/web1/http/comments", "{\"comment\":\"ticket #42 <script>x</script>\",\"author\":\"dave\"}");
        post("/api/v1/services/web1/http/downtime", "{\"start\":\"" + (System.currentTimeMillis() / 1000 + 3600)
                + "\",\"end\":\"" + (System.currentTimeMillis() / 1000 + 7200) + "\",\"comment\":\"maintenance\"}");
        post("/api/v1/services/web1/http/downtime", "{\"start\":\"" + (System.currentTimeMillis() / 1000 - 5)
                + "\",\"end\":\"" + (System.currentTimeMillis() / 1000 + 600) + "\",\"comment\":\"now\"}");
        post("/api/v1/services/web1/disk/result", "{\"status\":\"ok\",\"output\":\"DISK OK\"}");
        post("/api/v1/hosts/web1/result", "{\"status\":\"down\",\"output\":\"PING CRITICAL\"}");
        post("/api/v1/hosts/web1/notifications", "{\"enabled\":false}");
    }

    @AfterAll
    void stop() {
        web.close();
        notifications.close();
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

    private static String section(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("id=" + id).isPositive();
        int end = html.indexOf("</section>", at);
        return html.substring(at, end < 0 ? html.length() : end);
    }

    @Test
    void theServicePageShowsStateOutputAndLongOutputEscaped() throws Exception {
        String html = page("/service/web1/http");
        assertThat(html).containsPattern("<title>(\\(\\d+\\) )?Service http on web1 · Vigil</title>").contains("id=\"service-detail\"");
        String state = section(html, "state");
        assertThat(state).contains("state-critical\">CRITICAL</span>").contains("HARD").contains("1/1")
                .contains("passive").contains("yes, by carol (sticky)");
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>bold</b>")
                .contains("HTTP CRITICAL &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<pre class=\"output\" id=\"long-output\">second line &lt;b&gt;bold&lt;/b&gt;\nthird line</pre>");
        assertThat(html).contains("href=\"/host/web1\"");
    }

    @Test
    void theServicesOwnStateComesFirstAndTheHostsIsLabelledAsTheHosts() throws Exception {
        String html = page("/service/web1/http");
        String detail = html.substring(html.indexOf("id=\"service-detail\""));
        // issue 21: the host's badge stood right after the service's name, above the service's own state
        int first = detail.indexOf("class=\"state ");
        assertThat(detail.substring(first)).startsWith("class=\"state state-critical\">CRITICAL</span>");
        assertThat(detail.substring(0, first)).contains("<h2>http ");
        String host = detail.substring(detail.indexOf("<dt>Host</dt>"), detail.indexOf("</dd>", detail.indexOf("<dt>Host</dt>")));
        assertThat(host).contains("href=\"/host/web1\"").contains("title=\"The host's state\">host ")
                .contains("state-down\">DOWN</span>");
        assertThat(detail.indexOf("DOWN</span>")).isGreaterThan(detail.indexOf("CRITICAL</span>"));
    }

    @Test
    void perfdataIsATableWithMalformedItemsListed() throws Exception {
        String perf = section(page("/service/web1/http"), "perfdata");
        assertThat(perf.replaceAll("\\s+", " ")).contains(
                "<td>time</td><td>0.5</td><td>s</td><td>1</td><td>2</td><td>0</td><td></td>",
                "<td>size</td><td>1024</td><td>B</td><td></td><td></td><td>0</td><td>2048</td>",
                "<code>&#39;bad</code>");
    }

    @Test
    void commentsAndDowntimesWithRemoveLinks() throws Exception {
        String html = page("/service/web1/http");
        String comments = section(html, "comments");
        assertThat(comments).contains("dave").contains("ticket #42 &lt;script&gt;x&lt;/script&gt;")
                .contains("looking &lt;i&gt;now&lt;/i&gt;").contains("acknowledgement")
                .containsPattern("href=\"/actions\\?action=remove_comment&amp;comment_id=\\d+&amp;return_to="
                        + "%2Fservice%2Fweb1%2Fhttp\"");
        String downtimes = section(html, "downtimes");
        assertThat(downtimes).contains("maintenance").contains("fixed").contains("0d 1h 0m 0s")
                .containsPattern("action=remove_downtime&amp;downtime_id=\\d+&amp;");
    }

    @Test
    void historyComesFromTheLogNewestFirst() throws Exception {
        long until = System.currentTimeMillis() + 5_000; // the notification and the downtime start are logged soon after
        while (!(section(page("/service/web1/http"), "history").contains("SERVICE DOWNTIME ALERT")
                && section(page("/service/web1/http"), "history").contains("SERVICE NOTIFICATION"))
                && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        String history = section(page("/service/web1/http"), "history");
        assertThat(history).contains("SERVICE ALERT").contains("web1;http;CRITICAL;HARD;1;HTTP CRITICAL &lt;script&gt;")
                .contains("SERVICE NOTIFICATION").contains("alice;web1;http;CRITICAL;check_dummy;")
                .contains("SERVICE DOWNTIME ALERT").doesNotContain("disk");
        String host = section(page("/host/web1"), "history");
        assertThat(host).contains("HOST ALERT").contains("web1;DOWN;HARD;1;PING CRITICAL")
                .doesNotContain("SERVICE ALERT");
    }

    @Test
    void actionLinksFollowTheConventions() throws Exception {
        String actions = section(page("/service/web1/http"), "actions");
        assertThat(actions).contains("<form method=\"post\" action=\"/actions\"")
                .contains("name=\"csrf\"").contains("name=\"action\" value=\"recheck\"")
                .contains("name=\"target\" value=\"web1;http\"").contains("name=\"return_to\" value=\"/service/web1/http\"")
                .contains("href=\"/actions?target=web1%3Bhttp&amp;return_to=%2Fservice%2Fweb1%2Fhttp&amp;action=remove_acknowledgement\"")
                .doesNotContain("action=acknowledge\"").contains("action=disable_notifications\"")
                .contains("action=passive_result\"").contains("action=add_comment\"");
        String host = section(page("/host/web1"), "actions");
        assertThat(host).contains("action=acknowledge\"").contains("action=enable_notifications\"")
                .contains("action=schedule_downtime&amp;with_services=1\"").contains("action=enable_checks\"");
    }

    @Test
    void theHostPageListsItsServicesWithStates() throws Exception {
        String html = page("/host/web1");
        assertThat(html).containsPattern("<title>(\\(\\d+\\) )?Host web1 · Vigil</title>").contains("id=\"host-detail\"")
                .contains("192.0.2.10").contains("Web one").contains("href=\"/hosts?hostgroup=webservers\"");
        String services = html.substring(html.indexOf("id=\"host-services\""));
        assertThat(services).contains("data-service=\"http\"").contains("href=\"/service/web1/http\"")
                .contains("state-ok\">OK</span>").contains("state-critical\">CRITICAL</span>");
        assertThat(section(html, "state")).contains("state-down\">DOWN").contains("disabled");
    }

    @Test
    void namesAreEncodedInLinks() throws Exception {
        assertThat(page("/host/db1")).contains("href=\"/service/db1/pg\"");
    }

    @Test
    void unknownObjectsAre404() throws Exception {
        assertThat(web.get("/host/nosuch").status()).isEqualTo(404);
        assertThat(web.get("/service/web1/nosuch").status()).isEqualTo(404);
        assertThat(web.get("/service/nosuch/http").status()).isEqualTo(404);
    }
}
