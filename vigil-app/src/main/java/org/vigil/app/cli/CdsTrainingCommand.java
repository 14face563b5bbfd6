package org.vigil.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil cds-training DIR}, run by {@code bin/vigil} under {@code -XX:ArchiveClassesAtExit}: a short {@code vigil
 * run} on a small config written into the empty directory DIR, with retention, the command file, a notification and
 * the web server, until its first check result and one request to the status page and to the API; then the process
 * exits and the JVM writes the classes it loaded into a class data sharing archive, which every later start maps
 * instead of loading and verifying them again (a restart at 100,000 services does not wait for thousands of classes).
 * With {@code --verify}, the training of short commands: {@code vigil verify} of the same config with templates,
 * groups, dependencies and escalations added ({@link VerifyTraining}), so that {@code vigil verify} maps the config
 * reader's classes too. Not for users: it prints nothing unless it fails.
 */
@Command(name = "cds-training", hidden = true, description = "bin/vigil's class data sharing training run")
final class CdsTrainingCommand implements Callable<Integer> {

    @Parameters(paramLabel = "EMPTY_DIR")
    Path dir;

    @Option(names = "--verify")
    boolean verify;

    private static final Pattern SERVING = Pattern.compile("Web: serving http://([^/]+)/");
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final PrintStream err;

    CdsTrainingCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() {
        Path dir = this.dir.toAbsolutePath();
        try {
            write(dir);
            if (verify) {
                return VerifyTraining.run(dir, err);
            }
        } catch (IOException e) {
            err.println("vigil cds-training: " + e.getMessage());
            return 1;
        }
        CompletableFuture<String> web = new CompletableFuture<>();
        CompletableFuture<Void> result = new CompletableFuture<>();
        PrintStream watched = new PrintStream(new LineWatcher(line -> {
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                web.complete(m.group(1));
            }
            if (line.contains("SERVICE ALERT: training;")) {
                result.complete(null);
            }
        }), true, StandardCharsets.UTF_8);
        Thread monitor = new Thread(() -> new RunCommand(watched, watched).start(dir.resolve("nagios.cfg").toString(),
                dir.resolve("vigil.yml"), true, false), "vigil-run");
        monitor.setDaemon(true);
        monitor.start();
        try {
            String hostPort = web.get(GIVE_UP.toSeconds(), TimeUnit.SECONDS);
            HttpClient client = HttpClient.newHttpClient();
            for (String path : new String[] {"/", "/api/v1/status", "/api/v1/hosts"}) {
                client.send(HttpRequest.newBuilder(URI.create("http://" + hostPort + path)).timeout(GIVE_UP).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            result.get(GIVE_UP.toSeconds(), TimeUnit.SECONDS);
            return 0;
        } catch (Exception e) {
            err.println("vigil cds-training: the training run did not complete: " + e);
            return 1;
        }
        // the caller's System.exit runs the monitor's shutdown hook, which stops it cleanly and ends the JVM
    }

    private static void write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("var"));
        Files.writeString(dir.resolve("nagios.cfg"), String.join("\n",
                "cfg_file=" + dir.resolve("objects.cfg"),
                "log_file=" + dir.resolve("var/nagios.log"),
                "status_file=" + dir.resolve("var/status.dat"),
                "status_update_interval=1",
                "state_retention_file=" + dir.resolve("var/retention.dat"),
                "command_file=" + dir.resolve("var/nagios.cmd"),
                "check_external_commands=1",
                "lock_file=" + dir.resolve("var/nagios.lock"),
                "interval_length=1",
                "enable_notifications=1",
                ""));
        Files.writeString(dir.resolve("objects.cfg"), """
                define timeperiod {
                    timeperiod_name 24x7
                    alias           always
                    sunday          00:00-24:00
                    monday          00:00-24:00
                    tuesday         00:00-24:00
                    wednesday       00:00-24:00
                    thursday        00:00-24:00
                    friday          00:00-24:00
                    saturday        00:00-24:00
                }
                define command {
                    command_name    ok
                    command_line    /bin/echo "OK - $HOSTNAME$ | time=0.001s"
                }
                define command {
                    command_name    critical
                    command_line    /bin/sh -c 'echo "CRITICAL - training" && exit 2'
                }
                define command {
                    command_name    record
                    command_line    /bin/true $NOTIFICATIONTYPE$ $SERVICEDESC$
                }
                define contact {
                    contact_name                  admin
                    host_notifications_enabled    1
                    service_notifications_enabled 1
                    host_notification_period      24x7
                    service_notification_period   24x7
                    host_notification_options     d,u,r
                    service_notification_options  w,u,c,r
                    host_notification_commands    record
                    service_notification_commands record
                }
                define host {
                    host_name             training
                    address               127.0.0.1
                    check_command         ok
                    max_check_attempts    1
                    check_interval        1
                    check_period          24x7
                    notification_period   24x7
                    contacts              admin
                }
                define service {
                    host_name             training
                    service_description   probe
                    check_command         critical
                    max_check_attempts    1
                    check_interval        1
                    retry_interval        1
                    check_period          24x7
                    notification_period   24x7
                    notification_interval 0
                    contacts              admin
                }
                """);
        Files.writeString(dir.resolve("vigil.yml"), """
                server:
                  applicationConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                  adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                """);
    }

    /** Hands each complete line written to it to {@code onLine}. */
    private static final class LineWatcher extends OutputStream {
        private final java.util.function.Consumer<String> onLine;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LineWatcher(java.util.function.Consumer<String> onLine) {
            this.onLine = onLine;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                onLine.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else if (line.size() < 64 * 1024) {
                line.write(b);
            }
        }
    }
}
