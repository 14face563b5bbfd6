package org.vigil.worker.dispatch;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The checks waiting for their result: by object (two checks of one object in flight are matched first in, first
 * out) and by deadline (for the orphan sweep). Thread-safe: the submitter, result readers and sweeper share it.
 */
final class Waiting {

    private final Map<String, ArrayDeque<Pending>> byObject = new HashMap<>();
    private final TreeSet<Pending> byDeadline = new TreeSet<>(Pending.BY_DEADLINE);
    private int size;

    synchronized void add(Pending pending) {
        byObject.computeIfAbsent(pending.key(), k -> new ArrayDeque<>()).addLast(pending);
        byDeadline.add(pending);
        size++;
    }

    /** The object's oldest waiting check, taken out; empty when none waits (a late or duplicate result). */
    synchronized Optional<Pending> takeOldest(String key) {
        ArrayDeque<Pending> checks = byObject.get(key);
        if (checks == null) {
            return Optional.empty();
        }
        Pending oldest = checks.pollFirst();
        if (checks.isEmpty()) {
            byObject.remove(key);
        }
        byDeadline.remove(oldest);
        size--;
        return Optional.of(oldest);
    }

    /**
     * The checks whose deadline has come, out of the deadline order but still matched to results until the caller
     * either {@link #forget}s or {@link #rearm}s each.
     */
    synchronized List<Pending> due(Instant now) {
        List<Pending> due = new ArrayList<>();
        while (!byDeadline.isEmpty() && !byDeadline.first().deadline().isAfter(now)) {
            due.add(byDeadline.pollFirst());
        }
        return due;
    }

    /** Takes a check out for good (it ended as an orphan). */
    synchronized void forget(Pending pending) {
        byDeadline.remove(pending);
        ArrayDeque<Pending> checks = byObject.get(pending.key());
        if (checks != null && checks.remove(pending)) {
            size--;
            if (checks.isEmpty()) {
                byObject.remove(pending.key());
            }
        }
    }

    /** Gives a due check a new deadline, keeping its place among its object's checks; false if it was taken. */
    synchronized boolean rearm(Pending pending, Instant deadline) {
        ArrayDeque<Pending> checks = byObject.get(pending.key());
        if (checks == null || !checks.contains(pending)) {
            return false;
        }
        pending.deadline(deadline);
        byDeadline.add(pending);
        return true;
    }

    /** Every waiting check, taken out. */
    synchronized List<Pending> takeAll() {
        List<Pending> all = new ArrayList<>();
        byObject.values().forEach(all::addAll);
        byObject.clear();
        byDeadline.clear();
        size = 0;
        return all;
    }

    synchronized int size() {
        return size;
    }
}
