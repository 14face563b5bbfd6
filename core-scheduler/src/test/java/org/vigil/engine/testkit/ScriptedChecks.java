package org.vigil.engine.testkit;

import org.vigil.engine.state.Verdict;
import org.vigil.checks.result.PluginExit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.engine.exec.CheckExecutor;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.CheckType;

/**
 * Active check results a test scripts: the return code by host name or service description (0 unless set),
 * with {@code okOutput} for 0 and {@code CRITICAL - broken} for anything else; every run is recorded.
 */
public final class ScriptedChecks {

    /** Return codes by host name or service description. */
    public final Map<String, Integer> codes = new ConcurrentHashMap<>();
    /** The names of the checks run so far, in order. */
    public final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    private final String okOutput;
    private final boolean latency;

    private ScriptedChecks(String okOutput, boolean latency) {
        this.okOutput = okOutput;
        this.latency = latency;
    }

    /** Results {@code OK - fine} / {@code CRITICAL - broken}, with latency 0. */
    public static ScriptedChecks standard() {
        return new ScriptedChecks("OK - fine", false);
    }

    /** Like {@link #standard}, with {@code okOutput} for return code 0. */
    public static ScriptedChecks okSays(String okOutput) {
        return new ScriptedChecks(okOutput, false);
    }

    /** Like {@link #standard}, with the latency from the scheduled time to the clock's time. */
    public static ScriptedChecks withLatency() {
        return new ScriptedChecks("OK - fine", true);
    }

    /** Host name or service description: the name scripts and tables use. */
    public static String nameOf(CheckTarget t) {
        return t.isHost() ? t.hostName() : t.service().description();
    }

    public void put(String name, int code) {
        codes.put(name, code);
    }

    /** An executor that answers from the script at {@code clock}'s time. */
    public CheckExecutor executor(Clock clock) {
        return request -> {
            String name = nameOf(request.target());
            ran.add(name);
            int code = codes.getOrDefault(name, 0);
            Instant now = clock.instant();
            double seconds = latency ? Duration.between(request.scheduledFor(), now).toMillis() / 1000.0 : 0;
            return new CheckOutcome(new Verdict.Plugin(PluginExit.ofCode(code)),
                    code == 0 ? okOutput : "CRITICAL - broken", null, null, now, now,
                    CheckType.ACTIVE, seconds);
        };
    }
}
