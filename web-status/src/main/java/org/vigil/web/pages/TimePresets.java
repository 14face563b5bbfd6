package org.vigil.web.pages;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.vigil.web.api.ApiException;

/**
 * The quick choices of the action forms for when something ends: in 1 hour, in 4 hours, or tomorrow at 09:00 in
 * the server's zone (the start of the next working day for whoever is on call tonight). A form posts the key.
 */
final class TimePresets {

    /** The keys and their labels, in the order the forms offer them. */
    static final Map<String, String> LABELS = labels();

    private TimePresets() {
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("1h", "1 hour");
        m.put("4h", "4 hours");
        m.put("tomorrow", "until tomorrow 09:00");
        return m;
    }

    /** When preset {@code key} ends, from {@code now}; empty for no preset (blank or {@code custom}); else a 400. */
    static Optional<Instant> end(String key, Instant now, ZoneId zone) {
        if (key == null || key.isBlank() || key.equals("custom")) {
            return Optional.empty();
        }
        return Optional.of(switch (key.strip()) {
            case "1h" -> now.plusSeconds(3600);
            case "4h" -> now.plusSeconds(4 * 3600);
            case "tomorrow" -> ZonedDateTime.ofInstant(now, zone).toLocalDate().plusDays(1).atTime(LocalTime.of(9, 0))
                    .atZone(zone).toInstant();
            default -> throw ApiException.badRequest("preset '" + key + "' is not one of " + String.join(", ",
                    LABELS.keySet()) + " or custom");
        });
    }
}
