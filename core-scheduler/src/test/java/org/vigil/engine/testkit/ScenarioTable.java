package org.vigil.engine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays a scenario table {@code | t | line | expect | log} against an {@link EngineFixture}: each row moves the
 * clock to T0 + t, hands {@code line} to the scenario's {@link Step}, renders the fields {@code expect} names on the
 * engine thread, and compares them and the log lines written since the row before ({@code //} between lines) with
 * the row. In every cell {@code {now}} is the row's time and {@code {+N}} is T0 + N seconds.
 */
public final class ScenarioTable {

    /** What a row does with its line at its time (the clock already set); it waits for what it started. */
    @FunctionalInterface
    public interface Step {
        void run(String line, Instant at) throws Exception;
    }

    /** The fields {@code expect} names, as the table writes them; called on the engine thread. */
    @FunctionalInterface
    public interface Renderer {
        String render(String expect);
    }

    private final EngineFixture fx;
    private final Instant t0;
    private boolean logSincePreviousRow;
    private String noLog = "";

    public ScenarioTable(EngineFixture fx, Instant t0) {
        this.fx = fx;
        this.t0 = t0;
    }

    /**
     * Compares the log written since the row before (or since the fixture started), and writes a row without log
     * lines as {@code -}. By default a row compares only what it logged itself, and no lines read as empty.
     */
    public ScenarioTable logSincePreviousRowOrDash() {
        this.logSincePreviousRow = true;
        this.noLog = "-";
        return this;
    }

    /** The rows of {@code table} below its header, each as its stripped cells. */
    public static List<List<String>> rows(String table) {
        List<List<String>> rows = table.lines().map(String::strip).filter(l -> l.startsWith("|"))
                .map(l -> List.of(l.substring(1).split(" \\| |\\|$", -1)).stream().map(String::strip).toList())
                .toList();
        return rows.subList(1, rows.size());
    }

    /** {@code s} with {@code {now}} as {@code now} and {@code {+N}} as {@code t0} + N, in seconds since 1970. */
    public static String fill(String s, Instant now, Instant t0) {
        Matcher m = Pattern.compile("\\{\\+(\\d+)}").matcher(s.replace("{now}", Long.toString(now.getEpochSecond())));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Long.toString(t0.getEpochSecond() + Long.parseLong(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    public void play(String table, Step step, Renderer renderer) throws Exception {
        for (List<String> row : rows(table)) {
            Instant at = t0.plusSeconds(Long.parseLong(row.get(0)));
            fx.clock.set(at);
            if (!logSincePreviousRow) {
                fx.log.fresh();
            }
            step.run(row.get(1), at);
            String expect = fill(row.get(2), at, t0);
            String log = fill(row.size() > 3 ? row.get(3) : noLog, at, t0);
            String actual = fx.engine.call(() -> renderer.render(expect));
            List<String> lines = fx.log.newLines();
            assertThat(actual + " | " + (lines.isEmpty() ? noLog : String.join(" // ", lines)))
                    .as("row t=%s: %s", row.get(0), row.get(1))
                    .isEqualTo(expect + " | " + log);
        }
    }
}
