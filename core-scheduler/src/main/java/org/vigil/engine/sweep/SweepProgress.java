package org.vigil.engine.sweep;

import java.time.Duration;
import java.util.Map;

/**
 * A sweep's progress at one moment, immutable: N of M done, the results not OK so far counted by state and by
 * host, the time since it started, and whether it is over (finished or cancelled).
 */
public record SweepProgress(long id, int done, int total, int problems, Map<String, Integer> problemsByState,
                            Map<String, Integer> problemsByHost, Duration elapsed, Phase phase) {

    /** Where a sweep is. */
    public enum Phase { RUNNING, FINISHED, CANCELLED }

    public SweepProgress {
        problemsByState = Map.copyOf(problemsByState);
        problemsByHost = Map.copyOf(problemsByHost);
    }

    /** Done as a percentage, 100 for an empty sweep. */
    public int percent() {
        return total == 0 ? 100 : (int) (done * 100L / total);
    }

    public boolean over() {
        return phase != Phase.RUNNING;
    }
}
