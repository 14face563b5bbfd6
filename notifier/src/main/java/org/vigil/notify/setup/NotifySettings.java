package org.vigil.notify.setup;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.vigil.notify.delivery.email.EmailSettings;
import org.vigil.notify.delivery.webhook.WebhookSettings;

/**
 * The settings of the built-in channels and their outbox, as typed records (read today from a properties file,
 * {@link NotifySettingsFile}; meant to be bound from the application's YAML later).
 *
 * @param email         the SMTP server of the {@code email} channel, if there is one
 * @param webhooks      the webhook channels, each with its own name
 * @param outboxUrl     the outbox database; empty: embedded H2 beside {@code state_retention_file}
 * @param retryInitial  the first wait after a failed delivery (doubling up to {@code retryMax})
 * @param giveUpAfter   a delivery still failing this long after it was queued is marked failed
 */
public record NotifySettings(Optional<EmailSettings> email, List<WebhookSettings> webhooks, Optional<String> outboxUrl,
                             Duration retryInitial, Duration retryMax, Duration giveUpAfter) {

    public NotifySettings {
        webhooks = List.copyOf(webhooks);
    }

    /** No built-in channel: notification commands only. */
    public static final NotifySettings NONE = new NotifySettings(Optional.empty(), List.of(), Optional.empty(),
            Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofHours(24));

    /** The names contacts can select with {@code vigil-notify}: {@code email} and each webhook's name. */
    public List<String> channelNames() {
        List<String> names = new java.util.ArrayList<>();
        email.ifPresent(e -> names.add(org.vigil.notify.delivery.email.EmailChannel.NAME));
        webhooks.forEach(w -> names.add(w.name()));
        return names;
    }
}
