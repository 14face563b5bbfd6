package org.vigil.checks.builtin.curl;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two readings of a response's status line. libcurl's, for the transfer: {@code HTTP/1.x}, a space, up to three
 * digits (sscanf's {@code %3d}) of at least 100, not followed by a fourth; anything else fails the transfer with its
 * text. And the plugin's own (its {@code curlhelp_parse_statusline}), for its output: the version printed as
 * {@code HTTP/1.1} for any 1.x (the plugin reads the minor version from the major's digits), the code as strtol
 * reads the whole token, the message the rest of the line.
 */
final class CurlStatusLine {

    private static final Pattern LIBCURL = Pattern.compile("HTTP/([0-9])\\.([0-9])(.)([0-9]{1,3})([0-9])?");
    private static final Pattern PLUGIN = Pattern.compile("HTTP/([0-9]+)\\.([0-9]+) ([0-9]+)(\\.[0-9]+)?(?: |$)");

    private CurlStatusLine() {
    }

    /** Why libcurl refuses {@code line} (the first line of a header block, with its line end), if it does. */
    static Optional<String> refusal(String line) {
        Matcher m = LIBCURL.matcher(line);
        if (!m.lookingAt() || m.group(1).charAt(0) != '1' || m.group(3).charAt(0) != ' ') {
            return Optional.of("Unsupported HTTP version in response");
        }
        if (m.group(5) != null || Integer.parseInt(m.group(4)) < 100) {
            return Optional.of("Unsupported response code in HTTP response");
        }
        if (m.group(2).charAt(0) > '1') {
            return Optional.of("Unsupported HTTP version (1." + m.group(2) + ") in response");
        }
        return Optional.empty();
    }

    /** The status code libcurl read from an accepted {@code line}. */
    static int code(String line) {
        Matcher m = LIBCURL.matcher(line);
        return m.lookingAt() ? Integer.parseInt(m.group(4)) : 0;
    }

    /** The plugin's reading of a status line (without its CRLF): version text, code and message; empty if none. */
    record Parsed(String version, int code, String message) {
    }

    static Optional<Parsed> parse(String firstLine) {
        Matcher m = PLUGIN.matcher(firstLine);
        if (!m.lookingAt() || m.group(3).length() > 9) {
            return Optional.empty();
        }
        int messageAt = m.start(3) + (m.group(4) == null ? 4 : 6);
        String message = messageAt < firstLine.length() ? firstLine.substring(messageAt) : "";
        return Optional.of(new Parsed("HTTP/" + m.group(1) + "." + m.group(1), Integer.parseInt(m.group(3)),
                message));
    }
}
