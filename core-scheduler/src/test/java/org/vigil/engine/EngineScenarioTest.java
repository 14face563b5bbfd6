package org.vigil.engine;

import org.vigil.engine.state.CheckTarget;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.schedule.ManualCheckClock;
import org.vigil.engine.state.ServiceState;
import org.vigil.engine.state.ServiceStatus;
import org.vigil.engine.state.StateType;
import org.vigil.engine.status.StatusFile;
import org.vigil.engine.testkit.EngineFixture;
import org.vigil.engine.testkit.ScriptedChecks;
import org.vigil.engine.testkit.TestClock;
import org.vigil.engine.testkit.TestConfig;

/** The engine on a manual clock with scripted results: scheduling, soft/hard states, log and status file. */
class EngineScenarioTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final ScriptedChecks scripted = ScriptedChecks.withLatency();
    private final Map<String, Integer> script = scripted.codes;
    private EngineFixture fx;
    private ManualCheckClock checks;
    private Engine engine;

    private Engine start() throws Exception {
        return start("");
    }

    private Engine start(String extraObjects) throws Exception {
        LoadResult config = TestConfig.load(dir, "illegal_macro_output_chars=`\n", TestConfig.CHECK_AND_ADMIN + """
                define host {
                    host_name web1
                    check_command check
                    max_check_attempts 2
                    check_interval 5
                    retry_interval 1
                    contacts admin
                }
                """ + TestConfig.HTTP_AND_DISK + extraObjects);
        fx = EngineFixture.on(config, clock).script(scripted).logFile(dir.resolve("nagios.log")).start();
        checks = fx.checks;
        engine = fx.engine;
        return engine;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    /** Moves the clock to the next due check and runs everything due then. */
    private Instant step() throws InterruptedException {
        Instant next = checks.next().orElseThrow();
        clock.set(next);
        checks.advanceTo(next);
        fx.awaitIdle();
        return next;
    }

    private ServiceStatus service(String description) {
        return engine.call(() -> engine.services().stream()
                .filter(s -> s.key().equals(new ServiceKey("web1", description))).findFirst().orElseThrow());
    }

    @Test
    void firstChecksAreSpreadOverTheIntervalAndStableAcrossStarts() throws Exception {
        start();
        Instant start = clock.instant();
        Map<String, Instant> first = new ConcurrentHashMap<>();
        for (CheckTarget t : engine.targets()) {
            first.put(t.toString(), checks.dueTime(t.id()).orElseThrow());
        }
        assertThat(first.values()).allSatisfy(at -> assertThat(at).isBetween(start, start.plusSeconds(300)));
        assertThat(first.values()).doesNotHaveDuplicates();
        engine.close();

        checks.close();
        ManualCheckClock again = new ManualCheckClock();
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        engine = new Engine(config.model(), config.mainConfig(), clock, again, runtime -> r -> null,
                new NagiosLog(null, clock, null), EngineListener.NONE);
        engine.start();
        for (CheckTarget t : engine.targets()) {
            assertThat(again.dueTime(t.id())).contains(first.get(t.toString()));
        }
    }

    @Test
    void softThenHardWithRetryIntervalThenRecovery() throws Exception {
        start();
        script.put("http", 2);
        // run until http has been checked once
        while (!service("http").hasBeenChecked()) {
            step();
        }
        ServiceStatus http = service("http");
        assertThat(http.currentState()).isEqualTo(ServiceState.CRITICAL);
        assertThat(http.stateType()).isEqualTo(StateType.SOFT);
        assertThat(http.currentAttempt()).isEqualTo(1);
        Instant firstCheck = http.lastCheck();
        assertThat(http.nextCheck()).isEqualTo(firstCheck.plusSeconds(60));

        while (service("http").currentAttempt() < 3) {
            step();
        }
        http = service("http");
        assertThat(http.stateType()).isEqualTo(StateType.HARD);
        assertThat(http.lastCheck()).isEqualTo(firstCheck.plusSeconds(120));
        assertThat(http.nextCheck()).isEqualTo(http.lastCheck().plusSeconds(300));

        script.put("http", 0);
        while (service("http").currentState() != ServiceState.OK) {
            step();
        }
        String log = fx.log.all();
        assertThat(log).contains("SERVICE ALERT: web1;http;CRITICAL;SOFT;1;CRITICAL - broken",
                "SERVICE ALERT: web1;http;CRITICAL;SOFT;2;CRITICAL - broken",
                "SERVICE ALERT: web1;http;CRITICAL;HARD;3;CRITICAL - broken",
                "SERVICE ALERT: web1;http;OK;HARD;3;OK - fine");
        assertThat(Files.readString(dir.resolve("nagios.log"))).contains("SERVICE ALERT: web1;http;CRITICAL;HARD;3");
    }

    @Test
    void aCheckOutsideItsCheckPeriodMovesToTheNextValidTime() throws Exception {
        clock.set(Instant.parse("2026-11-25T16:58:00Z")); // a Wednesday
        start("""
                define timeperiod {
                    timeperiod_name office
                    alias office hours
                    wednesday 09:00-17:00
                    thursday 09:00-17:00
                }
                define service {
                    host_name web1
                    service_description office-only
                    check_command check
                    max_check_attempts 1
                    check_interval 5
                    retry_interval 1
                    check_period office
                    contacts admin
                }
                """);
        CheckTarget office = engine.targets().stream().filter(t -> t.toString().contains("office-only")).findFirst()
                .orElseThrow();
        Instant first = checks.dueTime(office.id()).orElseThrow();
        // spread over 5 minutes from 16:58: inside the period only before 17:00, else moved to Thursday 09:00
        assertThat(first.isBefore(Instant.parse("2026-11-25T17:00:00Z"))
                || first.equals(Instant.parse("2026-11-26T09:00:00Z"))).as(first.toString()).isTrue();
        while (!service("office-only").hasBeenChecked()) {
            step();
        }
        // the next check, 5 minutes after a check before 17:00, falls outside: Thursday 09:00
        assertThat(service("office-only").nextCheck()).isEqualTo(
                service("office-only").lastCheck().isBefore(Instant.parse("2026-11-25T17:00:00Z"))
                        && service("office-only").lastCheck().plusSeconds(300)
                        .isAfter(Instant.parse("2026-11-25T17:00:00Z"))
                        ? Instant.parse("2026-11-26T09:00:00Z") : service("office-only").lastCheck().plusSeconds(300));
    }

    @Test
    void statusFileShowsEveryObject() throws Exception {
        start();
        script.put("disk", 2);
        for (int i = 0; i < 6; i++) {
            step();
        }
        String text = engine.call(() -> StatusFile.render(clock.instant(), new StatusFile.Program(1, clock.instant(),
                true, true, true, true, true, true, true, 1, 1), engine.hosts(), engine.services(), java.util.List.of()));
        StatusFile file = new StatusFile(dir.resolve("status.dat"));
        file.write(text);
        String written = Files.readString(dir.resolve("status.dat"));
        assertThat(written).contains("hoststatus {\n\thost_name=web1\n", "servicestatus {\n\thost_name=web1\n"
                + "\tservice_description=disk\n", "\tcurrent_state=2\n", "\tplugin_output=CRITICAL - broken\n");
    }
}
