package org.vigil.livestatus.query;

import java.util.Arrays;
import java.util.List;

/** One header line: its name and the text after the colon (leading spaces removed). */
record HeaderLine(String name, String value) {

    /** The value's whitespace-separated words. */
    List<String> words() {
        String v = value.strip();
        return v.isEmpty() ? List.of() : Arrays.asList(v.split("[ \t]+"));
    }

    /** A 400 naming this header. */
    LivestatusError error(String what) {
        return LivestatusError.badRequest(name + ": " + what);
    }
}
