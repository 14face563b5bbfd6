package org.vigil.web.pages;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.Engine;
import org.vigil.engine.daemon.Daemon;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.app.WebServer;
import org.vigil.web.auth.Access;
import org.vigil.web.auth.WebUser;
import org.vigil.web.model.Monitor;
import org.vigil.model.StateCounts;
import org.vigil.model.ReadModel;
import org.vigil.model.StatusSnapshot;

/**
 * The tactical overview ({@code GET /}) of a real daemon and web server with {@code vigil.bench.hosts} hosts
 * (10,000) of {@code vigil.bench.per_host} services (10: 100,000), active checks off, states set by passive results
 * (services: 6% CRITICAL, 3% WARNING, 1% UNKNOWN, a third of the problems acknowledged and a tenth in downtime;
 * hosts: 2% DOWN). Prints the snapshot copy of every object (engine thread; what lists and the API read), the
 * overview's counts over it and on the engine thread, and whole requests over loopback, with the counts of the last
 * second and counted anew for each request. A benchmark: it prints, it does not judge. Not part of the
 * test run (its name does not end in Test); run it with {@code bench/web/run.sh}.
 */
class OverviewBench {

    private static final int HOSTS = Integer.getInteger("vigil.bench.hosts", 10_000);
    private static final int PER_HOST = Integer.getInteger("vigil.bench.per_host", 10);
    private static final int REQUESTS = Integer.getInteger("vigil.bench.requests", 50);
    private static final int WARMUP = Integer.getInteger("vigil.bench.warmup", 30);

    @Test
    void overview() throws Exception {
        Path dir = Files.createTempDirectory("vigil-web-bench");
        long t0 = System.nanoTime();
        LoadResult config = generate(dir);
        System.out.printf("web bench: %,d hosts, %,d services, %d cores; config loaded in %d ms%n", HOSTS,
                HOSTS * PER_HOST, Runtime.getRuntime().availableProcessors(), (System.nanoTime() - t0) / 1_000_000);
        Daemon daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        daemon.start();
        try (WebServer web = WebServer.start(Monitor.of(daemon), new VigilConfiguration().withPorts(0, 0),
                Clock.systemUTC())) {
            t0 = System.nanoTime();
            setStates(daemon);
            System.out.printf("states set by %,d passive results and commands in %d ms%n", HOSTS * PER_HOST + HOSTS,
                    (System.nanoTime() - t0) / 1_000_000);
            ReadModel reader = web.reader();
            StatusSnapshot snap = reader.fresh();
            StateCounts t = overview(snap);
            System.out.println("counts: hosts " + t.hosts() + "; services " + t.services());

            for (int i = 0; i < WARMUP; i++) {
                reader.fresh();
                overview(reader.current());
            }
            long[] copy = new long[REQUESTS];
            long[] engineThread = new long[REQUESTS];
            long[] counts = new long[REQUESTS];
            long[] live = new long[REQUESTS];
            Engine engine = daemon.engine();
            StateCounts.Viewer everything = new StateCounts.Viewer(true, null);
            for (int i = 0; i < WARMUP; i++) {
                reader.invalidate();
                reader.counts(everything);
            }
            for (int i = 0; i < REQUESTS; i++) {
                long a = System.nanoTime();
                StatusSnapshot s = reader.fresh();
                long b = System.nanoTime();
                overview(s);
                counts[i] = System.nanoTime() - b;
                copy[i] = b - a;
                long c = System.nanoTime();
                engine.call(() -> null); // the engine thread's queue, for comparison
                engineThread[i] = System.nanoTime() - c;
                reader.invalidate();
                long d = System.nanoTime();
                reader.counts(everything);
                live[i] = System.nanoTime() - d;
            }
            print("snapshot copy of every object (ReadModel.fresh)", copy);
            print("counts over that snapshot (StateCounts.of, request thread)", counts);
            print("counts on the engine thread (ReadModel.counts)", live);
            print("an empty engine.call (queue round trip)", engineThread);

            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + web.port() + "/");
            for (int i = 0; i < WARMUP; i++) {
                reader.invalidate();
                get(http, uri);
            }
            long[] cached = new long[REQUESTS];
            long[] fresh = new long[REQUESTS];
            int bytes = 0;
            reader.current();
            for (int i = 0; i < REQUESTS; i++) {
                long a = System.nanoTime();
                bytes = get(http, uri);
                cached[i] = System.nanoTime() - a;
            }
            for (int i = 0; i < REQUESTS; i++) {
                reader.invalidate();
                long a = System.nanoTime();
                get(http, uri);
                fresh[i] = System.nanoTime() - a;
            }
            System.out.printf("GET / answers %,d bytes%n", bytes);
            print("GET / with the counts of the last second (most requests)", cached);
            print("GET / counting anew (the first request each second)", fresh);
        } finally {
            daemon.close();
        }
    }

    private static int get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET / answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().length();
    }

    private static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-62s n=%d  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, s.length,
                s[s.length / 2] / 1e6, s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e6,
                s[s.length - 1] / 1e6);
    }

    /** Passive results for every service and the DOWN hosts; acknowledgements and downtimes for some problems. */
    static void setStates(Daemon daemon) {
        var commands = daemon.commands();
        long now = System.currentTimeMillis() / 1000;
        for (int h = 0; h < HOSTS; h++) {
            String host = host(h);
            commands.submitLine("[" + now + "] PROCESS_HOST_CHECK_RESULT;" + host + ";" + (h % 50 == 7 ? 1 : 0)
                    + ";PING " + (h % 50 == 7 ? "CRITICAL - 100% packet loss" : "OK - rta 0.4 ms"));
            for (int s = 0; s < PER_HOST; s++) {
                int n = h * PER_HOST + s;
                int state = n % 100 < 6 ? 2 : n % 100 < 9 ? 1 : n % 100 < 10 ? 3 : 0;
                String svc = service(s);
                commands.submitLine("[" + now + "] PROCESS_SERVICE_CHECK_RESULT;" + host + ";" + svc + ";" + state
                        + ";" + new String[] {"OK", "WARNING", "CRITICAL", "UNKNOWN"}[state] + " - <b>output</b> " + n
                        + "|time=0.01s;1;2;0");
                if (state != 0 && n % 3 == 0) {
                    commands.submitLine("[" + now + "] ACKNOWLEDGE_SVC_PROBLEM;" + host + ";" + svc
                            + ";1;0;1;bench;on it");
                } else if (state != 0 && n % 10 == 1) {
                    commands.submitLine("[" + now + "] SCHEDULE_SVC_DOWNTIME;" + host + ";" + svc + ";" + now + ";"
                            + (now + 86400) + ";1;0;86400;bench;maintenance");
                }
            }
        }
        Engine e = daemon.engine();
        e.call(() -> null); // every queued command has run
    }

    /** The overview's counts over a snapshot, as everyone sees them. */
    private static StateCounts overview(StatusSnapshot s) {
        Access all = new Access(WebUser.ANONYMOUS);
        return StateCounts.of(s, all::canSee, v -> all.canSee(v, s));
    }

    private static String host(int h) {
        return String.format("host%05d", h);
    }

    private static String service(int s) {
        return String.format("svc%02d", s);
    }

    static LoadResult generate(Path dir) throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=%1$s/objects.cfg
                log_file=%1$s/nagios.log
                retain_state_information=0
                check_external_commands=0
                interval_length=60
                enable_notifications=0
                enable_flap_detection=0
                accept_passive_service_checks=1
                accept_passive_host_checks=1
                illegal_macro_output_chars=`~$&|'"<>
                use_timezone=UTC
                """.formatted(dir));
        StringBuilder o = new StringBuilder("""
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$
                }
                define timeperiod {
                    timeperiod_name 24x7
                    monday 00:00-24:00
                    tuesday 00:00-24:00
                    wednesday 00:00-24:00
                    thursday 00:00-24:00
                    friday 00:00-24:00
                    saturday 00:00-24:00
                    sunday 00:00-24:00
                }
                define contact {
                    contact_name oncall
                    host_notification_period 24x7
                    service_notification_period 24x7
                    host_notification_commands check_dummy
                    service_notification_commands check_dummy
                }
                define host {
                    name base-host
                    register 0
                    check_command check_dummy!0
                    max_check_attempts 1
                    check_interval 60
                    active_checks_enabled 0
                    passive_checks_enabled 1
                    check_period 24x7
                    notification_period 24x7
                    contacts oncall
                }
                define service {
                    name base-service
                    register 0
                    check_command check_dummy!0
                    max_check_attempts 1
                    check_interval 60
                    retry_interval 1
                    active_checks_enabled 0
                    passive_checks_enabled 1
                    check_period 24x7
                    notification_period 24x7
                    contacts oncall
                }
                """);
        for (int g = 0; g < 100; g++) {
            o.append("define hostgroup {\n    hostgroup_name group").append(g).append("\n}\n");
        }
        for (int s = 0; s < PER_HOST; s++) {
            o.append("define servicegroup {\n    servicegroup_name sg").append(s).append("\n}\n");
        }
        for (int h = 0; h < HOSTS; h++) {
            o.append("define host {\n    use base-host\n    host_name ").append(host(h))
                    .append("\n    address 10.").append(h / 65536).append('.').append(h / 256 % 256).append('.')
                    .append(h % 256).append("\n    hostgroups group").append(h % 100).append("\n}\n");
            for (int s = 0; s < PER_HOST; s++) {
                o.append("define service {\n    use base-service\n    host_name ").append(host(h))
                        .append("\n    service_description ").append(service(s))
                        .append("\n    servicegroups sg").append(s).append("\n}\n");
            }
        }
        Files.writeString(dir.resolve("objects.cfg"), o);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        if (!config.ok()) {
            throw new IllegalStateException(config.diagnostics().all().toString());
        }
        return config;
    }
}
