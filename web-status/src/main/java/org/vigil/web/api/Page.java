package org.vigil.web.api;

import java.util.List;

/** One page of a list: the {@code total} that matched the filters, and {@code items} from {@code offset}. */
public record Page<T>(int total, int offset, int limit, List<T> items) {

    /** The page of {@code all} at {@code offset}, at most {@code limit} long. */
    static <T> Page<T> of(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.size(), offset, limit, List.copyOf(all.subList(from, to)));
    }
}
