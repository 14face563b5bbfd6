package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.vigil.model.CheckView;

/**
 * The orders of {@code /problems}, on problems whose durations and last checks differ (handled ones always last), and
 * the folding of a DOWN host's services under its row.
 */
class ProblemOrderTest {

    /** host;service, state, seconds in the state, last check (seconds after an epoch), acknowledged. */
    static final List<ProblemRow> ROWS = List.of(
            row("a", "warn-old", "WARNING", 9_000, 50, false),
            row("a", "crit-new", "CRITICAL", 10, 10, false),
            row("b", null, "UNREACHABLE", 50, 40, false),
            row("c", "crit-old", "CRITICAL", 5_000, 30, false),
            row("d", null, "DOWN", 3_000, 20, false),
            row("e", "crit-acked", "CRITICAL", 99_999, 60, true));

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "severity|false|a;crit-new d c;crit-old b a;warn-old e;crit-acked",
        "severity|true|a;warn-old b c;crit-old d a;crit-new e;crit-acked",
        "recent|false|a;crit-new b d c;crit-old a;warn-old e;crit-acked",
        "duration|false|a;warn-old c;crit-old d b a;crit-new e;crit-acked",
        "duration|true|a;crit-new b d c;crit-old a;warn-old e;crit-acked",
        "host|false|a;crit-new a;warn-old b c;crit-old d e;crit-acked",
        "host|true|d c;crit-old b a;warn-old a;crit-new e;crit-acked",
        "service|false|b d a;crit-new c;crit-old a;warn-old e;crit-acked",
        "last_check|false|a;warn-old b c;crit-old d a;crit-new e;crit-acked",
    })
    void sortsWithinUnhandledThenHandled(String sort, boolean descending, String expected) {
        List<ProblemRow> rows = new ArrayList<>(ROWS);
        rows.sort(ProblemOrder.order(sort, descending, CheckView::durationSeconds));
        assertThat(rows.stream().map(r -> r.service() == null ? r.host() : r.host() + ";" + r.service()).toList())
                .containsExactly(expected.split(" "));
    }

    @Test
    void theDefaultIsSeverityAndEverySortIsListed() {
        assertThat(ProblemOrder.SORTS).containsExactly("severity", "recent", "duration", "host", "service",
                "last_check");
    }

    @Test
    void aServiceOnADownHostIsHandledByItsHostsAcknowledgement() {
        CheckView host = status("DOWN", 10, 10, true);
        ProblemRow service = new ProblemRow("h", "s", status("CRITICAL", 10, 10, false), null, null, host);
        assertThat(service.handled()).isTrue();
        assertThat(service.handling()).isEqualTo("acknowledged");
        ProblemRow alone = new ProblemRow("h", "s", status("CRITICAL", 10, 10, false));
        assertThat(alone.handled()).isFalse();
        assertThat(alone.handling()).isEqualTo("unhandled");
        assertThat(new Problem(alone, List.of(alone, service)).summary())
                .isEqualTo("2 services affected: 2 CRITICAL");
    }

    @Test
    void servicesOfADownHostFoldUnderItsRowOnlyWhenTheRowIsListed() {
        CheckView down = status("DOWN", 10, 10, false);
        ProblemRow host = row("h", null, "DOWN", 10, 10, false);
        ProblemRow s1 = new ProblemRow("h", "s1", status("CRITICAL", 5, 5, false), null, null, down);
        ProblemRow s2 = new ProblemRow("h", "s2", status("WARNING", 5, 5, false), null, null, down);
        ProblemRow other = row("o", "x", "CRITICAL", 5, 5, false);
        List<ProblemRow> all = List.of(host, s1, other, s2);

        ProblemList.Selection folded = ProblemList.fold(all, all, all.size());
        assertThat(folded.rows()).extracting(p -> p.row().host() + ";" + p.row().service())
                .containsExactly("h;null", "o;x");
        assertThat(folded.rows().get(0).affected()).containsExactly(s1, s2);
        assertThat(folded.rows().get(0).summary()).isEqualTo("2 services affected: 1 CRITICAL, 1 WARNING");
        assertThat(folded.visible()).isEqualTo(2);

        // a filter that leaves the host out: its services stand alone
        ProblemList.Selection alone = ProblemList.fold(all, List.of(s1, other), all.size());
        assertThat(alone.rows()).extracting(p -> p.row().service()).containsExactly("s1", "x");
        assertThat(alone.rows()).allSatisfy(p -> assertThat(p.affected()).isEmpty());
        assertThat(alone.visible()).isEqualTo(2);

        // a user who does not see the host sees its services on their own rows
        List<ProblemRow> seen = List.of(s1, other, s2);
        ProblemList.Selection unseenHost = ProblemList.fold(seen, seen, seen.size());
        assertThat(unseenHost.rows()).extracting(p -> p.row().service()).containsExactly("s1", "x", "s2");
        assertThat(unseenHost.visible()).isEqualTo(3);
    }

    static ProblemRow row(String host, String service, String state, long duration, long lastCheck, boolean acked) {
        return new ProblemRow(host, service, status(state, duration, lastCheck, acked));
    }

    static CheckView status(String state, long duration, long lastCheck, boolean acked) {
        return new CheckView(state, 2, "HARD", 1, 1, Instant.ofEpochSecond(1_000_000 + lastCheck), null, null, null,
                duration, "", "", "", acked, acked ? "NORMAL" : "NONE", 0, false, true, true, true, false, 0, 0, true,
                acked);
    }
}
