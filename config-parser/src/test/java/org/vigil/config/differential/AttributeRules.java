package org.vigil.config.differential;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the differential test reads an attribute value: verbatim, as a set of list items, as a set of
 * (host, service) pairs, or not at all. Everything not named here is compared verbatim.
 */
final class AttributeRules {

    /**
     * Attributes left out of the comparison, each with the reason. Only attributes whose precache value
     * says nothing about behaviour belong here; a difference anywhere else is a bug in Vigil or in the
     * corpus.
     */
    static final Map<String, String> IGNORED = Map.of(
            "parallelize_check",
            "Nagios 4 still parses and writes it, but every check runs in parallel on the workers;"
                    + " nothing reads the value",
            "initial_state",
            "Nagios 4.4.6 writes 'o' to its objects cache whatever the config says, although it does"
                    + " start with the configured state (status.dat after start-up shows a host with"
                    + " initial_state d DOWN and a service with w WARNING), so the cache says nothing"
                    + " about it; see docs/compatibility.md and the case precache-writer-quirks");

    /**
     * Lists compared as sets, so neither order nor repeats count: group members and contact lists
     * (Nagios builds them by prepending or sorting, depending on where a member came from, and a
     * servicegroup may list one service twice), host parents, time period exclusions, and option
     * flags (Nagios writes flags in the order of its internal flag table).
     */
    private static final Set<String> UNORDERED = Set.of(
            "members", "contacts", "contact_groups", "parents", "exclude",
            "notification_options", "flap_detection_options", "stalking_options", "escalation_options",
            "host_notification_options", "service_notification_options",
            "notification_failure_options", "execution_failure_options",
            "host_notification_commands", "service_notification_commands");

    private AttributeRules() {
    }

    static boolean ignored(String attribute) {
        return IGNORED.containsKey(attribute);
    }

    /** The value in the form that is compared: sets are sorted so that order does not count. */
    static String normalise(String type, String attribute, String value) {
        if (type.equals("servicegroup") && attribute.equals("members")) {
            return sortedPairs(value);
        }
        if (type.equals("service") && attribute.equals("parents")) {
            // One parent on the same host is written as its description alone, others as host,service pairs.
            return value.contains(",") ? sortedPairs(value) : value;
        }
        if (UNORDERED.contains(attribute) || isTimeRanges(type, attribute)) {
            return Arrays.stream(value.split(",", -1)).distinct().sorted().collect(Collectors.joining(","));
        }
        return value;
    }

    /**
     * A time period's weekday and exception lines hold time ranges whose union is what counts; Nagios
     * writes them sorted by start time.
     */
    private static boolean isTimeRanges(String type, String attribute) {
        return type.equals("timeperiod") && !Set.of("timeperiod_name", "alias", "exclude").contains(attribute);
    }

    /** Service lists are written host,service,host,service: sort the pairs, not the items. */
    private static String sortedPairs(String value) {
        String[] items = value.split(",", -1);
        if (items.length % 2 != 0) {
            return value;
        }
        return java.util.stream.IntStream.range(0, items.length / 2)
                .mapToObj(i -> items[2 * i] + "," + items[2 * i + 1])
                .distinct()
                .sorted()
                .collect(Collectors.joining(","));
    }
}
