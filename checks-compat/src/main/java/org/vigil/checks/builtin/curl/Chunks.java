package org.vigil.checks.builtin.curl;

/**
 * libcurl's reading of a chunked body, fed as the bytes come: a size line of hexadecimal digits (an extension after
 * {@code ;} ignored), that many bytes, a line end, until a chunk of size 0 and the trailer lines up to an empty one.
 * A size line without digits, or chunk data not followed by a line end, is malformed.
 */
final class Chunks {

    /** Where the body stands after what was fed. */
    enum State { MORE, DONE, MALFORMED }

    private static final int MAX_SIZE_LINE = 1024;

    private long left;
    private boolean afterData;
    private boolean trailers;

    /** Takes what it can of {@code in}, appending decoded bytes to {@code body}. */
    State feed(StringBuilder in, StringBuilder body, CurlProgress progress) {
        while (true) {
            if (trailers) {
                int newline = in.indexOf("\n");
                if (newline < 0) {
                    return State.MORE;
                }
                String line = in.substring(0, newline + 1);
                in.delete(0, newline + 1);
                if (line.equals("\r\n") || line.equals("\n")) {
                    return State.DONE;
                }
            } else if (afterData) {
                if (in.length() == 0 || (in.length() == 1 && in.charAt(0) == '\r')) {
                    return State.MORE;
                }
                int end = in.charAt(0) == '\n' ? 1 : in.charAt(0) == '\r' && in.charAt(1) == '\n' ? 2 : 0;
                if (end == 0) {
                    return State.MALFORMED;
                }
                in.delete(0, end);
                afterData = false;
            } else if (left > 0) {
                if (in.length() == 0) {
                    return State.MORE;
                }
                int take = (int) Math.min(left, in.length());
                body.append(in, 0, take);
                in.delete(0, take);
                progress.received(take);
                left -= take;
                afterData = left == 0;
            } else {
                State sized = sizeLine(in);
                if (sized != State.DONE) {
                    return sized;
                }
            }
        }
    }

    /** Reads a size line: DONE when one was read, MORE when it is not whole yet. */
    private State sizeLine(StringBuilder in) {
        int newline = in.indexOf("\n");
        if (newline < 0) {
            return in.length() > MAX_SIZE_LINE ? State.MALFORMED : State.MORE;
        }
        int digits = 0;
        while (digits < newline && Character.digit(in.charAt(digits), 16) >= 0) {
            digits++;
        }
        if (digits == 0 || digits > 15) {
            return State.MALFORMED;
        }
        char after = in.charAt(digits);
        if (after != ';' && after != '\r' && after != '\n' && after != ' ' && after != '\t') {
            return State.MALFORMED;
        }
        long size = Long.parseLong(in.substring(0, digits), 16);
        in.delete(0, newline + 1);
        if (size == 0) {
            trailers = true;
        } else {
            left = size;
        }
        return State.DONE;
    }
}
