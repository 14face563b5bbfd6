package org.vigil.web.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.web.model.GraphRange;

/**
 * Graphs already drawn, per host check or service and span, so twenty clients on one incident's page draw it once
 * (and, while one of them draws a check's graphs, the others wait for it: {@link #drawOnce}).
 * A short span's graphs (4 h, 25 h: one result moves their line) are kept until the next value of the check arrives
 * or one of their columns passes (a 300th of the span: 48 s, 5 min); a long span's (7 d, 30 d, 1 y: columns of 34 min
 * or more over rows of 30 min or 6 h) are kept for {@link #LONG_KEEP_SECONDS} whatever arrives. At most
 * {@link #MAX_ENTRIES} spans are kept (about 10 KB of SVG per metric each), the least recently used go first (a tenth
 * at a time).
 */
final class GraphCache {

    /** Spans kept at most: 200 checks' pages of five spans. */
    static final int MAX_ENTRIES = 1000;

    /** How long a long span's graphs are kept, seconds. */
    static final long LONG_KEEP_SECONDS = 1800;

    /** One metric's graph over one span, with what its page says of the metric. */
    record Part(String metric, String unit, String warn, String crit, MetricGraphs.Drawn drawn) {
    }

    private record Key(String host, String service, GraphRange range) {
    }

    private record Entry(long stamp, List<Part> parts, AtomicLong used) {
    }

    private record Check(String host, String service) {
    }

    /** The checks whose graphs a request is drawing now, with what the others wait on. */
    private final ConcurrentHashMap<Check, CompletableFuture<Void>> drawing = new ConcurrentHashMap<>();

    /**
     * No lock on a read (under load a thread holding one is often descheduled, and twenty pages queued behind a map
     * lookup): each entry carries when it was last used, and past the bound the least recently used tenth goes.
     */
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicBoolean evicting = new AtomicBoolean();

    /**
     * What makes a drawn graph stale: the check's {@code version} (short spans only) and the period of {@code now}
     * it was drawn in; -1 when nothing may be kept (the source has no version).
     */
    static long stamp(GraphRange r, long version, long now) {
        if (version < 0) {
            return -1;
        }
        long column = Math.max(1, r.seconds() / GraphSvg.COLUMNS);
        if (column >= LONG_KEEP_SECONDS) {
            return now / LONG_KEEP_SECONDS;
        }
        return (now / column) * 1_000_003L + version;
    }

    /** The graphs of the span drawn with {@code stamp}, or null. */
    List<Part> get(String host, String service, GraphRange r, long stamp) {
        Entry e = entries.get(new Key(host, service, r));
        if (e == null || stamp < 0 || e.stamp != stamp) {
            return null;
        }
        e.used.set(clock.incrementAndGet());
        return e.parts;
    }

    /**
     * Runs {@code draw} for {@code host}'s check ({@code service} null) or its service unless another request is
     * drawing that check's graphs now: then waits for it instead (single flight: twenty clients opening one
     * incident's page at once draw its graphs once) and returns false, and the caller looks in the cache again.
     * True when {@code draw} ran here.
     */
    boolean drawOnce(String host, String service, Runnable draw) {
        Check check = new Check(host, service);
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> other = drawing.putIfAbsent(check, mine);
        if (other != null) {
            try {
                other.join();
            } catch (RuntimeException e) {
                // the other drawing failed: the caller draws for itself
            }
            return false;
        }
        try {
            draw.run();
            mine.complete(null);
            return true;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            drawing.remove(check, mine);
        }
    }

    void put(String host, String service, GraphRange r, long stamp, List<Part> parts) {
        if (stamp < 0) {
            return;
        }
        entries.put(new Key(host, service, r), new Entry(stamp, List.copyOf(parts),
                new AtomicLong(clock.incrementAndGet())));
        if (entries.size() > MAX_ENTRIES && evicting.compareAndSet(false, true)) {
            try {
                List<Map.Entry<Key, Entry>> all = new ArrayList<>(entries.entrySet());
                all.sort(Comparator.comparingLong(x -> x.getValue().used.get()));
                int drop = all.size() - MAX_ENTRIES + MAX_ENTRIES / 10;
                for (int i = 0; i < drop && i < all.size(); i++) {
                    entries.remove(all.get(i).getKey(), all.get(i).getValue());
                }
            } finally {
                evicting.set(false);
            }
        }
    }
}
