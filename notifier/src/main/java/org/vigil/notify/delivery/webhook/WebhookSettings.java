package org.vigil.notify.delivery.webhook;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One webhook channel (the application config's {@code webhooks:} entries).
 *
 * @param name        the channel name contacts select it by ("pager", "opsgenie"...)
 * @param headers     extra request headers, e.g. an Authorization for Opsgenie's API key
 * @param routingKey  given to templates as {@code routingKey} (PagerDuty's integration key)
 * @param template    a template name in {@code templateDir} to use instead of the style's default, or null
 */
public record WebhookSettings(String name, URI url, Style style, Map<String, String> headers, String routingKey,
                              Path templateDir, String template, String statusPageUrl, Duration timeout,
                              ZoneId zone) {

    /** The JSON shape sent by default. */
    public enum Style {
        /** PagerDuty Events API v2: {@code event_action} trigger/acknowledge/resolve with a {@code dedup_key}. */
        PAGERDUTY("pagerduty.ftl"),
        /** Opsgenie-like: {@code action} create/acknowledge/close with an {@code alias}. */
        OPSGENIE("opsgenie.ftl");

        final String template;

        Style(String template) {
            this.template = template;
        }
    }

    public WebhookSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(style, "style");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("webhook " + name + ": url must be http or https, got " + url);
        }
        headers = headers == null ? Map.of() : Map.copyOf(new TreeMap<>(headers));
        routingKey = routingKey == null ? "" : routingKey;
        statusPageUrl = statusPageUrl == null ? "" : statusPageUrl;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        zone = zone == null ? ZoneId.systemDefault() : zone;
    }

    /** A webhook in {@code style} at {@code url}, no extra headers, default template. */
    public static WebhookSettings of(String name, URI url, Style style) {
        return new WebhookSettings(name, url, style, Map.of(), "", null, null, "", null, null);
    }

    public WebhookSettings withHeaders(Map<String, String> h) {
        return new WebhookSettings(name, url, style, h, routingKey, templateDir, template, statusPageUrl, timeout, zone);
    }

    public WebhookSettings withRoutingKey(String key) {
        return new WebhookSettings(name, url, style, headers, key, templateDir, template, statusPageUrl, timeout, zone);
    }

    public WebhookSettings withTemplate(Path dir, String templateName) {
        return new WebhookSettings(name, url, style, headers, routingKey, dir, templateName, statusPageUrl, timeout, zone);
    }

    public WebhookSettings withStatusPage(String page) {
        return new WebhookSettings(name, url, style, headers, routingKey, templateDir, template, page, timeout, zone);
    }

    public WebhookSettings withTimeout(Duration t) {
        return new WebhookSettings(name, url, style, headers, routingKey, templateDir, template, statusPageUrl, t, zone);
    }
}
