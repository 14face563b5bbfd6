package org.vigil.checks.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fork cap widens while any sweep runs and narrows when the last one ends, with forks under way kept. */
class ForkCapTest {

    @Test
    void widensForOverlappingBurstsAndNarrowsAfterTheLast() {
        int steady = ForkCap.steady();
        assertThat(ForkCap.burst()).isEqualTo(2 * steady);
        assertThat(ForkCap.available()).isEqualTo(steady);
        ForkCap.burstBegins();
        ForkCap.burstBegins(); // two sweeps overlap
        assertThat(ForkCap.available()).isEqualTo(2 * steady);
        ForkCap.acquire(); // a fork under way while the first sweep ends
        ForkCap.burstEnds();
        assertThat(ForkCap.available()).isEqualTo(2 * steady - 1);
        ForkCap.burstEnds();
        assertThat(ForkCap.available()).isEqualTo(steady - 1);
        ForkCap.release();
        assertThat(ForkCap.available()).isEqualTo(steady);
        ForkCap.burstEnds(); // an extra end changes nothing
        assertThat(ForkCap.available()).isEqualTo(steady);
    }
}
