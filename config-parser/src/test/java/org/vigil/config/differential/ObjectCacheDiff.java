package org.vigil.config.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.vigil.config.differential.ObjectCache.CachedObject;

/**
 * Compares two object caches as maps {@code (type, identity) -> (attribute -> value)}.
 *
 * <p>Named objects are matched by their name ({@code host_name}, {@code host_name;service_description}
 * for services, ...). Escalations and dependencies have no name: they are compared as multisets of
 * their whole (normalised) attribute maps, so a difference shows as one object only on each side.
 */
final class ObjectCacheDiff {

    /** The attributes that name an object of each type; types not listed are compared as multisets. */
    private static final Map<String, List<String>> IDENTITY = Map.of(
            "timeperiod", List.of("timeperiod_name"),
            "command", List.of("command_name"),
            "contactgroup", List.of("contactgroup_name"),
            "hostgroup", List.of("hostgroup_name"),
            "servicegroup", List.of("servicegroup_name"),
            "contact", List.of("contact_name"),
            "host", List.of("host_name"),
            "service", List.of("host_name", "service_description"));

    /** One difference, attached to the object it was found in. */
    record Difference(String object, String detail) {
        @Override
        public String toString() {
            return object + ": " + detail;
        }
    }

    private final String leftName;
    private final String rightName;

    ObjectCacheDiff(String leftName, String rightName) {
        this.leftName = leftName;
        this.rightName = rightName;
    }

    List<Difference> compare(ObjectCache left, ObjectCache right) {
        Map<String, Map<String, String>> l = index(left);
        Map<String, Map<String, String>> r = index(right);
        List<Difference> out = new ArrayList<>();
        Map<String, Map<String, String>> leftOnly = new TreeMap<>();
        Map<String, Map<String, String>> rightOnly = new TreeMap<>();
        for (String key : new TreeSet<>(union(l.keySet(), r.keySet()))) {
            Map<String, String> a = l.get(key);
            Map<String, String> b = r.get(key);
            if (a == null) {
                rightOnly.put(key, b);
            } else if (b == null) {
                leftOnly.put(key, a);
            } else {
                compareAttributes(key, a, b, out);
            }
        }
        pairUnnamed(leftOnly, rightOnly, out);
        leftOnly.forEach((key, a) -> out.add(new Difference(key, "only in " + leftName + " " + a)));
        rightOnly.forEach((key, b) -> out.add(new Difference(key, "only in " + rightName + " " + b)));
        out.sort(java.util.Comparator.comparing(Difference::object));
        return out;
    }

    /**
     * An escalation or dependency that differs in a few attributes shows on each side as an object
     * the other lacks. Pairs such objects (same type, at most two differing attributes, closest
     * first) and reports the attributes instead; whatever stays unpaired is reported whole.
     */
    private void pairUnnamed(Map<String, Map<String, String>> leftOnly, Map<String, Map<String, String>> rightOnly,
            List<Difference> out) {
        for (String lk : new ArrayList<>(leftOnly.keySet())) {
            String type = lk.substring(0, lk.indexOf(' '));
            if (IDENTITY.containsKey(type)) {
                continue;
            }
            Map<String, String> a = leftOnly.get(lk);
            String best = null;
            int bestCount = 3;
            for (Map.Entry<String, Map<String, String>> e : rightOnly.entrySet()) {
                if (e.getKey().startsWith(type + " ")) {
                    int count = differing(a, e.getValue()).size();
                    if (count < bestCount) {
                        best = e.getKey();
                        bestCount = count;
                    }
                }
            }
            if (best != null) {
                Map<String, String> b = rightOnly.remove(best);
                leftOnly.remove(lk);
                Map<String, String> common = new TreeMap<>(a);
                common.keySet().removeAll(differing(a, b));
                compareAttributes(type + " " + common, a, b, out);
            }
        }
    }

    private static java.util.Set<String> differing(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> keys = new TreeSet<>(union(a.keySet(), b.keySet()));
        keys.removeIf(k -> Objects.equals(a.get(k), b.get(k)));
        return keys;
    }

    private void compareAttributes(String key, Map<String, String> a, Map<String, String> b, List<Difference> out) {
        for (String attribute : new TreeSet<>(union(a.keySet(), b.keySet()))) {
            String va = a.get(attribute);
            String vb = b.get(attribute);
            if (!Objects.equals(va, vb)) {
                out.add(new Difference(key, attribute + ": " + leftName + "=" + show(va) + " " + rightName + "=" + show(vb)));
            }
        }
    }

    /** A readable report, one block per object. */
    static String report(List<Difference> differences) {
        Map<String, List<String>> byObject = new TreeMap<>();
        for (Difference d : differences) {
            byObject.computeIfAbsent(d.object(), k -> new ArrayList<>()).add(d.detail());
        }
        StringBuilder sb = new StringBuilder();
        byObject.forEach((object, details) -> {
            sb.append(object).append('\n');
            details.forEach(detail -> sb.append("    ").append(detail).append('\n'));
        });
        return sb.toString();
    }

    /**
     * Objects by their key. An unnamed object's key is its whole attribute map; a {@code #n} suffix
     * keeps repeated identical objects apart, so that multisets compare by count.
     */
    private static Map<String, Map<String, String>> index(ObjectCache cache) {
        Map<String, Map<String, String>> byKey = new TreeMap<>();
        for (CachedObject o : cache.objects()) {
            Map<String, String> attributes = normalised(o);
            String base = o.type() + " " + name(o.type(), attributes);
            String key = base;
            for (int n = 2; byKey.containsKey(key); n++) {
                key = base + " #" + n;
            }
            byKey.put(key, attributes);
        }
        return byKey;
    }

    private static String name(String type, Map<String, String> attributes) {
        List<String> identity = IDENTITY.get(type);
        if (identity == null) {
            return attributes.toString();
        }
        return "'" + identity.stream().map(a -> String.valueOf(attributes.get(a))).collect(Collectors.joining(";")) + "'";
    }

    private static Map<String, String> normalised(CachedObject o) {
        Map<String, String> out = new TreeMap<>();
        o.attributes().forEach((attribute, value) -> {
            if (!AttributeRules.ignored(attribute)) {
                out.put(attribute, AttributeRules.normalise(o.type(), attribute, value));
            }
        });
        return out;
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String show(String value) {
        return value == null ? "<absent>" : "'" + value + "'";
    }
}
