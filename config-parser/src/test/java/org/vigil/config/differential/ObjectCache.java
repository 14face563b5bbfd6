package org.vigil.config.differential;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of one precache file ({@code nagios4 -vp}) or one Vigil dump, as written: no
 * normalisation here, see {@link ObjectCacheDiff} for that.
 *
 * <p>The layout is the one of Nagios's {@code fcache_*} functions: {@code define TYPE {}, then one
 * line per attribute, TAB key TAB value, then TAB {@code }}. Values are taken verbatim after the
 * second TAB: the precache does not escape {@code ;}, so a value may contain one.
 */
record ObjectCache(List<CachedObject> objects) {

    /** One {@code define} block: its type and its attributes in file order. */
    record CachedObject(String type, Map<String, String> attributes, int line) {
        CachedObject {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    ObjectCache {
        objects = List.copyOf(objects);
    }

    static ObjectCache parse(String text) {
        List<CachedObject> objects = new ArrayList<>();
        String type = null;
        int start = 0;
        Map<String, String> attributes = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (type == null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!line.startsWith("define ") || !line.endsWith("{")) {
                    throw new IllegalArgumentException("line " + lineNo + ": expected 'define TYPE {', got: " + line);
                }
                type = line.substring("define ".length(), line.length() - 1).strip();
                start = lineNo;
                attributes = new LinkedHashMap<>();
            } else if (line.isEmpty()) {
                continue;
            } else if (line.strip().equals("}")) {
                objects.add(new CachedObject(type, attributes, start));
                type = null;
            } else {
                addAttribute(attributes, line, lineNo);
            }
        }
        if (type != null) {
            throw new IllegalArgumentException("line " + start + ": 'define " + type + " {' is never closed");
        }
        return new ObjectCache(objects);
    }

    private static void addAttribute(Map<String, String> attributes, String line, int lineNo) {
        if (!line.startsWith("\t")) {
            throw new IllegalArgumentException("line " + lineNo + ": expected TAB key TAB value, got: " + line);
        }
        String body = line.substring(1);
        int tab = body.indexOf('\t');
        String key = tab < 0 ? body : body.substring(0, tab);
        String value = tab < 0 ? "" : body.substring(tab + 1);
        if (attributes.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("line " + lineNo + ": attribute '" + key + "' written twice");
        }
    }
}
