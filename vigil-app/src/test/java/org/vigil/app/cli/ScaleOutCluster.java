package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.worker.gearman.Gearmand;

/**
 * A central {@code vigil run} sending its checks to a real gearmand, and {@code vigil worker} processes running them,
 * each a real process: for the scale-out tests. Every check runs {@code where.sh}, which prints where it ran ({@code
 * VIGIL_TEST_WHERE}, set for each worker; {@code central} on the central node) and whose check it is, so a result
 * shows both who ran it and that it reached its own object.
 */
final class ScaleOutCluster implements AutoCloseable {

    static final String KEY = "scale-out-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    Gearmand gearmand;
    private Process central;
    private final Map<String, Process> workers = new LinkedHashMap<>();
    private int webPort;
    private final HttpClient http = HttpClient.newHttpClient();

    ScaleOutCluster(Path dir) throws Exception {
        this.dir = dir;
        this.gearmand = Gearmand.start();
        Files.writeString(dir.resolve("secret.key"), KEY + "\n");
        Path where = dir.resolve("where.sh");
        Files.writeString(where, "#!/bin/sh\nsleep \"${VIGIL_TEST_SLEEP:-0}\"\necho \"OK on ${VIGIL_TEST_WHERE:-central}"
                + " $1/$2\"\n");
        where.toFile().setExecutable(true);
    }

    /**
     * Writes the central node's configuration: {@code hosts} hosts {@code h0..} with {@code services} services
     * {@code s0..} each, checked every {@code interval} seconds; hosts named in {@code web} are in hostgroup web.
     */
    void configure(int hosts, int services, int interval, List<String> web, String gearmanYml) throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=nagios.log
                status_file=status.dat
                status_update_interval=1
                retain_state_information=0
                interval_length=1
                service_check_timeout=5
                """);
        StringBuilder b = new StringBuilder("""
                define command {
                    command_name where
                    command_line %s $HOSTNAME$ $SERVICEDESC$
                }
                define command {
                    command_name up
                    command_line /usr/lib/nagios/plugins/check_dummy 0 up
                }
                define contact {
                    contact_name admin
                    host_notification_commands up
                    service_notification_commands up
                }
                define hostgroup {
                    hostgroup_name web
                }
                """.formatted(dir.resolve("where.sh")));
        for (int h = 0; h < hosts; h++) {
            b.append("define host {\n host_name h").append(h).append("\n check_command up\n max_check_attempts 1\n")
                    .append(" check_interval 60\n contacts admin\n")
                    .append(web.contains("h" + h) ? " hostgroups web\n" : "").append("}\n");
            for (int s = 0; s < services; s++) {
                b.append("define service {\n host_name h").append(h).append("\n service_description s").append(s)
                        .append("\n check_command where\n max_check_attempts 1\n check_interval ").append(interval)
                        .append("\n retry_interval ").append(interval).append("\n contacts admin\n}\n");
            }
        }
        Files.writeString(dir.resolve("objects.cfg"), b);
        Files.writeString(dir.resolve("vigil.yml"), """
                server:
                  applicationConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                  adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                gearman:
                  server: %s
                  key_file: secret.key
                %s""".formatted(gearmand.address(), gearmanYml.indent(2)));
    }

    /** Starts {@code vigil run} and waits until its web server serves. */
    void startCentral() throws Exception {
        central = new ProcessBuilder(command("run", "--web-config", dir.resolve("vigil.yml").toString(),
                dir.resolve("nagios.cfg").toString())).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("central.out").toFile()).start();
        Pattern serving = Pattern.compile("Web: serving http://127.0.0.1:(\\d+)/");
        await("the central node's web server", Duration.ofSeconds(60), () -> {
            assertThat(central.isAlive()).as(read("central.out")).isTrue();
            Matcher m = serving.matcher(read("central.out"));
            if (m.find()) {
                webPort = Integer.parseInt(m.group(1));
                return true;
            }
            return false;
        });
    }

    /** Starts {@code vigil worker} named {@code name} (its checks print it) with {@code options} and the key. */
    Process startWorker(String name, String key, Map<String, String> env, String... options) throws IOException {
        Path keyFile = dir.resolve(name + ".key");
        Files.writeString(keyFile, key + "\n");
        List<String> args = new ArrayList<>(List.of("worker", "--server", gearmand.address().toString(), "--key-file",
                keyFile.toString(), "--identifier", name));
        args.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command(args.toArray(String[]::new))).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile());
        pb.environment().put("VIGIL_TEST_WHERE", name);
        pb.environment().putAll(env);
        Process worker = pb.start();
        workers.put(name, worker);
        return worker;
    }

    Process worker(String name) {
        return workers.get(name);
    }

    /** Restarts gearmand on its port, empty. */
    void restartGearmand() throws Exception {
        int port = gearmand.address().port();
        gearmand.close();
        gearmand = Gearmand.startOn(port);
    }

    /** status.dat's servicestatus blocks by "host/service". */
    Map<String, Map<String, String>> services() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String block : read("status.dat").split("\n\\s*}\n")) {
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
            out.put(fields.get("host_name") + "/" + fields.get("service_description"), fields);
        }
        return out;
    }

    /** Waits until status.dat holds {@code count} services and every one satisfies {@code done}. */
    Map<String, Map<String, String>> awaitServices(int count, String what, Duration within,
            Predicate<Map<String, String>> done) throws InterruptedException {
        List<Map<String, Map<String, String>>> last = new ArrayList<>(List.of(Map.of()));
        try {
            await(what, within, () -> {
                Map<String, Map<String, String>> now = services();
                last.set(0, now);
                return now.size() == count && now.values().stream().allMatch(done);
            });
        } catch (AssertionError e) {
            List<String> missing = last.get(0).entrySet().stream().filter(s -> !done.test(s.getValue()))
                    .limit(5).map(s -> s.getKey() + ": " + s.getValue().get("plugin_output")).toList();
            throw new AssertionError(e.getMessage() + "; e.g. " + missing + "\ncentral:\n" + tail("central.out"), e);
        }
        return last.get(0);
    }

    /** GET {@code path} on the central node's web server, as JSON. */
    JsonNode api(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** GET {@code path} on the central node's web server, as text. */
    String page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            return "";
        }
    }

    private String tail(String file) {
        List<String> lines = read(file).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** Waits up to {@code within} for {@code condition}; fails naming {@code what}. */
    static void await(String what, Duration within, java.util.concurrent.Callable<Boolean> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                // not there yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + within.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--add-opens", "java.base/java.io=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "org.vigil.app.cli.Vigil"));
        command.addAll(List.of(args));
        return command;
    }

    @Override
    public void close() throws Exception {
        List<Process> all = new ArrayList<>(workers.values());
        if (central != null) {
            all.add(central);
        }
        all.forEach(Process::destroy);
        for (Process p : all) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        gearmand.close();
    }
}
