package org.vigil.perfdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * What every metric writer's section of {@code vigil.yml} has: the queue that holds results while the receiver is
 * away or slow, how often to try again, and which extra series to send (Icinga 2's names for the last two).
 */
public abstract class WriterConfig {

    /** Results held for the receiver at most; beyond, the oldest are dropped (and counted). */
    @JsonProperty("queue_size")
    public int queueSize = 10_000;

    /** Seconds between attempts to reach a receiver that could not be reached. */
    @JsonProperty("reconnect_seconds")
    public double reconnectSeconds = 10;

    /** Also send each value's warn, crit, min and max (those given as plain numbers). */
    @JsonProperty("send_thresholds")
    public boolean sendThresholds = true;

    /** Also send the result's state, state type, attempts, downtime depth, acknowledgement, latency, exec time. */
    @JsonProperty("send_metadata")
    public boolean sendMetadata = true;

    /** What is wrong with these settings, each naming its key under {@code section}; empty when none is. */
    public List<String> problems(String section) {
        List<String> out = new ArrayList<>();
        if (queueSize < 1 || queueSize > 10_000_000) {
            out.add(section + ".queue_size: " + queueSize + " is out of range (expected 1 to 10000000)");
        }
        if (!(reconnectSeconds >= 0.1 && reconnectSeconds <= 3600)) {
            out.add(section + ".reconnect_seconds: " + reconnectSeconds
                    + " is out of range (expected 0.1 to 3600 seconds)");
        }
        return out;
    }

    /** How long to wait before trying an unreachable receiver again. */
    java.time.Duration reconnectDelay() {
        return java.time.Duration.ofMillis(Math.round(reconnectSeconds * 1000));
    }
}
