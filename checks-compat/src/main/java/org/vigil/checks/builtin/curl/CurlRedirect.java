package org.vigil.checks.builtin.curl;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * check_curl's own following of a redirect ({@code -f follow|sticky|stickyport}, its redir()): the Location header
 * as picohttpparser and its get_header_value find it, read as uriparser reads a URI reference; the next request
 * goes to its host (the current one for a relative reference), its port (80 or 443 by its scheme when it names none,
 * also for a relative reference), its path segments (query and fragment dropped); with the plugin's depth, port and
 * loop checks and texts.
 */
final class CurlRedirect {

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern URI_CHARACTERS = Pattern.compile("([A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=]"
            + "|%[0-9A-Fa-f]{2})*");

    private CurlRedirect() {
    }

    /** Where a redirect leads: the plugin's final text, or the next request. */
    record Step(Optional<CurlVerdict.Outcome> end, Optional<CurlOptions> next) {
    }

    /** The step after a 3xx with {@code header}, the answer to the request after {@code redirects} redirects. */
    static Step follow(CurlOptions o, String header, int redirects) {
        Optional<String> location = location(header);
        int maxDepth = o.follow().orElseThrow().maxDepth();
        if (redirects + 1 > maxDepth) {
            return end(CurlArguments.STATE_WARNING, "HTTP WARNING - maximum redirection depth " + maxDepth
                    + " exceeded - " + location.orElse("(null)") + "\n");
        }
        Optional<Reference> parsed = Reference.parse(location.orElse(""));
        if (parsed.isEmpty()) {
            return end(CurlArguments.STATE_UNKNOWN, "HTTP UNKNOWN - Could not parse redirect location '"
                    + location.orElse("(null)") + "'\n");
        }
        Reference uri = parsed.get();
        boolean ssl = uri.scheme().map(s -> s.startsWith("https")).orElse(false);
        long port = uri.port().map(CurlRedirect::atoi).orElse(ssl ? 443L : 80L);
        if (port > 65535) {
            return end(CurlArguments.STATE_UNKNOWN, "HTTP UNKNOWN - Redirection to port above 65535 - "
                    + location.orElse("(null)") + "\n");
        }
        String host = uri.scheme().isEmpty() && uri.host().isEmpty() ? o.shownHost() : uri.host().orElse("(null)");
        String url = uri.path();
        if (o.port() == port && o.address().equals(host) && o.hasHostName() && o.hostName().equals(host)
                && o.url().equals(url)) {
            return end(CurlArguments.STATE_CRITICAL, "HTTP CRITICAL - redirection creates an infinite loop - "
                    + (ssl ? "https" : "http") + "://" + host + ":" + port + url + "\n");
        }
        return new Step(Optional.empty(), Optional.of(o.redirectedTo(ssl, host, (int) port, url)));
    }

    private static Step end(int state, String text) {
        return new Step(Optional.of(new CurlVerdict.Outcome(state, text)), Optional.empty());
    }

    /**
     * The first header of the first block whose name get_header_value takes for "location": it compares
     * max(name length, 4) characters, so a name of 4 to 8 characters that starts "location" matches.
     */
    static Optional<String> location(String header) {
        String[] lines = header.split("\r?\n");
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon < 0 || line.startsWith(" ") || line.startsWith("\t")) {
                continue;
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            if (name.length() >= 4 && "location".startsWith(name)) {
                return Optional.of(line.substring(colon + 1).strip());
            }
        }
        return Optional.empty();
    }

    private static long atoi(String digits) {
        long value = 0;
        for (int i = 0; i < digits.length() && value <= 65536; i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return value;
    }

    /**
     * A URI reference as uriparser splits it: scheme, host and port text when present, and the path rebuilt the
     * plugin's way, "/" before each segment.
     */
    record Reference(Optional<String> scheme, Optional<String> host, Optional<String> port, String path) {

        static Optional<Reference> parse(String text) {
            if (!URI_CHARACTERS.matcher(text).matches()) {
                return Optional.empty();
            }
            String rest = text;
            Optional<String> scheme = Optional.empty();
            Matcher m = SCHEME.matcher(rest);
            if (m.lookingAt()) {
                scheme = Optional.of(m.group(1));
                rest = rest.substring(m.end());
            }
            Optional<String> host = Optional.empty();
            Optional<String> port = Optional.empty();
            if (rest.startsWith("//")) {
                int end = 2;
                while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
                    end++;
                }
                String authority = rest.substring(2, end);
                rest = rest.substring(end);
                authority = authority.substring(authority.lastIndexOf('@') + 1);
                int colon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']'))
                        : authority.indexOf(':');
                String hostText = colon < 0 ? authority : authority.substring(0, colon);
                if (colon >= 0) {
                    port = Optional.of(authority.substring(colon + 1));
                    if (!port.get().chars().allMatch(Character::isDigit)) {
                        return Optional.empty();
                    }
                }
                if (hostText.startsWith("[")) {
                    if (!hostText.endsWith("]")) {
                        return Optional.empty();
                    }
                    hostText = hostText.substring(1, hostText.length() - 1);
                }
                if (hostText.contains("[") || hostText.contains("]")) {
                    return Optional.empty();
                }
                host = Optional.of(hostText);
            }
            int pathEnd = 0;
            while (pathEnd < rest.length() && "?#".indexOf(rest.charAt(pathEnd)) < 0) {
                pathEnd++;
            }
            String path = rest.substring(0, pathEnd);
            if (path.contains("[") || path.contains("]")) {
                return Optional.empty();
            }
            StringBuilder url = new StringBuilder();
            if (!path.isEmpty()) {
                for (String segment : (path.startsWith("/") ? path.substring(1) : path).split("/", -1)) {
                    url.append('/').append(segment);
                }
            }
            return Optional.of(new Reference(scheme, host, port, url.toString()));
        }
    }
}
