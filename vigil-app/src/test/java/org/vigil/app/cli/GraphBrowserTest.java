package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.vigil.web.browser.Chromium;

/**
 * Graphs of perfdata where the user meets them: a real {@code vigil run} (perfdata recorded by default, beside
 * retention) is fed an hour of passive results through its command file, one a minute with their own timestamps
 * (as a passive check sends them), and then: the round-robin files are on disk, {@code /api/v1/.../perfdata} returns
 * the series with thresholds, {@code /metrics} counts the values written, and Chromium shows the service's detail
 * page with an SVG graph whose line has a point per minute and warning and critical lines.
 */
class GraphBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVING =
            Pattern.compile("Web: serving http://127.0.0.1:(\\d+)/ \\(admin port (\\d+)\\)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int MINUTES = 60;

    @TempDir
    static Path dir;

    private static Process vigil;
    private static Path out;
    private static String base;
    private static String admin;
    private static long now;

    @BeforeAll
    static void startAndFeed() throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=nagios.log
                command_file=nagios.cmd
                state_retention_file=var/retention.dat
                interval_length=1
                """);
        Files.createDirectories(dir.resolve("var"));
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ "$ARG2$"
                }
                define contact {
                    contact_name admin
                    host_notifications_enabled 0
                    service_notifications_enabled 0
                    host_notification_commands check_dummy
                    service_notification_commands check_dummy
                }
                define host {
                    host_name web 1
                    check_command check_dummy!0!up
                    max_check_attempts 1
                    contacts admin
                    active_checks_enabled 0
                }
                define service {
                    host_name web 1
                    service_description Disk /var
                    check_command check_dummy!0!ok
                    max_check_attempts 1
                    contacts admin
                    active_checks_enabled 0
                    passive_checks_enabled 1
                    check_interval 60
                }
                """);
        Files.writeString(dir.resolve("vigil.yml"), """
                server:
                  applicationConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                  adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        out = dir.resolve("out.txt");
        vigil = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", dir.resolve("vigil.yml").toString(),
                dir.resolve("nagios.cfg").toString())).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        Matcher m = null;
        for (int i = 0; i < 600 && (m == null || !m.find()); i++) {
            Thread.sleep(100);
            m = SERVING.matcher(Files.readString(out));
        }
        assertThat(m.find(0)).as(Files.readString(out)).isTrue();
        base = "http://127.0.0.1:" + m.group(1);
        admin = "http://127.0.0.1:" + m.group(2);
        // an hour of results, one a minute, the used space climbing from 40% to 99% (warning 80, critical 90)
        now = System.currentTimeMillis() / 1000;
        StringBuilder lines = new StringBuilder();
        for (int i = MINUTES; i >= 1; i--) {
            int used = 40 + (MINUTES - i);
            lines.append('[').append(now - i * 60L).append("] PROCESS_SERVICE_CHECK_RESULT;web 1;Disk /var;0;")
                    .append("DISK OK | used=").append(used).append("%;80;90;0;100 'free space'=").append(100 - used)
                    .append("%;~:20;~:10\n");
        }
        Path text = dir.resolve("results.txt");
        Files.writeString(text, lines);
        Path fifo = dir.resolve("nagios.cmd");
        await("the command file", () -> Files.exists(fifo));
        Process cat = new ProcessBuilder("/bin/sh", "-c", "cat '" + text + "' > '" + fifo + "'").start();
        assertThat(cat.waitFor(20, TimeUnit.SECONDS)).isTrue();
        await("the values taken", () -> metric("vigil_perfdata_store_pending") >= 2 * MINUTES);
        // held in memory (perfdata.flush_seconds, 300 by default) until a read of the service writes them first
        assertThat(metric("vigil_perfdata_store_written_total")).isZero();
        get("/api/v1/hosts/web%201/services/Disk%20/var/perfdata?range=4h", 200);
        assertThat(metric("vigil_perfdata_store_written_total")).isEqualTo(2 * MINUTES);
        assertThat(metric("vigil_perfdata_store_pending")).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vigil != null) {
            vigil.destroy();
            assertThat(vigil.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theStoreKeepsOneFixedSizeFilePerMetricBesideTheOtherState() throws Exception {
        assertThat(Files.readString(out)).contains("Perfdata: each result's performance data is recorded under "
                + dir.resolve("var/perfdata"));
        Path service = dir.resolve("var/perfdata/web%201/Disk%20%2Fvar");
        assertThat(service.resolve("used.rrd")).exists();
        assertThat(service.resolve("free%20space.rrd")).exists();
        assertThat(Files.size(service.resolve("used.rrd"))).isEqualTo(Files.size(service.resolve("free%20space.rrd")));
        assertThat(metric("vigil_perfdata_store_metrics")).isEqualTo(2);
        assertThat(metric("vigil_perfdata_store_dropped_total")).isZero();
    }

    @Test
    void theApiReturnsEachMetricsSeriesWithItsThresholds() throws Exception {
        JsonNode r = get("/api/v1/hosts/web%201/services/Disk%20/var/perfdata?range=4h", 200);
        assertThat(r.get("end").asLong() - r.get("start").asLong()).isEqualTo(4 * 3600);
        assertThat(r.get("metrics")).extracting(x -> x.get("metric").asText()).containsExactly("free space", "used");
        JsonNode used = r.get("metrics").get(1);
        assertThat(used.get("unit").asText()).isEqualTo("%");
        assertThat(used.get("step").asLong()).isEqualTo(60);
        assertThat(used.get("thresholds").get("warn").asText()).isEqualTo("80");
        assertThat(used.get("thresholds").get("crit_lines").get(0).asDouble()).isEqualTo(90);
        assertThat(used.get("thresholds").get("max").asDouble()).isEqualTo(100);
        List<JsonNode> known = new java.util.ArrayList<>();
        used.get("points").forEach(p -> {
            if (!p.get(1).isNull()) {
                known.add(p);
            }
        });
        // each minute's value lands in its row: the last rows hold the highest values, rising by one a minute
        assertThat(known.size()).isBetween(MINUTES - 3, MINUTES);
        JsonNode last = known.get(known.size() - 1);
        assertThat(last.size()).isEqualTo(4);
        assertThat(last.get(1).asDouble()).isBetween(95.0, 99.0);
        assertThat(last.get(1).asDouble() - known.get(known.size() - 2).get(1).asDouble()).isBetween(0.5, 1.5);
        // start and end, and the host's own (none recorded)
        JsonNode span = get("/api/v1/hosts/web%201/services/Disk%20/var/perfdata?start=" + (now - 1800) + "&end="
                + now, 200);
        assertThat(span.get("metrics").get(1).get("points").size()).isBetween(29, 32);
        assertThat(get("/api/v1/hosts/web%201/perfdata", 200).get("metrics")).isEmpty();
        assertThat(get("/api/v1/hosts/web%201/services/Disk%20/var/perfdata?range=2h", 400).toString())
                .contains("expected 4h, 25h, 7d, 30d or 1y");
        assertThat(get("/api/v1/hosts/web%201/services/Nope/perfdata", 404).toString()).contains("no service");
    }

    @Test
    void theDetailPageDrawsAGraphWithDataAndThresholdLines() throws Exception {
        // the page's server time with its 10 graphs, printed for the report (the machine may be shared: no bound)
        long[] ms = new long[20];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base
                    + "/service/web%201/Disk%20/var")).build(), HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - t) / 1_000_000;
            assertThat(page.statusCode()).isEqualTo(200);
        }
        java.util.Arrays.sort(ms);
        System.out.println("GraphBrowserTest: the service page with 2 metrics x 5 graphs: median " + ms[10]
                + " ms, slowest " + ms[19] + " ms of 20");
        concurrentServerTime();
        try (Chromium browser = new Chromium(base, 1280, 1000)) {
            browser.open("/service/web%201/Disk%20/var");
            WebElement used = browser.await("the graphs of 'used'",
                    d -> d.findElement(By.cssSelector("#graphs .metric-graphs[data-metric='used']")));
            WebElement fourHours = used.findElement(By.cssSelector("figure[data-range='4h']"));
            String line = fourHours.findElement(By.cssSelector("svg.graph path.avg")).getAttribute("d");
            // one point per minute recorded: a line of about 60 points, in one piece
            assertThat(line).startsWith("M").doesNotContain("NaN");
            assertThat(line.split(" L").length).isBetween(MINUTES - 3, MINUTES);
            assertThat(fourHours.findElements(By.cssSelector("svg.graph line.warn"))).hasSize(1);
            assertThat(fourHours.findElements(By.cssSelector("svg.graph line.crit"))).hasSize(1);
            // the line is drawn, visible, in the browser: it has a size
            assertThat(fourHours.findElement(By.cssSelector("svg.graph path.avg")).getSize().getWidth())
                    .isGreaterThan(30);
            assertThat(used.findElements(By.cssSelector("figure.graph-range"))).extracting(e -> e.getAttribute(
                    "data-range")).containsExactly("4h", "25h", "7d", "30d", "1y");
            // 'free space' has ranges (~:20) as thresholds: their bounds are drawn
            assertThat(browser.find("#graphs .metric-graphs[data-metric='free space'] figure[data-range='4h'] "
                    + "line.crit").getAttribute("y1")).isNotBlank();
            // docs/screenshots/service-graphs.png, taken again with -Dvigil.screenshots=docs/screenshots
            String shots = System.getProperty("vigil.screenshots", "");
            if (!shots.isBlank()) {
                browser.driver.executeScript("document.getElementById('graphs').scrollIntoView()");
                browser.screenshot(Path.of(System.getProperty("user.dir")).resolve("..").resolve(shots)
                        .normalize().resolve("service-graphs.png"));
            }
        }
    }

    /** 20 clients asking for the page 10 times each at once: printed for the report (shared machine: no bound). */
    private static void concurrentServerTime() throws Exception {
        List<Long> all = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int c = 0; c < 20; c++) {
                done.add(clients.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        long t = System.nanoTime();
                        HTTP.send(HttpRequest.newBuilder(URI.create(base + "/service/web%201/Disk%20/var")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        all.add((System.nanoTime() - t) / 1_000_000);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        List<Long> sorted = all.stream().sorted().toList();
        System.out.println("GraphBrowserTest: the same page, 20 clients x 10 requests at once: median "
                + sorted.get(sorted.size() / 2) + " ms, p99 " + sorted.get(sorted.size() * 99 / 100) + " ms, slowest "
                + sorted.get(sorted.size() - 1) + " ms");
    }

    private static JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private static long metric(String name) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(admin + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^" + name + " (\\d+)$").matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " within 30 s; vigil said:\n" + Files.readString(out));
    }
}
