package org.vigil.engine.status;

import java.time.Instant;
import java.util.Locale;

/** The {@code key=value} lines of {@code status.dat} and the number formats Nagios writes them in. */
final class StatusFields {

    private StatusFields() {
    }

    /** Long output keeps its lines in one value, written with {@code \n} as Nagios writes it. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String decimal(double v) {
        return fixed(v, 6);
    }

    /**
     * {@code v} with {@code places} decimals, as printf's {@code %.Nf} writes it for the values found here;
     * String.format was most of the time spent rendering 100,000 services.
     */
    static String fixed(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) >= 1e12) {
            return String.format(Locale.ROOT, "%." + places + "f", v);
        }
        long scale = 1;
        for (int i = 0; i < places; i++) {
            scale *= 10;
        }
        long n = Math.round(Math.abs(v) * scale);
        StringBuilder sb = new StringBuilder(24);
        if (v < 0 && n != 0) {
            sb.append('-');
        }
        sb.append(n / scale).append('.');
        String frac = Long.toString(n % scale);
        for (int i = frac.length(); i < places; i++) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }

    static void time(StringBuilder sb, String key, Instant t) {
        kv(sb, key, t.getEpochSecond());
    }

    static void flag(StringBuilder sb, String key, boolean v) {
        kv(sb, key, v ? 1 : 0);
    }

    static void kv(StringBuilder sb, String key, Object value) {
        sb.append('\t').append(key).append('=').append(value).append('\n');
    }
}
