package org.vigil.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.main.MainConfig;
import org.vigil.config.main.MainConfigReader;
import org.vigil.web.control.ControlProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil sweep NAGIOS_CFG [--host NAME] [--hostgroup NAME] [--servicegroup NAME] [--service PATTERN]
 * [--state problem] [--json]}: has the running monitor run every selected check now (through the control socket
 * beside its {@code lock_file}) and prints the summary: a progress bar on a terminal, plain progress lines when
 * piped, the summary as JSON with {@code --json}. Exit 0 when every swept check is OK/UP, 1 when some are not,
 * 2 for a bad command line or request, 4 when the monitor cannot be reached, 5 when the sweep was cancelled.
 */
@Command(name = "sweep", description = {"have the running monitor run checks now, print what is not OK",
    "%nWithout a selection: every check. Exit 0 when every swept check is OK/UP, 1 when some are not, 2 for a bad"
        + " command line or request, 4 when the monitor cannot be reached, 5 when the sweep was cancelled."})
final class SweepCommand implements Callable<Integer> {

    static final int ALL_OK = 0;
    static final int PROBLEMS = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 4;
    static final int CANCELLED = 5;

    private static final Pattern NUMBER = Pattern.compile("\"(done|total|problems|elapsed_ms)\":(\\d+)");
    private static final Pattern PHASE = Pattern.compile("\"phase\":\"(\\w+)\"");

    @Mixin
    HelpOption help;

    @Option(names = "--host", paramLabel = "NAME", description = "the checks of this host (repeatable)")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--hostgroup", paramLabel = "NAME", description = "the checks of this hostgroup's hosts")
    List<String> hostgroups = new ArrayList<>();

    @Option(names = "--servicegroup", paramLabel = "NAME", description = "the services of this servicegroup")
    List<String> servicegroups = new ArrayList<>();

    @Option(names = "--service", paramLabel = "PATTERN", description = "services by description: glob, or /regex/")
    List<String> services = new ArrayList<>();

    @Option(names = "--state", paramLabel = "STATE",
            description = "problem: only the checks not OK/UP now; all: every selected one (the default)")
    List<String> states = new ArrayList<>();

    @Option(names = "--json", description = "print the summary as JSON (progress on stderr on a terminal)")
    boolean json;

    @Parameters(paramLabel = "NAGIOS_CFG", description = "the main configuration file of the running monitor")
    String file;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    SweepCommand(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        // the control protocol's parameters, named as the options (the monitor checks their values)
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "host", hosts);
        put(params, "hostgroup", hostgroups);
        put(params, "servicegroup", servicegroups);
        put(params, "service", services);
        put(params, "state", states);
        Optional<Path> socket = socket(Path.of(file));
        if (socket.isEmpty()) {
            return UNREACHABLE;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket.get()));
            Channels.newOutputStream(channel).write(("SWEEP " + ControlProtocol.encode(params) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return read(new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8)), json);
        } catch (IOException e) {
            err.println("vigil sweep: cannot reach the monitor at " + socket.get() + ": " + e.getMessage()
                    + " (is 'vigil run' running?)");
            return UNREACHABLE;
        }
    }

    private static void put(Map<String, List<String>> params, String name, List<String> values) {
        if (!values.isEmpty()) {
            params.put(name, values);
        }
    }

    /** The control socket named by the config's lock_file; the reason printed when there is none. */
    private Optional<Path> socket(Path config) {
        Diagnostics diags = new Diagnostics();
        MainConfig main = new MainConfigReader(diags).read(config);
        if (main == null || diags.hasErrors()) {
            diags.all().stream().filter(d -> d.severity() == org.vigil.config.diag.Severity.ERROR)
                    .forEach(d -> err.println(VerifyCommand.display(d, Path.of("").toAbsolutePath())));
            err.println("vigil sweep: cannot read " + config);
            return Optional.empty();
        }
        Optional<Path> lock = main.path("lock_file");
        if (lock.isEmpty()) {
            err.println("vigil sweep: " + config + " sets no lock_file, so the running monitor cannot be found"
                    + " (set lock_file, as for Nagios)");
            return Optional.empty();
        }
        Path socket = ControlProtocol.socketFor(lock.get());
        if (!Files.exists(socket)) {
            err.println("vigil sweep: " + socket + " does not exist: is the monitor running ('vigil run " + config
                    + "')?");
            return Optional.empty();
        }
        return Optional.of(socket);
    }

    private int read(BufferedReader in, boolean json) throws IOException {
        Progress progress = new Progress(json ? (terminal ? err : null) : out);
        List<String> errors = new ArrayList<>();
        String summary = null;
        List<String> text = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null && !line.equals("END")) {
            if (line.startsWith("ERROR ")) {
                errors.add(line.substring(6));
            } else if (line.startsWith("PROGRESS ")) {
                progress.show(line.substring(9));
            } else if (line.startsWith("SUMMARY ")) {
                summary = line.substring(8);
            } else if (line.startsWith("TEXT ")) {
                text.add(line.substring(5));
            }
        }
        progress.end();
        if (!errors.isEmpty()) {
            errors.forEach(e -> err.println("vigil sweep: " + e));
            return USAGE;
        }
        if (summary == null) {
            err.println("vigil sweep: the monitor closed the connection before the sweep ended (stopped?)");
            return UNREACHABLE;
        }
        if (json) {
            out.println(summary);
        } else {
            text.forEach(out::println);
        }
        Map<String, Long> n = numbers(summary);
        if (summary.contains("\"phase\":\"cancelled\"")) {
            return CANCELLED;
        }
        return n.getOrDefault("problems", 0L) == 0 ? ALL_OK : PROBLEMS;
    }

    private static Map<String, Long> numbers(String json) {
        Map<String, Long> n = new LinkedHashMap<>();
        Matcher m = NUMBER.matcher(json);
        while (m.find()) {
            n.putIfAbsent(m.group(1), Long.parseLong(m.group(2)));
        }
        return n;
    }

    /** Progress: a bar redrawn in place on a terminal; when piped, a plain line at most once a second. */
    private final class Progress {
        private final PrintStream to;
        private long lastLine;
        private String last;
        private boolean drawn;

        Progress(PrintStream to) {
            this.to = to;
        }

        void show(String json) {
            if (to == null) {
                return;
            }
            Map<String, Long> n = numbers(json);
            long done = n.getOrDefault("done", 0L);
            long total = n.getOrDefault("total", 0L);
            long problems = n.getOrDefault("problems", 0L);
            double seconds = n.getOrDefault("elapsed_ms", 0L) / 1000.0;
            boolean over = !PHASE.matcher(json).results().anyMatch(r -> r.group(1).equals("running"));
            if (terminal) {
                int width = 30;
                int filled = total == 0 ? width : (int) (done * width / total);
                to.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d  %d not OK  %.1f s ", "#".repeat(filled),
                        "-".repeat(width - filled), done, total, problems, seconds));
                to.flush();
                drawn = true;
                return;
            }
            last = String.format(Locale.ROOT, "progress: %d of %d done, %d not OK, %.1f s", done, total, problems,
                    seconds);
            long now = System.nanoTime();
            if (over || now - lastLine >= 1_000_000_000L) {
                to.println(last);
                lastLine = now;
                last = null;
            }
        }

        void end() {
            if (to != null && drawn) {
                to.println();
            } else if (to != null && last != null) {
                to.println(last);
            }
        }
    }
}
