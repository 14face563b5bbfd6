package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's own Nagios tools against a running {@code vigil run}, each through the files Vigil writes (issue 17):
 * the CGIs of {@code nagios4-cgi} run as CGI programs (status, tac, extinfo, objectjson, statusjson checked against
 * Vigil's API, avail.cgi over a log with a restart in it, cmd.cgi acknowledging through the command file), then
 * {@code nagios4stats} and {@code check_nagios}. Every plugin run is written to a file by the plugin itself, so the
 * check counts nagios4stats reports are compared with runs counted outside Vigil.
 */
class NagiosCgiProcessTest {

    private static final String USER = "nagiosadmin";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Process process;
    private int apiPort;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void debiansCgisAndToolsReadARunningVigil() throws Exception {
        NagiosCgiConfig.write(dir);
        NagiosCgi cgi = NagiosCgi.configure(dir.resolve("cgi.cfg"), dir.resolve("nagios.cfg"), USER);

        // a first run, stopped, and a second one three seconds later: program downtime for avail.cgi
        start("out1.txt");
        await(() -> runs().containsAll(List.of("svc web1 Disk", "svc web1 Load", "host web1")), "the first checks");
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(3000);
        Files.delete(dir.resolve("runs.log")); // from here on, the runs of the second process only
        start("out2.txt");
        await(() -> runs().containsAll(List.of("svc web1 Disk", "svc web1 Load", "host web1")), "checks after restart");
        await(() -> status().contains("\tcheck_command=check_run!2\n"), "status.dat of the second run");
        // the first run notified about Disk once (notification_interval 0): its id and the counter were retained
        String disk = status().substring(status().indexOf("\tservice_description=Disk\n"));
        assertThat(field(disk, "current_notification_id")).isEqualTo("1");
        assertThat(field(status(), "next_notification_id")).isEqualTo("2");
        assertThat(Files.readString(dir.resolve("var/objects.cache"))).contains("define serviceescalation {",
                "define servicedependency {", "define contactgroup {", "define timeperiod {");

        statusAndTacAndExtinfo(cgi);
        objectsAsTheCgisReadThem(cgi);
        statusJsonAgreesWithTheApi(cgi);
        acknowledgementAndPassiveResults(cgi);
        stopChecksThenCompareStatistics(cgi);
        checkNagios(0, "NAGIOS OK: 1 process, status log updated ");
        availabilityShowsTheProgramDowntime(cgi);

        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String log = log();
        assertThat(log.substring(log.lastIndexOf("\n", log.length() - 2) + 1)).contains("Successfully shutdown");
        checkNagios(2, "NAGIOS CRITICAL: Could not locate a running Nagios process!");
    }

    private void statusAndTacAndExtinfo(NagiosCgi cgi) throws Exception {
        String status = NagiosCgi.text(cgi.get("status.cgi", "host=all"));
        assertThat(status).contains("Service Status Details For All Hosts", "run svc state 2", "run svc state 0")
                .doesNotContain("Could not read");
        String tac = NagiosCgi.text(cgi.get("tac.cgi", ""));
        assertThat(tac).contains("1 Critical", "0 Warning", "1 Ok", "1 Pending", "1 Up", "0 Down");
        String disk = NagiosCgi.text(cgi.get("extinfo.cgi", "type=2&host=web1&service=Disk"));
        assertThat(disk).contains("Current Status: CRITICAL", "Status Information: run svc state 2",
                "Current Attempt: 1/1 (HARD state)");
        String program = NagiosCgi.text(cgi.get("extinfo.cgi", "type=0"));
        assertThat(program).contains("Nagios PID " + process.pid(), "Program Start Time:");
    }

    /** The CGIs parse every kind of object from the objects.cache the daemon wrote. */
    private void objectsAsTheCgisReadThem(NagiosCgi cgi) throws Exception {
        Map<String, String> expected = Map.of("hostgrouplist", "webservers", "servicegrouplist", "storage",
                "contactgrouplist", "admins", "timeperiodlist", "24x7", "commandlist", "check_run",
                "contactlist", USER);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode data = json(cgi.get("objectjson.cgi", "query=" + e.getKey())).path("data");
            assertThat(data.path(e.getKey()).toString()).as(e.getKey()).contains("\"" + e.getValue() + "\"");
        }
        assertThat(json(cgi.get("objectjson.cgi", "query=serviceescalationlist")).path("data").toString())
                .contains("Disk");
        assertThat(json(cgi.get("objectjson.cgi", "query=servicedependencylist")).path("data").toString())
                .contains("Load");
    }

    /** Each service and host as statusjson.cgi reads status.dat, and as Vigil's API answers. */
    private void statusJsonAgreesWithTheApi(NagiosCgi cgi) throws Exception {
        await(() -> status().contains("\tcurrent_state=2\n"), "a status.dat");
        JsonNode services = json(cgi.get("statusjson.cgi", "query=servicelist&details=true"))
                .path("data").path("servicelist").path("web1");
        JsonNode api = api("/api/v1/services?host=web1").path("items");
        assertThat(api.size()).isEqualTo(3);
        Map<String, Integer> serviceBits = Map.of("PENDING", 1, "OK", 2, "WARNING", 4, "UNKNOWN", 8, "CRITICAL", 16);
        for (JsonNode s : api) {
            JsonNode cgiView = services.path(s.path("description").asText());
            JsonNode v = s.path("status");
            String what = "service " + s.path("description").asText();
            assertThat(cgiView.path("status").asInt()).as(what).isEqualTo(serviceBits.get(v.path("state").asText()));
            if (v.path("state").asText().equals("PENDING")) {
                // for a service not checked yet the CGIs' status reader writes its own text (common/statusdata.c)
                assertThat(cgiView.path("plugin_output").asText()).as(what).startsWith("Service ");
            } else {
                assertThat(cgiView.path("plugin_output").asText()).as(what).isEqualTo(v.path("output").asText());
            }
            assertThat(cgiView.path("current_attempt").asInt()).as(what).isEqualTo(v.path("attempt").asInt());
            assertThat(cgiView.path("max_attempts").asInt()).as(what).isEqualTo(v.path("max_attempts").asInt());
            assertThat(cgiView.path("problem_has_been_acknowledged").asBoolean()).as(what)
                    .isEqualTo(v.path("acknowledged").asBoolean());
            assertThat(cgiView.path("checks_enabled").asBoolean()).as(what)
                    .isEqualTo(v.path("active_checks_enabled").asBoolean());
            assertThat(millis(cgiView.path("last_state_change"))).as(what)
                    .isEqualTo(epoch(v.path("last_state_change")));
        }
        JsonNode host = json(cgi.get("statusjson.cgi", "query=host&hostname=web1")).path("data").path("host");
        JsonNode apiHost = api("/api/v1/hosts/web1");
        JsonNode hv = apiHost.has("status") ? apiHost.path("status") : apiHost.path("host").path("status");
        assertThat(host.path("status").asInt()).isEqualTo(2);
        assertThat(hv.path("state").asText()).isEqualTo("UP");
        assertThat(host.path("plugin_output").asText()).isEqualTo(hv.path("output").asText());
        JsonNode program = json(cgi.get("statusjson.cgi", "query=programstatus")).path("data").path("programstatus");
        assertThat(program.path("nagios_pid").asLong()).isEqualTo(process.pid());
        assertThat(program.path("version").asText()).isEqualTo("4.4.6");
    }

    private void acknowledgementAndPassiveResults(NagiosCgi cgi) throws Exception {
        String done = NagiosCgi.text(command(cgi, "cmd_typ=34&host=web1&service=Disk&sticky_ack=on&send_notification=on"
                + "&com_author=" + USER + "&com_data=looking+into+it"));
        assertThat(done).contains("Your command request was successfully submitted");
        await(() -> api("/api/v1/services/web1/Disk").toString().contains("\"acknowledged\":true"),
                "the acknowledgement in the API");
        assertThat(api("/api/v1/comments?host=web1").toString()).contains("looking into it");
        await(() -> status().contains("\tproblem_has_been_acknowledged=1\n"), "the acknowledgement in status.dat");
        assertThat(NagiosCgi.text(cgi.get("extinfo.cgi", "type=2&host=web1&service=Disk")))
                .contains("(Has been acknowledged)");

        command(cgi, "cmd_typ=30&host=web1&service=Passive&plugin_state=1&plugin_output=from+cmd.cgi"
                + "&performance_data=");
        await(() -> api("/api/v1/services/web1/Passive").toString().contains("\"output\":\"from cmd.cgi\""),
                "the passive result from cmd.cgi");
        Files.writeString(dir.resolve("var/nagios.cmd"), "[" + Instant.now().getEpochSecond()
                + "] PROCESS_SERVICE_CHECK_RESULT;web1;Passive;2;from the pipe\n", StandardOpenOption.APPEND);
        await(() -> api("/api/v1/services/web1/Passive").toString().contains("\"output\":\"from the pipe\""),
                "the passive result from the pipe");
    }

    /**
     * Stops active checks by cmd.cgi, so the runs counted by the plugin stop too, then reads nagios4stats: the
     * check and command counts of the last 15 minutes hold every one since the start (the run is shorter), those of
     * the last minute too while the program is in its first minute.
     */
    private void stopChecksThenCompareStatistics(NagiosCgi cgi) throws Exception {
        command(cgi, "cmd_typ=36");
        command(cgi, "cmd_typ=89");
        await(() -> status().contains("\tactive_service_checks_enabled=0\n")
                && status().contains("\tactive_host_checks_enabled=0\n"), "checks stopped");
        Thread.sleep(2500); // a check started just before finishes, and status.dat is written again
        List<String> runs = runs();
        long serviceRuns = runs.stream().filter(r -> r.startsWith("svc ")).count();
        long hostRuns = runs.stream().filter(r -> r.startsWith("host ")).count();
        Map<String, String> stats = nagiosStats("NAGIOSPID", "NUMSERVICES", "NUMSVCCRIT", "NUMSVCPROB",
                "NUMSACTSVCCHECKS15M", "NUMSACTHSTCHECKS15M", "NUMPARHSTCHECKS15M", "NUMPSVSVCCHECKS15M",
                "NUMEXTCMDS15M", "NUMSACTSVCCHECKS1M", "NUMEXTCMDS1M", "NUMOACTSVCCHECKS15M", "NUMSERHSTCHECKS15M");
        assertThat(stats.get("NAGIOSPID")).isEqualTo(Long.toString(process.pid()));
        assertThat(stats.get("NUMSERVICES")).isEqualTo("3");
        assertThat(stats.get("NUMSVCCRIT")).isEqualTo("2");
        assertThat(stats.get("NUMSACTSVCCHECKS15M")).as("service checks run").isEqualTo(Long.toString(serviceRuns));
        assertThat(stats.get("NUMSACTHSTCHECKS15M")).as("host checks run").isEqualTo(Long.toString(hostRuns));
        assertThat(stats.get("NUMPARHSTCHECKS15M")).isEqualTo(Long.toString(hostRuns));
        assertThat(stats.get("NUMPSVSVCCHECKS15M")).as("passive results").isEqualTo("2");
        // an acknowledgement, two passive results, two stops
        assertThat(stats.get("NUMEXTCMDS15M")).as("external commands").isEqualTo("5");
        assertThat(stats.get("NUMOACTSVCCHECKS15M")).isEqualTo("0");
        assertThat(stats.get("NUMSERHSTCHECKS15M")).isEqualTo("0");
        long programStart = Long.parseLong(field(status(), "program_start"));
        if (Instant.now().getEpochSecond() - programStart < 59) {
            assertThat(stats.get("NUMSACTSVCCHECKS1M")).isEqualTo(Long.toString(serviceRuns));
            assertThat(stats.get("NUMEXTCMDS1M")).isEqualTo("5");
        }
    }

    /** avail.cgi over the log: the time between the first run's end and the second's start is program downtime. */
    private void availabilityShowsTheProgramDowntime(NagiosCgi cgi) throws Exception {
        String log = log();
        long stopped = stamp(log, "] Caught SIGTERM, shutting down...");
        long restarted = stamp(log.substring(log.indexOf("] Caught SIGTERM")), " starting... (PID=" + process.pid());
        assertThat(restarted - stopped).isGreaterThanOrEqualTo(3);
        long firstStart = stamp(log, " starting... (PID=");
        String query = "host=web1&timeperiod=custom&t1=" + (firstStart - 10) + "&t2=" + (Instant.now().getEpochSecond()
                + 1) + "&assumestatesduringnotrunning=no&assumeinitialstates=yes&assumestateretention=yes"
                + "&includesoftstates=no&backtrack=0&show_log_entries=&full_log_entries=";
        String avail = NagiosCgi.text(cgi.get("avail.cgi", query));
        Matcher notRunning = Pattern.compile("Undetermined Nagios Not Running (\\d+)d (\\d+)h (\\d+)m (\\d+)s")
                .matcher(avail);
        assertThat(notRunning.find()).as(avail).isTrue();
        long seconds = Long.parseLong(notRunning.group(3)) * 60 + Long.parseLong(notRunning.group(4));
        assertThat(seconds).as(avail).isEqualTo(restarted - stopped);
        assertThat(avail).contains("PROGRAM END Normal program termination", "PROGRAM (RE)START Program start");
    }

    private String command(NagiosCgi cgi, String query) throws Exception {
        // cmd.cgi wants the form id of its cookie back with the form, as a browser sends them
        String answer = cgi.get("cmd.cgi", query + "&cmd_mod=2&nagFormId=f00d&btnSubmit=Commit", "NagFormId=f00d");
        assertThat(NagiosCgi.text(answer)).as(query).contains("Your command request was successfully submitted");
        return answer;
    }

    private void checkNagios(int exit, String expected) throws Exception {
        Process p = new ProcessBuilder("/usr/lib/nagios/plugins/check_nagios", "-F",
                dir.resolve("var/nagios.log").toString(), "-e", "5", "-C", dir.resolve("nagios.cfg").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).startsWith(expected);
        assertThat(p.exitValue()).as(out).isEqualTo(exit);
    }

    private Map<String, String> nagiosStats(String... variables) throws Exception {
        Process p = new ProcessBuilder("/usr/sbin/nagios4stats", "-c", dir.resolve("nagios.cfg").toString(), "-m",
                "-d", String.join(",", variables)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String[] lines = out.strip().split("\n");
        assertThat(lines).as(out).hasSize(variables.length);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < variables.length; i++) {
            values.put(variables[i], lines[i].strip());
        }
        return values;
    }

    private void start(String output) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve(output);
        process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", dir.resolve("vigil.yml").toString(),
                dir.resolve("nagios.cfg").toString())).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Pattern serving = Pattern.compile("Web: serving http://127.0.0.1:(\\d+)/");
        await(() -> serving.matcher(read(out)).find(), "the web server");
        Matcher m = serving.matcher(read(out));
        assertThat(m.find()).isTrue();
        apiPort = Integer.parseInt(m.group(1));
    }

    private JsonNode api(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String cgiAnswer) throws IOException {
        JsonNode node = JSON.readTree(NagiosCgi.body(cgiAnswer));
        assertThat(node.path("result").path("type_text").asText()).as(cgiAnswer).isEqualTo("Success");
        return node;
    }

    private static long millis(JsonNode n) {
        return n.asLong() / 1000;
    }

    private static long epoch(JsonNode iso) {
        return iso.isNull() ? 0 : Instant.parse(iso.asText()).getEpochSecond();
    }

    private static long stamp(String log, String text) {
        int at = log.indexOf(text);
        assertThat(at).as("log line with " + text + " in:\n" + log).isNotNegative();
        int lineStart = log.lastIndexOf('\n', at) + 1;
        return Long.parseLong(log.substring(lineStart + 1, log.indexOf(']', lineStart)));
    }

    private static String field(String block, String key) {
        Matcher m = Pattern.compile("\t" + key + "=(.*)\n").matcher(block);
        assertThat(m.find()).as(key).isTrue();
        return m.group(1);
    }

    private List<String> runs() {
        return new ArrayList<>(List.of(read(dir.resolve("runs.log")).split("\n")));
    }

    private String status() {
        return read(dir.resolve("var/status.dat"));
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
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(process.isAlive()).as("vigil run is alive while waiting for " + what).isTrue();
            assertThat(System.nanoTime()).as("waiting for " + what + "; log:\n" + log()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
