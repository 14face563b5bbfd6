package org.vigil.worker.payload;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time as mod_gearman writes it in payloads: seconds and microseconds of a {@code struct timeval}, written
 * {@code sec.usec} with six decimals ({@code %Lf} of {@code timeval2double}, {@code common/utils.c}); older modules
 * wrote {@code sec.0}, read here as zero microseconds.
 */
public record GmTime(long seconds, int micros) {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:\\.(\\d+))?");

    /** A time; micros in 0..999999. */
    public GmTime {
        if (seconds < 0 || micros < 0 || micros > 999_999) {
            throw new IllegalArgumentException("time out of range: " + seconds + "." + micros);
        }
    }

    /** The time of an epoch in microseconds. */
    public static GmTime ofEpochMicros(long epochMicros) {
        return new GmTime(epochMicros / 1_000_000, (int) (epochMicros % 1_000_000));
    }

    /** The time of an instant, to the microsecond. */
    public static GmTime of(java.time.Instant at) {
        return new GmTime(at.getEpochSecond(), at.getNano() / 1000);
    }

    /** The time written {@code sec[.fraction]}, or null when the text is not one; a fraction past 6 digits is cut. */
    static GmTime parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches() || m.group(1).length() > 18) {
            return null;
        }
        String fraction = m.group(2) == null ? "" : m.group(2);
        String six = (fraction + "000000").substring(0, 6);
        return new GmTime(Long.parseLong(m.group(1)), Integer.parseInt(six));
    }

    /** {@code sec.usec} with six decimals, as mod_gearman's {@code %Lf}. */
    @Override
    public String toString() {
        return seconds + "." + String.format("%06d", micros);
    }
}
