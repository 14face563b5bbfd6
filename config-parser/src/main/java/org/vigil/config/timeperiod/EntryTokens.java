package org.vigil.config.timeperiod;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A cursor over the whitespace-separated words of the day part of a timeperiod line. */
final class EntryTokens {

    static final String EXPECTED_DAYS = "a weekday, month, 'day' or YYYY-MM-DD, e.g. 'monday', 'july 4',"
            + " 'day -1', 'thursday 4 november', '2026-12-24'";

    private final List<String> words;
    private int next;

    EntryTokens(List<String> words) {
        this.words = words;
    }

    boolean atEnd() {
        return next >= words.size();
    }

    String peek() {
        return atEnd() ? "" : words.get(next);
    }

    String take(String what) throws EntryError {
        if (atEnd()) {
            throw new EntryError("missing " + what + " after '" + String.join(" ", words) + "'", EXPECTED_DAYS);
        }
        return words.get(next++);
    }

    boolean takeIf(String word) {
        if (peek().equals(word)) {
            next++;
            return true;
        }
        return false;
    }

    void expectEnd() throws EntryError {
        if (!atEnd()) {
            throw new EntryError("unexpected '" + peek() + "'", EXPECTED_DAYS);
        }
    }

    int number(String what) throws EntryError {
        String word = take(what);
        if (!word.matches("-?\\d{1,9}")) {
            throw new EntryError("'" + word + "' is not a " + what, EXPECTED_DAYS);
        }
        return Integer.parseInt(word);
    }

    /** A day of month: Nagios accepts 0 and 32 but they never match, so they are errors here. */
    int dayOfMonth() throws EntryError {
        int day = number("day of month");
        if (day == 0 || Math.abs(day) > 31) {
            throw new EntryError("day of month must be 1 to 31 or -1 to -31, not " + day,
                    "e.g. 'day 15' or 'day -1' for the last day");
        }
        return day;
    }

    /** The n of "n-th weekday of the month": Nagios clamps 6 to 5 and never matches 0; both are errors here. */
    int weekdayOffset() throws EntryError {
        int n = number("weekday offset");
        if (n == 0 || Math.abs(n) > 5) {
            throw new EntryError("weekday offset must be 1 to 5 or -1 to -5, not " + n,
                    "e.g. 'thursday 4 november' or 'monday -1 may' for the last one");
        }
        return n;
    }

    /** The optional {@code / N} at the end of a range. */
    int skip() throws EntryError {
        if (!takeIf("/")) {
            return 0;
        }
        int skip = number("skip interval");
        if (skip < 1) {
            throw new EntryError("skip interval must be at least 1, not " + skip, "e.g. 'day 1 - 15 / 3'");
        }
        return skip;
    }

    Month month() throws EntryError {
        String word = take("month");
        return month(word).orElseThrow(() -> new EntryError("'" + word + "' is not a month"
                + Suggest.didYouMean(word, Suggest.MONTHS), "a month name, e.g. 'july 4'"));
    }

    DayOfWeek weekday() throws EntryError {
        String word = take("weekday");
        return weekday(word).orElseThrow(() -> new EntryError("'" + word + "' is not a weekday"
                + Suggest.didYouMean(word, Suggest.WEEKDAYS), "a weekday name, e.g. 'monday 2'"));
    }

    static Optional<Month> month(String word) {
        return Arrays.stream(Month.values()).filter(m -> MonthDays.name(m).equals(word)).findFirst();
    }

    static Optional<DayOfWeek> weekday(String word) {
        return Arrays.stream(DayOfWeek.values()).filter(d -> MonthDays.name(d).equals(word)).findFirst();
    }
}
