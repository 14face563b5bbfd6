package org.vigil.checks.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plugin's short options read the way its {@code getopt} reads them: flags grouped ({@code -nA}), a value joined
 * ({@code -t5}) or the next argument ({@code -t 5}), a colon after a letter in the option string for a value. Only
 * what a built-in takes exactly: a long option or an argument that is not an option is a reason to run the real
 * plugin, as is an unknown letter or a value missing at the end.
 */
public final class ShortOptions {

    private ShortOptions() {
    }

    /** One option: its letter and its value ({@code null} for a flag). */
    public record Option(char letter, String value) {
    }

    /** The options in their order, or why the built-in does not read them (the text {@code --explain-checks} shows). */
    public record Read(List<Option> options, Optional<String> problem) {

        static Read no(String problem) {
            return new Read(List.of(), Optional.of(problem));
        }
    }

    /**
     * @param plugin the plugin's name, for the reasons ({@code check_dig})
     * @param optstring getopt's option string, e.g. {@code "hVvt:l:H:"}
     */
    public static Read read(String plugin, String optstring, List<String> args) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") || !arg.startsWith("-") || arg.length() < 2) {
                return Read.no(plugin + ": the built-in takes short options only, not '" + arg + "'");
            }
            for (int k = 1; k < arg.length(); k++) {
                char letter = arg.charAt(k);
                int at = optstring.indexOf(letter);
                if (at < 0 || letter == ':') {
                    return Read.no(plugin + ": unknown option -" + letter);
                }
                if (at + 1 >= optstring.length() || optstring.charAt(at + 1) != ':') {
                    options.add(new Option(letter, null));
                    continue;
                }
                if (k + 1 < arg.length()) {
                    options.add(new Option(letter, arg.substring(k + 1)));
                } else if (i + 1 < args.size()) {
                    options.add(new Option(letter, args.get(++i)));
                } else {
                    return Read.no(plugin + ": -" + letter + " needs a value");
                }
                break;
            }
        }
        return new Read(List.copyOf(options), Optional.empty());
    }
}
