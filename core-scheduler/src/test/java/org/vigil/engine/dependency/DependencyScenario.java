package org.vigil.engine.dependency;

import org.vigil.engine.state.ServiceState;
import org.vigil.engine.state.HostState;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.vigil.config.LoadResult;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.schedule.ManualCheckClock;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.testkit.EngineFixture;
import org.vigil.engine.testkit.LogCapture;
import org.vigil.engine.testkit.ScriptedChecks;
import org.vigil.engine.testkit.TestClock;
import org.vigil.engine.testkit.TestConfig;

/**
 * The engine on a manual clock for dependency scenarios, played as a table. Every active check is first due
 * at T0. Each row moves the clock to {@code t} seconds after T0, carries out {@code do} (separated by
 * {@code ;}: {@code db=P2} a passive result, {@code web=2} what web's plugin returns from now on,
 * {@code force web} a forced check now, {@code -} nothing), then runs every check due by then, in order.
 * Expected columns: {@code ran} (the checks whose plugin ran during the row, sorted, {@code -} for none),
 * {@code NAME} (state/type/attempt, or PENDING), {@code NAME.next} (next check, seconds after T0),
 * {@code NAME.nblocked} (notification dependencies fail), and {@code log} (main log lines of the row that
 * contain the scenario's log filter, separated by {@code //}). Names are service descriptions or host names.
 */
final class DependencyScenario implements AutoCloseable {

    private final Instant t0;
    private final EngineFixture fx;
    private final TestClock clock;
    private final ManualCheckClock checks;
    private final Engine engine;
    private final String logFilter;

    DependencyScenario(Path dir, Instant t0, String extraMain, String objects, String logFilter) throws Exception {
        this.t0 = t0;
        this.logFilter = logFilter;
        LoadResult config = TestConfig.load(dir, "log_passive_checks=0\nillegal_macro_output_chars=`\n" + extraMain,
                TestConfig.CHECK_AND_ADMIN + """
                define timeperiod {
                    timeperiod_name workhours
                    alias work
                    monday 09:00-17:00
                    tuesday 09:00-17:00
                    wednesday 09:00-17:00
                    thursday 09:00-17:00
                    friday 09:00-17:00
                }
                define host {
                    name base-host
                    register 0
                    check_command check
                    max_check_attempts 1
                    check_interval 5
                    retry_interval 1
                    contacts admin
                }
                define service {
                    name base-service
                    register 0
                    check_command check
                    max_check_attempts 3
                    check_interval 5
                    retry_interval 1
                    contacts admin
                }
                """ + objects);
        fx = EngineFixture.on(config, t0).closingCheckClock().start();
        clock = fx.clock;
        checks = fx.checks;
        engine = fx.engine;
        engine.call(() -> {
            for (CheckTarget t : engine.targets()) {
                if (checks.dueTime(t.id()).isPresent()) {
                    engine.scheduleCheck(t, t0, false); // earlier only: every first check at T0
                }
            }
            return null;
        });
    }

    private static String nameOf(CheckTarget t) {
        return ScriptedChecks.nameOf(t);
    }

    Engine engine() {
        return engine;
    }

    /** The main log so far. */
    String log() {
        return fx.log.all();
    }

    private CheckTarget target(String name) {
        return engine.targets().stream().filter(t -> nameOf(t).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no object " + name));
    }

    void play(String table) throws Exception {
        List<List<String>> lines = table.strip().lines().map(String::strip).filter(l -> l.startsWith("|"))
                .map(DependencyScenario::cells).toList();
        List<String> header = lines.get(0);
        for (List<String> row : lines.subList(1, lines.size())) {
            fx.script.ran.clear();
            Instant at = t0.plusSeconds(Long.parseLong(row.get(0)));
            for (String action : row.get(1).split(";")) {
                act(action.strip(), at);
            }
            runDueBy(at);
            List<String> actual = new ArrayList<>(List.of(row.get(0), row.get(1)));
            for (int i = 2; i < header.size(); i++) {
                actual.add(field(header.get(i)));
            }
            assertThat(String.join(" | ", actual)).as("t=%s (%s)", row.get(0), String.join(" | ", header))
                    .isEqualTo(String.join(" | ", row));
        }
    }

    private void act(String action, Instant at) throws Exception {
        clock.set(at);
        if (action.equals("-")) {
            return;
        }
        if (action.startsWith("force ")) {
            CheckTarget t = target(action.substring(6));
            engine.call(() -> engine.scheduleCheck(t, at, true));
            return;
        }
        String[] kv = action.split("=");
        if (kv[1].startsWith("P")) {
            CheckTarget t = target(kv[0]);
            int code = Integer.parseInt(kv[1].substring(1));
            String output = code == 0 ? "fine" : "broken";
            CheckOutcome outcome = t.isHost() ? CheckOutcome.passive(HostState.ofCode(code), output, at)
                    : CheckOutcome.passive(ServiceState.ofCode(code), output, at);
            boolean accepted = engine.call(() -> engine.submitResult(t, outcome));
            assertThat(accepted).as(action).isTrue();
        } else {
            fx.script.put(kv[0], Integer.parseInt(kv[1]));
        }
    }

    /** Fires every check due by {@code at}, each at its own due time, waiting for its result. */
    private void runDueBy(Instant at) throws InterruptedException {
        while (true) {
            var next = checks.next();
            if (next.isEmpty() || next.get().isAfter(at)) {
                break;
            }
            clock.set(next.get());
            checks.advanceTo(next.get());
            fx.awaitIdle();
        }
        clock.set(at);
    }

    private String field(String column) {
        switch (column) {
            case "ran" -> {
                List<String> names = new ArrayList<>(fx.script.ran);
                Collections.sort(names);
                return names.isEmpty() ? "-" : String.join(",", names);
            }
            case "log" -> {
                List<String> lines = fx.log.fresh().lines().filter(l -> l.contains(logFilter))
                        .map(LogCapture::untimed).toList();
                return lines.isEmpty() ? "-" : String.join(" // ", lines);
            }
            default -> {
                String[] p = column.split("\\.");
                CheckTarget t = target(p[0]);
                return engine.call(() -> {
                    CheckableStatus<?> st = engine.statusOf(t);
                    if (p.length == 1) {
                        return st.hasBeenChecked() ? st.currentState() + "/" + st.stateType() + "/"
                                + st.currentAttempt() : "PENDING";
                    }
                    return switch (p[1]) {
                        case "next" -> checks.dueTime(t.id())
                                .map(d -> String.valueOf(d.getEpochSecond() - t0.getEpochSecond())).orElse("-");
                        case "nblocked" -> engine.dependencies().notificationsBlocked(t,
                                clock.instant()) ? "yes" : "no";
                        default -> throw new AssertionError("unknown column " + column);
                    };
                });
            }
        }
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    @Override
    public void close() {
        fx.close();
    }
}
