package org.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.model.ServiceKey;

/**
 * Enough services (6,000) that they are registered in parts on several cores: duplicates still keep the definition
 * Nagios keeps (an unmarked copy of a multi-host definition first, then the latest definition) and are each reported
 * once, at the dropped definition's description, as a serial registration reports them.
 */
class ParallelRegistrationTest {

    @TempDir
    Path dir;

    @Test
    void duplicatesInAnyPartKeepNagiosChoiceAndAreReportedOnce() {
        StringBuilder text = new StringBuilder(TestConfig.BASE);
        for (int h = 0; h < 300; h++) {
            String host = String.format("h%04d", h);
            text.append("define host {\n use generic-host\n host_name ").append(host).append("\n}\n");
            for (int s = 0; s < 20; s++) {
                text.append("define service {\n use generic-service\n host_name ").append(host)
                        .append("\n service_description svc").append(s).append("\n}\n");
            }
        }
        for (String host : List.of("h0000", "h0150", "h0299")) {
            text.append("define service {\n use generic-service\n host_name ").append(host)
                    .append("\n service_description svc3\n max_check_attempts 9\n}\n");
        }
        text.append("define service {\n use generic-service\n host_name h0001,h0002\n service_description svc4\n"
                + " max_check_attempts 8\n}\n");
        TestConfig tc = new TestConfig(dir);
        tc.file("objects.cfg", text.toString());
        LoadResult r = tc.main("cfg_file=objects.cfg\nillegal_macro_output_chars=`~$&|'\"<>\n");

        assertThat(tc.errors(r)).isEmpty();
        assertThat(r.model().services()).hasSize(6000);
        for (String host : List.of("h0000", "h0150", "h0299")) {
            assertThat(r.model().services().get(new ServiceKey(host, "svc3")).check().maxCheckAttempts()).isEqualTo(9);
        }
        for (String host : List.of("h0001", "h0002")) {
            assertThat(r.model().services().get(new ServiceKey(host, "svc4")).check().maxCheckAttempts()).isEqualTo(8);
        }
        List<String> duplicates = tc.messages(r).stream().filter(m -> m.contains("duplicate definition"))
                .map(m -> m.replaceAll(" is ignored.*", "")).collect(Collectors.toList());
        assertThat(duplicates).hasSize(5);
        assertThat(duplicates.stream().map(m -> m.replaceAll("^[^ ]* warning: ", "")).collect(Collectors.toList()))
                .containsExactly("duplicate definition of service 'svc3' on host 'h0000'",
                        "duplicate definition of service 'svc4' on host 'h0001'",
                        "duplicate definition of service 'svc4' on host 'h0002'",
                        "duplicate definition of service 'svc3' on host 'h0150'",
                        "duplicate definition of service 'svc3' on host 'h0299'");
    }
}
