package org.vigil.config.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Livestatus broker_module line: which modules count, its socket, and the options Vigil reads. */
class LivestatusModuleLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/usr/lib/check_mk/livestatus.o /var/lib/nagios4/rw/live|true",
        "/usr/local/lib/mk-livestatus/livestatus.so /tmp/live debug=1|true",
        "livestatus.o|true",
        "/usr/lib/ndoutils/ndomod.o config_file=/etc/ndomod.cfg|false",
        "/usr/lib/check_mk/livestatus.o.bak /live|false",
    })
    void aModuleNamedLivestatusDotOOrDotSoCounts(String value, boolean counts) {
        assertThat(LivestatusModuleLine.isLivestatus(value)).isEqualTo(counts);
    }

    @Test
    void theSocketIsTheFirstArgumentWithoutAnEqualsSignAndTheOptionsAreRead() {
        LivestatusModuleLine line = LivestatusModuleLine.parse("/usr/lib/check_mk/livestatus.o num_client_threads=20"
                + "  /var/lib/nagios4/rw/live query_timeout=5000 idle_timeout=0");
        assertThat(line.module()).isEqualTo("/usr/lib/check_mk/livestatus.o");
        assertThat(line.socket()).contains(Path.of("/var/lib/nagios4/rw/live"));
        assertThat(line.threads()).hasValue(20);
        assertThat(line.queryTimeout()).contains(Duration.ofSeconds(5));
        assertThat(line.idleTimeout()).contains(Duration.ZERO);
        assertThat(line.problems()).isEmpty();
    }

    @Test
    void optionsNotUnderstoodAreLeftToTheDefaults() {
        LivestatusModuleLine line = LivestatusModuleLine.parse("livestatus.o /live num_client_threads=0"
                + " query_timeout=soon");
        assertThat(line.threads()).isEmpty();
        assertThat(line.queryTimeout()).isEqualTo(Optional.empty());
        assertThat(line.problems()).containsExactly(
                "Livestatus option 'num_client_threads=0' is not understood (expected a number of threads, 1 or"
                        + " more); the default is used",
                "Livestatus option 'query_timeout=soon' is not understood (expected milliseconds); the default is"
                        + " used");
    }
}
