package org.vigil.config.resolve;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The object types of Nagios's object configuration, with the attributes each one accepts. */
public enum ObjectType {
    TIMEPERIOD("timeperiod", "timeperiod_name", false, "timeperiod_name alias exclude"),
    COMMAND("command", "command_name", false, "command_name command_line"),
    CONTACTGROUP("contactgroup", "contactgroup_name", false,
            "contactgroup_name alias members contactgroup_members"),
    HOSTGROUP("hostgroup", "hostgroup_name", false,
            "hostgroup_name alias members hostgroup_members notes notes_url action_url"),
    SERVICEGROUP("servicegroup", "servicegroup_name", false,
            "servicegroup_name alias members servicegroup_members notes notes_url action_url"),
    CONTACT("contact", "contact_name", true,
            "contact_name alias contactgroups email pager address1 address2 address3 address4 address5 address6"
                    + " host_notification_period host_notification_commands host_notification_options"
                    + " service_notification_period service_notification_commands service_notification_options"
                    + " host_notifications_enabled service_notifications_enabled can_submit_commands"
                    + " retain_status_information retain_nonstatus_information minimum_importance"),
    HOST("host", "host_name", true,
            "host_name display_name alias address parents hostgroups check_command check_period event_handler"
                    + " contacts contact_groups notification_period initial_state max_check_attempts check_interval"
                    + " retry_interval active_checks_enabled passive_checks_enabled obsess check_freshness"
                    + " freshness_threshold event_handler_enabled low_flap_threshold high_flap_threshold"
                    + " flap_detection_enabled flap_detection_options process_perf_data retain_status_information"
                    + " retain_nonstatus_information notification_interval first_notification_delay"
                    + " notification_options notifications_enabled stalking_options notes notes_url action_url"
                    + " icon_image icon_image_alt vrml_image statusmap_image 2d_coords 3d_coords importance"),
    SERVICE("service", null, true,
            "host_name hostgroup_name service_description display_name parents servicegroups check_command"
                    + " check_period event_handler notification_period contacts contact_groups initial_state"
                    + " max_check_attempts check_interval retry_interval is_volatile parallelize_check"
                    + " active_checks_enabled passive_checks_enabled obsess check_freshness freshness_threshold"
                    + " event_handler_enabled low_flap_threshold high_flap_threshold flap_detection_enabled"
                    + " flap_detection_options notification_options notifications_enabled notification_interval"
                    + " first_notification_delay stalking_options process_perf_data retain_status_information"
                    + " retain_nonstatus_information notes notes_url action_url icon_image icon_image_alt importance"),
    HOSTDEPENDENCY("hostdependency", null, false,
            "host_name hostgroup_name dependent_host_name dependent_hostgroup_name inherits_parent"
                    + " notification_failure_criteria execution_failure_criteria dependency_period"),
    SERVICEDEPENDENCY("servicedependency", null, false,
            "host_name hostgroup_name servicegroup_name service_description dependent_host_name"
                    + " dependent_hostgroup_name dependent_servicegroup_name dependent_service_description"
                    + " inherits_parent notification_failure_criteria execution_failure_criteria dependency_period"),
    HOSTESCALATION("hostescalation", null, false,
            "host_name hostgroup_name contacts contact_groups first_notification last_notification"
                    + " notification_interval escalation_period escalation_options"),
    SERVICEESCALATION("serviceescalation", null, false,
            "host_name hostgroup_name servicegroup_name service_description contacts contact_groups"
                    + " first_notification last_notification notification_interval escalation_period"
                    + " escalation_options"),
    HOSTEXTINFO("hostextinfo", null, false,
            "host_name hostgroup_name notes notes_url action_url icon_image icon_image_alt vrml_image"
                    + " statusmap_image 2d_coords 3d_coords"),
    SERVICEEXTINFO("serviceextinfo", null, false,
            "host_name hostgroup_name service_description notes notes_url action_url icon_image icon_image_alt");

    /** Old or alternative spellings Nagios 4 still accepts, mapped to the name used here. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("normal_check_interval", "check_interval"),
            Map.entry("retry_check_interval", "retry_interval"),
            Map.entry("checks_enabled", "active_checks_enabled"),
            Map.entry("obsess_over_host", "obsess"),
            Map.entry("obsess_over_service", "obsess"),
            Map.entry("hourly_value", "importance"),
            Map.entry("minimum_value", "minimum_importance"),
            Map.entry("description", "service_description"),
            Map.entry("hostgroup", "hostgroup_name"),
            Map.entry("hostgroups", "hostgroup_name"),
            Map.entry("servicegroup", "servicegroup_name"),
            Map.entry("dependent_description", "dependent_service_description"),
            Map.entry("notification_failure_options", "notification_failure_criteria"),
            Map.entry("execution_failure_options", "execution_failure_criteria"),
            // a contact's groups: 4.4.6's xodtemplate takes both spellings (found in nagioscore's t/etc)
            Map.entry("contact_groups", "contactgroups"));

    /** Attributes Nagios 4 accepts but ignores; they get a warning. */
    private static final Set<String> OBSOLETE = Set.of("failure_prediction_enabled", "failure_prediction_options",
            "parallelize_check_obsolete");

    private static final Map<String, ObjectType> BY_KEYWORD = new HashMap<>();

    static {
        for (ObjectType t : values()) {
            BY_KEYWORD.put(t.keyword, t);
        }
    }

    private final String keyword;
    private final String nameAttribute;
    private final boolean customVariables;
    private final Set<String> attributes;
    /**
     * Each attribute name mapped to itself, so that every definition shares one String per name: the JVM's own (a
     * name as the code writes it, {@code "check_period"}, is the very same String), so that the millions of lookups
     * of attributes by name at 100,000 services find it by reference, without comparing characters.
     */
    private final Map<String, String> interned = new HashMap<>();

    ObjectType(String keyword, String nameAttribute, boolean customVariables, String attributes) {
        this.keyword = keyword;
        this.nameAttribute = nameAttribute;
        this.customVariables = customVariables;
        Set<String> set = new LinkedHashSet<>();
        for (String a : attributes.split(" ")) {
            set.add(a.intern());
        }
        this.attributes = Collections.unmodifiableSet(set);
        set.forEach(a -> interned.put(a, a));
    }

    public static Optional<ObjectType> byKeyword(String keyword) {
        return Optional.ofNullable(BY_KEYWORD.get(keyword));
    }

    public static Set<String> keywords() {
        return BY_KEYWORD.keySet();
    }

    public String keyword() {
        return keyword;
    }

    /** The attribute that names a registered object of this type, or null (services, escalations...). */
    public String nameAttribute() {
        return nameAttribute;
    }

    public boolean hasCustomVariables() {
        return customVariables;
    }

    public Set<String> attributes() {
        return attributes;
    }

    /** The canonical attribute name for {@code key}, or null if this type does not know it. */
    public String canonical(String key) {
        String own = interned.get(key);
        if (own != null) {
            return own;
        }
        String k = ALIASES.get(key);
        return k != null && attributes.contains(k) ? k : null;
    }

    public static boolean isObsolete(String key) {
        return OBSOLETE.contains(key);
    }
}
