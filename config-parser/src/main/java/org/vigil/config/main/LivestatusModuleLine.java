package org.vigil.config.main;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code broker_module=<path>/livestatus.o <socket> [name=value...]} line of the main config: Vigil does not load
 * the module (it is not the Nagios process a NEB module links into) but answers Livestatus itself on that socket,
 * reading the module's options where they mean something to it ({@link #READ}) and saying at the line which ones do
 * not ({@link #problems}). Any module file named {@code livestatus.o} or {@code livestatus.so} counts (Debian's is
 * {@code /usr/lib/check_mk/livestatus.o}).
 *
 * @param module  the module file the line names
 * @param socket  the Unix socket to listen on (the first argument without {@code =}); empty when the line has none
 * @param options the {@code name=value} arguments, in their order
 */
public record LivestatusModuleLine(String module, Optional<Path> socket, Map<String, String> options) {

    /** The options Vigil reads, each with what it sets. */
    static final Map<String, String> READ = Map.of(
            "num_client_threads", "the number of connections answered at once",
            "query_timeout", "milliseconds a client may take to send a request",
            "idle_timeout", "milliseconds a kept-alive connection may wait for its next request");

    /** Livestatus options that mean nothing to Vigil, each with why. */
    private static final Map<String, String> NOT_READ = Map.ofEntries(
            Map.entry("debug", "Vigil has no debug log (its own diagnostics go through vigil.yml's 'logging:')"),
            Map.entry("thread_stack_size", "Vigil's threads are the JVM's"),
            Map.entry("max_cached_messages", "the log table reads log_file and its archives as needed"),
            Map.entry("max_lines_per_logfile", "the log table reads log_file and its archives as needed"),
            Map.entry("max_response_size", "answers are not cut short; a request over the request size limit gets"
                    + " 413 (vigil.yml's livestatus: max_request_bytes)"),
            Map.entry("service_authorization", "AuthUser sees what the status pages show that contact"),
            Map.entry("group_authorization", "AuthUser sees what the status pages show that contact"),
            Map.entry("data_encoding", "requests and answers are UTF-8"),
            Map.entry("pnp_path", "there are no pnpgraph_present columns from PNP's files"),
            Map.entry("inventory_path", "Check_MK's inventory is not read"),
            Map.entry("mk_inventory_path", "Check_MK's inventory is not read"),
            Map.entry("structured_status_path", "Check_MK's inventory is not read"),
            Map.entry("mk_logwatch_path", "Check_MK's logwatch is not read"),
            Map.entry("mkeventd_socket", "Check_MK's event console is not read"),
            Map.entry("crash_reports_path", "Check_MK's crash reports are not read"),
            Map.entry("license_usage_history_path", "Check_MK's license usage is not read"),
            Map.entry("log_file", "Vigil logs to stdout and Nagios's log_file"));

    public LivestatusModuleLine {
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Whether {@code value}, a broker_module line's value, loads a Livestatus module. */
    public static boolean isLivestatus(String value) {
        String module = value.strip().split("\\s+", 2)[0];
        String name = module.substring(module.lastIndexOf('/') + 1);
        return name.equals("livestatus.o") || name.equals("livestatus.so");
    }

    /** The first Livestatus broker_module line of {@code config}, if it has one. */
    public static Optional<LivestatusModuleLine> of(MainConfig config) {
        return config.directives().getOrDefault("broker_module", List.of()).stream()
                .filter(LivestatusModuleLine::isLivestatus).findFirst().map(LivestatusModuleLine::parse);
    }

    /** The line whose value is {@code value} (one for which {@link #isLivestatus} holds). */
    public static LivestatusModuleLine parse(String value) {
        String[] words = value.strip().split("\\s+");
        Optional<Path> socket = Optional.empty();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                options.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            } else if (socket.isEmpty()) {
                socket = Optional.of(Path.of(words[i]));
            } else {
                options.put(words[i], "");
            }
        }
        return new LivestatusModuleLine(words[0], socket, options);
    }

    /** What {@code verify} and {@code run} warn about at the line: options not read, values not understood. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (socket.isEmpty()) {
            problems.add("the Livestatus module line names no socket (broker_module=" + module + " /path/to/live):"
                    + " Livestatus is off unless vigil.yml's livestatus: gives one");
        }
        options.forEach((name, value) -> {
            if (READ.containsKey(name)) {
                if (number(value).isEmpty() || name.equals("num_client_threads") && number(value).getAsInt() < 1) {
                    problems.add("Livestatus option '" + name + "=" + value + "' is not understood (expected "
                            + (name.equals("num_client_threads") ? "a number of threads, 1 or more" : "milliseconds")
                            + "); the default is used");
                }
            } else if (NOT_READ.containsKey(name)) {
                problems.add("Livestatus option '" + name + "' is ignored by Vigil: " + NOT_READ.get(name));
            } else {
                problems.add("unknown Livestatus option '" + name + "' is ignored (Vigil reads "
                        + String.join(", ", new java.util.TreeSet<>(READ.keySet())) + ")");
            }
        });
        return problems;
    }

    /** {@code num_client_threads}, when given and understood. */
    public OptionalInt threads() {
        OptionalInt n = number(options.getOrDefault("num_client_threads", ""));
        return n.isPresent() && n.getAsInt() >= 1 ? n : OptionalInt.empty();
    }

    /** {@code query_timeout}, when given and understood (0: none). */
    public Optional<Duration> queryTimeout() {
        return millis("query_timeout");
    }

    /** {@code idle_timeout}, when given and understood (0: none). */
    public Optional<Duration> idleTimeout() {
        return millis("idle_timeout");
    }

    private Optional<Duration> millis(String name) {
        OptionalInt n = number(options.getOrDefault(name, ""));
        return n.isPresent() ? Optional.of(Duration.ofMillis(n.getAsInt())) : Optional.empty();
    }

    private static OptionalInt number(String value) {
        try {
            int n = Integer.parseInt(value);
            return n < 0 ? OptionalInt.empty() : OptionalInt.of(n);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
