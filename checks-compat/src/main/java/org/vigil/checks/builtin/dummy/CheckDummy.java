package org.vigil.checks.builtin.dummy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;

/**
 * {@code check_dummy <integer state> [optional text]} in-process, as monitoring-plugins 2.3.3 does it: the state's
 * word, then {@code ": text"} when a second argument is there (further ones are ignored), exit code the state; a
 * state outside 0-3 is UNKNOWN saying so; no argument or one that is not an integer gets the plugin's usage text.
 * {@code -h}/{@code -V} (its help and version screens) are left to the real plugin.
 */
public final class CheckDummy implements BuiltinCheck {

    static final String USAGE = "Usage:\n check_dummy <integer state> [optional text]\n";
    private static final String[] WORDS = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};
    private static final int UNKNOWN = 3;

    private final Clock clock;

    public CheckDummy() {
        this(Clock.systemUTC());
    }

    public CheckDummy(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String plugin() {
        return "check_dummy";
    }

    @Override
    public Prepared prepare(List<String> args) {
        if (args.isEmpty()) {
            return answer(UNKNOWN, "check_dummy: Could not parse arguments\n" + USAGE);
        }
        String first = args.get(0);
        if (List.of("-h", "--help", "-V", "--version").contains(first)) {
            return new Declined("check_dummy " + first + " (its help and version screens) is left to the plugin");
        }
        OptionalInt state = PluginInteger.parse(first);
        if (state.isEmpty()) {
            return answer(UNKNOWN, "check_dummy: Arguments to check_dummy must be an integer\n" + USAGE);
        }
        int s = state.getAsInt();
        if (s < 0 || s > UNKNOWN) {
            return answer(UNKNOWN, "UNKNOWN: Status " + s + " is not a supported error state\n");
        }
        return answer(s, WORDS[s] + (args.size() >= 2 ? ": " + args.get(1) : "") + "\n");
    }

    private Prepared answer(int exitCode, String stdout) {
        return new Ready(Run.blocking(timeout -> {
            Instant now = clock.instant();
            return new PluginResult(exitCode, stdout, "", now, now, false, false, null);
        }));
    }
}
