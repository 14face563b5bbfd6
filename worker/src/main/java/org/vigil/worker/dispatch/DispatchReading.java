package org.vigil.worker.dispatch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What reading the dispatch settings gave: the settings (empty when nothing configures a dispatch, or when there
 * are errors), every problem as a {@code where: error: ...} or {@code where: warning: ...} line, and where the
 * key came from, for {@code vigil verify}'s summary line.
 *
 * @param settings the settings, when configured and free of errors
 * @param errors   problems that keep the dispatch from starting, each {@code where: error: what}
 * @param warnings keys read and not acted on, each {@code where: warning: what}
 * @param keyFile  the file the key was read from, if any
 */
public record DispatchReading(Optional<DispatchSettings> settings, List<String> errors, List<String> warnings,
        Optional<Path> keyFile) {

    /** Nothing configures a dispatch: every check runs on this machine. */
    public static final DispatchReading LOCAL = new DispatchReading(Optional.empty(), List.of(), List.of(),
            Optional.empty());

    public DispatchReading {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /**
     * One line saying where checks go: {@code Checks go to gearmand at 127.0.0.1:4730: queues host, service,
     * eventhandler, hostgroup_web; key from /etc/mod-gearman/secret.key}, or that they run on this machine.
     */
    public String describe() {
        if (!errors.isEmpty()) {
            return "Checks would run on this machine: the gearman settings have errors";
        }
        if (settings.isEmpty()) {
            return "Checks run on this machine (no mod_gearman broker_module line, no gearman: in vigil.yml)";
        }
        DispatchSettings s = settings.get();
        StringBuilder line = new StringBuilder("Checks go to gearmand at ");
        line.append(String.join(", ", s.servers().stream().map(Object::toString).toList()));
        line.append(": queues ").append(String.join(", ", queues(s)));
        if (!s.localHostgroups().isEmpty() || !s.localServicegroups().isEmpty()) {
            List<String> local = new ArrayList<>();
            s.localHostgroups().forEach(g -> local.add("hostgroup " + g));
            s.localServicegroups().forEach(g -> local.add("servicegroup " + g));
            line.append("; local: ").append(String.join(", ", local));
        }
        s.queueCustomVariable().ifPresent(v -> line.append("; _").append(v).append(" names a queue"));
        if (!s.encryption()) {
            line.append("; unencrypted");
        } else {
            line.append(keyFile.map(f -> "; key from " + f).orElse("; key given inline"));
        }
        line.append("; results on ").append(s.resultQueue());
        return line.toString();
    }

    private static List<String> queues(DispatchSettings s) {
        List<String> queues = new ArrayList<>();
        if (s.hosts() && s.doHostchecks()) {
            queues.add("host");
        }
        if (s.services()) {
            queues.add("service");
        }
        if (s.eventhandler()) {
            queues.add("eventhandler");
        }
        if (s.notifications()) {
            queues.add("notification");
        }
        s.hostgroups().forEach(g -> queues.add("hostgroup_" + g));
        s.servicegroups().forEach(g -> queues.add("servicegroup_" + g));
        if (queues.isEmpty()) {
            queues.add("none (every check runs on this machine)");
        }
        return queues;
    }
}
