package org.vigil.livestatus.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.livestatus.query.Fixtures.vars;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Queries.waitConditionHolds}: the WaitCondition headers tested against the WaitObject's row. */
class WaitConditionTest {

    static final TableSet TABLES = Fixtures.tables(Fixtures.items(List.of(
            new Fixtures.Item("h1", 0, 0.5, 100, List.of(), vars(), List.of()),
            new Fixtures.Item("h2", 2, 1.5, 200, List.of(), vars(), List.of()))));

    private static boolean holds(String headers) throws LivestatusError {
        return Queries.waitConditionHolds(Request.parse("GET items\n" + headers), TABLES, Fixtures.context());
    }

    @Test
    void theConditionIsTestedOnTheWaitObjectOnly() throws Exception {
        assertThat(holds("WaitObject: h1\nWaitCondition: state = 0")).isTrue();
        assertThat(holds("WaitObject: h2\nWaitCondition: state = 0")).isFalse();
        assertThat(holds("WaitObject: h2\nWaitCondition: state = 0\nWaitConditionNegate:")).isTrue();
        assertThat(holds("WaitObject: h2\nWaitCondition: state = 0\nWaitCondition: latency > 1\n"
                + "WaitConditionOr: 2")).isTrue();
        assertThat(holds("WaitObject: h2\nWaitCondition: state = 2\nWaitCondition: latency > 2\n"
                + "WaitConditionAnd: 2")).isFalse();
    }

    @Test
    void noConditionHoldsAtOnce() throws Exception {
        assertThat(holds("WaitObject: h2\nWaitTrigger: state\nWaitTimeout: 1000")).isTrue();
    }

    @Test
    void withoutAWaitObjectAnyRowMayMeetTheCondition() throws Exception {
        assertThat(holds("WaitCondition: state = 2")).isTrue();
        assertThat(holds("WaitCondition: state = 1")).isFalse();
    }

    @Test
    void anUnknownObjectOrColumnIsAnError() {
        assertThatThrownBy(() -> holds("WaitObject: h9\nWaitCondition: state = 0"))
                .isInstanceOfSatisfying(LivestatusError.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo(
                            "WaitObject: object 'h9' not found or not supported by table 'items'");
                });
        assertThatThrownBy(() -> holds("WaitObject: h1\nWaitCondition: nosuch = 0"))
                .isInstanceOfSatisfying(LivestatusError.class, e -> assertThat(e.code()).isEqualTo(404));
    }
}
