package org.vigil.engine.downtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vigil.config.LoadResult;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.EngineListener;
import org.vigil.engine.command.Commands;
import org.vigil.engine.command.EntryLimits;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.testkit.EngineFixture;
import org.vigil.engine.testkit.ScenarioTable;
import org.vigil.engine.testkit.ScriptedChecks;
import org.vigil.engine.testkit.TestConfig;

/**
 * An engine on a hand-moved clock for downtime scenarios: router ← web1 ← web2 (parents), services web1;http and
 * web1;disk, hostgroup {@code webs} (web1, web2), servicegroup {@code front} (web1;http, web1;disk). Checks never
 * run by themselves; results come as passive commands.
 *
 * <p>{@link #play} reads a table {@code | t | line | expect | log}: each row moves the clock to T0 + t, writes
 * {@code line} to the commands ({@code -} for none), runs the downtime tick, then compares the {@code expect}
 * fields and the log lines written since the row before ({@code //} between them, {@code -} for none). Fields:
 * {@code OBJ.depth=N} (OBJ a host or web1's service), {@code dt=ID*,ID} (downtimes in list order, {@code *} in
 * effect), {@code comments=ID@OBJ,...}, {@code notes=START:ID,END:ID,CANCEL:ID} (listener calls since the row before).
 * In lines, {@code {now}} is the row's time and {@code {+N}} T0 + N seconds.
 */
final class DowntimeWorld implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Pattern FIELD = Pattern.compile("(\\S+?)=(\\S+)");

    static final String OBJECTS = TestConfig.CHECK_AND_ADMIN + """
            define host {
                name base
                check_command check
                max_check_attempts 2
                check_interval 5
                retry_interval 1
                contacts admin
                register 0
            }
            define host {
                use base
                host_name router
                address 10.0.0.254
            }
            define host {
                use base
                host_name web1
                address 10.0.0.1
                parents router
            }
            define host {
                use base
                host_name web2
                address 10.0.0.2
                parents web1
            }
            """ + TestConfig.HTTP_AND_DISK + """
            define hostgroup {
                hostgroup_name webs
                members web1,web2
            }
            define servicegroup {
                servicegroup_name front
                members web1,http,web1,disk
            }
            """;

    final List<String> notes = new ArrayList<>();
    private final EngineFixture fx;
    final Engine engine;
    final Commands commands;
    /** The lines the engine logged while it started (restored downtimes are put in force then). */
    final List<String> startLog;

    private DowntimeWorld(LoadResult config, Path retentionFile, Instant at, EntryLimits limits) throws Exception {
        EngineListener listener = new EngineListener() {
            @Override
            public void downtimeStarted(CheckTarget t, CheckableStatus<?> s, Downtime d) {
                notes.add("START:" + d.id());
            }

            @Override
            public void downtimeEnded(CheckTarget t, CheckableStatus<?> s, Downtime d) {
                notes.add("END:" + d.id());
            }

            @Override
            public void downtimeCancelled(CheckTarget t, CheckableStatus<?> s, Downtime d) {
                notes.add("CANCEL:" + d.id());
            }
        };
        EngineFixture.Builder b = EngineFixture.on(config, at).script(ScriptedChecks.okSays("OK")).listener(listener)
                .limits(limits);
        if (retentionFile != null) {
            b.retained(retentionFile, problem -> notes.add("PROBLEM:" + problem));
        }
        fx = b.start();
        engine = fx.engine;
        commands = fx.commands;
        startLog = fx.log.newLines();
    }

    static LoadResult config(Path dir) throws Exception {
        return TestConfig.load(dir, "log_initial_states=0\n", OBJECTS);
    }

    static DowntimeWorld start(Path dir) throws Exception {
        return new DowntimeWorld(config(dir), null, T0, EntryLimits.DEFAULTS);
    }

    /** An engine whose commands may add at most {@code limits} comments and downtimes. */
    static DowntimeWorld start(Path dir, EntryLimits limits) throws Exception {
        return new DowntimeWorld(config(dir), null, T0, limits);
    }

    /** An engine that keeps its state in embedded H2 beside {@code dir/retention.dat}, started at {@code at}. */
    static DowntimeWorld startRetained(Path dir, Instant at) throws Exception {
        return new DowntimeWorld(config(dir), dir.resolve("retention.dat"), at, EntryLimits.DEFAULTS);
    }

    /** Each row writes its line ({@code -}: none), then runs the downtime tick. */
    void play(String table) throws Exception {
        new ScenarioTable(fx, T0).logSincePreviousRowOrDash().play(table, (line, at) -> {
            if (!line.equals("-")) {
                commands.submitLine(ScenarioTable.fill(line, at, T0));
            }
            engine.call(() -> {
                engine.downtimes().tick(at);
                return null;
            });
            fx.awaitIdle();
        }, this::render);
    }

    /** The fields {@code expect} names, rendered from the engine; engine thread. */
    String render(String expect) {
        List<String> out = new ArrayList<>();
        Matcher m = FIELD.matcher(expect);
        while (m.find()) {
            String key = m.group(1);
            String value = switch (key) {
                case "dt" -> orDash(engine.downtimes().all().stream()
                        .map(d -> d.id() + (d.inEffect() ? "*" : "")).collect(Collectors.joining(",")));
                case "comments" -> orDash(engine.entries().stream().filter(e -> e.kind() == Entry.Kind.COMMENT)
                        .map(e -> e.id() + "@" + (e.object().service().isEmpty() ? e.object().name()
                                : e.object().service())).collect(Collectors.joining(",")));
                case "notes" -> {
                    String s = orDash(String.join(",", notes));
                    notes.clear();
                    yield s;
                }
                default -> {
                    String object = key.substring(0, key.indexOf('.'));
                    yield Integer.toString(status(object).scheduledDowntimeDepth());
                }
            };
            out.add(key + "=" + value);
        }
        return String.join(" ", out);
    }

    /** The log lines written since the last call (or since {@link #play}'s last row), without timestamps. */
    /**
     * Runs the downtime tick at T0+{@code t} on the engine thread and returns how long that one step took, in ms
     * (the scale tests bound it).
     */
    long tickMillis(int t) {
        Instant now = T0.plusSeconds(t);
        long started = System.nanoTime();
        engine.call(() -> {
            engine.downtimes().tick(now);
            return null;
        });
        return (System.nanoTime() - started) / 1_000_000;
    }

    List<String> newLogLines() {
        return fx.log.newLines();
    }

    CheckableStatus<?> status(String object) {
        return fx.status(object);
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    @Override
    public void close() {
        fx.close();
    }
}
