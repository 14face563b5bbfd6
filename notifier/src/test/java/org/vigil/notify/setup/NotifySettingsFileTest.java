package org.vigil.notify.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.notify.delivery.email.EmailSettings;
import org.vigil.notify.delivery.webhook.WebhookSettings;

/** The settings file of the built-in channels: a good one read into the records, a bad one with every problem. */
class NotifySettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void readsEmailWebhooksAndOutbox() throws Exception {
        Path f = dir.resolve("notify.properties");
        Files.writeString(f, """
                email.host = smtp.example.com
                email.port = 587
                email.security = starttls
                email.username = vigil
                email.password = secret
                email.from = Vigil <vigil@example.com>
                webhook.pager.url = https://events.example.com/v2/enqueue
                webhook.pager.routing_key = KEY
                webhook.genie.url = https://api.example.com/v2/alerts
                webhook.genie.style = opsgenie
                webhook.genie.header.Authorization = GenieKey abc
                outbox.retry_initial = 5
                """);
        NotifySettingsFile.Read read = NotifySettingsFile.read(f, ZoneOffset.UTC);
        assertThat(read.errors()).isEmpty();
        NotifySettings s = read.settings().orElseThrow();
        EmailSettings e = s.email().orElseThrow();
        assertThat(e.host()).isEqualTo("smtp.example.com");
        assertThat(e.port()).isEqualTo(587);
        assertThat(e.security()).isEqualTo(EmailSettings.Security.STARTTLS);
        assertThat(e.username()).isEqualTo("vigil");
        assertThat(s.webhooks()).extracting(WebhookSettings::name).containsExactly("genie", "pager");
        assertThat(s.webhooks().get(0).style()).isEqualTo(WebhookSettings.Style.OPSGENIE);
        assertThat(s.webhooks().get(0).headers()).containsEntry("Authorization", "GenieKey abc");
        assertThat(s.webhooks().get(1).url()).isEqualTo(URI.create("https://events.example.com/v2/enqueue"));
        assertThat(s.retryInitial()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.channelNames()).containsExactly("email", "genie", "pager");
    }

    @Test
    void reportsEveryProblemWithItsKey() throws Exception {
        Path f = dir.resolve("bad.properties");
        Files.writeString(f, """
                email.hots = smtp.example.com
                email.port = twenty-five
                email.security = ssl
                webhook.pager.style = pagerdudy
                outbox.retry_initial = 0
                """);
        NotifySettingsFile.Read read = NotifySettingsFile.read(f, ZoneOffset.UTC);
        assertThat(read.settings()).isEmpty();
        assertThat(read.errors()).containsExactlyInAnyOrder(
                f + ": email.hots: unknown setting (expected email.host|email.port|email.security|email.username|"
                        + "email.password|email.from|email.status_page|email.templates|email.timeout|"
                        + "email.actions.enabled|email.actions.secret|email.actions.valid_hours|"
                        + "email.actions.downtime_hours, webhook.NAME.url|"
                        + "webhook.NAME.style|webhook.NAME.routing_key|webhook.NAME.templates|webhook.NAME.template|"
                        + "webhook.NAME.status_page|webhook.NAME.timeout, webhook.NAME.header.HEADER, outbox.url|"
                        + "outbox.retry_initial|outbox.retry_max|outbox.give_up_after)",
                f + ": email.host: missing (required)",
                f + ": email.from: missing (required)",
                f + ": email.port: 'twenty-five' is not a number",
                f + ": email.security: 'ssl' is not a security mode (expected none, starttls or tls)",
                f + ": webhook.pager.url: missing (required)",
                f + ": webhook.pager.style: 'pagerdudy' is not a style (expected pagerduty or opsgenie)",
                f + ": outbox.retry_initial: must be at least 1 (seconds), got 0");
    }

    @Test
    void aMissingFileIsOneClearError() {
        NotifySettingsFile.Read read = NotifySettingsFile.read(dir.resolve("nope.properties"), ZoneOffset.UTC);
        assertThat(read.settings()).isEmpty();
        assertThat(read.errors()).hasSize(1);
        assertThat(read.errors().get(0)).startsWith(dir.resolve("nope.properties") + ": cannot read the notification settings");
    }

    @Test
    void emailActionLinksAsInTheYaml() throws Exception {
        Path f = dir.resolve("actions.properties");
        Files.writeString(f, """
                email.host = smtp.example.com
                email.from = vigil@example.com
                email.status_page = https://vigil.example.com/
                email.actions.enabled = true
                email.actions.secret = 0123456789abcdefghijklmnopqrstuvwxyz
                email.actions.downtime_hours = 4
                """);
        EmailSettings e = NotifySettingsFile.read(f, ZoneOffset.UTC).settings().orElseThrow().email().orElseThrow();
        assertThat(e.actions().enabled()).isTrue();
        assertThat(e.actions().downtime()).isEqualTo(Duration.ofHours(4));
        assertThat(e.actions().validFor()).isEqualTo(Duration.ofHours(24));
        Files.writeString(f, Files.readString(f).replace("0123456789abcdefghijklmnopqrstuvwxyz", "short"));
        assertThat(NotifySettingsFile.read(f, ZoneOffset.UTC).errors()).containsExactly(f + ": email: actions.secret:"
                + " too short (5 bytes; at least 32, e.g. from 'openssl rand -base64 32')");
    }
}
