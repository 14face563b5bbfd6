package org.vigil.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a sweep runs. Every filter given must match (hosts and host groups together name the hosts); no filter
 * selects every check. Host checks are included unless a service pattern or service group narrows the sweep to
 * services. {@code problemsOnly} keeps the objects whose current state is not OK/UP (PENDING ones are not
 * problems: they have no result yet).
 */
public record SweepRequest(Set<String> hosts, Set<String> hostGroups, Set<String> serviceGroups,
                           Optional<ServicePattern> service, boolean problemsOnly) {

    public SweepRequest {
        hosts = Set.copyOf(new TreeSet<>(hosts));
        hostGroups = Set.copyOf(new TreeSet<>(hostGroups));
        serviceGroups = Set.copyOf(new TreeSet<>(serviceGroups));
    }

    /** Every check of the config. */
    public static SweepRequest everything() {
        return new SweepRequest(Set.of(), Set.of(), Set.of(), Optional.empty(), false);
    }

    /** Whether host checks are swept. */
    public boolean includesHostChecks() {
        return service.isEmpty() && serviceGroups.isEmpty();
    }

    /**
     * The request named by parameters as the CLI and the HTTP API take them: {@code host}, {@code hostgroup},
     * {@code servicegroup} (each may repeat), {@code service} (a pattern), {@code state} ({@code problem} or
     * {@code all}). Unknown parameters and bad values are errors, all reported at once.
     */
    public static Parsed parse(Map<String, List<String>> params) {
        List<String> errors = new ArrayList<>();
        Set<String> hosts = new TreeSet<>();
        Set<String> hostGroups = new TreeSet<>();
        Set<String> serviceGroups = new TreeSet<>();
        Optional<ServicePattern> service = Optional.empty();
        boolean problems = false;
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String v : e.getValue()) {
                switch (e.getKey()) {
                    case "host" -> addName(hosts, v, "host", errors);
                    case "hostgroup" -> addName(hostGroups, v, "hostgroup", errors);
                    case "servicegroup" -> addName(serviceGroups, v, "servicegroup", errors);
                    case "service" -> {
                        ServicePattern.Parsed p = ServicePattern.parse(v);
                        if (service.isPresent()) {
                            errors.add("service: given twice (one pattern per sweep; a regex /a|b/ matches several)");
                        } else if (p.pattern().isEmpty()) {
                            errors.add("service: " + p.error());
                        } else {
                            service = p.pattern();
                        }
                    }
                    case "state" -> {
                        if (v.equals("problem")) {
                            problems = true;
                        } else if (!v.equals("all")) {
                            errors.add("state: unknown value '" + v + "' (expected problem or all)");
                        }
                    }
                    default -> errors.add("unknown parameter '" + e.getKey()
                            + "' (expected host, hostgroup, servicegroup, service or state)");
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(Optional.empty(), List.copyOf(errors));
        }
        return new Parsed(Optional.of(new SweepRequest(hosts, hostGroups, serviceGroups, service, problems)),
                List.of());
    }

    private static void addName(Set<String> into, String v, String what, List<String> errors) {
        if (v.isBlank()) {
            errors.add(what + ": an empty name");
        } else {
            into.add(v.strip());
        }
    }

    /** A short description, for logs and summaries: {@code hostgroup=web service=disk* state=problem}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        hosts.stream().sorted().forEach(h -> parts.add("host=" + h));
        hostGroups.stream().sorted().forEach(h -> parts.add("hostgroup=" + h));
        serviceGroups.stream().sorted().forEach(h -> parts.add("servicegroup=" + h));
        service.ifPresent(s -> parts.add("service=" + s.text()));
        if (problemsOnly) {
            parts.add("state=problem");
        }
        return parts.isEmpty() ? "all checks" : String.join(" ", parts);
    }

    /** A parse: the request, or every error. */
    public record Parsed(Optional<SweepRequest> request, List<String> errors) {
    }
}
