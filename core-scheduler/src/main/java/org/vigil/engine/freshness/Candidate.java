package org.vigil.engine.freshness;

import org.vigil.config.model.CheckSettings;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;

/**
 * One host or service as a freshness pass sees it.
 *
 * @param executing a check of it is running now (Nagios's {@code is_executing})
 * @param inCheckPeriod now is inside its {@code check_period}
 */
public record Candidate(CheckTarget target, CheckableStatus<?> status, CheckSettings config, boolean executing,
                        boolean inCheckPeriod) {
}
