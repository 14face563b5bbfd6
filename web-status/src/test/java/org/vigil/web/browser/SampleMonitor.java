package org.vigil.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.stream.Stream;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.daemon.Daemon;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.app.WebServer;
import org.vigil.web.model.Monitor;

/**
 * The monitor the browser tests look at: a copy of {@code sample-configs/} in a temporary directory (so no runtime
 * file or command FIFO lands in the repository) plus a shop host whose checks fail on purpose (check_dummy and a
 * scripted plugin whose output carries HTML), run by a real daemon with the real web server on free ports (which
 * the sample's checks of Vigil's own web server are pointed at), as {@code vigil run} wires them.
 */
public final class SampleMonitor implements AutoCloseable {

    /** The repository's sample configuration (tests run in the module's directory). */
    static final Path SAMPLE = Path.of(System.getProperty("user.dir")).resolve("../sample-configs").normalize();

    /** The checks added to the sample, all with one attempt so a failure is HARD at once. */
    static final String SHOP = """
            # Added by the browser tests: a shop whose checks fail on purpose.
            define command {
                command_name            check_checkout
                command_line            %s
            }
            define command {
                command_name            check_search_index
                command_line            %s
            }
            define service {
                name                    browser-failure
                use                     demo-failure-service
                register                0
                max_check_attempts      1
            }
            define host {
                use                     generic-host
                host_name               shop1
                alias                   Shop server 1
                address                 127.0.0.1
                hostgroups              +web-servers
            }
            define service {
                use                     browser-failure
                host_name               shop1
                service_description     Checkout API
                check_command           check_checkout
            }
            define service {
                use                     browser-failure
                host_name               shop1
                service_description     Order sync
                check_command           check_dummy!2!CRITICAL - order sync stalled, 312 orders waiting
            }
            define service {
                use                     browser-failure
                host_name               shop1
                service_description     Payment queue
                check_command           check_dummy!1!WARNING - 17 payments older than 5 minutes
            }
            define service {
                use                     browser-failure
                host_name               shop1
                service_description     Disk /var
                check_command           check_dummy!2!CRITICAL - /var is 97%% full (1.2 GB free)
            }
            define service {
                use                     generic-service
                host_name               shop1
                service_description     Search index
                check_command           check_search_index
            }
            define service {
                use                     generic-service
                host_name               shop1
                service_description     Storefront
                check_command           check_dummy!0!OK - storefront answers in 80 ms
            }
            """;

    /** The scripted plugin: CRITICAL with markup in its output (which the pages must escape) and perfdata. */
    static final String CHECKOUT_PLUGIN = """
            #!/bin/sh
            echo 'CRITICAL - checkout answered <b>HTTP 500</b> in 2.31 s | time=2.31s;1;2;0 errors=14;5;10;0'
            echo 'POST /api/checkout -> 500 Internal Server Error'
            echo 'upstream payments-gw timed out'
            exit 2
            """;

    /** A slow plugin (OK after 2 s), so a sweep is seen running part way. */
    static final String SEARCH_PLUGIN = """
            #!/bin/sh
            sleep 2
            echo 'OK - search index fresh, rebuilt 4 minutes ago'
            exit 0
            """;

    public final Path dir;
    public final Daemon daemon;
    public final WebServer web;
    public final String base;
    /** {@code name:password} sent as basic authentication with {@link #send} when the settings list users. */
    public String credentials;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    public SampleMonitor(Path dir) throws Exception {
        this(dir, new VigilConfiguration());
    }

    /** The same with the web server's settings (users, for instance); the ports are always free ones. */
    public SampleMonitor(Path dir, VigilConfiguration settings) throws Exception {
        this(dir, settings, null);
    }

    /** The same with more objects ({@code extra}, written to {@code conf.d/extra.cfg}; null for none). */
    public SampleMonitor(Path dir, VigilConfiguration settings, String extra) throws Exception {
        this.dir = dir;
        copy(SAMPLE, dir);
        if (extra != null) {
            Files.writeString(dir.resolve("conf.d/extra.cfg"), extra);
        }
        int[] ports = twoFreePorts();
        watchOwnPorts(ports[0], ports[1]);
        Path checkout = plugin("check_checkout", CHECKOUT_PLUGIN);
        Path search = plugin("check_search_index", SEARCH_PLUGIN);
        Files.writeString(dir.resolve("conf.d/shop.cfg"), SHOP.formatted(checkout, search));
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        if (!config.ok()) {
            throw new IllegalStateException(config.diagnostics().all().toString());
        }
        daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()));
        daemon.start();
        web = WebServer.start(Monitor.of(daemon), settings.withPorts(ports[0], ports[1]), Clock.systemUTC());
        base = "http://127.0.0.1:" + web.port();
    }

    /** The sample's localhost checks Vigil's own web server: on the ports this one serves on, not the sample's 8080. */
    private void watchOwnPorts(int web, int admin) throws IOException {
        Path localhost = dir.resolve("conf.d/localhost.cfg");
        String text = Files.readString(localhost);
        String moved = text.replaceFirst("(?m)^(\\s*_WEB_PORT\\s+)8080$", "$1" + web)
                .replaceFirst("(?m)^(\\s*_ADMIN_PORT\\s+)8081$", "$1" + admin);
        if (!moved.contains(" " + web + "\n") || !moved.contains(" " + admin + "\n")) {
            throw new IllegalStateException("the sample's localhost no longer names its ports as _WEB_PORT and"
                    + " _ADMIN_PORT: " + localhost);
        }
        Files.writeString(localhost, moved);
    }

    private static int[] twoFreePorts() throws IOException {
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }

    private Path plugin(String name, String script) throws IOException {
        Path plugin = dir.resolve("plugins").resolve(name);
        Files.createDirectories(plugin.getParent());
        Files.writeString(plugin, script);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        return plugin;
    }

    /** Copies directories and regular files only, and no runtime files of a local run (var/ starts empty). */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path rel = from.relativize(p);
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p) && !rel.startsWith("var")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Runs every check now through the API (a sweep) and waits for its summary, so no state is PENDING. */
    public JsonNode sweepEverything() throws IOException, InterruptedException {
        JsonNode started = send("POST", "/api/v1/sweeps");
        long id = started.get("id").asLong();
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode s = started;
        while (s.get("phase").asText().equals("running") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            s = send("GET", "/api/v1/sweeps/" + id);
        }
        if (!s.get("phase").asText().equals("finished")) {
            throw new IllegalStateException("the sweep did not finish: " + s);
        }
        return s;
    }

    /** One JSON request to the API; anything but 2xx is an error with the answer in its message. */
    public JsonNode send(String method, String path) throws IOException, InterruptedException {
        return send(method, path, null);
    }

    /** One JSON request with a JSON body ({@code null}: none). */
    public JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (credentials != null) {
            b.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return json.readTree(r.body());
    }

    @Override
    public void close() {
        web.close();
        daemon.close();
    }
}
