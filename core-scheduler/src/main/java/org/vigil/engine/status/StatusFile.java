package org.vigil.engine.status;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.HostState;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceState;
import org.vigil.engine.state.ServiceStatus;
import org.vigil.engine.stats.CheckStatistics;
import org.vigil.engine.stats.StatKind;

import static org.vigil.engine.status.StatusFields.decimal;
import static org.vigil.engine.status.StatusFields.escape;
import static org.vigil.engine.status.StatusFields.fixed;
import static org.vigil.engine.status.StatusFields.flag;
import static org.vigil.engine.status.StatusFields.kv;
import static org.vigil.engine.status.StatusFields.nullToEmpty;
import static org.vigil.engine.status.StatusFields.time;

/**
 * Renders {@code status.dat} in Nagios 4.4's layout (info, programstatus, hoststatus, servicestatus,
 * contactstatus blocks of {@code key=value}) and replaces the file atomically, so readers never see half.
 */
public final class StatusFile {

    private final Path file;

    public StatusFile(Path file) {
        this.file = file;
    }

    /** The file written. */
    public Path path() {
        return file;
    }

    /** What the file shows about the engine itself; {@code lastLogRotation} null before the first rotation. */
    public record Program(long pid, Instant programStart, boolean notifications, boolean activeServiceChecks,
                          boolean passiveServiceChecks, boolean activeHostChecks, boolean passiveHostChecks,
                          boolean eventHandlers, boolean flapDetection, long nextEventId, long nextProblemId,
                          boolean serviceFreshness, boolean hostFreshness, String globalHostEventHandler,
                          String globalServiceEventHandler, Instant lastLogRotation, Feeds feeds,
                          long nextNotificationId) {

        /** With the perfdata and obsess switches off, as Nagios's defaults. */
        public Program(long pid, Instant programStart, boolean notifications, boolean activeServiceChecks,
                       boolean passiveServiceChecks, boolean activeHostChecks, boolean passiveHostChecks,
                       boolean eventHandlers, boolean flapDetection, long nextEventId, long nextProblemId,
                       boolean serviceFreshness, boolean hostFreshness, String globalHostEventHandler,
                       String globalServiceEventHandler, Instant lastLogRotation) {
            this(pid, programStart, notifications, activeServiceChecks, passiveServiceChecks, activeHostChecks,
                    passiveHostChecks, eventHandlers, flapDetection, nextEventId, nextProblemId, serviceFreshness,
                    hostFreshness, globalHostEventHandler, globalServiceEventHandler, lastLogRotation, Feeds.OFF,
                    1);
        }

        /** Without the freshness and global handler fields: Nagios's defaults (service freshness only, none). */
        public Program(long pid, Instant programStart, boolean notifications, boolean activeServiceChecks,
                       boolean passiveServiceChecks, boolean activeHostChecks, boolean passiveHostChecks,
                       boolean eventHandlers, boolean flapDetection, long nextEventId, long nextProblemId) {
            this(pid, programStart, notifications, activeServiceChecks, passiveServiceChecks, activeHostChecks,
                    passiveHostChecks, eventHandlers, flapDetection, nextEventId, nextProblemId, true, false, null,
                    null, null, Feeds.OFF, 1);
        }
    }

    /**
     * The program switches of what results feed beyond the engine: {@code process_performance_data},
     * {@code obsess_over_services}, {@code obsess_over_hosts}.
     */
    public record Feeds(boolean performanceData, boolean obsessOverServices, boolean obsessOverHosts) {
        public static final Feeds OFF = new Feeds(false, false, false);
    }

    /**
     * A contact as its {@code contactstatus} block shows it: the notification periods and switches of its
     * definition, and when it was last notified about a host and about a service (epoch seconds, 0 for never).
     */
    public record ContactLine(String name, String hostNotificationPeriod, String serviceNotificationPeriod,
                              long lastHostNotification, long lastServiceNotification,
                              boolean hostNotificationsEnabled, boolean serviceNotificationsEnabled) {

        /** A contact known by name only: no periods, never notified, notifications on. */
        public static ContactLine named(String name) {
            return new ContactLine(name, null, null, 0, 0, true, true);
        }
    }

    /**
     * Renders the whole file from statuses that do not change meanwhile: on the engine thread, or from snapshots taken
     * there ({@code HostStatus.snapshot}), so that every object is seen in one state.
     */
    public static String render(Instant now, Program p, Collection<HostStatus> hosts,
                                Collection<ServiceStatus> services, Collection<String> contacts) {
        return render(now, p, hosts, services, contacts, java.util.List.of());
    }

    /** The whole file with the {@code hostcomment}/{@code servicecomment} blocks of {@code comments} (id order). */
    public static String render(Instant now, Program p, Collection<HostStatus> hosts,
                                Collection<ServiceStatus> services, Collection<String> contacts,
                                Collection<org.vigil.engine.comment.Comment> comments) {
        StringBuilder sb = new StringBuilder(256 + (hosts.size() + services.size()) * 1400);
        renderTo(sb, now, p, "", hosts, services, contacts.stream().map(ContactLine::named).toList(), comments);
        return sb.toString();
    }

    /**
     * Appends the whole file to {@code sb}, with {@code programExtra} (whole lines, may be empty) at the end of the
     * {@code programstatus} block.
     */
    public static void renderTo(StringBuilder sb, Instant now, Program p, String programExtra,
                                Collection<HostStatus> hosts, Collection<ServiceStatus> services,
                                Collection<ContactLine> contacts,
                                Collection<org.vigil.engine.comment.Comment> comments) {
        renderTo(sb, () -> { }, now, p, programExtra, hosts, services, contacts, comments);
    }

    /**
     * The same, calling {@code spill} after each object's block, so that a {@link #write} may pass on what
     * {@code sb} holds and the file never has to be in memory whole.
     */
    public static void renderTo(StringBuilder sb, Runnable spill, Instant now, Program p, String programExtra,
                                Collection<HostStatus> hosts, Collection<ServiceStatus> services,
                                Collection<ContactLine> contacts,
                                Collection<org.vigil.engine.comment.Comment> comments) {
        header(sb, now, p, programExtra);
        for (HostStatus h : hosts) {
            objectBlock(sb, h, now);
            spill.run();
        }
        for (ServiceStatus s : services) {
            objectBlock(sb, s, now);
            spill.run();
        }
        contactsAndComments(sb, contacts, comments);
    }

    /**
     * Appends the whole file as {@link #renderTo} does, with the host and service blocks appended by {@code objects}
     * (each through {@link #objectHead} and {@link #objectTail}, calling {@code spill} after each).
     */
    public static void renderTo(StringBuilder sb, Runnable spill, Instant now, Program p, String programExtra,
                                ObjectBlocks objects, Collection<ContactLine> contacts,
                                Collection<org.vigil.engine.comment.Comment> comments) {
        header(sb, now, p, programExtra);
        objects.renderTo(sb, spill, now.getEpochSecond());
        contactsAndComments(sb, contacts, comments);
    }

    /** Appends the host and service blocks of a file in order, calling {@code spill} after each. */
    @FunctionalInterface
    public interface ObjectBlocks {
        void renderTo(StringBuilder sb, Runnable spill, long lastUpdate);
    }

    /** The banner, the {@code info} block and the {@code programstatus} block. */
    private static void header(StringBuilder sb, Instant now, Program p, String programExtra) {
        sb.append("########################################\n#          NAGIOS STATUS FILE\n#\n"
                + "# THIS FILE IS AUTOMATICALLY GENERATED\n# BY VIGIL.  DO NOT MODIFY THIS FILE!\n"
                + "########################################\n\n");
        sb.append("info {\n");
        kv(sb, "created", now.getEpochSecond());
        kv(sb, "version", "4.4.6");
        kv(sb, "last_update_check", 0);
        kv(sb, "update_available", 0);
        kv(sb, "last_version", "");
        kv(sb, "new_version", "");
        sb.append("\t}\n\n");
        program(sb, p, programExtra);
    }

    private static void objectBlock(StringBuilder sb, CheckableStatus<?> c, Instant now) {
        objectHead(sb, c);
        sb.append(now.getEpochSecond());
        objectTail(sb, c);
    }

    /**
     * An object's block up to its {@code last_update} value, the one field that changes at every write while the
     * object does not: from its first line to {@code last_update=}.
     */
    public static void objectHead(StringBuilder sb, CheckableStatus<?> c) {
        if (c instanceof ServiceStatus s) {
            sb.append("servicestatus {\n");
            kv(sb, "host_name", s.hostName());
            kv(sb, "service_description", s.description());
        } else {
            sb.append("hoststatus {\n");
            kv(sb, "host_name", ((HostStatus) c).name());
        }
        common(sb, c);
        sb.append("\tlast_update=");
    }

    /** The rest of an object's block after its {@code last_update} value, to the block's end. */
    public static void objectTail(StringBuilder sb, CheckableStatus<?> c) {
        sb.append('\n');
        flag(sb, "is_flapping", c.isFlapping());
        // printf rounding (ties to even on the exact value), as percents often end in 5
        kv(sb, "percent_state_change", org.vigil.engine.flap.FlapTexts.fixed(c.percentStateChange(), 2));
        kv(sb, "scheduled_downtime_depth", c.scheduledDowntimeDepth());
        sb.append("\t}\n\n");
    }

    private static void contactsAndComments(StringBuilder sb, Collection<ContactLine> contacts,
                                            Collection<org.vigil.engine.comment.Comment> comments) {
        for (ContactLine c : contacts) {
            contact(sb, c);
        }
        comments(sb, comments);
    }

    private static void contact(StringBuilder sb, ContactLine c) {
        sb.append("contactstatus {\n");
        kv(sb, "contact_name", c.name());
        kv(sb, "modified_attributes", 0);
        kv(sb, "modified_host_attributes", 0);
        kv(sb, "modified_service_attributes", 0);
        kv(sb, "host_notification_period", nullToEmpty(c.hostNotificationPeriod()));
        kv(sb, "service_notification_period", nullToEmpty(c.serviceNotificationPeriod()));
        kv(sb, "last_host_notification", c.lastHostNotification());
        kv(sb, "last_service_notification", c.lastServiceNotification());
        flag(sb, "host_notifications_enabled", c.hostNotificationsEnabled());
        flag(sb, "service_notifications_enabled", c.serviceNotificationsEnabled());
        sb.append("\t}\n\n");
    }

    /**
     * Comments as nagios4 4.4.6 writes them after the contacts: one block each, in id order, host and service
     * comments mixed. A line break in the text (possible from the API only) is written {@code \n}.
     */
    static void comments(StringBuilder sb, Collection<org.vigil.engine.comment.Comment> comments) {
        for (org.vigil.engine.comment.Comment c : comments) {
            sb.append(c.isHostComment() ? "hostcomment {\n" : "servicecomment {\n");
            kv(sb, "host_name", c.object().name());
            if (!c.isHostComment()) {
                kv(sb, "service_description", c.object().service());
            }
            kv(sb, "entry_type", c.type().code());
            kv(sb, "comment_id", c.id());
            flag(sb, "source", c.external());
            flag(sb, "persistent", c.persistent());
            time(sb, "entry_time", c.entryTime());
            flag(sb, "expires", c.expires());
            time(sb, "expire_time", c.expireTime());
            kv(sb, "author", oneLine(c.author()));
            kv(sb, "comment_data", oneLine(c.text()));
            sb.append("\t}\n\n");
        }
    }

    private static String oneLine(String s) {
        return s.replace("\n", "\\n");
    }

    private static void program(StringBuilder sb, Program p, String extra) {
        sb.append("programstatus {\n");
        kv(sb, "modified_host_attributes", 0);
        kv(sb, "modified_service_attributes", 0);
        kv(sb, "nagios_pid", p.pid());
        kv(sb, "daemon_mode", 0);
        kv(sb, "program_start", p.programStart().getEpochSecond());
        kv(sb, "last_log_rotation", p.lastLogRotation() == null ? 0 : p.lastLogRotation().getEpochSecond());
        flag(sb, "enable_notifications", p.notifications());
        flag(sb, "active_service_checks_enabled", p.activeServiceChecks());
        flag(sb, "passive_service_checks_enabled", p.passiveServiceChecks());
        flag(sb, "active_host_checks_enabled", p.activeHostChecks());
        flag(sb, "passive_host_checks_enabled", p.passiveHostChecks());
        flag(sb, "enable_event_handlers", p.eventHandlers());
        flag(sb, "obsess_over_services", p.feeds().obsessOverServices());
        flag(sb, "obsess_over_hosts", p.feeds().obsessOverHosts());
        flag(sb, "check_service_freshness", p.serviceFreshness());
        flag(sb, "check_host_freshness", p.hostFreshness());
        flag(sb, "enable_flap_detection", p.flapDetection());
        flag(sb, "process_performance_data", p.feeds().performanceData());
        kv(sb, "global_host_event_handler", nullToEmpty(p.globalHostEventHandler()));
        kv(sb, "global_service_event_handler", nullToEmpty(p.globalServiceEventHandler()));
        kv(sb, "next_comment_id", 1);
        kv(sb, "next_downtime_id", 1);
        kv(sb, "next_event_id", p.nextEventId());
        kv(sb, "next_problem_id", p.nextProblemId());
        kv(sb, "next_notification_id", p.nextNotificationId());
        sb.append(extra);
        sb.append("\t}\n\n");
    }

    /** The fields every host and service block has, up to {@code acknowledgement_end_time}. */
    private static void common(StringBuilder sb, CheckableStatus<?> c) {
        kv(sb, "modified_attributes", 0);
        kv(sb, "check_command", nullToEmpty(c.checkCommand()));
        kv(sb, "check_period", nullToEmpty(c.checkPeriod()));
        kv(sb, "notification_period", nullToEmpty(c.notificationPeriod()));
        kv(sb, "importance", c.importance());
        kv(sb, "check_interval", decimal(c.checkInterval()));
        kv(sb, "retry_interval", decimal(c.retryInterval()));
        kv(sb, "event_handler", nullToEmpty(c.eventHandler()));
        flag(sb, "has_been_checked", c.hasBeenChecked());
        flag(sb, "should_be_scheduled", c.shouldBeScheduled());
        kv(sb, "check_execution_time", fixed(c.executionTime(), 3));
        kv(sb, "check_latency", fixed(c.latency(), 3));
        kv(sb, "check_type", c.checkType().ordinal());
        kv(sb, "current_state", c.currentState().code());
        kv(sb, "last_hard_state", c.lastHardState().code());
        kv(sb, "last_event_id", c.lastEventId());
        kv(sb, "current_event_id", c.currentEventId());
        kv(sb, "current_problem_id", c.currentProblemId());
        kv(sb, "last_problem_id", c.lastProblemId());
        kv(sb, "current_attempt", c.currentAttempt());
        kv(sb, "max_attempts", c.maxAttempts());
        kv(sb, "state_type", c.stateType().ordinal());
        time(sb, "last_state_change", c.lastStateChange());
        time(sb, "last_hard_state_change", c.lastHardStateChange());
        lastTimes(sb, c);
        kv(sb, "plugin_output", nullToEmpty(c.pluginOutput()));
        kv(sb, "long_plugin_output", escape(nullToEmpty(c.longPluginOutput())));
        kv(sb, "performance_data", nullToEmpty(c.perfData()));
        time(sb, "last_check", c.lastCheck());
        time(sb, "next_check", c.nextCheck());
        kv(sb, "check_options", 0);
        kv(sb, "current_notification_number", c.currentNotificationNumber());
        kv(sb, "current_notification_id", c.currentNotificationId());
        time(sb, "last_notification", c.lastNotification());
        time(sb, "next_notification", c.nextNotification());
        flag(sb, "no_more_notifications", c.noMoreNotifications());
        flag(sb, "notifications_enabled", c.notificationsEnabled());
        flag(sb, "active_checks_enabled", c.activeChecksEnabled());
        flag(sb, "passive_checks_enabled", c.passiveChecksEnabled());
        flag(sb, "event_handler_enabled", c.eventHandlerEnabled());
        flag(sb, "flap_detection_enabled", c.flapDetectionEnabled());
        flag(sb, "process_performance_data", c.processPerformanceData());
        flag(sb, "obsess", c.obsess());
        flag(sb, "problem_has_been_acknowledged", c.problemHasBeenAcknowledged());
        kv(sb, "acknowledgement_type", c.acknowledgementType().ordinal());
        // Naemon's field (xsddefault.c), after the type, 0 without an end; Nagios 4.4.6 has no expiring acks
        time(sb, "acknowledgement_end_time", c.acknowledgementEndTime());
    }

    /**
     * When the object was last seen in each state ({@code last_time_ok}... for a service, {@code last_time_up}... for
     * a host), in Nagios's order: what the CGIs and Nagstamon show as "last time OK".
     */
    private static void lastTimes(StringBuilder sb, CheckableStatus<?> c) {
        if (c instanceof HostStatus h) {
            time(sb, "last_time_up", h.lastTimeIn(HostState.UP));
            time(sb, "last_time_down", h.lastTimeIn(HostState.DOWN));
            time(sb, "last_time_unreachable", h.lastTimeIn(HostState.UNREACHABLE));
        } else if (c instanceof ServiceStatus s) {
            time(sb, "last_time_ok", s.lastTimeIn(ServiceState.OK));
            time(sb, "last_time_warning", s.lastTimeIn(ServiceState.WARNING));
            time(sb, "last_time_unknown", s.lastTimeIn(ServiceState.UNKNOWN));
            time(sb, "last_time_critical", s.lastTimeIn(ServiceState.CRITICAL));
        }
    }

    /**
     * Renders a whole file into {@code sb}, calling {@code spill} between blocks: {@link #write} then passes on what
     * the buffer holds once it is large, so a file of 100,000 objects (over 100 MB) is never in memory whole.
     */
    @FunctionalInterface
    public interface Renderer {
        void renderTo(StringBuilder sb, Runnable spill);
    }

    private final AtomicFileWriter writer = new AtomicFileWriter();

    /**
     * Renders the file with {@code renderer}, passing it on to a temporary file as it fills, then renames that over
     * the target; a render that fails leaves the last file as it was ({@link AtomicFileWriter}).
     */
    public void write(Renderer renderer) throws IOException {
        writer.write(file, renderer);
    }

    /** Writes {@code text} to a temporary file beside the target and renames it over the target. */
    public void write(String text) throws IOException {
        writer.write(file, text);
    }

    /**
     * The {@code programstatus} lines of the check statistics, in Nagios's order after {@code next_notification_id}:
     * {@code active_scheduled_host_check_stats=N1,N5,N15} and the rest, which {@code nagios4stats} reports.
     */
    public static String statisticsLines(CheckStatistics stats) {
        StringBuilder sb = new StringBuilder(512);
        for (StatKind k : StatKind.values()) {
            int[] n = stats.lastMinutes(k);
            sb.append('\t').append(k.statusKey()).append('=').append(n[0]).append(',').append(n[1]).append(',')
                    .append(n[2]).append('\n');
        }
        return sb.toString();
    }
}
