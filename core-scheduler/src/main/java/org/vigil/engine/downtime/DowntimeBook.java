package org.vigil.engine.downtime;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.comment.EntrySink;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Checkables;

/**
 * The scheduled downtimes of all objects, as Nagios 4.4.6's {@code common/downtime.c} keeps them: scheduling
 * (with the downtime comment), start and end on time (fixed), start on a problem (flexible), triggered
 * downtimes started and stopped with their trigger, cancellation with the downtimes it triggered, expiry of
 * flexible downtimes that never started, and {@code scheduled_downtime_depth}. Engine thread only;
 * {@link #tick} is run every second.
 *
 * <p>Nagios walks the downtimes a downtime triggers recursively, rescanning its whole list for each; a command
 * writer can chain triggered downtimes up to {@code max_downtimes} deep, so this book keeps them indexed by trigger
 * and walks them on an explicit stack ({@link Walk}), in the same order.
 */
public final class DowntimeBook {

    /** The order of Nagios's downtime list (status.dat): by start, untriggered before triggered, then by id. */
    private static final Comparator<Downtime> LIST_ORDER = Comparator.comparing(Downtime::start)
            .thenComparing(d -> d.triggeredBy() != 0).thenComparingLong(Downtime::id);

    private final Checkables objects;
    private final EntrySink sink;
    private final NagiosLog log;
    private final DowntimeListener listener;
    private final DowntimeComments comments;
    private final DowntimeText text;
    private final Map<Long, Downtime> downtimes = new TreeMap<>();
    /** How many downtimes each object has, for the command limits. */
    private final Map<CheckTarget, Integer> perTarget = new HashMap<>();
    /** The ids of the downtimes each downtime triggers (by its id), in id order; none without an entry. */
    private final Map<Long, NavigableSet<Long>> triggered = new HashMap<>();
    /**
     * The scheduled downtimes that have a due time, in the order {@link #runDue} takes them (due, then id), so that
     * many downtimes coming due in one second cost a lookup each, not a scan of every downtime each. A due time
     * changes only through {@link #setDue}, which keeps this in step.
     */
    private final NavigableSet<Downtime> byDue = new TreeSet<>(
            Comparator.comparing(Downtime::due).thenComparingLong(Downtime::id));

    /** A book over {@code objects} that keeps its downtimes as {@code entries}; engine thread only. */
    public DowntimeBook(Checkables objects, EntrySink entries, NagiosLog log, DowntimeListener listener,
                        DowntimeComments comments, DowntimeText text) {
        this.objects = objects;
        this.sink = entries;
        this.log = log;
        this.listener = listener;
        this.comments = comments;
        this.text = text;
    }

    /** The outcome of scheduling: the new downtime's id, or why there is none. */
    public record Scheduled(long id, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Nagios's {@code schedule_downtime} + {@code register_downtime}: checks the times and the trigger, adds the
     * downtime and its comment, and has a fixed, untriggered one start at its start time. A flexible one waits for
     * a problem ({@link #problemSeen}); a triggered one for its trigger.
     */
    public Scheduled schedule(DowntimeRequest r, Instant now) {
        String problem = problem(r, now);
        if (problem != null) {
            return new Scheduled(0, problem);
        }
        Downtime d = new Downtime(sink.nextEntryId(), r);
        d.setCommentId(comments.add(d.target(), d.author(), text.comment(d), now));
        if (d.triggeredBy() == 0 && d.fixed()) {
            setDue(d, d.start());
        }
        put(d);
        sink.saveEntry(d.toEntry());
        return new Scheduled(d.id(), null);
    }

    /** Why {@link #schedule} would refuse {@code r} at {@code now} (its times or trigger), or null. */
    public String problem(DowntimeRequest r, Instant now) {
        return DowntimeRules.problem(r, now, downtimes::containsKey);
    }

    /** How many downtimes {@code target} has (pending or in effect). */
    public int count(CheckTarget target) {
        return perTarget.getOrDefault(target, 0);
    }

    /** How many downtimes all objects have together. */
    public int count() {
        return downtimes.size();
    }

    private void put(Downtime d) {
        Downtime old = downtimes.put(d.id(), d);
        if (old != null) {
            perTarget.merge(old.target(), -1, DowntimeBook::sum);
            unlinkTrigger(old);
            if (old.due() != null) {
                byDue.remove(old);
            }
        }
        if (d.due() != null) {
            byDue.add(d);
        }
        perTarget.merge(d.target(), 1, DowntimeBook::sum);
        if (d.triggeredBy() != 0) {
            triggered.computeIfAbsent(d.triggeredBy(), k -> new TreeSet<>()).add(d.id());
        }
    }

    private void unlinkTrigger(Downtime d) {
        NavigableSet<Long> siblings = triggered.get(d.triggeredBy());
        if (siblings != null && siblings.remove(d.id()) && siblings.isEmpty()) {
            triggered.remove(d.triggeredBy());
        }
    }

    private static Integer sum(Integer a, Integer b) {
        return a + b == 0 ? null : a + b;
    }

    /**
     * Nagios's {@code unschedule_downtime}: removes downtime {@code id} of the given kind (host or service) and,
     * after it, every downtime it triggered. One in effect lowers the depth; at 0 the CANCELLED line is logged.
     * Empty when done, else why not.
     */
    public Optional<String> cancel(long id, boolean host, Instant now) {
        Downtime d = downtimes.get(id);
        if (d == null || d.isHost() != host) {
            return Optional.of("no " + (host ? "host" : "service") + " downtime with id " + id);
        }
        new Walk(this::cancelOne).from(d);
        return Optional.empty();
    }

    /** One downtime's part of {@code unschedule_downtime}; those it triggers are cancelled after it. */
    private Rest cancelOne(Downtime d) {
        if (d.inEffect()) {
            CheckableStatus<?> st = objects.status(d.target());
            st.setScheduledDowntimeDepth(Math.max(0, st.scheduledDowntimeDepth() - 1));
            if (st.scheduledDowntimeDepth() == 0) {
                log.log(alert(d, "CANCELLED; Scheduled downtime for " + kind(d) + " has been cancelled."));
                listener.downtimeCancelled(d.target(), st, d);
            }
        }
        delete(d);
        return new Rest(() -> firstTriggeredBy(d), () -> { });
    }

    /** Starts and ends what is due by {@code now}, then drops flexible downtimes whose window passed unused. */
    public void tick(Instant now) {
        runDue(now);
        List<Downtime> expired = downtimes.values().stream()
                .filter(d -> !d.inEffect() && d.due() == null && !d.end().plusSeconds(1).isAfter(now)).toList();
        for (Downtime d : expired) {
            // Nagios's check_for_expired_downtime: no log line, but a DOWNTIMEEND notification
            if (downtimes.containsKey(d.id())) {
                listener.downtimeEnded(d.target(), objects.status(d.target()), d);
                delete(d);
            }
        }
    }

    /**
     * Nagios's {@code check_pending_flex_*_downtime}, run after a result that changed the state (soft or hard) of
     * {@code target} to a problem: its pending flexible downtimes whose window holds {@code now} start now.
     */
    public void problemSeen(CheckTarget target, Instant now) {
        if (!perTarget.containsKey(target)) {
            return; // the usual case: no downtime of this object at all
        }
        boolean any = false;
        for (Downtime d : downtimes.values()) {
            if (d.target().equals(target) && !d.fixed() && !d.inEffect() && d.triggeredBy() == 0
                    && !d.start().isAfter(now) && !now.isAfter(d.end())) {
                d.setFlexStart(now);
                setDue(d, now);
                any = true;
            }
        }
        if (any) {
            runDue(now);
        }
    }

    /**
     * Nagios's {@code is_*_in_pending_flex_downtime}: whether {@code target} has an untriggered flexible downtime
     * that has not started and whose window holds {@code now} (its service notifications wait for it).
     */
    public boolean flexiblePending(CheckTarget target, Instant now) {
        return perTarget.containsKey(target) && downtimes.values().stream().anyMatch(d -> d.target().equals(target) && !d.fixed() && !d.inEffect()
                && d.triggeredBy() == 0 && !d.start().isAfter(now) && !now.isAfter(d.end()));
    }

    private void runDue(Instant now) {
        while (!byDue.isEmpty() && !byDue.first().due().isAfter(now)) {
            Downtime next = byDue.first();
            setDue(next, null);
            new Walk(d -> handleOne(d, now)).from(next);
        }
    }

    /** Sets {@code d}'s due time ({@code null}: none), keeping {@link #byDue} in step. */
    private void setDue(Downtime d, Instant at) {
        if (d.due() != null) {
            byDue.remove(d); // before its key changes
        }
        d.setDue(at);
        if (at != null && downtimes.get(d.id()) == d) {
            byDue.add(d);
        }
    }

    /**
     * One downtime's part of Nagios's {@code handle_scheduled_downtime}: ends a downtime in effect, else starts it.
     * The downtimes it triggers are handled after it: on an end, the first left is handled until none is (one not
     * in effect is thus started, then stopped, as Nagios does), then it is deleted; on a start, each it triggered
     * when it started and still there.
     */
    private Rest handleOne(Downtime d, Instant now) {
        CheckableStatus<?> st = objects.status(d.target());
        if (d.inEffect()) {
            st.setScheduledDowntimeDepth(Math.max(0, st.scheduledDowntimeDepth() - 1));
            if (st.scheduledDowntimeDepth() == 0) {
                log.log(alert(d, "STOPPED; " + title(d) + " has exited from a period of scheduled downtime"));
                listener.downtimeEnded(d.target(), st, d);
            }
            return new Rest(() -> firstTriggeredBy(d), () -> delete(d));
        }
        if (st.scheduledDowntimeDepth() == 0) {
            log.log(alert(d, "STARTED; " + title(d) + " has entered a period of scheduled downtime"));
            if (!d.startNotificationSent()) {
                listener.downtimeStarted(d.target(), st, d);
                d.setStartNotificationSent(true);
            }
        }
        st.setScheduledDowntimeDepth(st.scheduledDowntimeDepth() + 1);
        d.setInEffect(true);
        if (!d.fixed() && d.flexStart().equals(Instant.EPOCH)) {
            // a flexible downtime started by its trigger runs for its duration from now (see compatibility.md)
            d.setFlexStart(now);
        }
        setDue(d, d.stopTime());
        sink.saveEntry(d.toEntry());
        Iterator<Long> ids = List.copyOf(triggered.getOrDefault(d.id(), Collections.emptyNavigableSet())).iterator();
        return new Rest(() -> nextLeft(ids), () -> { });
    }

    /** The downtime with the lowest id that {@code d} triggers, or null. */
    private Downtime firstTriggeredBy(Downtime d) {
        NavigableSet<Long> ids = triggered.get(d.id());
        return ids == null ? null : downtimes.get(ids.first());
    }

    /** The next downtime of {@code ids} that is still scheduled, or null. */
    private Downtime nextLeft(Iterator<Long> ids) {
        while (ids.hasNext()) {
            Downtime x = downtimes.get(ids.next());
            if (x != null) {
                return x;
            }
        }
        return null;
    }

    /**
     * What is left of one downtime's part in a walk once its own effects are done: {@code next} gives each downtime
     * to walk after it (null when there is none), {@code finish} runs once none is left.
     */
    private record Rest(Supplier<Downtime> next, Runnable finish) {
    }

    /**
     * A walk of a downtime and, depth first, those it triggers: what a recursive function calling itself for each
     * downtime its step names, with the pending steps on a heap-allocated stack, so a chain as long as the book
     * allows cannot overflow the engine thread's stack.
     */
    private record Walk(Function<Downtime, Rest> step) {
        void from(Downtime first) {
            Deque<Rest> pending = new ArrayDeque<>();
            pending.push(step.apply(first));
            while (!pending.isEmpty()) {
                Downtime next = pending.peek().next().get();
                if (next != null) {
                    pending.push(step.apply(next));
                } else {
                    pending.pop().finish().run();
                }
            }
        }
    }

    private void delete(Downtime d) {
        if (downtimes.remove(d.id()) != null) {
            perTarget.merge(d.target(), -1, DowntimeBook::sum);
            unlinkTrigger(d);
            if (d.due() != null) {
                byDue.remove(d);
            }
        }
        comments.delete(d.commentId());
        sink.removeEntry(d.id());
    }

    /**
     * Takes back the retained downtimes before the engine starts, as Nagios re-registers them at start: one that
     * was in effect (untriggered) or fixed is due at its start ({@link #resume} starts it again, logging STARTED
     * again, without a second notification), a triggered one waits for its trigger, a flexible one not yet started
     * waits for a problem.
     * Downtimes of objects no longer configured, or whose trigger is gone, are dropped with their comments.
     */
    public void restore(List<Entry> entries) {
        for (Entry e : entries) {
            if (e.kind() != Entry.Kind.DOWNTIME) {
                continue;
            }
            Optional<Downtime> d = target(e.object()).flatMap(t -> Downtime.fromEntry(e, t));
            if (d.isEmpty()) {
                sink.removeEntry(e.id());
                continue;
            }
            put(d.get());
        }
        for (Downtime d : List.copyOf(downtimes.values())) {
            if (d.triggeredBy() != 0 && !downtimes.containsKey(d.triggeredBy())) {
                delete(d);
                continue;
            }
            if (d.triggeredBy() == 0 && (d.fixed() || d.inEffect())) {
                setDue(d, d.start());
            }
            d.setInEffect(false);
        }
    }

    /**
     * Puts the restored downtimes that are due by {@code now} in force, with the downtimes they trigger: run by the
     * engine's start before any result is applied or any notification considered. Nagios runs these downtime events
     * first, their time being in the past; left to the next {@link #tick}, a passive result from the command file
     * or the re-notification pass came first and paged for objects in downtime.
     */
    public void resume(Instant now) {
        runDue(now);
    }

    private Optional<CheckTarget> target(ObjectKey key) {
        return switch (key.kind()) {
            case HOST -> objects.hostTarget(key.name());
            case SERVICE -> objects.serviceTarget(new ServiceKey(key.name(), key.service()));
            default -> Optional.empty();
        };
    }

    /** Every downtime, in the order Nagios lists them. */
    public List<Downtime> all() {
        List<Downtime> list = new ArrayList<>(downtimes.values());
        list.sort(LIST_ORDER);
        return list;
    }

    /** Downtime {@code id}, if scheduled. */
    public Optional<Downtime> get(long id) {
        return Optional.ofNullable(downtimes.get(id));
    }

    private static String alert(Downtime d, String rest) {
        CheckTarget t = d.target();
        return t.isHost() ? "HOST DOWNTIME ALERT: " + t.hostName() + ";" + rest
                : "SERVICE DOWNTIME ALERT: " + t.hostName() + ";" + t.service().description() + ";" + rest;
    }

    private static String kind(Downtime d) {
        return d.isHost() ? "host" : "service";
    }

    private static String title(Downtime d) {
        return d.isHost() ? "Host" : "Service";
    }
}
