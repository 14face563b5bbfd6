package org.vigil.notify.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.notify.delivery.Contact;
import org.vigil.notify.delivery.Notification;
import org.vigil.notify.delivery.NotificationType;

/**
 * A notification as the JSON text stored in an outbox row. Field by field rather than by reflection, so a
 * renamed record component cannot silently make stored rows unreadable; {@code v} allows a later format.
 */
final class NotificationCodec {

    private static final int VERSION = 1;
    private final ObjectMapper json = new ObjectMapper();

    String encode(Notification n) {
        ObjectNode o = json.createObjectNode();
        o.put("v", VERSION);
        o.put("type", n.type().name());
        ObjectNode c = o.putObject("contact");
        c.put("name", n.contact().name());
        c.put("email", n.contact().email());
        c.put("pager", n.contact().pager());
        n.contact().addresses().forEach(c.putArray("addresses")::add);
        o.put("host", n.host());
        if (n.service() != null) {
            o.put("service", n.service());
        }
        o.put("state", n.state());
        o.put("stateType", n.stateType());
        o.put("output", n.output());
        o.put("longOutput", n.longOutput());
        o.put("attempt", n.attempt());
        o.put("durationMillis", n.duration().toMillis());
        o.put("notificationNumber", n.notificationNumber());
        o.put("ackAuthor", n.ackAuthor());
        o.put("ackComment", n.ackComment());
        o.put("timeMillis", n.time().toEpochMilli());
        ObjectNode macros = o.putObject("macros");
        n.macros().forEach(macros::put);
        return o.toString();
    }

    /** @throws IllegalArgumentException when the text is not a notification this version can read */
    Notification decode(String text) {
        JsonNode o;
        try {
            o = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (o == null || o.path("v").asInt() != VERSION) {
            throw new IllegalArgumentException("unknown notification format " + (o == null ? "" : o.path("v")));
        }
        JsonNode c = o.path("contact");
        List<String> addresses = new ArrayList<>();
        c.path("addresses").forEach(a -> addresses.add(a.asText()));
        Map<String, String> macros = new LinkedHashMap<>();
        o.path("macros").fields().forEachRemaining(e -> macros.put(e.getKey(), e.getValue().asText()));
        return new Notification(
                NotificationType.valueOf(o.path("type").asText()),
                new Contact(c.path("name").asText(), c.path("email").asText(), c.path("pager").asText(), addresses),
                o.path("host").asText(),
                o.hasNonNull("service") ? o.get("service").asText() : null,
                o.path("state").asText(),
                o.path("stateType").asText(),
                o.path("output").asText(),
                o.path("longOutput").asText(),
                o.path("attempt").asInt(),
                Duration.ofMillis(o.path("durationMillis").asLong()),
                o.path("notificationNumber").asInt(),
                o.path("ackAuthor").asText(),
                o.path("ackComment").asText(),
                Instant.ofEpochMilli(o.path("timeMillis").asLong()),
                macros);
    }
}
