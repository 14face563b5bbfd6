package org.vigil.engine.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.vigil.config.LoadResult;
import org.vigil.config.model.Contact;
import org.vigil.engine.ContactNotifications;
import org.vigil.engine.Engine;
import org.vigil.engine.ProgramSwitches;
import org.vigil.engine.comment.Comment;
import org.vigil.engine.downtime.DowntimeStatus;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.status.StatusBlocks;
import org.vigil.engine.status.StatusFile;

/**
 * status.dat, rewritten every {@code status_update_interval}: the state copied on the engine thread, rendered and
 * written on the timer's. A failing disk is logged once per run of failures, not every interval.
 */
final class StatusWriter {

    /** When the first status.dat of a start is written, at the latest (sooner with a shorter update interval). */
    static final Duration FIRST = Duration.ofSeconds(2);

    /** What the writer reads of the daemon at each write: the engine and config running now, and its start. */
    interface Source {
        Engine engine();

        LoadResult config();

        Instant started();

        /** The lines the last reloads add to the {@code programstatus} block. */
        String reloadLines();

        /** When the log was last rotated ({@code last_log_rotation}), if it was. */
        java.util.Optional<Instant> lastLogRotation();
    }

    private final StatusFile file;
    private final Source source;
    private final Clock clock;
    private final NagiosLog log;
    /** The host and service blocks of the last write, each rendered again only once its status changed. */
    private final StatusBlocks blocks = new StatusBlocks();
    /** Why the last write failed; null while writes succeed (each run of failures is logged once). */
    private volatile String problem;

    StatusWriter(StatusFile file, Source source, Clock clock, NagiosLog log) {
        this.file = file;
        this.source = source;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Copies the state on the engine thread and renders status.dat from the copy on this one, then writes it. A
     * failure is logged when writes start failing, and a line says when they succeed again.
     */
    void write() {
        try {
            Engine e = source.engine();
            LoadResult c = source.config();
            file.write(e.call(() -> snapshot(e, c))::renderTo);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            String failure = WriteFailure.describe(file.path(), e);
            if (problem == null) {
                log.log("Warning: cannot write the status file: " + failure);
            }
            problem = failure;
            return;
        }
        if (problem != null) {
            problem = null;
            log.log("Status file: written again");
        }
    }

    /** The last write, after the engine stopped. */
    void writeLast() {
        try {
            file.write(snapshot(source.engine(), source.config())::renderTo);
        } catch (IOException e) {
            log.log("Warning: cannot write the status file: " + e.getMessage());
        }
    }

    String problem() {
        return problem;
    }

    /**
     * status.dat for {@code e} running {@code c} as it stands: the hosts and services that changed since the last
     * write copied ({@link StatusBlocks}), the downtimes (few) rendered; taken on the engine thread, or after the
     * engine stopped, and rendered on any thread. At 100,000 services a copy of all holds the engine thread for tens
     * of milliseconds where rendering held it for 150-400.
     */
    private Snapshot snapshot(Engine e, LoadResult c) {
        StatusBlocks.Pending objects = blocks.take(e.hosts(), e.services());
        StringBuilder downtimes = new StringBuilder();
        DowntimeStatus.renderTo(downtimes, e.downtimes().all());
        String programLines = StatusFile.statisticsLines(e.checkStatistics()) + source.reloadLines();
        return new Snapshot(clock.instant(), program(), programLines, objects,
                contacts(c, e.contactNotifications()), e.comments().all(), downtimes.toString());
    }

    /** The contacts' blocks, from their definitions and when each was last notified (engine thread). */
    private static List<StatusFile.ContactLine> contacts(LoadResult c, ContactNotifications notified) {
        List<StatusFile.ContactLine> lines = new ArrayList<>(c.model().contacts().size());
        for (Contact k : c.model().contacts().values()) {
            lines.add(new StatusFile.ContactLine(k.name(), k.host().period(), k.service().period(),
                    notified.lastHostNotification(k.name()), notified.lastServiceNotification(k.name()),
                    k.host().enabled(), k.service().enabled()));
        }
        return lines;
    }

    private StatusFile.Program program() {
        Engine engine = source.engine();
        ProgramSwitches p = engine.switches();
        return new StatusFile.Program(ProcessHandle.current().pid(), source.started(), p.notificationsEnabled(),
                p.executeServiceChecks(), p.acceptPassiveServiceChecks(),
                p.executeHostChecks(), p.acceptPassiveHostChecks(),
                p.eventHandlersEnabled(), p.flapDetectionEnabled(),
                engine.eventIds().nextEventId(), engine.eventIds().nextProblemId(),
                engine.freshnessSettings().checkServices(), engine.freshnessSettings().checkHosts(),
                engine.eventHandlerSettings().globalHostHandler(),
                engine.eventHandlerSettings().globalServiceHandler(), source.lastLogRotation().orElse(null),
                new StatusFile.Feeds(p.performanceData(), p.obsessOverServices(), p.obsessOverHosts()),
                engine.eventIds().nextNotificationId());
    }

    /** What status.dat shows at one instant, no longer tied to the engine. */
    private record Snapshot(Instant now, StatusFile.Program program, String programLines,
                            StatusBlocks.Pending objects, List<StatusFile.ContactLine> contacts,
                            Collection<Comment> comments, String downtimes) {
        void renderTo(StringBuilder sb, Runnable spill) {
            StatusFile.renderTo(sb, spill, now, program, programLines, objects, contacts, comments);
            sb.append(downtimes);
        }
    }
}
