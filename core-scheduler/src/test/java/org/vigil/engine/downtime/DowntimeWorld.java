package org.vigil.engine.downtime;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.EngineListener;
import org.vigil.engine.command.Commands;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.Retention;
import org.vigil.engine.retention.RetentionSettings;
import org.vigil.engine.retention.WriteBehindRetention;
import org.vigil.engine.schedule.ManualCheckClock;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.CheckType;
import org.vigil.engine.state.CheckableStatus;

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

    static final String OBJECTS = """
            define command {
                command_name check
                command_line /bin/true
            }
            define contact {
                contact_name admin
                host_notification_commands check
                service_notification_commands check
            }
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
            define service {
                host_name web1
                service_description http
                check_command check
                max_check_attempts 3
                check_interval 5
                retry_interval 1
                contacts admin
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
            define hostgroup {
                hostgroup_name webs
                members web1,web2
            }
            define servicegroup {
                servicegroup_name front
                members web1,http,web1,disk
            }
            """;

    final SetClock clock = new SetClock(T0);
    final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    final List<String> notes = new ArrayList<>();
    final Engine engine;
    final Commands commands;
    private int logRead;

    private WriteBehindRetention retention;

    private DowntimeWorld(LoadResult config, Path retentionFile, Instant at) throws Exception {
        clock.set(at);
        NagiosLog log = new NagiosLog(null, clock, new PrintStream(logged, true, StandardCharsets.UTF_8));
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
        engine = new Engine(config.model(), config.mainConfig(), clock, new ManualCheckClock(),
                runtime -> request -> new CheckOutcome(0, "OK", null, null, clock.instant(), clock.instant(),
                        CheckType.ACTIVE, 0), log, listener);
        if (retentionFile != null) {
            Retention.Start started = Retention.start(RetentionSettings.embedded(retentionFile), engine.retentionKeys(),
                    problem -> notes.add("PROBLEM:" + problem));
            assertThat(started).isInstanceOf(Retention.Started.class);
            Retention.Started s = (Retention.Started) started;
            retention = s.writer();
            engine.retain(s.state(), s.writer());
        }
        engine.start();
        commands = new Commands(engine, config.mainConfig(), log, clock);
        newLog();
    }

    static LoadResult config(Path dir) throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\ninterval_length=60\n"
                + "log_service_retries=1\nuse_timezone=UTC\nlog_initial_states=0\n");
        Files.writeString(dir.resolve("objects.cfg"), OBJECTS);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        return config;
    }

    static DowntimeWorld start(Path dir) throws Exception {
        return new DowntimeWorld(config(dir), null, T0);
    }

    /** An engine that keeps its state in embedded H2 beside {@code dir/retention.dat}, started at {@code at}. */
    static DowntimeWorld startRetained(Path dir, Instant at) throws Exception {
        return new DowntimeWorld(config(dir), dir.resolve("retention.dat"), at);
    }

    void play(String table) throws Exception {
        List<List<String>> rows = table.lines().map(String::strip).filter(l -> l.startsWith("|"))
                .map(l -> List.of(l.substring(1).split(" \\| |\\|$", -1)).stream().map(String::strip).toList())
                .toList();
        for (List<String> row : rows.subList(1, rows.size())) {
            Instant at = T0.plusSeconds(Long.parseLong(row.get(0)));
            clock.set(at);
            if (!row.get(1).equals("-")) {
                commands.submitLine(fill(row.get(1), at));
            }
            engine.call(() -> {
                engine.downtimes().tick(at);
                return null;
            });
            assertThat(engine.awaitIdle(Duration.ofSeconds(5))).isTrue();
            String expect = fill(row.get(2), at);
            String log = fill(row.size() > 3 ? row.get(3) : "-", at);
            String actual = engine.call(() -> render(expect));
            List<String> lines = newLog();
            assertThat(actual + " | " + (lines.isEmpty() ? "-" : String.join(" // ", lines)))
                    .as("row t=%s: %s", row.get(0), row.get(1))
                    .isEqualTo(expect + " | " + log);
        }
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

    CheckableStatus<?> status(String object) {
        CheckTarget t = engine.hostTarget(object)
                .orElseGet(() -> engine.serviceTarget(new ServiceKey("web1", object)).orElseThrow());
        return engine.statusOf(t);
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    static String fill(String s, Instant now) {
        Matcher m = Pattern.compile("\\{\\+(\\d+)}").matcher(s.replace("{now}", Long.toString(now.getEpochSecond())));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Long.toString(T0.getEpochSecond() + Long.parseLong(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
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
    static final class SetClock extends Clock {
        private volatile Instant now;

        SetClock(Instant start) {
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
}
