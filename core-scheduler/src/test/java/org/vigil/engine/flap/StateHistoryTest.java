package org.vigil.engine.flap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The percent state change against values worked out by hand from Nagios's formula: the change between
 * entries x-1 and x (x = 1..20, oldest first) weighs 0.75 + (x-1) * 0.5 / 19, and the sum is times 100 / 20.
 */
class StateHistoryTest {

    /** History (oldest first, as digits), percent, and the log's %2.1f and status.dat's %.2f forms. */
    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of("000000000000000000000", 0.0, "0.0", "0.00"),
                Arguments.of("222222222222222222222", 0.0, "0.0", "0.00"),
                // newest pair only: 1.25 * 5
                Arguments.of("000000000000000000002", 6.25, "6.2", "6.25"),
                // oldest pair only: 0.75 * 5
                Arguments.of("200000000000000000000", 3.75, "3.8", "3.75"),
                // the two newest: (1.25 + 1.2236842) * 5
                Arguments.of("000000000000000000020", 12.368421, "12.4", "12.37"),
                // four newest changes: (1.25 + 1.2236842 + 1.1973684 + 1.1710526) * 5
                Arguments.of("000000000000000002020", 24.210526, "24.2", "24.21"),
                Arguments.of("000000000000000202020", 35.526316, "35.5", "35.53"),
                // every pair changes: 20 * 1.0 (mean weight) * 5
                Arguments.of("020202020202020202020", 100.0, "100.0", "100.00"),
                // a change between two problem states counts as much as one to OK
                Arguments.of("000000000000000000012", 12.368421, "12.4", "12.37"),
                // middle pair x = 10: 0.75 + 9 * 0.5 / 19 = 0.9868421 -> 4.934211
                Arguments.of("000000000011111111111", 4.934211, "4.9", "4.93"));
    }

    @ParameterizedTest(name = "{0} -> {1}%")
    @MethodSource("histories")
    void percentStateChangeIsNagiosWeightedSum(String history, double percent, String log, String status) {
        StateHistory h = StateHistory.of(history.chars().map(c -> c - '0').toArray());
        assertThat(h.percentStateChange()).isCloseTo(percent, within(1e-6));
        assertThat(FlapTexts.pct(h.percentStateChange())).isEqualTo(log);
        assertThat(FlapTexts.fixed(h.percentStateChange(), 2)).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void recordingPushesOutTheOldestAndRetentionKeepsTheOrder(String history) {
        StateHistory h = new StateHistory();
        history.chars().map(c -> c - '0').forEach(h::record);
        assertThat(Arrays.stream(h.oldestFirst()).mapToObj(Integer::toString).reduce("", String::concat))
                .isEqualTo(history);
        StateHistory back = StateHistory.decode(h.encode()).orElseThrow();
        assertThat(back.oldestFirst()).containsExactly(h.oldestFirst());
        assertThat(back.percentStateChange()).isEqualTo(h.percentStateChange());
    }

    @org.junit.jupiter.api.Test
    void damagedRetainedHistoriesAreRefused() {
        assertThat(StateHistory.decode(null)).isEmpty();
        assertThat(StateHistory.decode("0,1,2")).isEmpty();
        assertThat(StateHistory.decode("0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,x")).isEmpty();
        assertThat(StateHistory.decode("0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,7")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void printfRoundingTiesToEven() {
        assertThat(FlapTexts.fixed(0.25, 1)).isEqualTo("0.2");
        assertThat(FlapTexts.fixed(0.35, 1)).isEqualTo("0.3"); // 0.35 is 0.34999... in binary
        assertThat(FlapTexts.fixed(30.0, 1)).isEqualTo("30.0");
    }

    @org.junit.jupiter.api.Test
    void the_written_form_and_spaced_or_signed_forms_decode_alike() {
        String written = "0,1,2,3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,1";
        StateHistory h = StateHistory.decode(written).orElseThrow();
        assertThat(h.encode()).isEqualTo(written);
        assertThat(StateHistory.decode(" 0, 1,2,3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,+1").orElseThrow().encode())
                .isEqualTo(written);
        assertThat(StateHistory.decode("0,1,2,3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2;1")).isEmpty();
        assertThat(StateHistory.decode("0,1,2,3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,4")).isEmpty();
    }
}
