package org.vigil.livestatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.Engine;
import org.vigil.engine.daemon.Daemon;
import org.vigil.livestatus.query.Column;
import org.vigil.livestatus.query.ColumnType;
import org.vigil.livestatus.query.QueryContext;
import org.vigil.livestatus.query.Table;
import org.vigil.livestatus.query.TableSet;
import org.vigil.model.ReadModel;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSource;

/**
 * The service over a running daemon and a small services table of its own (the real tables are T's): a GET answered
 * from the read model, a COMMAND carried out before the next request is read (so it shows), a wait that wakes on its
 * trigger rather than its poll, one that ends at its timeout, and bad requests answered with their code.
 */
class LivestatusServiceTest {

    @TempDir
    Path dir;

    private Daemon daemon;
    private LivestatusService service;
    private final WaitTriggers triggers = new WaitTriggers();

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nlog_file=" + dir.resolve("nagios.log")
                + "\nretain_state_information=0\ncheck_external_commands=0\n");
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /bin/true
                }
                define contact {
                    contact_name alice
                    host_notification_commands check_dummy
                    service_notification_commands check_dummy
                }
                define host {
                    host_name h1
                    check_command check_dummy
                    max_check_attempts 1
                    active_checks_enabled 0
                    contacts alice
                }
                define service {
                    host_name h1
                    service_description s1
                    check_command check_dummy
                    max_check_attempts 1
                    check_interval 5
                    retry_interval 1
                    active_checks_enabled 0
                    contacts alice
                }
                """);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()),
                TriggerListener.factory(triggers));
        daemon.start();
        ReadModel reader = new ReadModel(source(daemon), Clock.systemUTC(), Duration.ofSeconds(1));
        CommandSink commands = line -> {
            daemon.commands().submitLine(line);
            daemon.engine().call(() -> null);
            reader.invalidate();
            triggers.fire(WaitTrigger.COMMAND);
        };
        // a poll far beyond the test's patience: only a trigger can end a wait early
        service = new LivestatusService(services(), reader, commands, triggers, Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private String answer(String request) {
        return new String(service.answer(request).bytes(), StandardCharsets.UTF_8);
    }

    private static long epoch() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void aGetIsAnsweredFromTheReadModelAndKeepAliveIsTheRequests() {
        assertThat(answer("GET services\nColumns: host_name description state")).isEqualTo("h1;s1;0\n");
        assertThat(service.answer("GET services\nKeepAlive: on").keepAlive()).isTrue();
        assertThat(service.answer("GET services").keepAlive()).isFalse();
    }

    @Test
    void aCommandIsCarriedOutBeforeTheNextRequestIsAnsweredAndAnswersNothing() {
        RequestHandler.Reply reply = service.answer("COMMAND [" + epoch() + "] PROCESS_SERVICE_CHECK_RESULT;h1;s1;2;"
                + "CRITICAL - down");
        assertThat(reply.bytes()).isEmpty();
        assertThat(answer("GET services\nColumns: state acknowledged")).isEqualTo("2;0\n");
        service.answer("COMMAND [" + epoch() + "] ACKNOWLEDGE_SVC_PROBLEM;h1;s1;1;0;1;alice;seen");
        assertThat(answer("GET services\nColumns: state acknowledged")).isEqualTo("2;1\n");
    }

    @Test
    void aWaitWakesOnItsTriggerWithTheStateThatEndedIt() throws Exception {
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> answer("""
                GET services
                WaitObject: h1;s1
                WaitCondition: state = 2
                WaitTrigger: state
                WaitTimeout: 30000
                Columns: state plugin_output"""));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        long started = System.nanoTime();
        daemon.commands().submitLine("[" + epoch() + "] PROCESS_SERVICE_CHECK_RESULT;h1;s1;2;CRITICAL - down");
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("2;CRITICAL - down\n");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aWaitTriggerWithoutAConditionWaitsForOneEventOfItsKind() throws Exception {
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> answer("""
                GET services
                WaitTrigger: check
                WaitTimeout: 30000
                Columns: state plugin_output"""));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        daemon.commands().submitLine("[" + epoch() + "] PROCESS_SERVICE_CHECK_RESULT;h1;s1;1;WARNING - slow");
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("1;WARNING - slow\n");
    }

    @Test
    void aWaitWhoseConditionHoldsAlreadyDoesNotWaitAndOneThatNeverHoldsEndsAtItsTimeout() {
        long started = System.nanoTime();
        assertThat(answer("GET services\nWaitObject: h1;s1\nWaitCondition: state = 0\nWaitTimeout: 20000\n"
                + "Columns: state")).isEqualTo("0\n");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        started = System.nanoTime();
        assertThat(answer("GET services\nWaitObject: h1;s1\nWaitCondition: state = 3\nWaitTrigger: check\n"
                + "WaitTimeout: 700\nColumns: state")).isEqualTo("0\n");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(650))
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void badRequestsAreAnsweredWithTheirCodeAndReasonAndCloseTheConnectionUnlessKeptAlive() {
        RequestHandler.Reply garbage = service.answer("\u0001\u0002 hello");
        assertThat(new String(garbage.bytes(), StandardCharsets.UTF_8)).startsWith("Invalid request method: expected"
                + " 'GET <table>' or 'COMMAND [<epoch>] <command>', got '");
        assertThat(garbage.keepAlive()).isFalse();
        RequestHandler.Reply badTrigger = service.answer("GET services\nWaitObject: h1;s1\nWaitTrigger: soon\n"
                + "KeepAlive: on");
        assertThat(new String(badTrigger.bytes(), StandardCharsets.UTF_8)).isEqualTo("WaitTrigger: invalid trigger"
                + " 'soon': expected check, state, log, downtime, comment, command, program or all\n");
        assertThat(badTrigger.keepAlive()).as("KeepAlive: on holds for a refused request too").isTrue();
        assertThat(answer("GET services\nColumns: nosuch\nResponseHeader: fixed16")).isEqualTo("404          49\n"
                + "Columns: table 'services' has no column 'nosuch'\n");
        assertThat(new String(service.error(413, "Request too large"), StandardCharsets.UTF_8))
                .isEqualTo("Request too large\n");
    }

    /** A services table of the snapshot's services with the columns the tests read. */
    private static TableSet services() {
        List<Column<ServiceView>> columns = List.of(
                new Column<>("host_name", ColumnType.STRING, "", ServiceView::host),
                new Column<>("description", ColumnType.STRING, "", ServiceView::description),
                new Column<>("state", ColumnType.INT, "", s -> (long) s.status().stateCode()),
                new Column<>("plugin_output", ColumnType.STRING, "", s -> s.status().output()),
                new Column<>("acknowledged", ColumnType.INT, "", s -> s.status().acknowledged() ? 1L : 0L));
        Table<ServiceView> table = new Table<>() {
            @Override
            public String name() {
                return "services";
            }

            @Override
            public List<Column<ServiceView>> columns() {
                return columns;
            }

            @Override
            public Iterable<ServiceView> rows(QueryContext context) {
                return context.snapshot().services();
            }

            @Override
            public Optional<ServiceView> object(String name, QueryContext context) {
                String[] parts = name.split(";", 2);
                return context.snapshot().service(parts[0], parts[1]);
            }
        };
        return new TableSet() {
            @Override
            public Optional<Table<?>> table(String name) {
                return name.equals("services") ? Optional.of(table) : Optional.empty();
            }

            @Override
            public Collection<Table<?>> all() {
                return new ArrayList<>(List.of(table));
            }
        };
    }

    private static StatusSource source(Daemon daemon) {
        return new StatusSource() {
            @Override
            public Engine engine() {
                return daemon.engine();
            }

            @Override
            public Instant started() {
                return daemon.started();
            }

            @Override
            public List<String> lastRejectedReloadErrors() {
                return List.of();
            }
        };
    }
}
