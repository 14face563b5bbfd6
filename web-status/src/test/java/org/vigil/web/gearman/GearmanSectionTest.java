package org.vigil.web.gearman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.model.GearmanReport;

/**
 * The gearman dispatch where ops look, on the real web server over a real engine: the status page's gearman page,
 * banner and overview panel, {@code /metrics} and {@code /api/v1/gearman}, and none of it without gearman. The
 * report is built here; vigil-app's GearmanReportsTest makes it from a real gearmand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GearmanSectionTest {

    private static final Instant SINCE = Instant.parse("2026-12-07T11:58:00Z");
    private static final String DOWN = "gearman server 127.0.0.1:4731 unreachable: Connection refused";

    private final AtomicBoolean fallback = new AtomicBoolean();
    private WebFixture web;
    private WebFixture plain;

    @BeforeAll
    void start(@TempDir Path dir, @TempDir Path plainDir) throws Exception {
        web = WebFixture.withGearman(dir, new VigilConfiguration(), () -> report(fallback.get()));
        plain = new WebFixture(plainDir, new VigilConfiguration());
    }

    @AfterAll
    void stop() {
        web.close();
        plain.close();
    }

    static GearmanReport report(boolean fallback) {
        return new GearmanReport(Instant.now(), fallback, fallback ? Optional.of(SINCE) : Optional.empty(),
                new GearmanReport.Counts(120, 110, 3, 1, 5, 0, 7), 250.0,
                List.of(new GearmanReport.Queue("hostgroup_web\"1", 1, 1, 0, 0),
                        new GearmanReport.Queue("service", 3, 2, 1, 1)),
                List.of(new GearmanReport.Server("127.0.0.1:4730", Optional.empty(), Instant.now(), 1),
                        new GearmanReport.Server("127.0.0.1:4731", Optional.of(DOWN), Instant.now(), 0)),
                Optional.of("result with the wrong key from 127.0.0.1"));
    }

    @Test
    void theApiAnswersQueuesServersAndCounters() throws Exception {
        fallback.set(false);
        WebFixture.Reply r = web.get("/api/v1/gearman");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode body = r.body();
        assertThat(body.get("fallback").asBoolean()).isFalse();
        assertThat(body.get("unreachable_since").isNull()).isTrue();
        assertThat(body.get("queue_depth").asLong()).isEqualTo(4);
        assertThat(body.get("jobs_waiting").asLong()).isEqualTo(3);
        assertThat(body.get("jobs_running").asLong()).isEqualTo(1);
        assertThat(body.get("result_latency_seconds").asDouble()).isEqualTo(0.25);
        assertThat(body.get("counts").get("submitted").asLong()).isEqualTo(120);
        assertThat(body.get("counts").get("ran_locally").asLong()).isEqualTo(5);
        assertThat(body.get("last_problem").asText()).isEqualTo("result with the wrong key from 127.0.0.1");
        JsonNode service = body.get("queues").get(1);
        assertThat(service.get("queue").asText()).isEqualTo("service");
        assertThat(List.of(service.get("total").asLong(), service.get("waiting").asLong(),
                service.get("running").asLong(), service.get("workers").asLong())).containsExactly(3L, 2L, 1L, 1L);
        JsonNode up = body.get("servers").get(0);
        assertThat(up.get("server").asText()).isEqualTo("127.0.0.1:4730");
        assertThat(up.get("up").asBoolean()).isTrue();
        assertThat(up.get("problem").isNull()).isTrue();
        assertThat(up.get("workers").asInt()).isEqualTo(1);
        JsonNode down = body.get("servers").get(1);
        assertThat(down.get("up").asBoolean()).isFalse();
        assertThat(down.get("problem").asText()).isEqualTo(DOWN);

        fallback.set(true);
        JsonNode on = web.get("/api/v1/gearman").body();
        assertThat(on.get("fallback").asBoolean()).isTrue();
        assertThat(on.get("unreachable_since").asText()).isEqualTo("2026-12-07T11:58:00Z");
    }

    @Test
    void metricsCarryTheQueuesCountersFallbackAndServers() throws Exception {
        fallback.set(true);
        String metrics = web.admin("/metrics").text();
        assertThat(metrics.lines()).contains(
                "# TYPE vigil_gearman_queue_waiting gauge",
                "vigil_gearman_queue_waiting{queue=\"service\"} 2",
                "vigil_gearman_queue_waiting{queue=\"hostgroup_web\\\"1\"} 1",
                "vigil_gearman_queue_running{queue=\"service\"} 1",
                "vigil_gearman_queue_workers{queue=\"service\"} 1",
                "# TYPE vigil_gearman_jobs_submitted_total counter",
                "vigil_gearman_jobs_submitted_total 120",
                "vigil_gearman_results_total 110",
                "vigil_gearman_orphaned_total 3",
                "vigil_gearman_pending 7",
                "vigil_gearman_result_latency_seconds 0.250000",
                "vigil_gearman_fallback 1",
                "vigil_gearman_server_up{server=\"127.0.0.1:4730\"} 1",
                "vigil_gearman_server_up{server=\"127.0.0.1:4731\"} 0");
        assertThat(metrics).contains("vigil_checks_completed_total");
        fallback.set(false);
        assertThat(web.admin("/metrics").text().lines()).contains("vigil_gearman_fallback 0");
    }

    @Test
    void thePagesShowTheQueuesServersAndAFallbackBanner() throws Exception {
        fallback.set(false);
        String page = web.get("/gearman").text();
        assertThat(page).containsPattern("<title>(\\(\\d+\\) )?Gearman · Vigil</title>").contains("href=\"/gearman\" class=\"active\"")
                .doesNotContain("gearman-fallback-banner").contains("<dd id=\"gearman-fallback\">off</dd>")
                .contains("<dd id=\"gearman-latency\">250.0 ms</dd>")
                .contains("<dd>result with the wrong key from 127.0.0.1</dd>");
        assertThat(row(page, "<th>service</th>")).contains("<td>2</td><td>1</td>").contains("<td>1</td>");
        assertThat(row(page, "<th>hostgroup_web&quot;1</th>")).contains("<td class=\"hot\">0</td>");
        assertThat(row(page, "<th>127.0.0.1:4731</th>")).contains("<td>" + DOWN + "</td>");
        assertThat(row(page, "<th>127.0.0.1:4730</th>")).contains("<td>reachable</td>");

        fallback.set(true);
        String overview = web.get("/").text();
        assertThat(overview).contains("id=\"gearman-fallback-banner\"")
                .contains("gearmand unreachable since ").contains(": checks run on this machine.")
                .contains("id=\"gearman-overview\"");
        assertThat(overview.substring(overview.indexOf("id=\"gearman-overview\"")))
                .contains("<dd>1 of 2</dd>").contains("<dd>3 / 1</dd>");
        assertThat(web.get("/hosts").text()).contains("gearmand unreachable since ")
                .contains("<a href=\"/gearman\">Gearman</a>");
        assertThat(web.get("/gearman").text()).contains("<dd id=\"gearman-fallback\">on since ");
    }

    @Test
    void withoutGearmanNothingChanges() throws Exception {
        WebFixture.Reply api = plain.get("/api/v1/gearman");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body().get("detail").asText()).isEqualTo("gearman is not configured: checks run on this machine");
        WebFixture.Reply page = plain.get("/gearman");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(plain.admin("/metrics").text()).doesNotContain("vigil_gearman");
        assertThat(plain.get("/").text()).doesNotContainIgnoringCase("gearman");
    }

    private static String row(String html, String start) {
        String from = html.substring(html.indexOf(start));
        return from.substring(0, from.indexOf("</tr>"));
    }
}
