package org.vigil.worker.payload;

import java.util.Objects;
import java.util.Optional;

/**
 * A check result as a mod_gearman worker sends it back ({@code send_result_back} in {@code common/utils.c}) and the
 * NEB module reads it ({@code get_results} in {@code neb_module_naemon/result_thread.c}).
 *
 * @param hostName the host
 * @param serviceDescription the service; empty for a host check
 * @param coreStartTime the job's planned time as the worker saw it ({@code core_start_time}); optional on reading
 * @param startTime when the plugin started
 * @param finishTime when it ended
 * @param returnCode the plugin's exit code (a signal gives 128 + its number, as {@code real_exit_code})
 * @param exitedOk 1 unless the plugin could not be run to its end
 * @param earlyTimeout whether the check timed out; mod_gearman 5 workers do not send it (read as false)
 * @param source who ran it ({@code Mod-Gearman Worker @ IDENTIFIER})
 * @param output the plugin's output, several lines possible (escaped on the wire)
 * @param passive whether the result is passive ({@code type=passive}, from send_gearman or a duplicate server)
 */
public record WorkerResult(String hostName, Optional<String> serviceDescription, Optional<GmTime> coreStartTime,
        GmTime startTime, GmTime finishTime, int returnCode, boolean exitedOk, boolean earlyTimeout,
        Optional<String> source, String output, boolean passive) {

    /** A result; host, times and output are required as the NEB module requires them. */
    public WorkerResult {
        Objects.requireNonNull(hostName);
        Objects.requireNonNull(startTime);
        Objects.requireNonNull(finishTime);
        Objects.requireNonNull(output);
    }
}
