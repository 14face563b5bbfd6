package org.vigil.worker.run;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.vigil.checks.exec.PluginResult;
import org.vigil.worker.payload.CheckJob;
import org.vigil.worker.payload.GmTime;
import org.vigil.worker.payload.JobType;
import org.vigil.worker.payload.WorkerResult;

/**
 * Turns a plugin run into the result mod_gearman's worker sends back ({@code execute_safe_command} in
 * {@code common/check_utils.c}): exit codes 126 and 127, signals and codes above 3 become CRITICAL with its explanations, a run past
 * the job's timeout becomes {@code timeout_return} with {@code early_timeout=1} and "(Service Check Timed Out On
 * Worker: ID)", and {@code exited_ok} is always 1, as there.
 */
final class CheckOutcome {

    /** mod_gearman's {@code timeout_return} default: CRITICAL. */
    static final int TIMEOUT_RETURN = 2;

    private CheckOutcome() {
    }

    static WorkerResult of(CheckJob job, PluginResult run, String identifier) {
        int code = run.exitCode();
        String output = run.output();
        boolean timedOut = run.timedOut();
        if (!run.started()) {
            code = 2;
            output = "CRITICAL: " + run.failure() + " (worker: " + identifier + ")";
        } else if (timedOut) {
            code = TIMEOUT_RETURN;
            output = "(" + (job.type() == JobType.SERVICE ? "Service" : "Host") + " Check Timed Out On Worker: "
                    + identifier + ")";
        } else if (code == 126) {
            code = 2;
            output = "CRITICAL: Return code of 126 is out of bounds. Make sure the plugin you're trying to run is"
                    + " executable. (worker: " + identifier + ")";
        } else if (code == 127) {
            code = 2;
            output = "CRITICAL: Return code of 127 is out of bounds. Make sure the plugin you're trying to run"
                    + " actually exists. (worker: " + identifier + ")";
        } else if (code >= 128 && code < 144) {
            output = "CRITICAL: Return code of " + code + " is out of bounds. Plugin exited by signal "
                    + signalName(code - 128) + ". (worker: " + identifier + ")\n" + output;
            code = 2;
        } else if (code > 3) {
            output = "CRITICAL: Return code of " + code + " is out of bounds. (worker: " + identifier + ")\n" + output;
            code = 2;
        } else if (code < 0) {
            output = "CRITICAL: Return code of " + code + " is out of bounds. (worker: " + identifier + ")\n" + output;
            code = 2;
        }
        return new WorkerResult(job.hostName().orElseThrow(), job.serviceDescription(), Optional.of(job.coreTime()),
                time(run.start()), time(run.end()), code, true, timedOut,
                Optional.of("Mod-Gearman Worker @ " + identifier), stripEnd(output), false);
    }

    /** The names mod_gearman's {@code nr2signal} gives (its 16 reads SIGURG, kept as it prints it). */
    static String signalName(int signal) {
        String[] names = {"SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
            "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGURG"};
        return signal >= 1 && signal <= names.length ? names[signal - 1] : "signal " + signal;
    }

    private static GmTime time(Instant at) {
        return GmTime.ofEpochMicros(ChronoUnit.MICROS.between(Instant.EPOCH, at));
    }

    /** mod_gearman trims the plugin's trailing newline; so does Nagios. */
    private static String stripEnd(String output) {
        int end = output.length();
        while (end > 0 && (output.charAt(end - 1) == '\n' || output.charAt(end - 1) == '\r')) {
            end--;
        }
        return output.substring(0, end);
    }
}
