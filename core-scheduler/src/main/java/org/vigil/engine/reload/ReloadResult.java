package org.vigil.engine.reload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How one reload went: applied, or rejected with every error of the new config ({@code file:line: error: ...}),
 * in which case the previous configuration keeps running.
 */
public record ReloadResult(Instant at, boolean applied, List<String> errors) {

    public ReloadResult {
        errors = List.copyOf(errors);
    }

    public static ReloadResult applied(Instant at) {
        return new ReloadResult(at, true, List.of());
    }

    public static ReloadResult rejected(Instant at, List<String> errors) {
        return new ReloadResult(at, false, errors);
    }

    /** The last reload's outcome and the last rejection, as extra {@code programstatus} lines of status.dat. */
    public static String statusLines(Optional<ReloadResult> last, Optional<ReloadResult> lastRejected) {
        StringBuilder sb = new StringBuilder();
        sb.append("\tlast_reload=").append(last.map(r -> r.at().getEpochSecond()).orElse(0L)).append('\n');
        sb.append("\tlast_reload_status=").append(last.map(r -> r.applied() ? "applied" : "rejected").orElse(""))
                .append('\n');
        sb.append("\tlast_reload_rejected=").append(lastRejected.map(r -> r.at().getEpochSecond()).orElse(0L))
                .append('\n');
        sb.append("\tlast_reload_errors=").append(lastRejected.map(r -> r.errors().size()).orElse(0)).append('\n');
        sb.append("\tlast_reload_error=").append(lastRejected.flatMap(r -> r.errors().stream().findFirst())
                .map(e -> e.replace('\n', ' ')).orElse("")).append('\n');
        return sb.toString();
    }
}
