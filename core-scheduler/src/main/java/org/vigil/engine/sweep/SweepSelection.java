package org.vigil.engine.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.config.model.HostGroup;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceGroup;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;

/**
 * Which checks a request selects, in the config's order (hosts by name, then services by host and description),
 * with the objects left out and why. Engine thread: it reads the statuses.
 */
record SweepSelection(List<CheckTarget> targets, List<String> skipped, int hosts, List<String> errors,
                      List<SweepObject> objects) {

    static SweepSelection of(SweepRequest request, Sweeps.Checks checks) {
        ObjectModel model = checks.model();
        List<String> errors = new ArrayList<>();
        Set<String> hostNames = hostsOf(request, model, errors);
        Set<ServiceKey> inGroups = servicesOf(request, model, errors);
        if (!errors.isEmpty()) {
            return new SweepSelection(List.of(), List.of(), 0, errors, List.of());
        }
        List<CheckTarget> targets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<CheckTarget> seen = new ArrayList<>();
        Set<String> hostsSwept = new LinkedHashSet<>();
        if (request.includesHostChecks()) {
            for (String h : model.hosts().keySet()) {
                if (hostNames == null || hostNames.contains(h)) {
                    checks.hostTarget(h).ifPresent(t -> consider(t, request, checks, new Into(targets, skipped, seen), hostsSwept));
                }
            }
        }
        for (Service s : model.services().values()) {
            ServiceKey k = s.key();
            if ((hostNames == null || hostNames.contains(k.hostName())) && (inGroups == null || inGroups.contains(k))
                    && request.service().map(p -> p.matches(k.description())).orElse(true)) {
                checks.serviceTarget(k).ifPresent(t -> consider(t, request, checks, new Into(targets, skipped, seen), hostsSwept));
            }
        }
        return new SweepSelection(List.copyOf(targets), List.copyOf(skipped), hostsSwept.size(), List.of(),
                seen.stream().map(SweepObject::of).toList());
    }

    /** Where {@link #consider} puts a target: to run, skipped (why), and every one named in the summary. */
    private record Into(List<CheckTarget> run, List<String> skipped, List<CheckTarget> named) {
    }

    private static void consider(CheckTarget t, SweepRequest request, Sweeps.Checks checks, Into into,
                                 Set<String> hosts) {
        CheckableStatus<?> st = checks.status(t);
        if (request.problemsOnly() && !(st.hasBeenChecked() && !st.currentState().isOk())) {
            return;
        }
        String name = t.isHost() ? t.hostName() : t.hostName() + "/" + t.service().description();
        if (t.isHost() && !checks.hasCheckCommand(t)) {
            return; // a host without a check command has nothing to run (Nagios keeps it UP); not worth a line
        }
        if (!st.activeChecksEnabled()) {
            into.skipped().add(name + ": active checks are disabled");
            into.named().add(t);
            return;
        }
        into.run().add(t);
        into.named().add(t);
        hosts.add(t.hostName());
    }

    /** The hosts named by host and hostgroup filters, or null when neither is given (every host). */
    private static Set<String> hostsOf(SweepRequest request, ObjectModel model, List<String> errors) {
        if (request.hosts().isEmpty() && request.hostGroups().isEmpty()) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String h : request.hosts()) {
            if (model.hosts().containsKey(h)) {
                names.add(h);
            } else {
                errors.add("host: no host named '" + h + "'" + hint(h, model.hosts().keySet()));
            }
        }
        for (String g : request.hostGroups()) {
            HostGroup group = model.hostGroups().get(g);
            if (group == null) {
                errors.add("hostgroup: no host group named '" + g + "'" + hint(g, model.hostGroups().keySet()));
            } else {
                names.addAll(group.members());
            }
        }
        return names;
    }

    /** The services of the servicegroup filters, or null when none is given. */
    private static Set<ServiceKey> servicesOf(SweepRequest request, ObjectModel model, List<String> errors) {
        if (request.serviceGroups().isEmpty()) {
            return null;
        }
        Set<ServiceKey> keys = new LinkedHashSet<>();
        for (String g : request.serviceGroups()) {
            ServiceGroup group = model.serviceGroups().get(g);
            if (group == null) {
                errors.add("servicegroup: no service group named '" + g + "'"
                        + hint(g, model.serviceGroups().keySet()));
            } else {
                keys.addAll(group.members());
            }
        }
        return keys;
    }

    /** {@code " (did you mean 'x'?)"} for the nearest name by edit distance, if one is close. */
    private static String hint(String wrong, Set<String> known) {
        Optional<String> best = known.stream().min(java.util.Comparator.comparingInt(k -> distance(wrong, k)));
        return best.filter(b -> distance(wrong, b) <= Math.max(2, wrong.length() / 3))
                .map(b -> " (did you mean '" + b + "'?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
