package org.vigil.web.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vigil.notify.delivery.email.EmailChannel;
import org.vigil.notify.delivery.email.EmailSettings;
import org.vigil.notify.delivery.webhook.WebhookChannel;
import org.vigil.notify.delivery.webhook.WebhookSettings;
import org.vigil.notify.setup.NotifySettings;

/**
 * {@code notifications:} in {@code vigil.yml}: the built-in channels, with the same settings (snake_case) as the
 * properties file {@code VIGIL_NOTIFY_CONFIG} ({@code email.*}, {@code webhook.NAME.*}, {@code outbox.*}). Given,
 * it replaces that file. Paths ({@code templates}) are relative to the YAML file's directory.
 */
public final class NotificationsConfig {

    /** {@code notifications.email:} the SMTP server of the {@code email} channel. */
    public static final class Email {
        @NotEmpty
        @JsonProperty
        public String host;

        @Min(1)
        @Max(65535)
        @JsonProperty
        public int port = 25;

        @Pattern(regexp = "none|starttls|tls", message = "must be none, starttls or tls")
        @JsonProperty
        public String security = "none";

        @JsonProperty
        public String username;

        @JsonProperty
        public String password;

        @NotEmpty
        @JsonProperty
        public String from;

        @JsonProperty("status_page")
        public String statusPage;

        @JsonProperty
        public String templates;

        @Min(1)
        @JsonProperty
        public int timeout = 30;

        @Valid
        @JsonProperty
        public Actions actions = new Actions();
    }

    /**
     * {@code notifications.email.actions:} the signed one-click "Acknowledge" and "Schedule downtime" links of
     * PROBLEM mails (issue 23); off by default.
     */
    public static final class Actions {
        @JsonProperty
        public boolean enabled;

        @JsonProperty
        public String secret;

        @JsonProperty("valid_hours")
        public int validHours = 24;

        @JsonProperty("downtime_hours")
        public int downtimeHours = 2;

        /** The checked settings. @throws IllegalArgumentException naming the key that is wrong */
        public org.vigil.notify.delivery.email.EmailActions settings() {
            return org.vigil.notify.delivery.email.EmailActions.of(enabled, secret, validHours, downtimeHours);
        }
    }

    /** {@code notifications.webhooks.NAME:} one webhook channel. */
    public static final class Webhook {
        @NotEmpty
        @JsonProperty
        public String url;

        @Pattern(regexp = "pagerduty|opsgenie", message = "must be pagerduty or opsgenie")
        @JsonProperty
        public String style = "pagerduty";

        @JsonProperty("routing_key")
        public String routingKey;

        @JsonProperty
        public Map<String, String> headers = new TreeMap<>();

        @JsonProperty
        public String templates;

        @JsonProperty
        public String template;

        @JsonProperty("status_page")
        public String statusPage;

        @Min(1)
        @JsonProperty
        public int timeout = 10;
    }

    /** {@code notifications.outbox:} retries (its database is {@code database:}). */
    public static final class Outbox {
        @Min(1)
        @JsonProperty("retry_initial")
        public int retryInitial = 10;

        @Min(1)
        @JsonProperty("retry_max")
        public int retryMax = 600;

        @Min(1)
        @JsonProperty("give_up_after")
        public int giveUpAfter = 86400;
    }

    @Valid
    @JsonProperty
    public Email email;

    @Valid
    @JsonProperty
    public Map<String, @Valid Webhook> webhooks = new TreeMap<>();

    @Valid
    @JsonProperty
    public Outbox outbox = new Outbox();

    /** What converting gave: the settings, or the problems (each naming its key). */
    public record Read(Optional<NotifySettings> settings, List<String> errors) {
    }

    /**
     * The typed settings; {@code base} is the directory relative {@code templates} are read from, {@code zone} the
     * engine's (dates in messages), {@code outboxUrl} the outbox database if not the embedded default.
     */
    public Read settings(Path base, ZoneId zone, Optional<String> outboxUrl) {
        List<String> errors = new ArrayList<>();
        Optional<EmailSettings> mail = Optional.empty();
        if (email != null) {
            try {
                EmailSettings e = new EmailSettings(email.host, email.port,
                        EmailSettings.Security.valueOf(email.security.toUpperCase(java.util.Locale.ROOT)),
                        email.username, email.password, email.from, email.statusPage,
                        dir(base, "notifications.email.templates", email.templates, errors),
                        Duration.ofSeconds(email.timeout), zone,
                        email.actions == null ? null : email.actions.settings());
                new EmailChannel(e); // checks the from address and the templates now
                mail = Optional.of(e);
            } catch (IllegalArgumentException | NullPointerException ex) {
                errors.add("notifications.email: " + ex.getMessage());
            }
        }
        List<WebhookSettings> hooks = new ArrayList<>();
        webhooks.forEach((name, w) -> {
            String key = "notifications.webhooks." + name;
            if (name.equals(EmailChannel.NAME) || name.isBlank() || name.contains(" ")) {
                errors.add(key + ": a webhook's name must be one word and not 'email' (the email channel's name)");
                return;
            }
            try {
                WebhookSettings s = new WebhookSettings(name, new URI(w.url),
                        WebhookSettings.Style.valueOf(w.style.toUpperCase(java.util.Locale.ROOT)), w.headers,
                        w.routingKey, dir(base, key + ".templates", w.templates, errors), w.template, w.statusPage,
                        Duration.ofSeconds(w.timeout), zone);
                new WebhookChannel(s);
                hooks.add(s);
            } catch (URISyntaxException | IllegalArgumentException | NullPointerException ex) {
                errors.add(key + ".url: " + ex.getMessage());
            }
        });
        if (outbox.retryMax < outbox.retryInitial) {
            errors.add("notifications.outbox.retry_max: must not be below retry_initial (" + outbox.retryInitial + ")");
        }
        if (!errors.isEmpty()) {
            return new Read(Optional.empty(), List.copyOf(errors));
        }
        return new Read(Optional.of(new NotifySettings(mail, hooks, outboxUrl, Duration.ofSeconds(outbox.retryInitial),
                Duration.ofSeconds(outbox.retryMax), Duration.ofSeconds(outbox.giveUpAfter))), List.of());
    }

    private static Path dir(Path base, String key, String value, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Path p = base.resolve(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            errors.add(key + ": " + p + " is not a directory");
            return null;
        }
        return p;
    }
}
