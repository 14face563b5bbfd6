package org.vigil.engine.command;

/**
 * How long an external command and its texts may be, whichever way it arrives (command file, API, pages), so
 * that no writer can fill the heap, retention or status.dat. Sizes are UTF-8 bytes, as the command file counts.
 *
 * <p>The line limit is the command file's buffer: a passive result's output (with its long output and perfdata)
 * may use all of it, as through Nagios 4's command worker. Comments and authors are held for as long as the
 * object lives and are written to retention and status.dat on every change, so they get tighter limits: a
 * comment the size of Nagios 3's whole command line ({@code MAX_EXTERNAL_COMMAND_LENGTH}, 8192), an author the
 * size of an object name.
 */
public final class CommandLimits {

    /** The longest command line, {@code [time] NAME;args} (the command file's buffer). */
    public static final int MAX_LINE_BYTES = 65536;
    /** The longest comment text (comments, acknowledgements, downtimes, custom notifications). */
    public static final int MAX_COMMENT_BYTES = 8192;
    /** The longest author of a comment, acknowledgement or downtime. */
    public static final int MAX_AUTHOR_BYTES = 1024;
    /** How much of a refused long line the log shows. */
    static final int LOGGED_CHARS = 200;

    private CommandLimits() {
    }

    /** The UTF-8 size of {@code text}, counted without encoding it. */
    public static long bytes(CharSequence text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** {@code text} cut for the log (its first {@value #LOGGED_CHARS} characters), so a huge line cannot flood it. */
    public static String shortened(String text) {
        return text.length() <= LOGGED_CHARS ? text : text.substring(0, LOGGED_CHARS) + "...";
    }

    /** The command name of a raw line ({@code [time] NAME;...}), shortened; "?" when it has none. */
    public static String commandName(String line) {
        int close = line.indexOf(']');
        if (close < 0 || close + 2 > line.length()) {
            return "?";
        }
        int semi = line.indexOf(';', close);
        String name = (semi < 0 ? line.substring(close + 1) : line.substring(close + 1, semi)).strip();
        name = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        return name.isEmpty() ? "?" : name.replaceAll("\\p{Cntrl}", "?");
    }

    static String tooLong(String what, long size, int max) {
        return what + " is " + size + " bytes, more than the " + max + " allowed";
    }
}
