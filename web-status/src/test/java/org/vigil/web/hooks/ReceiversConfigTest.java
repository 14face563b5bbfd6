package org.vigil.web.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.app.WebServer;

/** {@code receivers:} in vigil.yml: off by default, read in snake_case, each wrong setting named by its key. */
class ReceiversConfigTest {

    @TempDir
    Path dir;

    @Test
    void offByDefaultAndReadWithEnvironmentSubstitution() throws Exception {
        assertThat(new VigilConfiguration().receivers.pagerduty.enabled).isFalse();
        assertThat(new VigilConfiguration().receivers.opsgenie.enabled).isFalse();
        VigilConfiguration c = read("""
                receivers:
                  replay_window_seconds: 600
                  max_body_bytes: 65536
                  pagerduty:
                    enabled: true
                    signing_secrets: ["${VIGIL_TEST_UNSET_SECRET:-0123456789abcdef0123}", "fedcba9876543210fedc"]
                  opsgenie:
                    enabled: false
                """);
        assertThat(c.receivers.pagerduty.signingSecrets).containsExactly("0123456789abcdef0123",
                "fedcba9876543210fedc");
        assertThat(c.receivers.window().toSeconds()).isEqualTo(600);
        assertThat(c.receivers.maxBodyBytes).isEqualTo(65536);
    }

    @Test
    void everyProblemNamesItsKey() throws Exception {
        assertThatThrownBy(() -> read("""
                receivers:
                  pagerduty:
                    enabled: true
                  opsgenie:
                    enabled: true
                    tokens: ["${VIGIL_TEST_UNSET_TOKEN}", "short"]
                """)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("receivers.pagerduty.signing_secrets: the receiver is enabled but lists none")
                .hasMessageContaining("receivers.opsgenie.tokens: ${VIGIL_TEST_UNSET_TOKEN} was not replaced")
                .hasMessageContaining("receivers.opsgenie.tokens: an entry of 5 characters");
        assertThatThrownBy(() -> read("receivers:\n  pagerduty:\n    secret: x\n"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("secret");
    }

    private VigilConfiguration read(String yaml) throws Exception {
        Path file = dir.resolve("vigil.yml");
        Files.writeString(file, yaml);
        return WebServer.configuration(file);
    }
}
