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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code vigil run}: a check that runs built-in reaches status.dat and the API exactly as the same check
 * forked (Debian's check_dummy, called through a shell so that it must fork); with {@code builtin_checks:} switched
 * off, globally or for check_dummy, the plugin in {@code $USER1$} runs instead (here a stand-in that says so).
 */
class BuiltinChecksProcessTest {

    private static final String WEB = """
            server:
              applicationConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
              adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
            """;

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

    @Test
    void aBuiltInResultReachesStatusDatAndTheApiAsTheForkedPluginsDoes() throws Exception {
        Matcher web = start(WEB);
        Map<String, Map<String, String>> status = awaitChecked("builtin", "forked");
        Map<String, String> builtIn = status.get("builtin");
        Map<String, String> forked = status.get("forked");
        assertThat(builtIn.get("plugin_output")).isEqualTo("WARNING: disk 91% full");
        assertThat(builtIn.get("performance_data")).isEqualTo("used=91% free=9%");
        for (String field : List.of("current_state", "plugin_output", "long_plugin_output", "performance_data",
                "state_type", "check_type", "has_been_checked", "current_attempt")) {
            assertThat(builtIn.get(field)).as(field).isEqualTo(forked.get(field));
        }
        HttpClient http = HttpClient.newHttpClient();
        JsonNode apiBuiltIn = api(http, web, "builtin");
        JsonNode apiForked = api(http, web, "forked");
        assertThat(apiBuiltIn.get("output").asText()).isEqualTo("WARNING: disk 91% full");
        for (String field : List.of("state", "state_code", "state_type", "attempt", "output", "long_output",
                "perf_data", "problem")) {
            assertThat(apiBuiltIn.get(field)).as(field).isNotNull().isEqualTo(apiForked.get(field));
        }
        assertThat(Files.readString(dir.resolve("out.txt")))
                .containsPattern("Built-in checks on: [a-z_, ]*check_dummy[a-z_, ]* \\(in-process where the command"
                        + " line allows\\)\n");
    }

    @Test
    void switchedOffTheRealPluginRuns() throws Exception {
        start(WEB + "builtin_checks:\n  enabled: false\n");
        assertThat(awaitChecked("builtin").get("builtin").get("plugin_output"))
                .isEqualTo("FORKED check_dummy 1 disk 91% full");
        assertThat(Files.readString(dir.resolve("out.txt")))
                .contains("Built-in checks are switched off (builtin_checks: enabled: false)");
    }

    @Test
    void aPluginListedAsForkedRunsItsPlugin() throws Exception {
        start(WEB + "builtin_checks:\n  forked_plugins: [check_dummy]\n");
        assertThat(awaitChecked("builtin").get("builtin").get("plugin_output"))
                .isEqualTo("FORKED check_dummy 1 disk 91% full");
    }

    @Test
    void anUnknownPluginInTheSwitchIsRefusedByName() throws Exception {
        writeConfig(WEB + "builtin_checks:\n  forked_plugins: [check_dumy]\n");
        process = launch();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("builtin_checks.forked_plugins: 'check_dumy'"
                + " is not a plugin Vigil has built in (expected one of ").containsPattern("expected one of [^)]*"
                + "check_dummy");
    }

    @Test
    void aMissingPluginDirectoryIsOneLineAtStart() throws Exception {
        writeConfig(WEB + "builtin_checks:\n  forked_plugins: [check_dummy]\n");
        Path missing = dir.resolve("no-plugins");
        Files.writeString(dir.resolve("resource.cfg"), "$USER1$=" + missing + "\n");
        process = launch();
        awaitChecked("builtin", "forked");
        String out = Files.readString(dir.resolve("out.txt"));
        assertThat(out).contains("Warning: the plugin directory " + missing + " ($USER1$) does not exist (is"
                + " monitoring-plugins installed?): 2 of 3 checks run a plugin from it and will fail; 0 run built-in"
                + " (vigil verify --explain-checks lists them)");
        // said once, before the first result; the results themselves stay Nagios's (its execvp text as output)
        assertThat(out.indexOf("Warning: the plugin directory")).as(out).isLessThan(out.indexOf("ALERT: local;"));
        assertThat(out.lines().filter(l -> l.contains(missing.toString()) && !l.contains(" ALERT: "))).hasSize(1);
    }

    /** Starts vigil run with {@code yml} as vigil.yml; the web server's port once it serves. */
    private Matcher start(String yml) throws Exception {
        writeConfig(yml);
        process = launch();
        Pattern serving = Pattern.compile("Web: serving http://127.0.0.1:(\\d+)/");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String out = Files.readString(dir.resolve("out.txt"));
            Matcher m = serving.matcher(out);
            if (m.find()) {
                return m;
            }
            assertThat(process.isAlive()).as(out).isTrue();
            assertThat(System.nanoTime()).as(out).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private Process launch() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", dir.resolve("vigil.yml").toString(),
                dir.resolve("nagios.cfg").toString())).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
    }

    private void writeConfig(String yml) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path fake = plugins.resolve("check_dummy");
        Files.writeString(fake, "#!/bin/sh\necho \"FORKED check_dummy $* \"\nexit 2\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("resource.cfg"), "$USER1$=" + plugins + "\n");
        Files.writeString(dir.resolve("vigil.yml"), yml);
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                resource_file=resource.cfg
                log_file=nagios.log
                status_file=status.dat
                status_update_interval=1
                retain_state_information=0
                interval_length=1
                """);
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name dummy
                    command_line $USER1$/check_dummy $ARG1$ "$ARG2$"
                }
                define command {
                    command_name dummy_via_shell
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ "$ARG2$" 2>/dev/null
                }
                define contact {
                    contact_name admin
                    host_notification_commands dummy!0
                    service_notification_commands dummy!0
                }
                define host {
                    host_name local
                    check_command dummy!0!up
                    max_check_attempts 1
                    contacts admin
                }
                define service {
                    host_name local
                    service_description builtin
                    check_command dummy!1!disk 91% full | used=91% free=9%
                    max_check_attempts 1
                    check_interval 1
                    retry_interval 1
                    contacts admin
                }
                define service {
                    host_name local
                    service_description forked
                    check_command dummy_via_shell!1!disk 91% full | used=91% free=9%
                    max_check_attempts 1
                    check_interval 1
                    retry_interval 1
                    contacts admin
                }
                """);
    }

    /** status.dat's servicestatus blocks of {@code services}, once each has been checked. */
    private Map<String, Map<String, String>> awaitChecked(String... services) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Path file = dir.resolve("status.dat");
            Map<String, Map<String, String>> blocks = Files.exists(file) ? serviceBlocks(Files.readString(file))
                    : Map.of();
            boolean all = true;
            for (String s : services) {
                all &= blocks.containsKey(s) && "1".equals(blocks.get(s).get("has_been_checked"));
            }
            if (all) {
                return blocks;
            }
            assertThat(System.nanoTime()).as(Files.readString(dir.resolve("out.txt"))).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static Map<String, Map<String, String>> serviceBlocks(String status) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String block : status.split("\n\\s*}\n")) {
            int at = block.indexOf("servicestatus {");
            if (at < 0) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : block.substring(at).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    fields.put(line.substring(0, eq).strip(), line.substring(eq + 1));
                }
            }
            out.put(fields.get("service_description"), fields);
        }
        return out;
    }

    /** The API's status of {@code service} once it shows a check (the read model follows the engine shortly). */
    private static JsonNode api(HttpClient http, Matcher web, String service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.group(1)
                    + "/api/v1/services/local/" + service)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode status = new ObjectMapper().readTree(r.body()).path("service").get("status");
            if (status != null && status.hasNonNull("last_check")) {
                return status;
            }
            assertThat(System.nanoTime()).as(r.body()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
