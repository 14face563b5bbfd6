package org.vigil.checks.builtin.tcp;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.output.OutputDecoder;

/**
 * A run's two limits: the engine's timeout, from the start, and the plugin's alarm ({@code -t}), which the plugins
 * (check_tcp.c, check_ssh.c, check_smtp.c 2.3.3) set only once their arguments are read, the host's name looked up
 * ({@code is_host}) among them. Every wait of the run ends by the earlier of the two ({@link #deadline}); when it
 * passes, the run ends as the plugin's alarm handler ends it, or, when the engine's timeout came first, as a plugin
 * killed at it: 137, timed out, nothing printed. Immutable: {@link #withAlarm} gives the limits once the alarm is set.
 */
final class RunLimits {

    private final Instant start;
    private final long engineDeadline;
    /** When the plugin's alarm rings; meaningless while {@code alarmSet} is false. */
    private final long pluginDeadline;
    private final boolean alarmSet;

    private RunLimits(Instant start, long engineDeadline, long pluginDeadline, boolean alarmSet) {
        this.start = start;
        this.engineDeadline = engineDeadline;
        this.pluginDeadline = pluginDeadline;
        this.alarmSet = alarmSet;
    }

    /** The limits of a run starting now, before the plugin sets its alarm: the engine's timeout only. */
    static RunLimits startingNow(Duration engineTimeout) {
        return new RunLimits(Instant.now(), System.nanoTime() + engineTimeout.toNanos(), 0, false);
    }

    /** These limits with the plugin's alarm set now to ring in {@code seconds}. */
    RunLimits withAlarm(int seconds) {
        return new RunLimits(start, engineDeadline, System.nanoTime() + Duration.ofSeconds(seconds).toNanos(), true);
    }

    /** When the run's time is up ({@link System#nanoTime()}): the earlier of the two limits. */
    long deadline() {
        return engineFirst() ? engineDeadline : pluginDeadline;
    }

    /** Whether {@link #deadline} has passed. */
    boolean passed() {
        return System.nanoTime() - deadline() >= 0;
    }

    /** Whether the engine's timeout ends the run before the plugin's alarm would (or the alarm is not set yet). */
    boolean engineFirst() {
        return !alarmSet || engineDeadline - pluginDeadline < 0;
    }

    /** The result of a plugin the engine killed at its timeout. */
    PluginResult killed() {
        return new PluginResult(137, "", "", start, Instant.now(), true, false, null);
    }

    /** The result of a plugin that exited {@code code} having printed {@code out} (bytes, decoded as a plugin's). */
    PluginResult exited(int code, ByteArrayOutputStream out) {
        byte[] bytes = out.toByteArray();
        return new PluginResult(code, OutputDecoder.decode(bytes, bytes.length), "", start, Instant.now(), false,
                false, null);
    }
}
