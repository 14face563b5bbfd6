package org.vigil.notify.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** What a template sees of a notification: plain strings and numbers, named as in the default templates. */
public final class TemplateModel {

    private static final DateTimeFormatter NAGIOS_TIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss zzz yyyy",
            java.util.Locale.ROOT);

    private TemplateModel() {
    }

    /**
     * The model for {@code n}; {@code statusPageUrl} (may be empty) is the status page's base address, used
     * for the {@code link} to the host or service.
     */
    public static Map<String, Object> of(Notification n, String statusPageUrl, ZoneId zone) {
        Map<String, Object> m = new HashMap<>();
        m.put("type", n.type().name());
        m.put("isHost", n.isHost());
        m.put("host", n.host());
        m.put("service", n.service() == null ? "" : n.service());
        m.put("subject", n.subject());
        m.put("state", n.state());
        m.put("stateType", n.stateType());
        m.put("output", n.output());
        m.put("longOutput", n.longOutput());
        m.put("attempt", n.attempt());
        m.put("duration", nagiosDuration(n.duration()));
        m.put("durationSeconds", n.duration().toSeconds());
        m.put("notificationNumber", n.notificationNumber());
        m.put("ackAuthor", n.ackAuthor());
        m.put("ackComment", n.ackComment());
        m.put("time", NAGIOS_TIME.format(n.time().atZone(zone)));
        m.put("timeIso", n.time().toString());
        m.put("timeEpoch", n.time().getEpochSecond());
        m.put("dedupKey", n.dedupKey());
        m.put("action", pagerAction(n.type()));
        m.put("severity", severity(n.state()));
        m.put("contact", Map.of("name", n.contact().name(), "email", n.contact().email(),
                "pager", n.contact().pager()));
        m.put("macros", n.macros());
        m.put("link", link(statusPageUrl, n));
        return m;
    }

    /** Nagios's $SERVICEDURATION$ form: {@code 0d 1h 2m 3s}. */
    static String nagiosDuration(Duration d) {
        long s = d.toSeconds();
        return (s / 86400) + "d " + (s % 86400 / 3600) + "h " + (s % 3600 / 60) + "m " + (s % 60) + "s";
    }

    /** The Events-v2 action: a problem triggers, a recovery resolves, an acknowledgement acknowledges. */
    static String pagerAction(NotificationType type) {
        return switch (type) {
            case RECOVERY -> "resolve";
            case ACKNOWLEDGEMENT -> "acknowledge";
            default -> "trigger";
        };
    }

    /** The PagerDuty severity of a Nagios state. */
    static String severity(String state) {
        return switch (state) {
            case "CRITICAL", "DOWN", "UNREACHABLE" -> "critical";
            case "WARNING" -> "warning";
            case "UNKNOWN" -> "error";
            default -> "info";
        };
    }

    private static String link(String base, Notification n) {
        if (base == null || base.isEmpty()) {
            return "";
        }
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String host = URLEncoder.encode(n.host(), StandardCharsets.UTF_8).replace("+", "%20");
        return n.isHost() ? root + "/hosts/" + host
                : root + "/hosts/" + host + "/services/"
                        + URLEncoder.encode(n.service(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
