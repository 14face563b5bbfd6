package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `vigil run --web-config` serves the API and the admin port from the monitor's own process. */
class RunWebTest {

    @TempDir
    Path dir;

    @Test
    void runServesTheApiAndMetrics() throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nlog_file=" + dir.resolve("nagios.log") + "\n"
                + "retain_state_information=0\n");
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$
                }
                define contact {
                    contact_name admin
                    host_notification_commands check_dummy
                    service_notification_commands check_dummy
                }
                define host {
                    host_name local
                    check_command check_dummy!0
                    max_check_attempts 1
                    contacts admin
                }
                define service {
                    host_name local
                    service_description svc
                    check_command check_dummy!0
                    max_check_attempts 1
                    contacts admin
                }
                """);
        Files.writeString(dir.resolve("vigil.yml"), """
                server:
                  applicationConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                  adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", dir.resolve("vigil.yml").toString(),
                dir.resolve("nagios.cfg").toString())).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            Matcher m = null;
            Pattern serving = Pattern.compile("Web: serving http://127.0.0.1:(\\d+)/ \\(admin port (\\d+)\\)");
            for (int i = 0; i < 300 && (m == null || !m.find()); i++) {
                Thread.sleep(100);
                m = serving.matcher(Files.readString(out));
            }
            assertThat(m.find(0)).as(Files.readString(out)).isTrue();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> hosts = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1)
                    + "/api/v1/hosts/local")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(hosts.statusCode()).isEqualTo(200);
            assertThat(hosts.body()).contains("\"name\":\"local\"");
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + m.group(2) + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("vigil_hosts{state=");
            // the Nagios log on stdout is not interleaved with library logging
            assertThat(Files.readString(out)).doesNotContain("INFO ").doesNotContain("org.eclipse.jetty");
        } finally {
            p.destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void aBadWebConfigIsRefusedBeforeStarting() throws Exception {
        Files.writeString(dir.resolve("vigil.yml"), "auth:\n  users:\n    - name: bob\n      password_hash: x\n");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int rc = Vigil.run(new String[] {"run", "--web-config", dir.resolve("vigil.yml").toString(), "nagios.cfg"},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err));
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).contains("the web configuration is not valid")
                .contains("auth.users.bob.password_hash").doesNotContain("Exception");
    }
}
