package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.VigilConfiguration;

/**
 * The problem, host and service lists on a real engine and web server: filters, sorts, paging, icons, escaping,
 * the multi-select action form, and bad parameters (a 400 naming what is expected).
 *
 * <p>States: web1 DOWN (unhandled), db1 UP; web1/http CRITICAL with {@code <b>} in its output (unhandled),
 * db1/pg CRITICAL acknowledged, web1/disk WARNING with notifications off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagesTest {

    WebFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new WebFixture(dir, new VigilConfiguration());
        post("/api/v1/hosts/db1/result", "{\"status\":\"up\",\"output\":\"PING OK\"}");
        post("/api/v1/hosts/web1/result", "{\"status\":\"down\",\"output\":\"PING CRITICAL - 100% loss\"}");
        post("/api/v1/services/web1/http/result",
                "{\"status\":\"critical\",\"output\":\"HTTP CRITICAL <b>500</b>\"}");
        post("/api/v1/services/db1/pg/result", "{\"status\":\"critical\",\"output\":\"PG down\"}");
        post("/api/v1/services/web1/disk/result", "{\"status\":\"warning\",\"output\":\"disk 91% used\"}");
        post("/api/v1/services/db1/pg/acknowledge", "{\"comment\":\"on it\"}");
        post("/api/v1/services/web1/disk/notifications", "{\"enabled\":false}");
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

    /** The rows of the table {@code id}, as "host" or "host;service", in page order. */
    static List<String> rows(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("table " + id).isPositive();
        String table = html.substring(start, html.indexOf("</table>", start));
        Matcher m = Pattern.compile("<tr data-host=\"([^\"]*)\"(?: data-service=\"([^\"]*)\")?").matcher(table);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(2) == null ? m.group(1) : m.group(1) + ";" + m.group(2));
        }
        return out;
    }

    /** The HTML of the row of {@code target} in the table {@code id}. */
    static String row(String html, String id, String target) {
        String table = html.substring(html.indexOf("id=\"" + id + "\""));
        String[] parts = target.split(";");
        String attr = "<tr data-host=\"" + parts[0] + "\"" + (parts.length > 1 ? " data-service=\"" + parts[1]
                + "\"" : " class");
        int at = table.indexOf(attr);
        assertThat(at).as(target).isGreaterThanOrEqualTo(0);
        return table.substring(at, table.indexOf("</tr>", at));
    }

    @Test
    void problemsListUnhandledFirstThenHandledWithServicesOfTheDownHostFolded() throws Exception {
        String html = page("/problems");
        assertThat(html).containsPattern("<title>(\\(\\d+\\) )?Problems · Vigil</title>");
        // web1 is DOWN: its two services are folded under its row
        assertThat(rows(html, "problem-list")).containsExactly("web1", "db1;pg");
        String unhandled = html.substring(html.indexOf("<tbody class=\"unhandled\">"),
                html.indexOf("<tbody class=\"handled\">"));
        assertThat(unhandled).contains("data-service=\"http\"").doesNotContain("data-service=\"pg\"");
        assertThat(row(html, "problem-list", "db1;pg")).contains("class=\"icon-ack\"").contains("1/1");
        String web1 = row(html, "problem-list", "web1");
        assertThat(web1).contains("<summary>2 services affected: 1 CRITICAL, 1 WARNING</summary>");
        String disk = web1.substring(web1.indexOf("<li data-host=\"web1\" data-service=\"disk\""));
        assertThat(disk.substring(0, disk.indexOf("</li>"))).contains("class=\"icon-notifications-off\"")
                .contains("class=\"icon-passive\"").contains("state-warning\">WARNING");
        assertThat(web1).contains("HTTP CRITICAL &lt;b&gt;500&lt;/b&gt;").contains("href=\"/service/web1/http\"");
        assertThat(html).doesNotContain("<b>500</b>");
        assertThat(html).contains("<strong>2</strong> of 2 problems");
    }

    @Test
    void problemsOfEqualSeverityMostRecentFirstAndUnhandledBeforeHandled() {
        List<ProblemRow> rows = new ArrayList<>(List.of(
                problem("a", "warn-old", "WARNING", 9_000, false),
                problem("a", "crit-new", "CRITICAL", 10, false),
                problem("b", null, "UNREACHABLE", 50, false),
                problem("c", "crit-old", "CRITICAL", 5_000, false),
                problem("d", null, "DOWN", 3_000, false),
                problem("e", "crit-acked", "CRITICAL", 99_999, true),
                problem("f", "unknown", "UNKNOWN", 20, false)));
        rows.sort(ProblemOrder.order("severity", false, org.vigil.model.CheckView::durationSeconds));
        assertThat(rows.stream().map(r -> r.host() + ";" + r.service()).toList()).containsExactly(
                "a;crit-new", "d;null", "c;crit-old", "f;unknown", "b;null", "a;warn-old", "e;crit-acked");
    }

    static ProblemRow problem(String host, String service, String state, long duration,
                                                boolean acked) {
        org.vigil.model.CheckView c = new org.vigil.model.CheckView(state, 2, "HARD", 1, 1, null, null,
                null, null, duration, "", "", "", acked, acked ? "NORMAL" : "NONE", 0, false, true, true, true,
                false, 0, 0, true, acked);
        return new ProblemRow(host, service, c);
    }

    @Test
    void listsCarryTheMultiSelectActionForm() throws Exception {
        String html = page("/services");
        String form = html.substring(html.indexOf("<form method=\"post\" action=\"/actions/form\""));
        assertThat(form.substring(0, form.indexOf("</form>"))).contains("name=\"return_to\" value=\"/services\"")
                .contains("<select name=\"action\">").contains("<option value=\"acknowledge\">")
                .contains("<input type=\"checkbox\" class=\"select\" name=\"target\" value=\"web1;http\"")
                .contains("id=\"service-list\"");
        String hosts = page("/hosts?state=DOWN");
        assertThat(hosts).contains("name=\"return_to\" value=\"/hosts?state=DOWN\"")
                .contains("class=\"select\" name=\"target\" value=\"web1\"");
    }

    @Test
    void hostsFilterByStateHandledHostGroupHostAndText() throws Exception {
        assertThat(rows(page("/hosts"), "host-list")).containsExactly("db1", "web1");
        assertThat(rows(page("/hosts?state=DOWN"), "host-list")).containsExactly("web1");
        assertThat(rows(page("/hosts?state=DOWN&state=UP"), "host-list")).containsExactly("db1", "web1");
        // A service state on the host list is ignored, not an error.
        assertThat(rows(page("/hosts?state=CRITICAL&state=UP"), "host-list")).containsExactly("db1");
        assertThat(rows(page("/hosts?state=DOWN&handled=unhandled"), "host-list")).containsExactly("web1");
        assertThat(rows(page("/hosts?state=DOWN&handled=acknowledged"), "host-list")).isEmpty();
        assertThat(rows(page("/hosts?hostgroup=webservers"), "host-list")).containsExactly("web1");
        assertThat(rows(page("/hosts?servicegroup=ports"), "host-list")).containsExactly("db1", "web1");
        assertThat(rows(page("/hosts?host=db1"), "host-list")).containsExactly("db1");
        assertThat(rows(page("/hosts?host=B"), "host-list")).containsExactly("db1", "web1");
        assertThat(rows(page("/hosts?text=100%25+loss"), "host-list")).containsExactly("web1");
        assertThat(rows(page("/hosts?text=database"), "host-list")).containsExactly("db1");
        assertThat(rows(page("/hosts?state_type=hard&state=down"), "host-list")).containsExactly("web1");
        String html = page("/hosts?state=DOWN");
        assertThat(html).contains("<strong>1</strong> of 2 hosts");
        assertThat(html).contains("<input type=\"checkbox\" name=\"state\" value=\"DOWN\" checked>");
    }

    @Test
    void servicesFilterByStateHandledHostGroupsAndText() throws Exception {
        assertThat(rows(page("/services"), "service-list")).containsExactly("db1;pg", "web1;disk", "web1;http");
        assertThat(rows(page("/services?state=CRITICAL"), "service-list")).containsExactly("db1;pg", "web1;http");
        assertThat(rows(page("/services?state=CRITICAL&handled=unhandled"), "service-list"))
                .containsExactly("web1;http");
        assertThat(rows(page("/services?state=CRITICAL&handled=acknowledged"), "service-list"))
                .containsExactly("db1;pg");
        assertThat(rows(page("/services?state=critical,warning&state=DOWN"), "service-list"))
                .containsExactly("db1;pg", "web1;disk", "web1;http");
        assertThat(rows(page("/services?host=web1"), "service-list")).containsExactly("web1;disk", "web1;http");
        assertThat(rows(page("/services?host=eb"), "service-list")).containsExactly("web1;disk", "web1;http");
        assertThat(rows(page("/services?hostgroup=webservers"), "service-list"))
                .containsExactly("web1;disk", "web1;http");
        assertThat(rows(page("/services?servicegroup=ports"), "service-list")).containsExactly("db1;pg", "web1;http");
        assertThat(rows(page("/services?text=%3Cb%3E500"), "service-list")).containsExactly("web1;http");
        assertThat(rows(page("/services?text=dis"), "service-list")).containsExactly("web1;disk");
        assertThat(rows(page("/services?state_type=soft"), "service-list")).isEmpty();
        assertThat(rows(page("/services?state=OK"), "service-list")).isEmpty();
        String html = page("/services?state=CRITICAL");
        assertThat(html).contains("<strong>2</strong> of 3 services").contains("<a href=\"/services\">clear filters</a>");
        assertThat(page("/services")).doesNotContain("clear filters");
        assertThat(row(html, "service-list", "web1;http")).contains("HTTP CRITICAL &lt;b&gt;500&lt;/b&gt;");
        assertThat(html).doesNotContain("<b>500</b>");
    }

    @Test
    void everyColumnSortsBothWaysAndHeadersKeepTheFilters() throws Exception {
        assertThat(rows(page("/services?sort=state&order=desc"), "service-list"))
                .containsExactly("db1;pg", "web1;http", "web1;disk");
        assertThat(rows(page("/services?sort=state"), "service-list"))
                .containsExactly("web1;disk", "db1;pg", "web1;http");
        assertThat(rows(page("/services?sort=service"), "service-list"))
                .containsExactly("web1;disk", "web1;http", "db1;pg");
        assertThat(rows(page("/services?sort=host&order=desc"), "service-list"))
                .containsExactly("web1;http", "web1;disk", "db1;pg");
        assertThat(rows(page("/services?sort=output"), "service-list"))
                .containsExactly("web1;http", "db1;pg", "web1;disk");
        for (String column : List.of("host", "service", "state", "last_check", "duration", "attempt", "output")) {
            assertThat(rows(page("/services?sort=" + column + "&order=desc"), "service-list")).as(column).hasSize(3);
        }
        assertThat(rows(page("/hosts?sort=state&order=desc"), "host-list")).containsExactly("web1", "db1");
        assertThat(rows(page("/hosts?sort=host&order=desc"), "host-list")).containsExactly("web1", "db1");
        String html = page("/services?state=CRITICAL&text=x&sort=state");
        assertThat(html).contains("href=\"/services?state=CRITICAL&amp;text=x&amp;sort=state&amp;order=desc\"")
                .contains("href=\"/services?state=CRITICAL&amp;text=x&amp;sort=duration&amp;order=asc\"")
                .contains("class=\"sorted asc\"");
    }

    @Test
    void pagesThroughLongLists() throws Exception {
        String first = page("/services?per_page=2");
        assertThat(rows(first, "service-list")).containsExactly("db1;pg", "web1;disk");
        assertThat(first).contains("<strong>3</strong> of 3 services; showing 1–2")
                .contains("page 1 of 2").contains("rel=\"next\" href=\"/services?per_page=2&amp;page=2\"");
        String second = page("/services?per_page=2&page=2");
        assertThat(rows(second, "service-list")).containsExactly("web1;http");
        assertThat(second).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(rows(page("/services?per_page=2&page=9"), "service-list")).isEmpty();
        assertThat(rows(page("/problems?per_page=1&page=2"), "problem-list")).containsExactly("db1;pg");
        assertThat(ListParams.PER_PAGE).isEqualTo(100);
    }

    @Test
    void badParametersAre400sNamingWhatIsExpected() throws Exception {
        assertBad("/services?sort=colour", "sort 'colour' is not one of host, service, state, last_check");
        assertBad("/hosts?sort=service", "sort 'service' is not one of host, state");
        assertBad("/hosts?order=up", "order 'up' is not one of asc, desc");
        assertBad("/services?state=BROKEN", "state 'BROKEN' is not one of up, down");
        assertBad("/problems?state=nope", "state 'nope' is not one of");
        assertBad("/hosts?handled=maybe", "handled 'maybe' is not one of unhandled, acknowledged, downtime");
        assertBad("/services?state_type=firm", "state_type 'firm' is not one of soft, hard");
        assertBad("/services?page=0", "page must be 1 or more");
        assertBad("/services?page=two", "page 'two' is not a whole number");
        assertBad("/services?per_page=100000", "per_page must be 1 to 5000");
        WebFixture.Reply r = web.get("/services?hostgroup=nosuch");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).doesNotContain("Exception");
        assertThat(web.get("/hosts?servicegroup=nosuch").status()).isEqualTo(404);
    }

    private void assertBad(String path, String message) throws Exception {
        WebFixture.Reply r = web.get(path);
        assertThat(r.status()).as(path).isEqualTo(400);
        // Rendered as an HTML error page (quotes escaped) or as JSON: either way the message, no stack trace.
        assertThat(r.text().replace("&#39;", "'")).as(path).contains(message).doesNotContain("at org.")
                .doesNotContain("Exception");
    }

    @Test
    void emptyFilterFieldsMeanNoFilter() throws Exception {
        assertThat(rows(page("/services?state_type=&handled=&host=&hostgroup=&text="), "service-list")).hasSize(3);
    }
}
