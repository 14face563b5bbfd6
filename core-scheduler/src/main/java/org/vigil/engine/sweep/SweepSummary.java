package org.vigil.engine.sweep;

import java.util.List;

/**
 * The end of a sweep: its final progress, what it selected, every result not OK (with its output), every result
 * whose state changed, and the objects it left out and why (active checks disabled, no check command).
 */
public record SweepSummary(SweepProgress progress, String selection, int hosts, List<SweepResult> problems,
                           List<SweepResult> changed, List<String> skipped, List<String> notStarted) {

    public SweepSummary {
        problems = List.copyOf(problems);
        changed = List.copyOf(changed);
        skipped = List.copyOf(skipped);
        notStarted = List.copyOf(notStarted);
    }
}
