package org.vigil.engine.flap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.EngineListener;
import org.vigil.engine.command.Commands;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.testkit.EngineFixture;
import org.vigil.engine.testkit.Fields;
import org.vigil.engine.testkit.ScenarioTable;
import org.vigil.engine.testkit.ScriptedChecks;
import org.vigil.engine.testkit.TestClock;
import org.vigil.engine.testkit.TestConfig;

/**
 * An engine on a manual clock fed with command lines, for flap scenarios written as tables: each row moves the
 * clock to {@code t} seconds after T0, writes {@code line}, and compares the fields named in {@code expect} and
 * the main log lines written since the row before ({@code //} between lines). {@code {now}} is the row's time.
 * Fields: {@code OBJ.state} (state/type/attempt), {@code OBJ.pct} (percent_state_change as status.dat writes it),
 * {@code OBJ.flapping}, {@code OBJ.detect} (flap_detection_enabled), {@code OBJ.comment} (the flapping comment's
 * figures, or {@code -}), {@code program.detect}, {@code program.told} (what the listener heard since the row
 * before). {@code OBJ} is {@code web1} (the host) or a service of web1.
 */
final class FlapHarness implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final EngineFixture fx;
    private final List<String> told = new ArrayList<>();
    final TestClock clock;
    final Engine engine;
    final Commands commands;

    FlapHarness(Path dir, String objects, String extraMain) throws Exception {
        this(dir, objects, extraMain, false);
    }

    /** With {@code retained}, state is kept in embedded H2 in {@code dir} and restored from there at start. */
    FlapHarness(Path dir, String objects, String extraMain, boolean retained) throws Exception {
        EngineFixture.Builder b = EngineFixture.on(TestConfig.load(dir, extraMain, objects), T0)
                .script(ScriptedChecks.okSays("OK")).listener(new EngineListener() {
                    @Override
                    public void flappingStarted(CheckTarget t, CheckableStatus<?> s, double pct, double threshold) {
                        told.add("FLAPPINGSTART:" + name(t) + ":" + pctOf(pct) + ">=" + pctOf(threshold));
                    }

                    @Override
                    public void flappingStopped(CheckTarget t, CheckableStatus<?> s, double pct, double threshold) {
                        told.add("FLAPPINGSTOP:" + name(t) + ":" + pctOf(pct) + "<" + pctOf(threshold));
                    }

                    @Override
                    public void flappingDisabled(CheckTarget t, CheckableStatus<?> s, double pct, double threshold) {
                        told.add("FLAPPINGDISABLED:" + name(t));
                    }
                });
        if (retained) {
            b.retained(dir.resolve("retention.dat"), problem -> {
                throw new AssertionError(problem.toString());
            });
        }
        fx = b.start();
        clock = fx.clock;
        engine = fx.engine;
        commands = fx.commands;
    }

    private static String name(CheckTarget t) {
        return ScriptedChecks.nameOf(t);
    }

    private static String pctOf(double pct) {
        return FlapTexts.pct(pct);
    }

    /** Each row writes its line. */
    void play(String table) throws Exception {
        Fields fields = new Fields(fx, T0);
        new ScenarioTable(fx, T0).play(table, (line, at) -> {
            commands.submitLine(ScenarioTable.fill(line, at, T0));
            fx.awaitIdle();
        }, expect -> fields.render(expect, this::program, this::field));
    }

    private String program(String field) {
        String value = switch (field) {
            case "detect" -> Fields.onOff(engine.switches().flapDetectionEnabled());
            case "told" -> told.isEmpty() ? "-" : String.join(",", told);
            default -> throw new IllegalArgumentException(field);
        };
        if (field.equals("told")) {
            told.clear();
        }
        return value;
    }

    private String field(CheckTarget t, String field) {
        return switch (field) {
            case "pct" -> FlapTexts.fixed(engine.statusOf(t).percentStateChange(), 2);
            case "comment" -> comment(t);
            default -> null;
        };
    }

    CheckTarget target(String object) {
        return fx.target(object);
    }

    /** The figures of the flapping comment of {@code t} (its one parenthesis), checked to be the only one. */
    private String comment(CheckTarget t) {
        long id = engine.flapDetection().commentId(t);
        List<Entry> flapComments = engine.entries().stream()
                .filter(e -> "3".equals(e.fields().get("entry_type")))
                .filter(e -> e.object().name().equals(t.hostName())
                        && (t.isHost() ? e.object().service().isEmpty()
                        : e.object().service().equals(t.service().description())))
                .toList();
        if (id == 0) {
            assertThat(flapComments).isEmpty();
            return "-";
        }
        assertThat(flapComments).extracting(Entry::id).containsExactly(id);
        Matcher m = Pattern.compile("\\((.*?)\\)").matcher(flapComments.get(0).fields().get("comment_data"));
        assertThat(m.find()).isTrue();
        return m.group(1).replace(' ', '_');
    }

    /** The log lines written since the last call, without their timestamps. */
    List<String> newLog() {
        return fx.log.newLines();
    }

    @Override
    public void close() {
        fx.close();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
