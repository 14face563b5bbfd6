package org.vigil.checks.builtin.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;

/**
 * {@code check_load} in-process, as Debian's monitoring-plugins 2.3.3 runs it on Linux: the three averages of
 * {@code /proc/loadavg} (what glibc's {@code getloadavg} reads), {@code -r} dividing them by the online CPUs
 * ({@code sysconf(_SC_NPROCESSORS_ONLN)}: glibc counts {@code /sys/devices/system/cpu/online}), the thresholds, texts
 * and perfdata of {@link LoadArguments} and {@link LoadReport}. Declined, so the plugin runs: {@code -h}, {@code -V},
 * {@code -n} above 0, {@code --extra-opts}, options getopt refuses, thresholds in hexadecimal, {@code inf} or
 * {@code nan}, a machine without {@code /proc/loadavg}, and an environment in which the plugin would print its
 * messages translated (a non-C {@code LC_MESSAGES} with monitoring-plugins' catalogue installed for it).
 */
public final class CheckLoad implements BuiltinCheck {

    private static final int UNKNOWN = 3;
    private static final String CATALOGUE = "LC_MESSAGES/monitoring-plugins.mo";

    private final Clock clock;
    private final Map<String, String> environment;
    private final Path loadavg;
    private final Path onlineCpus;
    private final Path localeDir;

    /** The built-in reading this machine's {@code /proc} and {@code /sys}, in this process's environment. */
    public CheckLoad() {
        this(Clock.systemUTC(), System.getenv(), Path.of("/proc/loadavg"), Path.of("/sys/devices/system/cpu/online"),
                Path.of("/usr/share/locale"));
    }

    CheckLoad(Clock clock, Map<String, String> environment, Path loadavg, Path onlineCpus, Path localeDir) {
        this.clock = clock;
        this.environment = Map.copyOf(environment);
        this.loadavg = loadavg;
        this.onlineCpus = onlineCpus;
        this.localeDir = localeDir;
    }

    @Override
    public String plugin() {
        return "check_load";
    }

    @Override
    public Prepared prepare(List<String> args) {
        Optional<String> translated = translatedMessages();
        if (translated.isPresent()) {
            return new Declined("check_load would print its messages in " + translated.get() + ": left to the plugin");
        }
        LoadArguments.Outcome outcome = LoadArguments.parse(args, environment);
        if (outcome instanceof LoadArguments.Declined d) {
            return new Declined(d.why());
        }
        if (outcome instanceof LoadArguments.Answer a) {
            return answer(UNKNOWN, a.stdout());
        }
        if (!Files.isReadable(loadavg)) {
            return new Declined("check_load: no " + loadavg + " to read here (the plugin asks the system)");
        }
        LoadArguments.Options options = (LoadArguments.Options) outcome;
        return new Ready(Run.blocking(timeout -> run(options)));
    }

    private PluginResult run(LoadArguments.Options options) {
        Instant start = clock.instant();
        Optional<double[]> load = readLoad();
        if (load.isEmpty()) {
            // the plugin exits UNKNOWN without a word when getloadavg fails
            return new PluginResult(UNKNOWN, "", "", start, clock.instant(), false, false, null);
        }
        long cpus = options.perCpu() ? onlineCpus() : 0;
        LoadReport.Verdict v = LoadReport.of(load.get(), options, cpus);
        return new PluginResult(v.exitCode(), v.stdout(), "", start, clock.instant(), false, false, null);
    }

    /** The 1-, 5- and 15-minute averages as glibc's getloadavg reads them (strtod of the first three fields). */
    private Optional<double[]> readLoad() {
        try {
            String text = Files.readString(loadavg, StandardCharsets.ISO_8859_1);
            double[] la = new double[3];
            int pos = 0;
            for (int i = 0; i < 3; i++) {
                CFloat.Read r = CFloat.strtod(text, pos);
                if (r.end() == pos) {
                    return Optional.empty();
                }
                la[i] = r.value();
                pos = r.end();
            }
            return Optional.of(la);
        } catch (IOException | CFloat.Unsupported e) {
            return Optional.empty();
        }
    }

    /**
     * glibc's {@code get_nprocs}: the CPUs listed in {@code /sys/devices/system/cpu/online} ({@code 0-3,6}), else
     * the {@code cpuN} lines of {@code /proc/stat}, else the CPUs this process may run on.
     */
    private long onlineCpus() {
        try {
            long count = 0;
            for (String range : Files.readString(onlineCpus, StandardCharsets.US_ASCII).strip().split(",")) {
                String[] ends = range.split("-");
                long first = Long.parseLong(ends[0]);
                long last = ends.length > 1 ? Long.parseLong(ends[1]) : first;
                count += last - first + 1;
            }
            if (count > 0) {
                return count;
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to /proc/stat, as glibc does
        }
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            long count = lines.filter(l -> l.length() > 3 && l.startsWith("cpu") && Character.isDigit(l.charAt(3)))
                    .count();
            if (count > 0) {
                return count;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // fall through
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The language the plugin's gettext would print in, when the messages locale is not C or POSIX and
     * monitoring-plugins has a catalogue for one of its languages ({@code LANGUAGE}, then the locale's).
     */
    private Optional<String> translatedMessages() {
        String messages = "";
        for (String variable : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            messages = environment.getOrDefault(variable, "");
            if (!messages.isEmpty()) {
                break;
            }
        }
        if (messages.isEmpty() || messages.equals("C") || messages.equals("POSIX")) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(List.of(environment.getOrDefault("LANGUAGE", "").split(":")));
        names.add(messages);
        for (String name : names) {
            String locale = name.split("[.@]", 2)[0];
            for (String language : List.of(locale, locale.split("_", 2)[0])) {
                if (!language.isEmpty() && !language.contains("/")
                        && Files.exists(localeDir.resolve(language).resolve(CATALOGUE))) {
                    return Optional.of(language);
                }
            }
        }
        return Optional.empty();
    }

    private Prepared answer(int exitCode, String stdout) {
        return new Ready(Run.blocking(timeout -> {
            Instant now = clock.instant();
            return new PluginResult(exitCode, stdout, "", now, now, false, false, null);
        }));
    }
}
