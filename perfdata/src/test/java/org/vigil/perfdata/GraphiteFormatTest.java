package org.vigil.perfdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Carbon lines named as Icinga 2's GraphiteWriter names them. */
class GraphiteFormatTest {

    private static final ResultSample SERVICE = new ResultSample("web 1.example", "Disk /var", "check_disk", 1, 1,
            3, 3, 0, 2, 0.25, 1.5, 1_700_000_000L, "'/var'=42%;80;90;0;100 time=0.5s;1:2;~:3 undet=U");

    @Test
    void aServiceResultWithThresholdsAndMetadata() {
        StringBuilder out = new StringBuilder();
        new GraphiteFormat("icinga2", true, true).append(SERVICE, out);
        String p = "icinga2.web_1_example.services.Disk__var.check_disk.";
        assertThat(out.toString()).isEqualTo(String.join("",
                p + "perfdata._var.value 42 1700000000\n",
                p + "perfdata._var.warn 80 1700000000\n",
                p + "perfdata._var.crit 90 1700000000\n",
                p + "perfdata._var.min 0 1700000000\n",
                p + "perfdata._var.max 100 1700000000\n",
                p + "perfdata.time.value 0.5 1700000000\n", // ranges are not one value: no warn, no crit
                p + "metadata.state 1 1700000000\n",
                p + "metadata.current_attempt 3 1700000000\n",
                p + "metadata.max_check_attempts 3 1700000000\n",
                p + "metadata.state_type 1 1700000000\n",
                p + "metadata.downtime_depth 0 1700000000\n",
                p + "metadata.acknowledgement 2 1700000000\n",
                p + "metadata.latency 0.25 1700000000\n",
                p + "metadata.execution_time 1.5 1700000000\n"));
    }

    @Test
    void aHostResultWithoutExtras() {
        StringBuilder out = new StringBuilder();
        new GraphiteFormat("vigil.prod", false, false).append(new ResultSample("gw", null, "check-host-alive", 0,
                1, 1, 10, 0, 0, 0, 0.01, 1_700_000_001L, "rta=0.061ms;3000.000;5000.000;0; pl=0%;80;100;;"), out);
        assertThat(out.toString()).isEqualTo("vigil.prod.gw.host.check-host-alive.perfdata.rta.value 0.061 1700000001\n"
                + "vigil.prod.gw.host.check-host-alive.perfdata.pl.value 0 1700000001\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "disk.used|disk.used",
        "'C:\\ used %'|C:__used_%",
        "\\\\Processor(_Total)::% Processor Time|__Processor(_Total).%_Processor_Time",
        "a/b|a_b"})
    void labelsKeepTheirDotsAndLoseWhatBreaksAPath(String label, String escaped) {
        assertThat(GraphiteFormat.escapeLabel(label.replace("'", ""))).isEqualTo(escaped);
    }

    @Test
    void hostServiceAndCommandLoseTheirDots() {
        assertThat(GraphiteFormat.escape("db.example.com")).isEqualTo("db_example_com");
        assertThat(GraphiteFormat.escape("HTTP on /api\\x")).isEqualTo("HTTP_on__api_x");
    }
}
