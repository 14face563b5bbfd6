package org.vigil.checks.command;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Nagios 4's command line splitter (libnagios {@code runcmd_cmd2strv}), as a state machine with the same quirks:
 * <ul>
 * <li>blanks (space, tab, CR, LF) separate words outside quotes;</li>
 * <li>single quotes keep everything literally; double quotes keep everything but let a backslash escape
 * {@code " \ $ `}; outside quotes a backslash takes the next character literally and disappears;</li>
 * <li>quotes may open in the middle of a word ({@code a'b c'd} is one word) and {@code ''} is an empty word;</li>
 * <li>an escaped {@code "} inside double quotes still closes them, as in Nagios, so such a line ends with an
 * unterminated quote and goes to the shell.</li>
 * </ul>
 * The shell constructs it detects are listed in {@link ShellFeature}; {@code ~ # [ ] { } !} are not among them.
 */
final class CommandSplitter {

    private static final int NONE = 0;
    private static final int IN_ARG = 1 << 1;
    private static final int IN_SQ = 1 << 2;
    private static final int IN_DQ = 1 << 3;
    private static final int SPECIAL = 1 << 4;
    private static final int BACKSLASH = 1 << 5;

    private final String s;
    private final List<String> argv = new ArrayList<>();
    private final Set<ShellFeature> features = EnumSet.noneOf(ShellFeature.class);
    private StringBuilder word;
    private int state = NONE;

    private CommandSplitter(String s) {
        this.s = s;
    }

    static CommandLine split(String line) {
        CommandSplitter sp = new CommandSplitter(line == null ? "" : line);
        sp.run();
        return new CommandLine(sp.s, sp.argv, sp.features);
    }

    private boolean has(int bits) {
        return (state & bits) == bits;
    }

    private boolean inQuotes() {
        return (state & (IN_SQ | IN_DQ)) != 0;
    }

    private void startWord() {
        endWord();
        word = new StringBuilder();
    }

    private void endWord() {
        if (word != null) {
            argv.add(word.toString());
            word = null;
        }
    }

    // One method on purpose: it follows runcmd_cmd2strv case by case, so the two can be compared side by side.
    private void run() {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case ' ', '\t', '\r', '\n' -> {
                    if (state == IN_ARG) {
                        state = NONE;
                        endWord();
                        continue;
                    }
                    if (!inQuotes()) {
                        continue;
                    }
                }
                case '\\' -> {
                    if (!has(IN_SQ) && !has(BACKSLASH)) {
                        if (has(IN_DQ)) {
                            char next = i + 1 < n ? s.charAt(i + 1) : 0;
                            if (next == '"' || next == '\\' || next == '$' || next == '`') {
                                state |= BACKSLASH;
                                continue;
                            }
                        } else {
                            // unquoted: the next character is taken literally, skipping the switch
                            i++;
                            if (i >= n) {
                                // Nagios copies the terminating NUL: the word ends here, possibly empty
                                if (state == NONE) {
                                    startWord();
                                }
                                continue;
                            }
                            c = s.charAt(i);
                        }
                    }
                }
                case '\'' -> {
                    if (!has(IN_DQ)) {
                        if (has(IN_SQ)) {
                            state &= ~IN_SQ;
                            continue;
                        }
                        if (state == NONE || state == IN_ARG) {
                            if (state == NONE) {
                                startWord();
                            }
                            state = IN_SQ | IN_ARG;
                            continue;
                        }
                    }
                }
                case '"' -> {
                    if (!has(IN_SQ)) {
                        if (has(IN_DQ)) {
                            state &= ~IN_DQ;
                            continue;
                        }
                        if (state == NONE || state == IN_ARG) {
                            if (state == NONE) {
                                startWord();
                            }
                            state = IN_DQ | IN_ARG;
                            continue;
                        }
                    }
                }
                case '|', '<', '>' -> flagOutsideQuotes(ShellFeature.REDIRECTION);
                case '&', ';' -> {
                    if (!inQuotes()) {
                        state = SPECIAL;
                        features.add(ShellFeature.JOB_CONTROL);
                    }
                }
                case '`' -> {
                    if (!has(IN_SQ) && !has(BACKSLASH)) {
                        features.add(ShellFeature.SUBCOMMAND);
                    }
                }
                case '(', ')' -> flagOutsideQuotes(ShellFeature.PARENTHESIS);
                case '$' -> {
                    if (!has(IN_SQ) && !has(BACKSLASH)) {
                        boolean sub = i + 1 < n && s.charAt(i + 1) == '(';
                        features.add(sub ? ShellFeature.SUBCOMMAND : ShellFeature.VARIABLE);
                    }
                }
                case '*', '?' -> flagOutsideQuotes(ShellFeature.WILDCARD);
                default -> {
                }
            }
            state &= ~BACKSLASH;
            if (state == NONE) {
                state = IN_ARG;
                startWord();
            }
            if (word == null) {
                word = new StringBuilder();
            }
            word.append(c);
        }
        endWord();
        if (has(IN_SQ)) {
            features.add(ShellFeature.UNTERMINATED_SINGLE_QUOTE);
        }
        if (has(IN_DQ)) {
            features.add(ShellFeature.UNTERMINATED_DOUBLE_QUOTE);
        }
    }

    private void flagOutsideQuotes(ShellFeature f) {
        if (!inQuotes()) {
            features.add(f);
        }
    }
}
