package org.vigil.web.pages;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The actions of the pages ({@code /actions?action=NAME}), as Nagios's cmd.cgi offers them: what each acts on
 * and which form fields it takes. {@link ActionRunner} carries them out through the JSON API's actions.
 */
public enum PageAction {
    RECHECK("Re-check now", Targets.OBJECTS),
    ACKNOWLEDGE("Acknowledge problem", Targets.OBJECTS, "comment", "sticky", "notify", "persistent", "expires"),
    REMOVE_ACKNOWLEDGEMENT("Remove acknowledgement", Targets.OBJECTS),
    SCHEDULE_DOWNTIME("Schedule downtime", Targets.OBJECTS, "preset", "start", "end", "fixed", "duration",
            "trigger_id", "comment", "with_services", "child_hosts"),
    REMOVE_DOWNTIME("Remove downtime", Targets.DOWNTIMES),
    ADD_COMMENT("Add comment", Targets.OBJECTS, "comment", "persistent"),
    REMOVE_COMMENT("Remove comment", Targets.COMMENTS),
    ENABLE_NOTIFICATIONS("Enable notifications", Targets.OBJECTS),
    DISABLE_NOTIFICATIONS("Disable notifications", Targets.OBJECTS),
    ENABLE_CHECKS("Enable active checks", Targets.OBJECTS),
    DISABLE_CHECKS("Disable active checks", Targets.OBJECTS),
    PASSIVE_RESULT("Submit passive result", Targets.OBJECTS, "status", "output");

    /** What an action's targets are: hosts and services ({@code HOST} or {@code HOST;SERVICE}), or ids. */
    public enum Targets {
        OBJECTS, DOWNTIMES, COMMENTS
    }

    private final String label;
    private final Targets targets;
    private final Set<String> fields;

    PageAction(String label, Targets targets, String... fields) {
        this.label = label;
        this.targets = targets;
        this.fields = Set.of(fields);
    }

    /** The name used in URLs and forms: {@code schedule_downtime}. */
    public String getKey() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String getLabel() {
        return label;
    }

    public Targets targets() {
        return targets;
    }

    /** Whether the action's form has the field {@code name} ({@code comment}, {@code sticky}, ...). */
    public boolean has(String field) {
        return fields.contains(field);
    }

    /** The form field that carries an id target besides {@code target}: {@code downtime_id} or {@code comment_id}. */
    public String idField() {
        return switch (targets) {
            case DOWNTIMES -> "downtime_id";
            case COMMENTS -> "comment_id";
            case OBJECTS -> null;
        };
    }

    public static Optional<PageAction> named(String name) {
        return Arrays.stream(values()).filter(a -> a.getKey().equals(name)).findFirst();
    }

    public static List<PageAction> all() {
        return List.of(values());
    }

    /** The names, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(PageAction::getKey).toList());
    }
}
