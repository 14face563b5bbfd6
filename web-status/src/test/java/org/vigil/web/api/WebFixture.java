package org.vigil.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.daemon.Daemon;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.app.WebServer;
import org.vigil.web.model.Monitor;

/**
 * A real daemon on a small config (active checks off: tests set states with passive results) with the real
 * web server on free ports, and an HTTP client for it; {@link #of} starts the same on other objects (the header's
 * names, 100,000 services, an outage), so every page test starts its monitor one way.
 */
public final class WebFixture implements AutoCloseable {

    public static final String OBJECTS = """
            define command {
                command_name check_dummy
                command_line /usr/lib/nagios/plugins/check_dummy $ARG1$
            }
            define timeperiod {
                timeperiod_name 24x7
                alias           Always
                sunday          00:00-24:00
                monday          00:00-24:00
                tuesday         00:00-24:00
                wednesday       00:00-24:00
                thursday        00:00-24:00
                friday          00:00-24:00
                saturday        00:00-24:00
            }
            define contact {
                contact_name alice
                email alice@example.com
                host_notification_period 24x7
                service_notification_period 24x7
                host_notification_commands check_dummy
                service_notification_commands check_dummy
            }
            define contact {
                contact_name bob
                host_notification_period 24x7
                service_notification_period 24x7
                host_notification_commands check_dummy
                service_notification_commands check_dummy
            }
            define contactgroup {
                contactgroup_name dba
                alias DBAs
                members bob
            }
            define hostgroup {
                hostgroup_name webservers
                alias Web servers
                members web1
            }
            define servicegroup {
                servicegroup_name ports
                alias Ports
                members web1,http,db1,pg
            }
            define host {
                name                 base-host
                register             0
                check_command        check_dummy!0
                max_check_attempts   1
                active_checks_enabled 0
                check_period         24x7
                notification_period  24x7
            }
            define host {
                use       base-host
                host_name web1
                alias     Web one
                address   192.0.2.10
                contacts  alice
            }
            define host {
                use       base-host
                host_name db1
                alias     Database
                address   192.0.2.20
                contact_groups dba
            }
            define service {
                name                  base-service
                register              0
                check_command         check_dummy!0
                max_check_attempts    1
                active_checks_enabled 0
                check_period          24x7
                notification_period   24x7
            }
            define service {
                use                 base-service
                host_name           web1
                service_description http
                contacts            alice
            }
            define service {
                use                 base-service
                host_name           web1
                service_description disk
                contacts            alice
            }
            define service {
                use                 base-service
                host_name           db1
                service_description pg
                contact_groups      dba
            }
            """;

    public final Path dir;
    public final Daemon daemon;
    public final WebServer web;
    public final HttpClient http = HttpClient.newHttpClient();
    public final ObjectMapper json = new ObjectMapper();
    public String credentials;

    public WebFixture(Path dir, VigilConfiguration settings) throws Exception {
        this(dir, settings, null);
    }

    /** With {@code listeners} (e.g. the notifier, which the caller closes after this) on the engine; null for none. */
    public WebFixture(Path dir, VigilConfiguration settings, org.vigil.engine.daemon.EngineListenerFactory listeners)
            throws Exception {
        this(dir, settings, listeners, Clock.systemUTC());
    }

    /** With {@code webClock} as the web server's clock (sessions, login throttle); the daemon keeps the system's. */
    public WebFixture(Path dir, VigilConfiguration settings, org.vigil.engine.daemon.EngineListenerFactory listeners,
                      Clock webClock) throws Exception {
        this(dir, OBJECTS, "", settings, listeners, webClock, Monitor::of);
    }

    /**
     * A daemon on {@code objects}, its nagios.cfg naming the log, without retention or command file, plus the lines
     * of {@code mainConfig} ("" for none), and the web server with {@code settings}.
     */
    public static WebFixture of(Path dir, String objects, String mainConfig, VigilConfiguration settings)
            throws Exception {
        return new WebFixture(dir, objects, mainConfig, settings, null, Clock.systemUTC(), Monitor::of);
    }

    /** With {@code notifications} on the engine and behind the monitor (its outbox, its email links). */
    public static WebFixture withNotifications(Path dir, VigilConfiguration settings,
                                               org.vigil.notify.setup.Notifications notifications) throws Exception {
        return new WebFixture(dir, OBJECTS, "", settings, notifications, Clock.systemUTC(),
                d -> Monitor.of(d, notifications));
    }

    /** With the gearman dispatch's status served by the pages, {@code /metrics} and the API. */
    public static WebFixture withGearman(Path dir, VigilConfiguration settings,
                                         java.util.function.Supplier<org.vigil.web.model.GearmanReport> gearman)
            throws Exception {
        return new WebFixture(dir, OBJECTS, "", settings, null, Clock.systemUTC(),
                d -> Monitor.withGearman(d, gearman));
    }

    private WebFixture(Path dir, String objects, String mainConfig, VigilConfiguration settings,
                       org.vigil.engine.daemon.EngineListenerFactory listeners, Clock webClock,
                       java.util.function.Function<Daemon, Monitor> monitor) throws Exception {
        this.dir = dir;
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nlog_file=" + dir.resolve("nagios.log")
                + "\nretain_state_information=0\ncheck_external_commands=0\n" + mainConfig);
        Files.writeString(dir.resolve("objects.cfg"), objects);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        if (!config.ok()) {
            throw new IllegalStateException(config.diagnostics().all().stream().limit(5).toList().toString());
        }
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        daemon = listeners == null ? new Daemon(config, Clock.systemUTC(), quiet)
                : new Daemon(config, Clock.systemUTC(), quiet, listeners);
        daemon.limitEntries(settings.limits.entries()); // as vigil run does with the YAML's limits
        daemon.start();
        web = WebServer.start(monitor.apply(daemon), settings.withPorts(0, 0), webClock);
    }

    public record Reply(int status, JsonNode body, String text, String contentType) {
    }

    /**
     * Submits external command lines, stamped now, and waits until the engine has taken them all (it takes them in
     * order; one call behind them waits for all); the next page or API call sees them.
     */
    public void commands(java.util.List<String> lines) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        for (String line : lines) {
            daemon.commands().submitLine("[" + now + "] " + line);
        }
        daemon.engine().call(() -> null);
        web.reader().invalidate();
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(web.port(), path)).GET());
    }

    public Reply admin(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(web.adminPort(), path)).GET());
    }

    public Reply post(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(web.port(), path));
        if (body == null) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return send(b);
    }

    public Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        if (credentials != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        String type = r.headers().firstValue("Content-Type").orElse("");
        JsonNode node = type.startsWith("application/json") ? json.readTree(r.body()) : null;
        return new Reply(r.statusCode(), node, r.body(), type);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        web.close();
        daemon.close();
    }
}
