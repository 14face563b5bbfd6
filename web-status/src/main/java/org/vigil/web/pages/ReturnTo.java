package org.vigil.web.pages;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a page sends the browser back to after a login or an action: only a local path of this server
 * ({@code /hosts?state=DOWN}), never another site ({@code //evil.example}, {@code https://...},
 * {@code /\evil}), so a link cannot turn Vigil into an open redirect.
 */
final class ReturnTo {

    private ReturnTo() {
    }

    /** {@code given} if it is a local path; else "/". */
    static String safe(String given) {
        if (given == null || given.isEmpty() || given.length() > 2000 || !given.startsWith("/")
                || given.startsWith("//") || given.startsWith("/\\")) {
            return "/";
        }
        for (char c : given.toCharArray()) {
            if (c < 0x21 || c == '\\' || c == 0x7f) {
                return "/";
            }
        }
        try {
            URI u = new URI(given);
            return u.getScheme() == null && u.getRawAuthority() == null ? given : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    /** {@code returnTo} with {@code done=N&action=NAME} for the result banner, replacing earlier ones. */
    static String withResult(String returnTo, PageAction action, int done) {
        String path = safe(returnTo);
        int q = path.indexOf('?');
        StringBuilder out = new StringBuilder(q < 0 ? path : path.substring(0, q));
        String sep = "?";
        if (q >= 0) {
            for (String p : path.substring(q + 1).split("&")) {
                if (!p.isEmpty() && !p.startsWith("done=") && !p.startsWith("action=")) {
                    out.append(sep).append(p);
                    sep = "&";
                }
            }
        }
        return out.append(sep).append("done=").append(done).append("&action=").append(action.getKey()).toString();
    }
}
