package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample on a machine without monitoring-plugins (issue 19): a real {@code vigil run} on a copy of
 * {@code sample-configs/} whose {@code $USER1$} is an empty directory gives every host and service a real result,
 * each as the sample means it (the load and Vigil's own web server OK, the demo failures failing), and none of them
 * the execvp error of a missing plugin. Checks are forced through the external command file once the web server
 * serves, so the run takes seconds, not the sample's 5-minute interval.
 */
class SampleWithoutPluginsProcessTest {

    private static final Path SAMPLE = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
            .resolve("../sample-configs").normalize();
    private static final List<String> HOSTS = List.of("localhost", "db1", "lb1", "web1");

    /** Each sample service's expected state and output: the sample's design, as its comments say. */
    private static final Map<String, Predicate<Result>> EXPECTED = Map.ofEntries(
            // the machine's real load (a shared build machine's may well be CRITICAL), per CPU as -r asks
            Map.entry("localhost;Load", r -> r.is(0, "LOAD OK - scaled load average: ")
                    || r.is(1, "LOAD WARNING - scaled load average: ")
                    || r.is(2, "LOAD CRITICAL - scaled load average: ")),
            Map.entry("localhost;Vigil status pages", r -> r.is(0, "HTTP OK: HTTP/1.1 200 OK - ")),
            Map.entry("localhost;Vigil JSON API", r -> r.is(0, "HTTP OK: HTTP/1.1 200 OK - ")),
            Map.entry("localhost;Vigil health checks", r -> r.is(0, "HTTP OK: HTTP/1.1 200 OK - ")),
            Map.entry("localhost;Vigil metrics", r -> r.is(0, "HTTP OK: HTTP/1.1 200 OK - ")),
            Map.entry("db1;Data partition", r -> r.is(0, "OK: OK - 59% free on /var/lib/postgresql (simulated)")),
            Map.entry("db1;Replication lag", r -> r.is(1, "WARNING: WARNING - replica is 42 seconds behind (demo)")),
            Map.entry("db1;PostgreSQL port", r -> r.isPort(5432)),
            Map.entry("lb1;Backend pool", r -> r.is(0, "OK: OK - 2 of 2 backends up")),
            Map.entry("lb1;Closed port", r -> r.is(2, "connect to address 127.0.0.1 and port 1: Connection refused")),
            Map.entry("web1;Application heartbeat", r -> r.is(0, "OK: OK - heartbeat received")),
            Map.entry("web1;HTTP port", r -> r.isPort(80)));

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A host's or service's status.dat fields that matter here. */
    private record Result(int state, String output) {

        boolean is(int expectedState, String outputStart) {
            return state == expectedState && output.startsWith(outputStart);
        }

        /** A port the sample expects closed on a fresh machine, but which may be open here: then it is OK. */
        boolean isPort(int port) {
            return is(2, "connect to address 127.0.0.1 and port " + port + ": Connection refused")
                    || is(0, "TCP OK - ");
        }
    }

    @Test
    void everyCheckOfTheSampleGivesARealResultWithAnEmptyPluginDirectory() throws Exception {
        Path copy = copySample();
        Path plugins = Files.createDirectories(dir.resolve("no-plugins-here"));
        Files.writeString(copy.resolve("resource.cfg"), "$USER1$=" + plugins + "\n");
        int[] ports = twoFreePorts();
        Path localhost = copy.resolve("conf.d/localhost.cfg");
        Files.writeString(localhost, Files.readString(localhost)
                .replaceFirst("(?m)^(\\s*_WEB_PORT\\s+)8080$", "$1" + ports[0])
                .replaceFirst("(?m)^(\\s*_ADMIN_PORT\\s+)8081$", "$1" + ports[1]));
        Path main = copy.resolve("nagios.cfg");
        Files.writeString(main, Files.readString(main)
                .replace("status_update_interval=10", "status_update_interval=1"));

        Path out = dir.resolve("out.txt");
        process = new ProcessBuilder(List.of(java(), "-Ddw.server.applicationConnectors[0].port=" + ports[0],
                "-Ddw.server.adminConnectors[0].port=" + ports[1], "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", copy.resolve("vigil.yml").toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        await(out, () -> Files.readString(out).contains("Web: serving http://127.0.0.1:" + ports[0] + "/"));
        long now = System.currentTimeMillis() / 1000;
        StringBuilder commands = new StringBuilder();
        for (String host : HOSTS) {
            commands.append("[").append(now).append("] SCHEDULE_FORCED_HOST_CHECK;").append(host).append(';')
                    .append(now).append('\n');
            commands.append("[").append(now).append("] SCHEDULE_FORCED_HOST_SVC_CHECKS;").append(host).append(';')
                    .append(now).append('\n');
        }
        Path script = Files.writeString(dir.resolve("commands.txt"), commands);
        Process writer = new ProcessBuilder("/bin/sh", "-c", "cat '" + script + "' > '"
                + copy.resolve("var/nagios.cmd") + "'").start();
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Path status = copy.resolve("var/status.dat");
        await(out, () -> checked(status).size() == HOSTS.size() + EXPECTED.size());
        Map<String, Result> results = checked(status);
        Map<String, Result> unexpected = new LinkedHashMap<>();
        results.forEach((name, r) -> {
            if (!(HOSTS.contains(name) ? r.is(0, "OK: UP - ") : EXPECTED.getOrDefault(name, x -> false).test(r))) {
                unexpected.put(name, r);
            }
        });
        assertThat(unexpected).as("results unlike the sample's design, of all these: %s", results).isEmpty();
        assertThat(results.values()).allSatisfy(r -> assertThat(r.output())
                .doesNotContain("execvp").doesNotContain("No such file").doesNotContain("(No output on stdout)"));
        String log = Files.readString(out);
        assertThat(log).contains("Built-in checks on: ").doesNotContain("the plugin directory")
                .doesNotContain("Exception");
    }

    /** Without the directory at all, one line at start says it is missing and that no sample check needs it. */
    @Test
    void aMissingPluginDirectoryIsANoteThatNoSampleCheckNeedsIt() throws Exception {
        Path copy = copySample();
        Path missing = dir.resolve("no-such-directory");
        Files.writeString(copy.resolve("resource.cfg"), "$USER1$=" + missing + "\n");
        Path out = dir.resolve("out.txt");
        process = new ProcessBuilder(List.of(java(), "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--no-web", copy.resolve("nagios.cfg").toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        await(out, () -> Files.readString(out).contains("Retention: restored"));
        assertThat(Files.readString(out)).containsPattern(Pattern.quote("] Note: the plugin directory " + missing
                + " ($USER1$) does not exist (is monitoring-plugins installed?); no check needs it: 16 of 16 run"
                + " built-in (vigil verify --explain-checks lists them), other plugins will need it") + "\n")
                .doesNotContain("Warning: the plugin directory");
    }

    private Path copySample() throws IOException {
        Path copy = dir.resolve("sample");
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path f : files.toList()) {
                Path rel = SAMPLE.relativize(f);
                if (rel.startsWith("var") && !rel.toString().equals("var")) {
                    continue; // what a local run left behind (a FIFO, a lock)
                }
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy.resolve(rel.toString()));
                } else if (Files.isRegularFile(f)) {
                    Files.copy(f, copy.resolve(rel.toString()));
                }
            }
        }
        return copy;
    }

    /** status.dat's checked hosts (by name) and services ({@code host;service}). */
    private static Map<String, Result> checked(Path status) throws IOException {
        Map<String, Result> out = new LinkedHashMap<>();
        if (!Files.exists(status)) {
            return out;
        }
        for (String block : Files.readString(status).split("\n\\s*}\n")) {
            boolean host = block.contains("hoststatus {");
            if (!host && !block.contains("servicestatus {")) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : block.substring(block.indexOf('{') + 1).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    fields.put(line.substring(0, eq).strip(), line.substring(eq + 1));
                }
            }
            if (!"1".equals(fields.get("has_been_checked"))) {
                continue;
            }
            String key = host ? fields.get("host_name") : fields.get("host_name") + ";"
                    + fields.get("service_description");
            out.put(key, new Result(Integer.parseInt(fields.get("current_state")), fields.get("plugin_output")));
        }
        return out;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private void await(Path out, Condition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.holds()) {
            assertThat(process.isAlive()).as(Files.readString(out)).isTrue();
            assertThat(System.nanoTime()).as(Files.readString(out)).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static int[] twoFreePorts() throws IOException {
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
