package org.vigil.web.pages;

import java.util.List;

/**
 * One page of a list page's rows.
 *
 * @param items the rows of this page
 * @param matched how many rows passed the filters
 * @param visible how many the user may see in all (the "of M" in "N of M services")
 * @param page this page, from 1
 * @param pages how many pages there are (at least 1)
 * @param first the 1-based position of the first row shown (0 when none)
 * @param last the position of the last row shown
 */
public record Paged<T>(List<T> items, int matched, int visible, int page, int pages, int first, int last) {

    static <T> Paged<T> of(List<T> matched, int visible, int page, int perPage,
                           java.util.function.UnaryOperator<T> shown) {
        int pages = Math.max(1, (matched.size() + perPage - 1) / perPage);
        int from = (int) Math.min(matched.size(), (long) (page - 1) * perPage);
        int to = Math.min(matched.size(), from + perPage);
        return new Paged<>(matched.subList(from, to).stream().map(shown).toList(), matched.size(), visible, page, pages,
                from == to ? 0 : from + 1, to);
    }
}
