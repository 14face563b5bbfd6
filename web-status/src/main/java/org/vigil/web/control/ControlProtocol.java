package org.vigil.web.control;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control socket's line protocol, UTF-8, one message per line. The client sends one request line:
 * <pre>
 * SWEEP host=a&amp;hostgroup=web&amp;service=disk*&amp;state=problem     (form-encoded; no parameter: everything)
 * </pre>
 * and the monitor answers {@code ERROR text} lines and {@code END} for a rejected request, or
 * {@code STARTED id total}, {@code PROGRESS json} lines while it runs (every {@link #PROGRESS_EVERY_MS} ms),
 * then {@code SUMMARY json}, {@code TEXT line} for each line of the text summary, and {@code END}. A client that
 * goes away cancels its sweep.
 */
public final class ControlProtocol {

    /** How often a running sweep's progress is sent. */
    public static final long PROGRESS_EVERY_MS = 100;
    /** Longest request line accepted. */
    static final int MAX_LINE = 64 * 1024;

    private ControlProtocol() {
    }

    /** The socket of the monitor whose lock file is {@code lockFile}. */
    public static Path socketFor(Path lockFile) {
        return lockFile.resolveSibling(lockFile.getFileName() + ".sock");
    }

    /** {@code k=v&k=v}, form-encoded. */
    public static String encode(Map<String, List<String>> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, vs) -> vs.forEach(v -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return String.join("&", parts);
    }

    /** The parameters of a form-encoded query; a part without {@code =} is a parameter with an empty value. */
    public static Map<String, List<String>> decode(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query.isBlank()) {
            return params;
        }
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return params;
    }
}
