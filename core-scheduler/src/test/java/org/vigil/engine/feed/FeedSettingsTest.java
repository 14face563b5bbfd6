package org.vigil.engine.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.config.main.MainConfig;

/** The perfdata and obsess directives read as Nagios 4.4.6's {@code config.c} and {@code xpddefault.c} read them. */
class FeedSettingsTest {

    private static MainConfig main(String... lines) {
        Map<String, List<String>> d = new HashMap<>();
        for (String l : lines) {
            int eq = l.indexOf('=');
            d.put(l.substring(0, eq), List.of(l.substring(eq + 1)));
        }
        return new MainConfig(Path.of("nagios.cfg"), d, List.of(), Map.of());
    }

    @Test
    void defaults_are_nagios_defaults() {
        FeedSettings s = FeedSettings.from(main());
        assertThat(s.perfdataTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.ocspTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.ochpTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.service().template()).isEqualTo("[SERVICEPERFDATA]\t$TIMET$\t$HOSTNAME$\t$SERVICEDESC$"
                + "\t$SERVICEEXECUTIONTIME$\t$SERVICELATENCY$\t$SERVICEOUTPUT$\t$SERVICEPERFDATA$");
        assertThat(s.host().template()).isEqualTo(
                "[HOSTPERFDATA]\t$TIMET$\t$HOSTNAME$\t$HOSTEXECUTIONTIME$\t$HOSTOUTPUT$\t$HOSTPERFDATA$");
        assertThat(s.service().mode()).isEqualTo('a');
        assertThat(s.service().processEmptyResults()).isTrue();
        assertThat(s.service().processingInterval()).isZero();
        assertThat(s.service().file()).isNull();
        assertThat(s.ocspCommand()).isNull();
    }

    @Test
    void modes_are_tested_for_p_then_w_as_config_c_does() {
        assertThat(FeedSettings.from(main("service_perfdata_file_mode=p")).service().mode()).isEqualTo('p');
        assertThat(FeedSettings.from(main("service_perfdata_file_mode=wp")).service().mode()).isEqualTo('p');
        assertThat(FeedSettings.from(main("service_perfdata_file_mode=w")).service().mode()).isEqualTo('w');
        assertThat(FeedSettings.from(main("host_perfdata_file_mode=x")).host().mode()).isEqualTo('a');
    }

    @Test
    void template_escapes_become_the_characters_they_name() {
        PerfdataTarget t = FeedSettings.from(main("service_perfdata_file_template=A\\tB\\nC\\rD\\xE")).service();
        assertThat(t.template()).isEqualTo("A\tB\nC\rD\\xE");
    }

    @Test
    void intervals_and_timeouts_are_read_in_seconds() {
        FeedSettings s = FeedSettings.from(main("service_perfdata_file_processing_interval=15", "perfdata_timeout=2",
                "ocsp_timeout=7", "ochp_timeout=8", "ocsp_command=send-nsca", "host_perfdata_command=graph!x"));
        assertThat(s.service().processingInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.perfdataTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.ocspTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.ochpTimeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(s.ocspCommand()).isEqualTo("send-nsca");
        assertThat(s.host().command()).isEqualTo("graph!x");
    }
}
