package org.vigil.web.pages;

import java.util.List;
import java.util.Locale;
import org.vigil.model.StatusSnapshot;

/**
 * What the filters of {@code /problems} read of every problem, made once per snapshot and order: the rows in that
 * order, the text each {@code text} filter looks in (host, service or alias, display name, output), lower case and
 * joined, and the rows folded as a user who sees everything sees them. A filtered query is then one pass of
 * {@link String#contains} and flag tests over the rows, with no copy or lower-casing per row; at 100,000 services
 * with 10,000 problems it costs well under a millisecond.
 */
final class ProblemIndex {

    private record Key(String sort, boolean descending) {
    }

    private final List<ProblemRow> rows;
    private final String[] text;
    private final ProblemList.Folding everything;

    private ProblemIndex(List<ProblemRow> rows) {
        this.rows = rows;
        this.text = new String[rows.size()];
        for (int i = 0; i < text.length; i++) {
            ProblemRow r = rows.get(i);
            text[i] = r.service() == null
                    ? FilterText.join(r.host(), r.hostView().displayName(), r.hostView().alias(), r.status().output())
                    : FilterText.join(r.host(), r.service(), r.serviceView().displayName(), r.status().output());
        }
        this.everything = ProblemList.Folding.of(rows);
    }

    /** The index of {@code s}'s problems in the order {@code sort} and {@code descending} name. */
    static ProblemIndex of(StatusSnapshot s, String sort, boolean descending) {
        List<ProblemRow> rows = ProblemOrder.sorted(s, sort, descending); // not inside derived: no nested update
        return s.derived(new Key(sort, descending), x -> new ProblemIndex(rows));
    }

    /** Every problem, in this index's order. */
    List<ProblemRow> rows() {
        return rows;
    }

    /** The rows folded as a user who sees all of them sees them. */
    ProblemList.Folding everything() {
        return everything;
    }

    /** The {@code text} filter as {@link #has} takes it: lower case; null for none. */
    static String needle(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** Whether row {@code i}'s fields hold {@code needle} ({@link #needle}; null: no filter, true). */
    boolean has(int i, String needle) {
        return FilterText.holds(text[i], needle);
    }
}
