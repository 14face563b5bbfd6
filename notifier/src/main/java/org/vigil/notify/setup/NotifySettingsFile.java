package org.vigil.notify.setup;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigil.notify.delivery.email.EmailSettings;
import org.vigil.notify.delivery.webhook.WebhookSettings;

/**
 * Reads {@link NotifySettings} from a properties file ({@code -Dvigil.notify.config=FILE} or
 * {@code VIGIL_NOTIFY_CONFIG}): {@code email.*}, {@code webhook.NAME.*} and {@code outbox.*} keys, every problem
 * reported at once as {@code file: key: what is wrong}. See {@code sample-configs/vigil-notify.properties}.
 */
public final class NotifySettingsFile {

    /** What reading gave: the settings, or the problems (never both). */
    public record Read(Optional<NotifySettings> settings, List<String> errors) {
    }

    private static final List<String> EMAIL_KEYS = List.of("host", "port", "security", "username", "password", "from",
            "status_page", "templates", "timeout", "actions.enabled", "actions.secret", "actions.valid_hours",
            "actions.downtime_hours");
    private static final List<String> WEBHOOK_KEYS = List.of("url", "style", "routing_key", "templates", "template",
            "status_page", "timeout");
    private static final List<String> OUTBOX_KEYS = List.of("url", "retry_initial", "retry_max", "give_up_after");

    private final Path file;
    private final Map<String, String> values = new TreeMap<>();
    private final List<String> errors = new ArrayList<>();
    private final ZoneId zone;

    private NotifySettingsFile(Path file, ZoneId zone) {
        this.file = file;
        this.zone = zone;
    }

    /** The largest settings file read (a few dozen keys take a few KiB). */
    static final long MAX_BYTES = 1L << 20;

    /** The file named by {@code -Dvigil.notify.config} or {@code VIGIL_NOTIFY_CONFIG}, if either is set. */
    public static Optional<Path> named() {
        String name = System.getProperty("vigil.notify.config", System.getenv("VIGIL_NOTIFY_CONFIG"));
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(Path.of(name));
    }

    /** Reads {@code file}; dates in mails are written in {@code zone} (the engine's). */
    public static Read read(Path file, ZoneId zone) {
        NotifySettingsFile f = new NotifySettingsFile(file, zone);
        Properties p = new Properties();
        try (Reader r = new java.io.InputStreamReader(org.vigil.config.main.BoundedInput.open(file, MAX_BYTES),
                StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return new Read(Optional.empty(), List.of(file + ": cannot read the notification settings: " + e.getMessage()));
        }
        p.stringPropertyNames().forEach(k -> f.values.put(k, p.getProperty(k).strip()));
        NotifySettings s = f.settings();
        return f.errors.isEmpty() ? new Read(Optional.of(s), List.of()) : new Read(Optional.empty(), List.copyOf(f.errors));
    }

    private NotifySettings settings() {
        checkKeys();
        Optional<EmailSettings> email = values.keySet().stream().anyMatch(k -> k.startsWith("email."))
                ? email() : Optional.empty();
        List<WebhookSettings> hooks = new ArrayList<>();
        for (String name : webhookNames()) {
            webhook(name).ifPresent(hooks::add);
        }
        Duration initial = seconds("outbox.retry_initial", 10);
        Duration max = seconds("outbox.retry_max", 600);
        if (max.compareTo(initial) < 0) {
            error("outbox.retry_max", "must not be below outbox.retry_initial (" + initial.toSeconds() + ")");
        }
        return new NotifySettings(email, hooks, Optional.ofNullable(values.get("outbox.url")), initial, max,
                seconds("outbox.give_up_after", 86400));
    }

    private Optional<EmailSettings> email() {
        String host = required("email.host");
        String from = required("email.from");
        int port = integer("email.port", 25);
        EmailSettings.Security security = security(values.getOrDefault("email.security", "none"));
        if (host == null || from == null || security == null || port < 1 || port > 65535) {
            return Optional.empty();
        }
        try {
            EmailSettings e = new EmailSettings(host, port, security, values.get("email.username"),
                    values.get("email.password"), from, values.get("email.status_page"), dir("email.templates"),
                    seconds("email.timeout", 30), zone, actions());
            new org.vigil.notify.delivery.email.EmailChannel(e); // checks the from address and templates now
            return Optional.of(e);
        } catch (IllegalArgumentException ex) {
            error("email", ex.getMessage());
            return Optional.empty();
        }
    }

    /** {@code email.actions.*}: the one-click links of problem mails, as {@code notifications.email.actions}. */
    private org.vigil.notify.delivery.email.EmailActions actions() {
        String enabled = values.getOrDefault("email.actions.enabled", "false");
        if (!enabled.equals("true") && !enabled.equals("false")) {
            error("email.actions.enabled", "'" + enabled + "' is not true or false");
        }
        return org.vigil.notify.delivery.email.EmailActions.of(enabled.equals("true"),
                values.get("email.actions.secret"), integer("email.actions.valid_hours", 24),
                integer("email.actions.downtime_hours", 2));
    }

    private Optional<WebhookSettings> webhook(String name) {
        String prefix = "webhook." + name + ".";
        if (name.equals(org.vigil.notify.delivery.email.EmailChannel.NAME)) {
            error(prefix + "url", "a webhook cannot be named 'email' (the email channel's name)");
        }
        String url = required(prefix + "url");
        String styleName = values.getOrDefault(prefix + "style", "pagerduty");
        WebhookSettings.Style style = switch (styleName.toLowerCase()) {
            case "pagerduty" -> WebhookSettings.Style.PAGERDUTY;
            case "opsgenie" -> WebhookSettings.Style.OPSGENIE;
            default -> {
                error(prefix + "style", "'" + styleName + "' is not a style (expected pagerduty or opsgenie)");
                yield null;
            }
        };
        if (url == null || style == null) {
            return Optional.empty();
        }
        Map<String, String> headers = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix + "header.") && k.length() > (prefix + "header.").length()) {
                headers.put(k.substring((prefix + "header.").length()), v);
            }
        });
        try {
            WebhookSettings w = new WebhookSettings(name, new URI(url), style, headers, values.get(prefix + "routing_key"),
                    dir(prefix + "templates"), values.get(prefix + "template"), values.get(prefix + "status_page"),
                    seconds(prefix + "timeout", 10), zone);
            new org.vigil.notify.delivery.webhook.WebhookChannel(w);
            return Optional.of(w);
        } catch (URISyntaxException | IllegalArgumentException ex) {
            error(prefix + "url", ex.getMessage());
            return Optional.empty();
        }
    }

    private TreeSet<String> webhookNames() {
        TreeSet<String> names = new TreeSet<>();
        for (String k : values.keySet()) {
            String[] parts = k.split("\\.", 3);
            if (parts[0].equals("webhook") && parts.length == 3) {
                names.add(parts[1]);
            }
        }
        return names;
    }

    private void checkKeys() {
        for (String k : values.keySet()) {
            String[] parts = k.split("\\.", 3);
            boolean known = switch (parts[0]) {
                case "email" -> parts.length > 1 && EMAIL_KEYS.contains(k.substring("email.".length()));
                case "outbox" -> parts.length == 2 && OUTBOX_KEYS.contains(parts[1]);
                case "webhook" -> parts.length == 3 && (WEBHOOK_KEYS.contains(parts[2]) || parts[2].startsWith("header."));
                default -> false;
            };
            if (!known) {
                error(k, "unknown setting (expected email." + String.join("|email.", EMAIL_KEYS) + ", webhook.NAME."
                        + String.join("|webhook.NAME.", WEBHOOK_KEYS) + ", webhook.NAME.header.HEADER, outbox."
                        + String.join("|outbox.", OUTBOX_KEYS) + ")");
            }
        }
    }

    private String required(String key) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            error(key, "missing (required)");
            return null;
        }
        return v;
    }

    private int integer(String key, int otherwise) {
        String v = values.get(key);
        if (v == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            error(key, "'" + v + "' is not a number");
            return otherwise;
        }
    }

    private Duration seconds(String key, long otherwise) {
        int n = integer(key, (int) otherwise);
        if (n < 1) {
            error(key, "must be at least 1 (seconds), got " + n);
            return Duration.ofSeconds(otherwise);
        }
        return Duration.ofSeconds(n);
    }

    private EmailSettings.Security security(String v) {
        return switch (v.toLowerCase()) {
            case "none" -> EmailSettings.Security.NONE;
            case "starttls" -> EmailSettings.Security.STARTTLS;
            case "tls" -> EmailSettings.Security.TLS;
            default -> {
                error("email.security", "'" + v + "' is not a security mode (expected none, starttls or tls)");
                yield null;
            }
        };
    }

    private Path dir(String key) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return null;
        }
        Path p = file.toAbsolutePath().getParent().resolve(v);
        if (!Files.isDirectory(p)) {
            error(key, p + " is not a directory");
            return null;
        }
        return p;
    }

    private void error(String key, String what) {
        errors.add(file + ": " + key + ": " + what);
    }
}
