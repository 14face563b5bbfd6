package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.vigil.web.browser.Chromium;

/**
 * Vigil's availability report against avail.cgi (Debian's nagios4-cgi) on the same log (issue 21): a real
 * {@code vigil run} gets passive results that change states, a host downtime (which its services inherit) and a
 * service downtime, is stopped and started again inside the downtime (a program stop), and then both report over
 * the same custom period, with avail.cgi's defaults and with states not assumed while the program was stopped.
 * The CSV of a host, a service, a host group and a service group must be the same text as avail.cgi's; the HTML
 * page must show avail.cgi's percentages, in its text and in headless Chromium.
 */
class AvailabilityProcessTest {

    private static final String USER = "nagiosadmin";

    @TempDir
    Path dir;

    private Process process;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void reportsMatchAvailCgiOnTheSameLog() throws Exception {
        writeConfig();
        NagiosCgi cgi = NagiosCgi.configure(dir.resolve("cgi.cfg"), dir.resolve("nagios.cfg"), USER);
        start("out1.txt", false);
        long t1 = now() - 5;
        submit("PROCESS_HOST_CHECK_RESULT;web1;0;web1 up", "PROCESS_HOST_CHECK_RESULT;web2;0;web2 up",
                "PROCESS_SERVICE_CHECK_RESULT;web1;HTTP;0;ok", "PROCESS_SERVICE_CHECK_RESULT;web1;Disk;0;ok",
                "PROCESS_SERVICE_CHECK_RESULT;web2;HTTP;0;ok");
        awaitLog("PASSIVE SERVICE CHECK: web2;HTTP"); // OK from OK: no alert
        Thread.sleep(1500);
        submit("PROCESS_SERVICE_CHECK_RESULT;web1;HTTP;2;down", "PROCESS_HOST_CHECK_RESULT;web2;1;web2 down");
        awaitLog("HOST ALERT: web2;DOWN");
        Thread.sleep(1500);
        long dt = now();
        submit("SCHEDULE_HOST_DOWNTIME;web1;" + dt + ";" + (dt + 9) + ";1;0;9;" + USER + ";maintenance",
                "SCHEDULE_SVC_DOWNTIME;web1;Disk;" + dt + ";" + (dt + 5) + ";1;0;5;" + USER + ";disk swap");
        awaitLog("SERVICE DOWNTIME ALERT: web1;Disk;STARTED");
        awaitLog("HOST DOWNTIME ALERT: web1;STARTED");
        Thread.sleep(1000);
        submit("PROCESS_HOST_CHECK_RESULT;web1;1;web1 down", "PROCESS_SERVICE_CHECK_RESULT;web1;Disk;1;full");
        awaitLog("SERVICE ALERT: web1;Disk;WARNING");
        awaitLog("HOST ALERT: web1;DOWN");
        Thread.sleep(1000);
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(1500); // the program stop
        start("out2.txt", true);
        Thread.sleep(1000);
        submit("PROCESS_HOST_CHECK_RESULT;web1;0;web1 up", "PROCESS_SERVICE_CHECK_RESULT;web1;HTTP;0;ok",
                "PROCESS_SERVICE_CHECK_RESULT;web1;Disk;0;ok", "PROCESS_HOST_CHECK_RESULT;web2;0;web2 up");
        awaitLog("HOST ALERT: web2;UP");
        awaitLog("HOST DOWNTIME ALERT: web1;STOPPED");
        Thread.sleep(1500);
        long t2 = now();
        Thread.sleep(1100); // both report a period wholly in the past
        String log = Files.readString(dir.resolve("var/nagios.log"));
        assertThat(log).contains(" shutting down...");

        String period = "timeperiod=custom&t1=" + t1 + "&t2=" + t2;
        Map<String, String> availCgi = new LinkedHashMap<>();
        for (String assume : List.of("", "&assumestatesduringnotrunning=no")) {
            for (String subject : List.of("host=web1", "host=web2", "host=web1&service=HTTP",
                    "host=web1&service=Disk", "hostgroup=web", "servicegroup=frontend")) {
                String q = subject + "&" + period + assume;
                String theirs = signed(NagiosCgi.body(cgi.get("avail.cgi", q + "&csvoutput=")).strip());
                availCgi.put(q, theirs);
                String ours = get("/availability?" + q + "&csvoutput").strip();
                assertThat(ours).as(q + "\nlog:\n" + log).isEqualTo(theirs);
                assertThat(percentages(ours)).as(q).isNotEmpty();
                htmlShowsTheSamePercentages(q, theirs);
            }
        }
        // the stop is undetermined when states are not assumed while stopped, as avail.cgi counts it
        String stopped = get("/availability?host=web1&" + period + "&assumestatesduringnotrunning=no&csvoutput");
        long notRunning = Long.parseLong(stopped.split("\n")[1].split(", ")[28]);
        assertThat(notRunning).as(stopped).isGreaterThanOrEqualTo(2);
        long t = System.nanoTime();
        browserShowsAvailCgisPercentages(availCgi, period);
        System.out.printf("AvailabilityProcessTest: six reports in Chromium against avail.cgi in %d ms%n",
                (System.nanoTime() - t) / 1_000_000);
    }

    /**
     * Chromium shows, on each report page, the percentages avail.cgi's CSV ({@code availCgi}, by query) has for the
     * same log and period: a
     * host's and a service's total and known share per state and their undetermined share, and each row of a host
     * group's and a service group's table.
     */
    private void browserShowsAvailCgisPercentages(Map<String, String> availCgi, String period) throws Exception {
        try (Chromium browser = new Chromium("http://127.0.0.1:" + port, 1280, 1000)) {
            for (String subject : List.of("host=web1", "host=web1&service=HTTP", "host=web1&service=Disk",
                    "hostgroup=web", "servicegroup=frontend", "host=web1!")) {
                // the last: states not assumed while stopped, so some time is undetermined
                String q = subject.endsWith("!") ? "host=web1&" + period + "&assumestatesduringnotrunning=no"
                        : subject + "&" + period;
                assertThat(availCgi).as("avail.cgi's CSV of " + q).containsKey(q);
                List<Map<String, String>> theirs = csvRows(availCgi.get(q));
                browser.open("/availability?" + q);
                if (subject.contains("group=")) {
                    String table = subject.startsWith("hostgroup") ? "#host-availability" : "#service-availability";
                    String prefix = subject.startsWith("hostgroup") ? "" : "SERVICE_";
                    for (Map<String, String> row : theirs) {
                        String css = table + " tr[data-host='" + unquoted(row.get("HOST_NAME")) + "']"
                                + (row.containsKey("SERVICE_DESCRIPTION") ? "[data-service='"
                                + unquoted(row.get("SERVICE_DESCRIPTION")) + "']" : "");
                        for (WebElement cell : browser.driver.findElements(By.cssSelector(css + " td.pct"))) {
                            String st = cell.getAttribute("data-state");
                            String expected = row.get(prefix + "PERCENT_TIME_" + st) + (st.equals("UNDETERMINED")
                                    ? "" : " (" + row.get(prefix + "PERCENT_KNOWN_TIME_" + st) + ")");
                            assertThat(cell.getText()).as(q + " " + css + " " + st).isEqualTo(expected);
                        }
                        assertThat(browser.driver.findElements(By.cssSelector(css + " td.pct"))).as(q + " " + css)
                                .hasSize(subject.startsWith("hostgroup") ? 4 : 5);
                    }
                    continue;
                }
                Map<String, String> row = theirs.get(0);
                List<WebElement> totals = browser.driver.findElements(By.cssSelector(
                        "#availability tr[data-kind='total']"));
                assertThat(totals).as(q).hasSize(subject.contains("service=") ? 5 : 4);
                for (WebElement tr : totals) {
                    String st = tr.getAttribute("data-state");
                    assertThat(tr.findElement(By.cssSelector("td.pct")).getText()).as(q + " " + st)
                            .isEqualTo(row.get("PERCENT_TOTAL_TIME_" + st));
                    if (!st.equals("UNDETERMINED")) {
                        assertThat(tr.findElement(By.cssSelector("td.pct-known")).getText()).as(q + " " + st)
                                .isEqualTo(row.get("PERCENT_KNOWN_TIME_" + st));
                    }
                }
            }
        }
    }

    /** avail.cgi's CSV as one map per line, from its header's column names to the line's values. */
    private static List<Map<String, String>> csvRows(String csv) {
        String[] lines = csv.split("\n");
        String[] header = lines[0].split(", ");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] values = lines[i].split(", ");
            assertThat(values).as(csv).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], values[c]);
            }
            rows.add(row);
        }
        assertThat(rows).as(csv).isNotEmpty();
        return rows;
    }

    private static String unquoted(String name) {
        return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }

    /** The HTML report shows each state's percentage of the period as the CSV of avail.cgi has it. */
    private void htmlShowsTheSamePercentages(String q, String theirCsv) throws Exception {
        String html = get("/availability?" + q);
        List<String> theirs = percentages(theirCsv);
        if (q.contains("group=")) {
            // group pages: each row's "total (known)" pairs and the undetermined share, in the CSV's own figures
            for (String p : theirs) {
                assertThat(html).as(q).contains(p);
            }
            return;
        }
        Matcher m = Pattern.compile("<td class=\"pct\">(-?[0-9.]+%)</td>").matcher(html);
        List<String> shown = new ArrayList<>();
        while (m.find()) {
            shown.add(m.group(1));
        }
        // the CSV has, per state, scheduled/unscheduled/total triples: the totals are every third pair's first
        String[] row = theirCsv.split("\n")[1].split(", ");
        List<String> totals = new ArrayList<>();
        int first = q.contains("service=") ? 2 : 1;
        int states = q.contains("service=") ? 4 : 3;
        for (int i = 0; i < states; i++) {
            totals.add(row[first + i * 9 + 7]);
        }
        totals.add(row[row.length - 1]);
        assertThat(shown).as(q + "\n" + html).containsExactlyElementsOf(totals);
    }

    /**
     * avail.cgi's seconds with its unsigned wrap undone: a restart within a downtime makes its downtime walk count
     * more scheduled seconds than the state had, and it prints the negative unscheduled rest as %lu
     * (18446744073709551614 for -2); Vigil computes the same and prints -2.
     */
    private static String signed(String csv) {
        Matcher m = Pattern.compile("\\b1844674407370955\\d{4}\\b").matcher(csv);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Long.toString(Long.parseUnsignedLong(m.group())));
        }
        return m.appendTail(sb).toString();
    }

    private static List<String> percentages(String csv) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("[0-9]+\\.[0-9]{3}%").matcher(csv);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private void writeConfig() throws IOException {
        Files.createDirectories(dir.resolve("var"));
        String var = dir.resolve("var").toString();
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=%1$s/objects.cfg
                log_file=%2$s/nagios.log
                object_cache_file=%2$s/objects.cache
                lock_file=%2$s/vigil.lock
                status_file=%2$s/status.dat
                command_file=%2$s/nagios.cmd
                check_external_commands=1
                status_update_interval=1
                state_retention_file=%2$s/retention.dat
                retain_state_information=1
                interval_length=1
                log_initial_states=1
                """.formatted(dir, var));
        Files.writeString(dir.resolve("vigil.yml"), """
                server:
                  applicationConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                  adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                """);
        StringBuilder objects = new StringBuilder("""
                define timeperiod {
                    timeperiod_name 24x7
                    alias always
                    monday 00:00-24:00
                    tuesday 00:00-24:00
                    wednesday 00:00-24:00
                    thursday 00:00-24:00
                    friday 00:00-24:00
                    saturday 00:00-24:00
                    sunday 00:00-24:00
                }
                define command {
                    command_name passive
                    command_line /bin/true
                }
                define contact {
                    contact_name nagiosadmin
                    host_notification_period 24x7
                    service_notification_period 24x7
                    host_notification_commands passive
                    service_notification_commands passive
                }
                define hostgroup {
                    hostgroup_name web
                    alias Web
                }
                define servicegroup {
                    servicegroup_name frontend
                    alias Front end
                    members web1,HTTP,web2,HTTP
                }
                """);
        for (String host : List.of("web1", "web2")) {
            objects.append("""
                    define host {
                        host_name %1$s
                        address 127.0.0.1
                        hostgroups web
                        check_command passive
                        active_checks_enabled 0
                        passive_checks_enabled 1
                        max_check_attempts 1
                        check_period 24x7
                        notification_period 24x7
                        notifications_enabled 0
                        contacts nagiosadmin
                    }
                    """.formatted(host));
        }
        for (String service : List.of("web1;HTTP", "web1;Disk", "web2;HTTP")) {
            String[] s = service.split(";");
            objects.append("""
                    define service {
                        host_name %s
                        service_description %s
                        check_command passive
                        active_checks_enabled 0
                        passive_checks_enabled 1
                        max_check_attempts 1
                        check_interval 5
                        retry_interval 5
                        check_period 24x7
                        notification_period 24x7
                        notifications_enabled 0
                        contacts nagiosadmin
                    }
                    """.formatted(s[0], s[1]));
        }
        Files.writeString(dir.resolve("objects.cfg"), objects.toString());
    }

    private void submit(String... commands) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String c : commands) {
            sb.append('[').append(now()).append("] ").append(c).append('\n');
        }
        Files.writeString(dir.resolve("var/nagios.cmd"), sb.toString(), StandardOpenOption.APPEND);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    /** Starts {@code vigil run}; waits for its command file, and for its web server when {@code web}. */
    private void start(String output, boolean web) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve(output);
        process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", dir.resolve("vigil.yml").toString(),
                dir.resolve("nagios.cfg").toString())).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        int reading = log().split("External commands: reading", -1).length;
        await(() -> log().split("External commands: reading", -1).length > reading, "the command file read");
        if (web) {
            Pattern serving = Pattern.compile("Web: serving http://127.0.0.1:(\\d+)/");
            await(() -> serving.matcher(read(out)).find(), "the web server");
            Matcher m = serving.matcher(read(out));
            assertThat(m.find()).isTrue();
            port = Integer.parseInt(m.group(1));
        }
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private void awaitLog(String text) throws Exception {
        await(() -> log().contains(text), "'" + text + "' in the log");
    }

    private String log() {
        return read(dir.resolve("var/nagios.log"));
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void await(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(process.isAlive()).as("vigil run is alive while waiting for " + what).isTrue();
            assertThat(System.nanoTime()).as("waiting for " + what + "; log:\n"
                    + read(dir.resolve("var/nagios.log"))).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
