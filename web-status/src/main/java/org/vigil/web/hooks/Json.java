package org.vigil.web.hooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reading the pagers' JSON: a missing or mistyped field is a {@code MALFORMED} refusal naming it. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode parse(byte[] body) throws Refusal {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new Refusal(Refusal.Reason.MALFORMED, "the body is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new Refusal(Refusal.Reason.MALFORMED, "the body is not JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new Refusal(Refusal.Reason.MALFORMED, "the body could not be read as JSON");
        }
    }

    static JsonNode object(JsonNode parent, String field) throws Refusal {
        JsonNode n = parent.path(field);
        if (!n.isObject()) {
            throw new Refusal(Refusal.Reason.MALFORMED, "no '" + field + "' object in the event");
        }
        return n;
    }

    static String text(JsonNode parent, String field, String path) throws Refusal {
        JsonNode n = parent.path(field);
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new Refusal(Refusal.Reason.MALFORMED, "'" + path + "' is missing or not a string");
        }
        return n.asText();
    }

    static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
