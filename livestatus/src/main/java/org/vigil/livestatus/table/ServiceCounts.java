package org.vigil.livestatus.table;

import java.util.List;
import java.util.function.Function;

/**
 * The {@code num_services_*} and {@code worst_service_state} columns of hosts and groups over a list of services,
 * as Naemon counts them: a state is counted only once checked, pending services apart, and the worst state ranks
 * CRITICAL above UNKNOWN above WARNING above OK. The {@code _hard_} forms use the last hard state.
 */
final class ServiceCounts {

    private ServiceCounts() {
    }

    static <R> void add(Columns<R> c, Function<R, List<ServiceRow>> services) {
        c.integer("num_services", "The number of services", r -> services.apply(r).size())
                .integer("num_services_pending", "The number of services not checked yet",
                        r -> services.apply(r).stream().filter(s -> !s.detail().hasBeenChecked()).count());
        String[] names = {"ok", "warn", "crit", "unknown"};
        for (int state = 0; state < names.length; state++) {
            int st = state;
            c.integer("num_services_" + names[state], "The number of services in state " + names[state],
                    r -> count(services.apply(r), st, false));
            c.integer("num_services_hard_" + names[state], "The number of services in hard state " + names[state],
                    r -> count(services.apply(r), st, true));
        }
        c.integer("worst_service_state", "The worst state of the services (0 ok, 1 warn, 3 unknown, 2 crit)",
                        r -> worst(services.apply(r), false))
                .integer("worst_service_hard_state", "The worst hard state of the services",
                        r -> worst(services.apply(r), true));
    }

    private static long count(List<ServiceRow> services, int state, boolean hard) {
        long n = 0;
        for (ServiceRow s : services) {
            if (s.detail().hasBeenChecked() && state(s, hard) == state) {
                n++;
            }
        }
        return n;
    }

    static int worst(List<ServiceRow> services, boolean hard) {
        int worst = 0;
        for (ServiceRow s : services) {
            int st = state(s, hard);
            if (worse(st, worst)) {
                worst = st;
            }
        }
        return worst;
    }

    private static int state(ServiceRow s, boolean hard) {
        return hard ? s.detail().lastHardStateCode() : s.status().stateCode();
    }

    /** Whether service state {@code a} is worse than {@code b}: CRITICAL, then UNKNOWN, then WARNING, then OK. */
    static boolean worse(int a, int b) {
        return rank(a) > rank(b);
    }

    private static int rank(int state) {
        return switch (state) {
            case 1 -> 1;
            case 3 -> 2;
            case 2 -> 3;
            default -> 0;
        };
    }
}
