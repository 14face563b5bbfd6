package org.vigil.config.timeperiod;

import java.util.List;
import java.util.Locale;

/** "Did you mean ...?" for misspelt weekday and month names, ranked by edit distance. */
final class Suggest {

    static final List<String> WEEKDAYS =
            List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
    static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    private Suggest() {
    }

    /** {@code "; did you mean 'monday'?"} for the closest candidate within two edits, else "". */
    static String didYouMean(String word, List<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = distance(lower, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
