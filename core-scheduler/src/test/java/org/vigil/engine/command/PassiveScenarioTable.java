package org.vigil.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.vigil.engine.Engine;
import org.vigil.engine.handler.HandlerDispatch;
import org.vigil.engine.schedule.ManualCheckClock;
import org.vigil.engine.testkit.EngineFixture;
import org.vigil.engine.testkit.Fields;
import org.vigil.engine.testkit.ScenarioTable;
import org.vigil.engine.testkit.TestConfig;

/**
 * A scenario table for passive checks, freshness and event handlers: the engine on a manual clock with scripted
 * active results, the real command parser, and real event handler processes. Each row moves the clock to
 * {@code t} seconds after T0 and does one thing: a command line, {@code -} (run the checks due by then),
 * {@code fresh}/{@code hostfresh} (one freshness pass); then compares the fields named in {@code expect} and the
 * log lines written since the row before ({@code //} between lines, handler timeouts included, as the row waits for
 * running handlers). {@code {now}} and {@code {+N}} are times; expected times are written {@code +N}.
 *
 * <p>Hosts {@code gw} ({@code check_freshness 1}, threshold 30 s) and {@code web1} (parent gw, in hostgroup {@code webs}); services of web1: {@code http}
 * (event handler {@code handler!http}), {@code disk}, {@code fresh} (passive only, {@code check_freshness 1},
 * threshold 60 s) and {@code auto} (check_freshness with the automatic threshold); servicegroup {@code sg} = disk.
 */
final class PassiveScenarioTable implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    static final String OBJECTS = TestConfig.CHECK_AND_ADMIN + """
            define command {
                command_name handler
                command_line /bin/sh DIR/handler.sh DIR/$ARG1$.out $HOSTNAME$ $SERVICEDESC$ $SERVICESTATE$ $SERVICESTATEID$ $SERVICESTATETYPE$ $SERVICEATTEMPT$ $SERVICEOUTPUT$
            }
            define command {
                command_name host-handler
                command_line /bin/sh DIR/handler.sh DIR/$ARG1$.out $HOSTNAME$ $HOSTSTATE$ $HOSTSTATETYPE$ $HOSTATTEMPT$
            }
            define command {
                command_name slow
                command_line /bin/sleep 5
            }
            define host {
                host_name gw
                address 10.0.0.254
                check_command check
                check_freshness 1
                freshness_threshold 30
                max_check_attempts 2
                check_interval 5
                retry_interval 1
                contacts admin
            }
            define host {
                host_name web1
                parents gw
                address 10.0.0.1
                check_command check
                max_check_attempts 2
                check_interval 5
                retry_interval 1
                contacts admin
                event_handler host-handler!host
            }
            define hostgroup {
                hostgroup_name webs
                members web1
            }
            define service {
                host_name web1
                service_description http
                check_command check
                max_check_attempts 3
                check_interval 5
                retry_interval 1
                contacts admin
                event_handler handler!http
            }
            define service {
                host_name web1
                service_description disk
                check_command check
                max_check_attempts 3
                check_interval 5
                retry_interval 1
                contacts admin
            }
            define service {
                host_name web1
                service_description fresh
                check_command check
                max_check_attempts 1
                check_interval 5
                retry_interval 1
                active_checks_enabled 0
                check_freshness 1
                freshness_threshold 60
                contacts admin
            }
            define service {
                host_name web1
                service_description auto
                check_command check
                max_check_attempts 3
                check_interval 5
                retry_interval 1
                check_freshness 1
                contacts admin
            }
            define servicegroup {
                servicegroup_name sg
                members web1,disk
            }
            """;

    private final Path dir;
    private final EngineFixture fx;
    final ManualCheckClock checks;
    /** Scripted active results by host name or service description: the return code. */
    final Map<String, Integer> script;
    final Engine engine;

    PassiveScenarioTable(Path dir, String extraMain) throws Exception {
        this(dir, extraMain, HandlerDispatch.LOCAL);
    }

    /** The table with event handlers offered to {@code handlers} before they run here. */
    PassiveScenarioTable(Path dir, String extraMain, HandlerDispatch handlers) throws Exception {
        this.dir = dir;
        Files.writeString(dir.resolve("handler.sh"), "f=$1\nshift\necho \"$*\" >> \"$f\"\n");
        fx = EngineFixture.on(TestConfig.load(dir, extraMain, OBJECTS.replace("DIR", dir.toString())), T0)
                .handlers(handlers).start();
        checks = fx.checks;
        script = fx.script.codes;
        engine = fx.engine;
    }

    /** The lines a handler wrote into {@code name.out}, in order. */
    List<String> handlerOutput(String name) throws IOException {
        Path f = dir.resolve(name + ".out");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    void play(String table) throws Exception {
        Fields fields = new Fields(fx, T0).pendingState();
        new ScenarioTable(fx, T0).play(table, (line, at) -> {
            switch (line) {
                case "-" -> checks.advanceTo(at);
                case "fresh" -> engine.submit(engine::checkServiceFreshness);
                case "hostfresh" -> engine.submit(engine::checkHostFreshness);
                default -> fx.commands.submitLine(ScenarioTable.fill(line, at, T0));
            }
            fx.awaitIdle();
            assertThat(engine.awaitEventHandlers(Duration.ofSeconds(10))).isTrue();
        }, expect -> fields.render(expect, this::program,
                (t, field) -> field.equals("freshening") ? Fields.onOff(engine.isBeingFreshened(t)) : null));
    }

    private String program(String field) {
        return switch (field) {
            case "svcchecks" -> Fields.onOff(engine.switches().executeServiceChecks());
            case "hostchecks" -> Fields.onOff(engine.switches().executeHostChecks());
            case "svcpassive" -> Fields.onOff(engine.switches().acceptPassiveServiceChecks());
            case "hostpassive" -> Fields.onOff(engine.switches().acceptPassiveHostChecks());
            case "handlers" -> Fields.onOff(engine.switches().eventHandlersEnabled());
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** The log lines written since the last call, without their timestamps. */
    List<String> newLog() {
        return fx.log.newLines();
    }

    @Override
    public void close() {
        fx.close();
    }
}
