package org.vigil.model;

import java.util.function.Supplier;

/**
 * A value worked out at most once, by the first thread that asks for it; the others asking meanwhile wait for that
 * one. Kept in a {@code ConcurrentHashMap} in place of the value itself, so that the work is done outside the map's
 * lock: {@code computeIfAbsent} locks the whole bin while it computes, and at 100,000 services readers asking for
 * other keys of the same bin (a filtered list waiting on a search index being built) waited for it.
 */
public final class Once<T> {

    private Supplier<T> make;
    private volatile T value;

    public Once(Supplier<T> make) {
        this.make = make;
    }

    /** The value, worked out now if no thread did yet. */
    public T get() {
        T v = value;
        if (v != null) {
            return v;
        }
        synchronized (this) {
            if (value == null) {
                value = java.util.Objects.requireNonNull(make.get(), "a derived value");
                make = null;
            }
            return value;
        }
    }
}
