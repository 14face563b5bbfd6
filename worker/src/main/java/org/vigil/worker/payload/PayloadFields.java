package org.vigil.worker.payload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key=value lines of a decoded payload, read as mod_gearman's readers read them (split on newlines, key before the
 * first {@code =}, the text ends at its first empty line), but strict: each line must be {@code key=value} with a key
 * the reader knows, at most once, values of the expected form; errors name the line.
 */
final class PayloadFields {
    private record Field(String value, int line) {}

    private final String what;
    private final Map<String, Field> fields = new HashMap<>();

    private PayloadFields(String what) {
        this.what = what;
    }

    /** The fields of the text; {@code what} names the payload in errors ("job payload", "result payload"). */
    static PayloadFields parse(String text, List<String> knownKeys, String what) throws PayloadException {
        PayloadFields out = new PayloadFields(what);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length && !lines[i].isEmpty(); i++) {
            int lineNo = i + 1;
            String line = lines[i];
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new PayloadException(what + " line " + lineNo + ": expected key=value, got '" + shorten(line) + "'");
            }
            String key = line.substring(0, eq);
            if (!knownKeys.contains(key)) {
                throw new PayloadException(what + " line " + lineNo + ": unknown key '" + shorten(key)
                        + "' (mod_gearman's keys: " + String.join(", ", knownKeys) + ")");
            }
            if (out.fields.containsKey(key)) {
                throw new PayloadException(what + " line " + lineNo + ": '" + key + "' given twice (first on line "
                        + out.fields.get(key).line() + ")");
            }
            out.fields.put(key, new Field(line.substring(eq + 1), lineNo));
        }
        if (out.fields.isEmpty()) {
            throw new PayloadException(what + " is empty");
        }
        return out;
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    Optional<String> optional(String key) throws PayloadException {
        Field f = fields.get(key);
        if (f == null) {
            return Optional.empty();
        }
        if (f.value().isEmpty()) {
            throw new PayloadException(what + " line " + f.line() + ": '" + key
                    + "' is empty (mod_gearman stops reading at an empty value)");
        }
        return Optional.of(f.value());
    }

    /** A value that may be empty (the result's {@code output=}, which the NEB module reads before its end test). */
    Optional<String> possiblyEmpty(String key) {
        Field f = fields.get(key);
        return f == null ? Optional.empty() : Optional.of(f.value());
    }

    String required(String key) throws PayloadException {
        return optional(key).orElseThrow(() -> new PayloadException(what + " has no '" + key + "' line"));
    }

    Optional<Integer> integer(String key) throws PayloadException {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(v.get()));
        } catch (NumberFormatException e) {
            throw bad(key, "an integer");
        }
    }

    Optional<GmTime> time(String key) throws PayloadException {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        GmTime t = GmTime.parse(v.get());
        if (t == null) {
            throw bad(key, "a time sec.usec");
        }
        return Optional.of(t);
    }

    Optional<Double> decimal(String key) throws PayloadException {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!v.get().matches("-?\\d+(\\.\\d+)?")) {
            throw bad(key, "a decimal number");
        }
        return Optional.of(Double.parseDouble(v.get()));
    }

    private PayloadException bad(String key, String expected) {
        Field f = fields.get(key);
        return new PayloadException(what + " line " + f.line() + ": " + key + "='" + shorten(f.value())
                + "' is not " + expected);
    }
}
