package org.vigil.model;

/**
 * The program switches Livestatus's {@code status} table shows beyond {@link ProgramView} (kept apart so the JSON
 * API's program object stays as it is).
 */
public record ProgramDetail(boolean processPerformanceData, boolean obsessOverServices, boolean obsessOverHosts,
                            boolean checkServiceFreshness, boolean checkHostFreshness) {
}
