package org.vigil.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Two observations compared per channel and object as ordered sequences. A difference listed by the scenario
 * ({@code differs}) is counted as documented; any other fails the scenario.
 */
record Comparison(String scenario, int comparedLines, List<String> undocumented, List<String> documented,
                  List<String> documentedButEqual) {

    static Comparison of(Scenario s, String leftLabel, Observation left, String rightLabel, Observation right) {
        List<String> undocumented = new ArrayList<>();
        List<String> documented = new ArrayList<>();
        int compared = 0;
        for (var channel : left.channels().entrySet()) {
            Map<String, List<String>> l = channel.getValue();
            Map<String, List<String>> r = right.channels().get(channel.getKey());
            TreeSet<String> objects = new TreeSet<>(l.keySet());
            objects.addAll(r.keySet());
            for (String object : objects) {
                List<String> a = l.getOrDefault(object, List.of());
                List<String> b = r.getOrDefault(object, List.of());
                if (!channel.getKey().equals("order")) { // the log's lines again, in another grouping
                    compared += Math.max(a.size(), b.size());
                }
                if (a.equals(b)) {
                    continue;
                }
                String key = channel.getKey() + " " + object;
                String text = key + ":\n" + diff(leftLabel, a, rightLabel, b);
                Scenario.Difference d = s.differences().get(key);
                if (d == null) {
                    undocumented.add(text);
                } else {
                    documented.add(key + " (" + d.reason() + ")");
                }
            }
        }
        List<String> equal = new ArrayList<>();
        for (Scenario.Difference d : s.differences().values()) {
            if (documented.stream().noneMatch(x -> x.startsWith(d.key() + " ("))) {
                equal.add(d.key());
            }
        }
        return new Comparison(s.name(), compared, undocumented, documented, equal);
    }

    /** Both sequences side by side from their first differing line. */
    static String diff(String leftLabel, List<String> a, String rightLabel, List<String> b) {
        int first = 0;
        while (first < a.size() && first < b.size() && a.get(first).equals(b.get(first))) {
            first++;
        }
        StringBuilder out = new StringBuilder();
        out.append("  same first ").append(first).append(" line(s)\n");
        for (int i = first; i < Math.max(a.size(), b.size()); i++) {
            out.append("  ").append(i + 1).append(' ').append(leftLabel).append(": ")
                    .append(i < a.size() ? a.get(i) : "(none)").append('\n');
            out.append("  ").append(i + 1).append(' ').append(rightLabel).append(": ")
                    .append(i < b.size() ? b.get(i) : "(none)").append('\n');
        }
        return out.toString();
    }
}
