package org.vigil.checks.result;

import java.util.Locale;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.output.PluginOutput;
import org.vigil.config.model.ServiceKey;

/**
 * Turns a plugin run into a check result with Nagios 4.4.6's rules and texts ({@code checks.c},
 * {@code get_service_check_return_code} / {@code get_host_check_return_code}), each text observed on nagios4:
 * <ul>
 * <li>timeout: {@code (Service check timed out after 2.00 seconds)}, state {@code service_check_timeout_state};
 * {@code (Host check timed out after 2.01 seconds)}, DOWN;</li>
 * <li>not started: {@code (Service check did not exit properly)} CRITICAL, {@code (Host check did not exit
 * properly)} DOWN;</li>
 * <li>126: {@code (Return code of 126 is out of bounds. Check if plugin is executable)}; 127: {@code (Return code of
 * 127 is out of bounds. Check if plugin exists)};</li>
 * <li>other codes outside 0-3: {@code (Return code of 5 for service 'exit5' on host 'h1' was out of bounds)} /
 * {@code (Return code of 5 for host 'h2' was out of bounds)}; CRITICAL or DOWN;</li>
 * <li>killed by a signal: UNKNOWN with the plugin's output (Nagios's worker reports no exit status);</li>
 * </ul>
 * For hosts too the result is the plugin's return code after these rules (a timeout or an out-of-bounds code is
 * CRITICAL), never a host state: which host state it means (WARNING is UP unless
 * {@code use_aggressive_host_checking}) is the engine's decision, made once, in its host state logic. (Deciding it
 * here as well turned DOWN, code 1, into a WARNING read again as UP: a dead host stayed UP.)
 * A replacement text clears long output and perfdata, as Nagios frees them.
 */
public final class CheckResultMapper {

    private final PluginExit serviceTimeoutState;

    public CheckResultMapper(PluginExit serviceTimeoutState) {
        this.serviceTimeoutState = serviceTimeoutState;
    }

    /** Nagios's default: service timeouts are CRITICAL. */
    public static CheckResultMapper defaults() {
        return new CheckResultMapper(PluginExit.CRITICAL);
    }

    public CheckResult service(ServiceKey key, PluginResult r) {
        String who = "service '" + key.description() + "' on host '" + key.hostName() + "'";
        Verdict v = verdict(r, "Service", who);
        if (v.text == null) {
            return result(v.exit, r, PluginOutput.parse(r.output(), PluginOutput.NO_SERVICE_OUTPUT));
        }
        PluginExit exit = r.timedOut() ? serviceTimeoutState : v.exit;
        return result(exit, r, new PluginOutput(v.text, "", ""));
    }

    public CheckResult host(String hostName, PluginResult r) {
        Verdict v = verdict(r, "Host", "host '" + hostName + "'");
        PluginOutput out = v.text == null ? PluginOutput.parse(r.output(), PluginOutput.NO_HOST_OUTPUT)
                : new PluginOutput(v.text, "", "");
        return result(v.text == null ? v.exit : PluginExit.CRITICAL, r, out);
    }

    private static CheckResult result(PluginExit exit, PluginResult r, PluginOutput out) {
        return new CheckResult(exit, r.exitCode(), out, r.start(), r.end(), r.timedOut());
    }

    /** The return code Nagios acts on, and its replacement text when it replaces the output. */
    private record Verdict(PluginExit exit, String text) {
    }

    private static Verdict verdict(PluginResult r, String kind, String who) {
        int rc = r.exitCode();
        if (r.timedOut()) {
            return new Verdict(PluginExit.CRITICAL, String.format(Locale.ROOT,
                    "(%s check timed out after %.2f seconds)", kind, r.executionTime().toNanos() / 1e9));
        }
        if (!r.started()) {
            return new Verdict(PluginExit.CRITICAL, "(" + kind + " check did not exit properly)");
        }
        if (rc == 126) {
            return new Verdict(PluginExit.CRITICAL,
                    "(Return code of 126 is out of bounds. Check if plugin is executable)");
        }
        if (rc == 127) {
            return new Verdict(PluginExit.CRITICAL, "(Return code of 127 is out of bounds. Check if plugin exists)");
        }
        if (isSignal(rc)) {
            return new Verdict(PluginExit.UNKNOWN, null);
        }
        if (rc < 0 || rc > 3) {
            return new Verdict(PluginExit.CRITICAL,
                    "(Return code of " + rc + " for " + who + " was out of bounds)");
        }
        return new Verdict(PluginExit.ofCode(rc), null);
    }

    /**
     * Java reports death by signal N as exit status 128+N; Nagios sees no exit status then and uses UNKNOWN with
     * the output (observed for SIGKILL and SIGSEGV). A plugin that really exits with 129..159 is read the same way.
     */
    static boolean isSignal(int rc) {
        return rc > 128 && rc < 160;
    }
}
