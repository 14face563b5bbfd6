package org.vigil.perfdata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded queue whose {@link #offer} never waits: when it is full the oldest element makes room and is counted as
 * dropped. So a receiver that is away or slow costs at most {@code capacity} elements of memory and never holds up
 * the engine thread, and what reaches the receiver when it is back is the most recent data.
 */
final class DropOldestQueue<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final int capacity;
    private long dropped;

    DropOldestQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds {@code item} at the tail, dropping the head when full. */
    void offer(T item) {
        lock.lock();
        try {
            if (items.size() == capacity) {
                items.pollFirst();
                dropped++;
            }
            items.addLast(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Up to {@code max} elements from the head, waiting up to {@code wait} for the first; empty when none came.
     */
    List<T> take(int max, long wait, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            long nanos = unit.toNanos(wait);
            while (items.isEmpty() && nanos > 0) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            List<T> out = new ArrayList<>(Math.min(max, items.size()));
            while (out.size() < max && !items.isEmpty()) {
                out.add(items.pollFirst());
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts back at the head what was taken and could not be delivered, in its order. Elements offered meanwhile
     * are newer: if all do not fit, the oldest of the returned ones are dropped (and counted).
     */
    void putBack(List<T> taken) {
        lock.lock();
        try {
            int room = capacity - items.size();
            int skip = Math.max(0, taken.size() - room);
            dropped += skip;
            for (int i = taken.size() - 1; i >= skip; i--) {
                items.addFirst(taken.get(i));
            }
            if (!items.isEmpty()) {
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Elements waiting now. */
    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** Elements dropped since the queue was made. */
    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        return capacity;
    }
}
