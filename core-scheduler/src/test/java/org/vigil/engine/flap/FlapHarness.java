package org.vigil.engine.flap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.CheckExecutor;
import org.vigil.engine.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.EngineListener;
import org.vigil.engine.command.Commands;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.schedule.ManualCheckClock;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.CheckType;
import org.vigil.engine.state.CheckableStatus;

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
    private static final Pattern FIELD = Pattern.compile("(\\S+)\\.(\\w+)=(\\S+)");

    final TestClock clock = new TestClock(T0);
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final List<String> told = new ArrayList<>();
    final Engine engine;
    final Commands commands;
    private int logRead;
    private org.vigil.engine.retention.WriteBehindRetention retention;

    FlapHarness(Path dir, String objects, String extraMain) throws Exception {
        this(dir, objects, extraMain, false);
    }

    /** With {@code retained}, state is kept in embedded H2 in {@code dir} and restored from there at start. */
    FlapHarness(Path dir, String objects, String extraMain, boolean retained) throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\ninterval_length=60\n"
                + "log_service_retries=1\nuse_timezone=UTC\n" + extraMain);
        Files.writeString(dir.resolve("objects.cfg"), objects);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        NagiosLog log = new NagiosLog(null, clock, new PrintStream(logged, true, StandardCharsets.UTF_8));
        CheckExecutor executor = request -> {
            Instant now = clock.instant();
            return new CheckOutcome(0, "OK", null, null, now, now, CheckType.ACTIVE, 0);
        };
        engine = new Engine(config.model(), config.mainConfig(), clock, new ManualCheckClock(), runtime -> executor,
                log, new EngineListener() {
                    @Override
                    public void flappingStarted(CheckTarget t, CheckableStatus<?> s, double pct, double threshold) {
                        told.add("FLAPPINGSTART:" + name(t) + ":" + FlapTexts.pct(pct) + ">=" + FlapTexts.pct(threshold));
                    }

                    @Override
                    public void flappingStopped(CheckTarget t, CheckableStatus<?> s, double pct, double threshold) {
                        told.add("FLAPPINGSTOP:" + name(t) + ":" + FlapTexts.pct(pct) + "<" + FlapTexts.pct(threshold));
                    }

                    @Override
                    public void flappingDisabled(CheckTarget t, CheckableStatus<?> s, double pct, double threshold) {
                        told.add("FLAPPINGDISABLED:" + name(t));
                    }
                });
        if (retained) {
            var start = org.vigil.engine.retention.Retention.start(
                    org.vigil.engine.retention.RetentionSettings.embedded(dir.resolve("retention.dat")),
                    engine.retentionKeys(), problem -> { throw new AssertionError(problem.toString()); });
            var started = (org.vigil.engine.retention.Retention.Started) start;
            retention = started.writer();
            engine.retain(started.state(), retention);
        }
        engine.start();
        commands = new Commands(engine, config.mainConfig(), log, clock);
    }

    private static String name(CheckTarget t) {
        return t.isHost() ? t.hostName() : t.service().description();
    }

    void play(String table) throws Exception {
        List<List<String>> rows = table.lines().map(String::strip).filter(l -> l.startsWith("|"))
                .map(l -> List.of(l.substring(1).split(" \\| |\\|$", -1)).stream().map(String::strip).toList())
                .toList();
        for (List<String> row : rows.subList(1, rows.size())) {
            Instant at = T0.plusSeconds(Long.parseLong(row.get(0)));
            clock.set(at);
            newLog();
            commands.submitLine(row.get(1).replace("{now}", Long.toString(at.getEpochSecond())));
            assertThat(engine.awaitIdle(Duration.ofSeconds(5))).isTrue();
            String now = Long.toString(at.getEpochSecond());
            String expect = row.get(2);
            String log = (row.size() > 3 ? row.get(3) : "").replace("{now}", now);
            String actual = engine.call(() -> render(expect));
            assertThat(actual + " | " + String.join(" // ", newLog()))
                    .as("row t=%s: %s", row.get(0), row.get(1))
                    .isEqualTo(expect + " | " + log);
        }
    }

    private String render(String expect) {
        List<String> out = new ArrayList<>();
        Matcher m = FIELD.matcher(expect);
        while (m.find()) {
            String object = m.group(1);
            String field = m.group(2);
            if (object.equals("program")) {
                String value = switch (field) {
                    case "detect" -> onOff(engine.flapDetectionEnabled());
                    case "told" -> told.isEmpty() ? "-" : String.join(",", told);
                    default -> throw new IllegalArgumentException(field);
                };
                if (field.equals("told")) {
                    told.clear();
                }
                out.add("program." + field + "=" + value);
                continue;
            }
            CheckTarget t = target(object);
            CheckableStatus<?> s = engine.statusOf(t);
            String value = switch (field) {
                case "state" -> s.currentState() + "/" + s.stateType() + "/" + s.currentAttempt();
                case "pct" -> FlapTexts.fixed(s.percentStateChange(), 2);
                case "flapping" -> onOff(s.isFlapping());
                case "detect" -> onOff(s.flapDetectionEnabled());
                case "comment" -> comment(t);
                default -> throw new IllegalArgumentException(field);
            };
            out.add(object + "." + field + "=" + value);
        }
        return String.join(" ", out);
    }

    CheckTarget target(String object) {
        return object.equals("web1") ? engine.hostTarget("web1").orElseThrow()
                : engine.serviceTarget(new ServiceKey("web1", object)).orElseThrow();
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

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    /** The log lines written since the last call, without their timestamps. */
    List<String> newLog() {
        String all = logged.toString(StandardCharsets.UTF_8);
        String fresh = all.substring(logRead);
        logRead = all.length();
        return fresh.lines().map(l -> l.replaceFirst("^\\[\\d+] ", "")).toList();
    }

    @Override
    public void close() {
        engine.close();
        if (retention != null) {
            retention.close();
        }
    }

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
