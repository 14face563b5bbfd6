package org.vigil.engine.command;

import org.vigil.engine.ProgramSwitches;

/**
 * The program-wide commands that switch what results feed beyond the engine, performance data and the OCSP/OCHP
 * commands, as Nagios 4.4.6's {@code commands.c} carries them out.
 */
final class FeedCommands {

    private FeedCommands() {
    }

    /** {@code ENABLE_PERFORMANCE_DATA}, {@code START_OBSESSING_OVER_SVC_CHECKS} and their opposites. */
    static void program(ProgramSwitches switches, CommandType type) {
        switch (type) {
            case ENABLE_PERFORMANCE_DATA, DISABLE_PERFORMANCE_DATA ->
                    switches.setPerformanceData(type == CommandType.ENABLE_PERFORMANCE_DATA);
            case START_OBSESSING_OVER_SVC_CHECKS, STOP_OBSESSING_OVER_SVC_CHECKS ->
                    switches.setObsessOverServices(type == CommandType.START_OBSESSING_OVER_SVC_CHECKS);
            case START_OBSESSING_OVER_HOST_CHECKS, STOP_OBSESSING_OVER_HOST_CHECKS ->
                    switches.setObsessOverHosts(type == CommandType.START_OBSESSING_OVER_HOST_CHECKS);
            default -> throw new IllegalArgumentException("not a program feed command: " + type);
        }
    }
}
