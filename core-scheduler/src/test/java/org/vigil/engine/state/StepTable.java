package org.vigil.engine.state;

import org.vigil.checks.result.PluginExit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A scenario as a table: a header row, then one row per check result with the state expected after it.
 * Each row is checked by rendering what happened in the same columns and comparing the two rows, so a
 * failure shows the whole step side by side.
 *
 * <p>Input columns: {@code t} (seconds after {@link Fixtures#T0}, also "now"), {@code rc} (return code,
 * {@code P2} for a passive 2), optional {@code out}, optional {@code host}/{@code parent} (a state to
 * set before the step). Expected columns, each checked only if present: {@code state type att chg hard
 * notify handler chk next log lsc lhsc hnote}. Times are seconds after T0, {@code never} for zero,
 * {@code -} for none; log lines are separated by {@code //}.
 */
final class StepTable {

    private static final Map<Integer, String> OUTPUT = Map.of(0, "OK", 1, "WARN", 2, "CRIT", 3, "UNKN");

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    private StepTable(String text) {
        List<List<String>> lines = text.lines().map(String::strip).filter(l -> l.startsWith("|"))
                .map(StepTable::cells).toList();
        header = lines.get(0);
        rows.addAll(lines.subList(1, lines.size()));
    }

    static StepTable of(String text) {
        return new StepTable(text);
    }

    /** Runs every row: {@code step} applies its result and returns the effects, then the row is compared. */
    void play(CheckableStatus<?> status, Function<Map<String, String>, Effects> step) {
        for (List<String> row : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), i < row.size() ? row.get(i) : "");
            }
            Effects fx = step.apply(cells);
            fx.settle().run(); // as the engine does once the notifier and the event handler have seen the result
            List<String> actual = header.stream().map(c -> actual(c, cells, status, fx)).toList();
            assertThat(String.join(" | ", actual)).as("step at t=%s (%s)", cells.get("t"), String.join(" | ", header))
                    .isEqualTo(String.join(" | ", row));
        }
    }

    static Instant at(Map<String, String> cells) {
        return Fixtures.T0.plusSeconds(Long.parseLong(cells.get("t")));
    }

    /** The result of a service's row: active unless the code has a {@code P}, output from {@code out} or the code. */
    static CheckOutcome outcome(Map<String, String> cells) {
        return outcome(cells, false);
    }

    /** The result of a host's row: a passive code is a host state, an active one a plugin's exit. */
    static CheckOutcome hostOutcome(Map<String, String> cells) {
        return outcome(cells, true);
    }

    private static CheckOutcome outcome(Map<String, String> cells, boolean host) {
        String rc = cells.get("rc");
        boolean passive = rc.startsWith("P");
        int code = Integer.parseInt(passive ? rc.substring(1) : rc);
        String out = cells.containsKey("out") ? cells.get("out") : OUTPUT.get(code);
        Instant at = at(cells);
        if (passive) {
            return host ? CheckOutcome.passive(HostState.ofCode(code), out, at)
                    : CheckOutcome.passive(ServiceState.ofCode(code), out, at);
        }
        return new CheckOutcome(new Verdict.Plugin(PluginExit.ofCode(code)), out, null, null, at, at, CheckType.ACTIVE,
                0);
    }

    private static String actual(String column, Map<String, String> cells, CheckableStatus<?> s, Effects fx) {
        return switch (column) {
            case "state" -> s.currentState().name();
            case "type" -> s.stateType().name();
            case "att" -> String.valueOf(s.currentAttempt());
            case "chg" -> yes(fx.stateChange());
            case "hard" -> yes(fx.hardStateChange());
            case "notify" -> yes(fx.notificationDue());
            case "handler" -> yes(fx.eventHandlerDue());
            case "hnote" -> yes(fx.hostNotificationDue());
            case "chk" -> fx.hostChecks().isEmpty() ? "-" : String.join(",", fx.hostChecks());
            case "next" -> fx.nextCheck().map(StepTable::offset).orElse("-");
            case "log" -> fx.logLines().isEmpty() ? "-" : String.join(" // ", fx.logLines());
            case "lsc" -> offset(s.lastStateChange());
            case "lhsc" -> offset(s.lastHardStateChange());
            default -> cells.get(column); // an input column
        };
    }

    private static String offset(Instant t) {
        return t.equals(Instant.EPOCH) ? "never" : String.valueOf(t.getEpochSecond() - Fixtures.T0.getEpochSecond());
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
