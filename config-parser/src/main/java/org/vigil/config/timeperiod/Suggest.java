package org.vigil.config.timeperiod;

import java.util.List;
import java.util.Locale;

/** Weekday and month names, and "did you mean ...?" for misspelt ones. */
final class Suggest {

    static final List<String> WEEKDAYS =
            List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
    static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    private Suggest() {
    }

    /** {@code "; did you mean 'monday'?"} for the closest candidate, else "". */
    static String didYouMean(String word, List<String> candidates) {
        return org.vigil.config.diag.Suggest.hint(word.toLowerCase(Locale.ROOT), candidates);
    }
}
