package org.vigil.engine.command;

import static org.vigil.engine.command.ArgKind.HOST;
import static org.vigil.engine.command.ArgKind.HOST_CODE;
import static org.vigil.engine.command.ArgKind.HOSTGROUP;
import static org.vigil.engine.command.ArgKind.HOST_OR_ADDRESS;
import static org.vigil.engine.command.ArgKind.OUTPUT;
import static org.vigil.engine.command.ArgKind.SERVICE;
import static org.vigil.engine.command.ArgKind.SERVICEGROUP;
import static org.vigil.engine.command.ArgKind.SERVICE_CODE;
import static org.vigil.engine.command.ArgKind.TIME;
import static org.vigil.engine.command.ArgKind.AUTHOR;
import static org.vigil.engine.command.ArgKind.COMMENT;
import static org.vigil.engine.command.ArgKind.DOWNTIME_ID;
import static org.vigil.engine.command.ArgKind.DURATION;
import static org.vigil.engine.command.ArgKind.END_TIME;
import static org.vigil.engine.command.ArgKind.FIXED;
import static org.vigil.engine.command.ArgKind.HOSTGROUP;
import static org.vigil.engine.command.ArgKind.SERVICEGROUP;
import static org.vigil.engine.command.ArgKind.START_TIME;
import static org.vigil.engine.command.ArgKind.TRIGGER_ID;
import static org.vigil.engine.command.ArgKind.COMMENT_ID;
import static org.vigil.engine.command.ArgKind.NOTIFY;
import static org.vigil.engine.command.ArgKind.OPTIONS;
import static org.vigil.engine.command.ArgKind.PERSISTENT;
import static org.vigil.engine.command.ArgKind.STICKY;
import static org.vigil.engine.command.ArgKind.ACK_END_TIME;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The external commands Vigil carries out, with the arguments Nagios's documentation gives each. */
public enum CommandType {
    PROCESS_SERVICE_CHECK_RESULT(HOST_OR_ADDRESS, SERVICE, SERVICE_CODE, OUTPUT),
    PROCESS_HOST_CHECK_RESULT(HOST_OR_ADDRESS, HOST_CODE, OUTPUT),
    SCHEDULE_SVC_CHECK(HOST, SERVICE, TIME),
    SCHEDULE_FORCED_SVC_CHECK(HOST, SERVICE, TIME),
    SCHEDULE_HOST_CHECK(HOST, TIME),
    SCHEDULE_FORCED_HOST_CHECK(HOST, TIME),
    SCHEDULE_HOST_SVC_CHECKS(HOST, TIME),
    SCHEDULE_FORCED_HOST_SVC_CHECKS(HOST, TIME),
    ENABLE_SVC_CHECK(HOST, SERVICE),
    DISABLE_SVC_CHECK(HOST, SERVICE),
    ENABLE_HOST_CHECK(HOST),
    DISABLE_HOST_CHECK(HOST),
    ENABLE_SVC_NOTIFICATIONS(HOST, SERVICE),
    DISABLE_SVC_NOTIFICATIONS(HOST, SERVICE),
    ENABLE_HOST_NOTIFICATIONS(HOST),
    DISABLE_HOST_NOTIFICATIONS(HOST),
    ENABLE_NOTIFICATIONS,
    DISABLE_NOTIFICATIONS,
    ENABLE_PASSIVE_SVC_CHECKS(HOST, SERVICE),
    DISABLE_PASSIVE_SVC_CHECKS(HOST, SERVICE),
    // downtimes (org.vigil.engine.downtime): start;end;fixed;trigger_id;duration;author;comment after the objects
    SCHEDULE_SVC_DOWNTIME(HOST, SERVICE, START_TIME, END_TIME, FIXED, TRIGGER_ID, DURATION, AUTHOR, COMMENT),
    SCHEDULE_HOST_DOWNTIME(HOST, START_TIME, END_TIME, FIXED, TRIGGER_ID, DURATION, AUTHOR, COMMENT),
    SCHEDULE_HOST_SVC_DOWNTIME(HOST, START_TIME, END_TIME, FIXED, TRIGGER_ID, DURATION, AUTHOR, COMMENT),
    SCHEDULE_HOSTGROUP_HOST_DOWNTIME(HOSTGROUP, START_TIME, END_TIME, FIXED, TRIGGER_ID, DURATION, AUTHOR, COMMENT),
    SCHEDULE_HOSTGROUP_SVC_DOWNTIME(HOSTGROUP, START_TIME, END_TIME, FIXED, TRIGGER_ID, DURATION, AUTHOR, COMMENT),
    SCHEDULE_SERVICEGROUP_HOST_DOWNTIME(SERVICEGROUP, START_TIME, END_TIME, FIXED, TRIGGER_ID, DURATION, AUTHOR,
            COMMENT),
    SCHEDULE_SERVICEGROUP_SVC_DOWNTIME(SERVICEGROUP, START_TIME, END_TIME, FIXED, TRIGGER_ID, DURATION, AUTHOR,
            COMMENT),
    SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME(HOST, START_TIME, END_TIME, FIXED, TRIGGER_ID, DURATION, AUTHOR, COMMENT),
    SCHEDULE_AND_PROPAGATE_TRIGGERED_HOST_DOWNTIME(HOST, START_TIME, END_TIME, FIXED, TRIGGER_ID, DURATION, AUTHOR,
            COMMENT),
    DEL_SVC_DOWNTIME(DOWNTIME_ID),
    DEL_HOST_DOWNTIME(DOWNTIME_ID),
    // flap detection (org.vigil.engine.flap)
    ENABLE_FLAP_DETECTION,
    DISABLE_FLAP_DETECTION,
    ENABLE_HOST_FLAP_DETECTION(HOST),
    DISABLE_HOST_FLAP_DETECTION(HOST),
    ENABLE_SVC_FLAP_DETECTION(HOST, SERVICE),
    DISABLE_SVC_FLAP_DETECTION(HOST, SERVICE),
    // passive checks, check execution and event handlers (org.vigil.engine.freshness, org.vigil.engine.handler)
    ENABLE_PASSIVE_HOST_CHECKS(HOST),
    DISABLE_PASSIVE_HOST_CHECKS(HOST),
    START_ACCEPTING_PASSIVE_SVC_CHECKS,
    STOP_ACCEPTING_PASSIVE_SVC_CHECKS,
    START_ACCEPTING_PASSIVE_HOST_CHECKS,
    STOP_ACCEPTING_PASSIVE_HOST_CHECKS,
    START_EXECUTING_SVC_CHECKS,
    STOP_EXECUTING_SVC_CHECKS,
    START_EXECUTING_HOST_CHECKS,
    STOP_EXECUTING_HOST_CHECKS,
    ENABLE_HOST_SVC_CHECKS(HOST),
    DISABLE_HOST_SVC_CHECKS(HOST),
    ENABLE_HOST_SVC_NOTIFICATIONS(HOST),
    DISABLE_HOST_SVC_NOTIFICATIONS(HOST),
    ENABLE_HOSTGROUP_SVC_CHECKS(HOSTGROUP),
    DISABLE_HOSTGROUP_SVC_CHECKS(HOSTGROUP),
    ENABLE_SERVICEGROUP_SVC_CHECKS(SERVICEGROUP),
    DISABLE_SERVICEGROUP_SVC_CHECKS(SERVICEGROUP),
    ENABLE_EVENT_HANDLERS,
    DISABLE_EVENT_HANDLERS,
    ENABLE_SVC_EVENT_HANDLER(HOST, SERVICE),
    DISABLE_SVC_EVENT_HANDLER(HOST, SERVICE),
    ENABLE_HOST_EVENT_HANDLER(HOST),
    DISABLE_HOST_EVENT_HANDLER(HOST),
    // performance data and obsessing (org.vigil.engine.feed); Nagios 4.4.6 defines ENABLE_SVC_PERFORMANCE_DATA and
    // the like but does not recognise them, so neither does Vigil
    ENABLE_PERFORMANCE_DATA,
    DISABLE_PERFORMANCE_DATA,
    START_OBSESSING_OVER_SVC_CHECKS,
    STOP_OBSESSING_OVER_SVC_CHECKS,
    START_OBSESSING_OVER_HOST_CHECKS,
    STOP_OBSESSING_OVER_HOST_CHECKS,
    START_OBSESSING_OVER_SVC(HOST, SERVICE),
    STOP_OBSESSING_OVER_SVC(HOST, SERVICE),
    START_OBSESSING_OVER_HOST(HOST),
    STOP_OBSESSING_OVER_HOST(HOST),
    // comments and acknowledgements (org.vigil.engine.comment, org.vigil.engine.ack)
    ADD_HOST_COMMENT(HOST, PERSISTENT, AUTHOR, COMMENT),
    ADD_SVC_COMMENT(HOST, SERVICE, PERSISTENT, AUTHOR, COMMENT),
    DEL_HOST_COMMENT(COMMENT_ID),
    DEL_SVC_COMMENT(COMMENT_ID),
    DEL_ALL_HOST_COMMENTS(HOST),
    DEL_ALL_SVC_COMMENTS(HOST, SERVICE),
    ACKNOWLEDGE_HOST_PROBLEM(HOST, STICKY, NOTIFY, PERSISTENT, AUTHOR, COMMENT),
    ACKNOWLEDGE_SVC_PROBLEM(HOST, SERVICE, STICKY, NOTIFY, PERSISTENT, AUTHOR, COMMENT),
    // Icinga 1's and Naemon's: the acknowledgement ends by itself at end_time (Nagios 4.4.6 has no such command)
    ACKNOWLEDGE_HOST_PROBLEM_EXPIRE(HOST, STICKY, NOTIFY, PERSISTENT, ACK_END_TIME, AUTHOR, COMMENT),
    ACKNOWLEDGE_SVC_PROBLEM_EXPIRE(HOST, SERVICE, STICKY, NOTIFY, PERSISTENT, ACK_END_TIME, AUTHOR, COMMENT),
    REMOVE_HOST_ACKNOWLEDGEMENT(HOST),
    REMOVE_SVC_ACKNOWLEDGEMENT(HOST, SERVICE),
    // custom notifications (the notifier sends them: EngineListener.customNotification)
    SEND_CUSTOM_HOST_NOTIFICATION(HOST, OPTIONS, AUTHOR, COMMENT),
    SEND_CUSTOM_SVC_NOTIFICATION(HOST, SERVICE, OPTIONS, AUTHOR, COMMENT),
    /** A name starting with {@code _}: Nagios leaves it to its event broker modules; logged, nothing done. */
    CUSTOM;

    /** Nagios's older names, still accepted by Nagios 4. */
    private static final Map<String, CommandType> ALIASES = Map.of(
            "ENTER_STANDBY_MODE", DISABLE_NOTIFICATIONS,
            "ENTER_ACTIVE_MODE", ENABLE_NOTIFICATIONS);

    private final List<ArgKind> args;

    CommandType(ArgKind... args) {
        this.args = List.of(args);
    }

    /** The arguments, in order. */
    List<ArgKind> args() {
        return args;
    }

    /** Whether the last argument takes the rest of the line, semicolons included. */
    boolean takesRest() {
        return !args.isEmpty() && (args.get(args.size() - 1) == OUTPUT || args.get(args.size() - 1) == COMMENT);
    }

    /** {@code host_name;service_description;...}: the argument list as the documentation writes it. */
    String signature() {
        return args.stream().map(ArgKind::label).collect(Collectors.joining(";"));
    }

    /** The command called {@code name}, in any case as Nagios 4.4 compares names (strcasecmp). */
    public static Optional<CommandType> named(String name) {
        if (name.startsWith("_")) {
            return Optional.of(CUSTOM);
        }
        String upper = name.toUpperCase(Locale.ROOT);
        CommandType alias = ALIASES.get(upper);
        if (alias != null) {
            return Optional.of(alias);
        }
        for (CommandType t : values()) {
            if (t != CUSTOM && t.name().equals(upper)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
