package org.vigil.web.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.api.ListQuery;

/**
 * A row of {@code /problems} as listed: a problem and, for a DOWN or UNREACHABLE host, the problems of its services
 * folded under it ({@code affected}, in list order; empty otherwise).
 */
public record Problem(ProblemRow row, List<ProblemRow> affected) {

    /** Whether the row is handled (a host's handling covers its folded services). */
    public boolean handled() {
        return row.handled();
    }

    /** "3 services affected: 2 CRITICAL, 1 WARNING": how many are folded here, worst states first. */
    public String summary() {
        Map<String, Integer> byState = new LinkedHashMap<>();
        affected.stream().map(ProblemRow::status).sorted((a, b) -> ListQuery.severity(b) - ListQuery.severity(a))
                .forEach(c -> byState.merge(c.state(), 1, Integer::sum));
        StringBuilder b = new StringBuilder().append(affected.size())
                .append(affected.size() == 1 ? " service affected" : " services affected");
        String sep = ": ";
        for (Map.Entry<String, Integer> e : byState.entrySet()) {
            b.append(sep).append(e.getValue()).append(' ').append(e.getKey());
            sep = ", ";
        }
        return b.toString();
    }

    /** This row with its durations as of the snapshot {@code s}. */
    Problem at(StatusSnapshot s) {
        return new Problem(row.at(s), affected.isEmpty() ? affected : affected.stream().map(r -> r.at(s)).toList());
    }
}
