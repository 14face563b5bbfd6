package org.vigil.web.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.web.api.ApiException;
import org.vigil.web.api.Bodies;

/**
 * The fields of an action's form, as posted (an absent checkbox is off, as browsers send them) or, for a new
 * form, cmd.cgi's defaults: acknowledgements sticky and notifying, a fixed downtime from now for two hours.
 * Times are read as the {@code datetime-local} inputs send them, in the server's zone, or as epoch seconds or
 * ISO-8601 with an offset.
 */
public final class ActionForm {

    static final List<String> CHECKBOXES = List.of("sticky", "notify", "persistent", "fixed", "with_services");
    private static final Set<String> TEXTS = Set.of("comment", "start", "end", "duration", "status", "output",
            "expires", "expire_at", "preset", "trigger_id", "child_hosts");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    private final Map<String, String> values;
    private final ZoneId zone;
    /** When the form was shown or posted: the presets count from it. */
    private final Instant now;

    private ActionForm(Map<String, String> values, ZoneId zone, Instant now) {
        this.values = values;
        this.zone = zone;
        this.now = now;
    }

    /** A new form for {@code action}, with the defaults and any text field given in the link's query. */
    static ActionForm fresh(PageAction action, Map<String, List<String>> query, Clock clock, ZoneId zone) {
        Map<String, String> v = new HashMap<>();
        Instant now = clock.instant();
        v.put("start", LOCAL.format(now.atZone(zone)));
        v.put("end", LOCAL.format(now.plusSeconds(2 * 3600).atZone(zone)));
        v.put("duration", "120");
        v.put("status", "0");
        v.put("fixed", "on");
        v.put("sticky", "on");
        v.put("notify", "on");
        v.put("expire_at", LOCAL.format(now.plusSeconds(4 * 3600).atZone(zone)));
        if (action == PageAction.ADD_COMMENT) {
            v.put("persistent", "on");
        }
        query.forEach((k, vals) -> {
            if (TEXTS.contains(k) && !vals.isEmpty()) {
                v.put(k, vals.get(0));
            }
        });
        return new ActionForm(v, zone, now);
    }

    /** The form as posted at {@code now}. */
    static ActionForm posted(Map<String, List<String>> form, ZoneId zone, Instant now) {
        Map<String, String> v = new HashMap<>();
        form.forEach((k, vals) -> {
            if ((TEXTS.contains(k) || CHECKBOXES.contains(k)) && !vals.isEmpty()) {
                v.put(k, vals.get(0));
            }
        });
        return new ActionForm(v, zone, now);
    }

    /** The presets' keys and labels, for the template. */
    public Map<String, String> getPresets() {
        return TimePresets.LABELS;
    }

    /**
     * When the acknowledgement ends, as epoch seconds; null for never. {@code expires} is a preset, or {@code at}
     * with the time in {@code expire_at}.
     */
    String expires() {
        String choice = text("expires").strip();
        if (choice.isEmpty() || choice.equals("never")) {
            return null;
        }
        String at = choice.equals("at") ? epoch("expire_at") : Long.toString(TimePresets.end(choice, now, zone)
                .orElseThrow(() -> ApiException.badRequest("'expires' is '" + choice + "': choose never, a preset "
                        + "or a time")).getEpochSecond());
        if (Long.parseLong(at) <= now.getEpochSecond()) {
            throw ApiException.badRequest("the acknowledgement would expire before it starts: choose a later time");
        }
        return at;
    }

    /** The downtime's start and end as epoch seconds: from now to the preset's end, else the fields. */
    String[] window() {
        return TimePresets.end(text("preset"), now, zone)
                .map(end -> new String[] {Long.toString(now.getEpochSecond()), Long.toString(end.getEpochSecond())})
                .orElseGet(() -> new String[] {epoch("start"), epoch("end")});
    }

    /** The downtime that triggers this one: 0 for none, else its id. */
    Long triggerId() {
        String v = text("trigger_id").strip();
        if (v.isEmpty() || v.equals("0")) {
            return null;
        }
        return org.vigil.web.api.Bodies.id("trigger", v);
    }

    /** A text field's value ("" when absent), for the template. */
    public String text(String field) {
        return values.getOrDefault(field, "");
    }

    /** Whether a checkbox is ticked. */
    public boolean checked(String field) {
        String v = values.get(field);
        return v != null && Set.of("on", "1", "true", "yes").contains(v.toLowerCase(Locale.ROOT));
    }

    String comment() {
        return Bodies.text("comment", values.get("comment"));
    }

    String output() {
        return Bodies.text("output", values.get("output"));
    }

    /** A time field as epoch seconds. */
    String epoch(String field) {
        String v = values.get(field);
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest("'" + field + "' is required (a date and time such as 2030-01-01 22:00)");
        }
        String s = v.strip().replace(' ', 'T');
        try {
            LocalDateTime local = LocalDateTime.parse(s.length() == 16 ? s + ":00" : s);
            return Long.toString(local.atZone(zone).toEpochSecond());
        } catch (DateTimeParseException e) {
            try {
                return Long.toString(Bodies.time(field, v).getEpochSecond());
            } catch (ApiException notIso) {
                throw ApiException.badRequest("'" + field + "' is '" + v + "', not a date and time such as "
                        + "2030-01-01 22:00 (or epoch seconds, or ISO-8601 with an offset)");
            }
        }
    }

    /** A flexible downtime's duration: minutes in the form, seconds for the command; null for fixed ones. */
    Long durationSeconds() {
        if (checked("fixed")) {
            return null;
        }
        String v = text("duration").strip();
        if (!v.matches("[0-9]{1,7}") || Long.parseLong(v) < 1) {
            throw ApiException.badRequest("'duration' is '" + v + "': a flexible downtime needs its length in "
                    + "whole minutes, 1 or more");
        }
        return Long.parseLong(v) * 60;
    }
}
