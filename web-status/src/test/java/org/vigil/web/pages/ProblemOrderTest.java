package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.vigil.model.CheckView;

/** The orders of {@code /problems}, on problems whose durations and last checks differ; handled ones always last. */
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

    static ProblemRow row(String host, String service, String state, long duration, long lastCheck, boolean acked) {
        return new ProblemRow(host, service, status(state, duration, lastCheck, acked));
    }

    static CheckView status(String state, long duration, long lastCheck, boolean acked) {
        return new CheckView(state, 2, "HARD", 1, 1, Instant.ofEpochSecond(1_000_000 + lastCheck), null, null, null,
                duration, "", "", "", acked, acked ? "NORMAL" : "NONE", 0, false, true, true, true, false, 0, 0, true,
                acked);
    }
}
