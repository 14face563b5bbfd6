package org.vigil.config.timeperiod;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The comma-separated time ranges of one timeperiod line, in the order written. */
public record TimeRanges(List<TimeRange> ranges) {

    static final String EXPECTED = "HH:MM-HH:MM[,HH:MM-HH:MM...]";
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{1,2})-(\\d{1,2}):(\\d{1,2})");

    public TimeRanges {
        ranges = List.copyOf(ranges);
    }

    /**
     * Parses {@code 09:00-12:00,13:00-17:00}. Nagios rejects spaces inside the list and so do we; unlike
     * Nagios we also reject minutes above 59 (Nagios silently turns {@code 09:60} into {@code 10:00}).
     */
    static TimeRanges parse(String text) throws EntryError {
        List<TimeRange> out = new ArrayList<>();
        for (String piece : text.split(",", -1)) {
            Matcher m = RANGE.matcher(piece);
            if (!m.matches()) {
                throw new EntryError("'" + piece + "' is not a time range", EXPECTED);
            }
            out.add(new TimeRange(minutes(m.group(1), m.group(2)), minutes(m.group(3), m.group(4))));
        }
        return new TimeRanges(out);
    }

    private static int minutes(String hour, String minute) throws EntryError {
        int h = Integer.parseInt(hour);
        int m = Integer.parseInt(minute);
        if (h > 24) {
            throw new EntryError("hour must be 0-24", EXPECTED);
        }
        if (m > 59) {
            throw new EntryError("minute must be 0-59", EXPECTED);
        }
        if (h == 24 && m > 0) {
            throw new EntryError("time must be at most 24:00", EXPECTED);
        }
        return h * 60 + m;
    }

    /** The first range that ends before it starts (Nagios accepts it but it never matches), if any. */
    TimeRange firstReversed() {
        return ranges.stream().filter(r -> r.startMinute() > r.endMinute()).findFirst().orElse(null);
    }

    /** The list as Nagios prints it in {@code objects.precache}. */
    public String text() {
        return ranges.stream().map(TimeRange::text).collect(Collectors.joining(","));
    }
}
