package org.vigil.web.api;

import java.util.List;

/** One page of a list: the {@code total} that matched the filters, and {@code items} from {@code offset}. */
public record Page<T>(int total, int offset, int limit, List<T> items) {

    /**
     * The page of {@code all} at {@code offset}, at most {@code limit} long, each item passed through {@code shown}
     * (which gives a view its duration as of the snapshot).
     */
    static <T> Page<T> of(List<T> all, int offset, int limit, java.util.function.UnaryOperator<T> shown) {
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.size(), offset, limit, all.subList(from, to).stream().map(shown).toList());
    }

    /**
     * The page at {@code offset} of the items of {@code all} (already in the order asked for) that pass
     * {@code filter} (null: all do), in one pass that keeps only the page: the total is counted, the rest is not
     * collected.
     */
    static <T> Page<T> window(List<T> all, java.util.function.Predicate<T> filter, int offset, int limit,
                              java.util.function.UnaryOperator<T> shown) {
        if (filter == null) {
            int from = Math.min(offset, all.size());
            return new Page<>(all.size(), offset, limit,
                    all.subList(from, Math.min(all.size(), from + limit)).stream().map(shown).toList());
        }
        List<T> items = new java.util.ArrayList<>(Math.min(limit, all.size()));
        int total = 0;
        for (T t : all) {
            if (filter.test(t)) {
                if (total >= offset && items.size() < limit) {
                    items.add(shown.apply(t));
                }
                total++;
            }
        }
        return new Page<>(total, offset, limit, List.copyOf(items));
    }
}
