package org.vigil.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.Suggest;
import org.vigil.config.model.Timeperiod;
import org.vigil.config.timeperiod.CompiledTimeperiod;
import org.vigil.config.timeperiod.TimeperiodSchedule;
import org.vigil.config.timeperiod.Transition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil timeperiod nagios.cfg PERIOD [--at TIME] [--json]}: is an instant inside a timeperiod,
 * what is the current or next window, and when does it change, in the engine's time zone.
 */
@Command(name = "timeperiod", description = {"show whether a time is inside a timeperiod, and its windows",
    "%nIts current or next window and its next changes, in the configuration's time zone (use_timezone)."})
final class TimeperiodCommand implements Callable<Integer> {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");
    private static final int TRANSITIONS = 6;

    @Mixin
    HelpOption help;

    @Option(names = "--at", paramLabel = "TIME",
            description = "the time to look at, ISO-8601 (2026-12-24T18:30 or 2026-12-24T18:30+01:00); default: now")
    String at;

    @Option(names = "--json", description = "answer in one line of JSON")
    boolean json;

    @Parameters(index = "0", paramLabel = "NAGIOS_CFG", description = "the main configuration file")
    String config;

    @Parameters(index = "1", paramLabel = "PERIOD", description = "the timeperiod_name")
    String period;

    private final PrintStream out;
    private final PrintStream err;

    TimeperiodCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        LoadResult result = ConfigLoader.load(Path.of(config));
        if (!result.ok()) {
            Path cwd = Path.of("").toAbsolutePath();
            for (Diagnostic d : result.diagnostics().all()) {
                if (d.severity() == org.vigil.config.diag.Severity.ERROR) {
                    err.println(VerifyCommand.display(d, cwd));
                }
            }
            err.println("vigil timeperiod: the configuration has errors (see 'vigil verify')");
            return 1;
        }
        ZoneId zone = result.mainConfig().zone();
        Timeperiod definition = result.model().timeperiods().get(period);
        if (definition == null) {
            String near = Suggest.closest(period, result.model().timeperiods().keySet());
            err.println("vigil timeperiod: timeperiod '" + period + "' is not defined"
                    + (near == null ? "" : " (did you mean '" + near + "'?)"));
            return 1;
        }
        ZonedDateTime instant;
        try {
            instant = parseInstant(at, zone);
        } catch (DateTimeException e) {
            err.println("vigil timeperiod: --at '" + at + "' is not a time (expected ISO-8601, e.g."
                    + " 2026-12-24T18:30 or 2026-12-24T18:30+01:00)");
            return UsageErrors.USAGE;
        }
        TimeperiodSchedule schedule = result.model().compileTimeperiods(zone, new Diagnostics());
        CompiledTimeperiod tp = schedule.find(period).orElseThrow();
        if (json) {
            printJson(tp, instant);
        } else {
            printText(definition, tp, instant);
        }
        return 0;
    }

    static ZonedDateTime parseInstant(String at, ZoneId zone) {
        if (at == null) {
            return ZonedDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        }
        ZonedDateTime t;
        try {
            t = OffsetDateTime.parse(at).atZoneSameInstant(zone);
        } catch (DateTimeException e) {
            t = LocalDateTime.parse(at).atZone(zone);
        }
        return t.truncatedTo(ChronoUnit.MINUTES);
    }

    private void printJson(CompiledTimeperiod tp, ZonedDateTime at) {
        boolean inside = tp.contains(at);
        out.println("{\"period\": " + quote(tp.name()) + ", \"at\": " + quote(MINUTE.format(at))
                + ", \"inside\": " + inside
                + ", \"next_inside\": " + time(inside ? Optional.of(at) : tp.nextInside(at))
                + ", \"next_outside\": " + time(inside ? tp.nextOutside(at) : Optional.of(at)) + "}");
    }

    private void printText(Timeperiod definition, CompiledTimeperiod tp, ZonedDateTime at) {
        boolean inside = tp.contains(at);
        out.println("timeperiod " + tp.name() + " (" + definition.alias() + "), zone " + tp.zone());
        out.println("at " + MINUTE.format(at) + ": " + (inside ? "INSIDE" : "OUTSIDE"));
        if (inside) {
            Optional<ZonedDateTime> end = tp.nextOutside(at);
            out.println("current window ends " + end.map(MINUTE::format).orElse("not within a year"));
        } else {
            Optional<ZonedDateTime> start = tp.nextInside(at);
            Optional<ZonedDateTime> end = start.flatMap(tp::nextOutside);
            out.println("next window: " + start.map(MINUTE::format).orElse("none within a year")
                    + start.map(s -> " to " + end.map(MINUTE::format).orElse("beyond a year")).orElse(""));
        }
        List<Transition> changes = tp.transitions(at, TRANSITIONS);
        if (!changes.isEmpty()) {
            out.println("next changes:");
            for (Transition t : changes) {
                out.println("  " + MINUTE.format(t.at()) + "  " + (t.entering() ? "enters" : "leaves"));
            }
        }
    }

    private static String time(Optional<ZonedDateTime> t) {
        return t.map(v -> quote(MINUTE.format(v))).orElse("null");
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
