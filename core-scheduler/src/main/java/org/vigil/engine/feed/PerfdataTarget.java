package org.vigil.engine.feed;

import java.time.Duration;
import org.vigil.config.main.MainConfig;

/**
 * The {@code nagios.cfg} directives of one kind of performance data ({@code host_...} or {@code service_...}),
 * with Nagios 4.4.6's defaults ({@code include/defaults.h}, {@code config.c}).
 *
 * @param kind {@code host} or {@code service}
 * @param command {@code *_perfdata_command}, run after each result ({@code command!args}), or null
 * @param file {@code *_perfdata_file}, or null
 * @param template {@code *_perfdata_file_template} with {@code \t}, {@code \r}, {@code \n} already turned into
 *        the characters they name, as {@code xpddefault_preprocess_file_templates} does
 * @param mode {@code *_perfdata_file_mode}: {@code p} if the value holds a p, else {@code w} if it holds a w,
 *        else {@code a} (Nagios tests the letters in that order)
 * @param processingInterval {@code *_perfdata_file_processing_interval} in seconds (0: never)
 * @param processingCommand {@code *_perfdata_file_processing_command}, or null
 * @param processEmptyResults {@code *_perfdata_process_empty_results} (default on)
 */
public record PerfdataTarget(String kind, String command, String file, String template, char mode,
                             Duration processingInterval, String processingCommand, boolean processEmptyResults) {

    static final String DEFAULT_HOST_TEMPLATE =
            "[HOSTPERFDATA]\t$TIMET$\t$HOSTNAME$\t$HOSTEXECUTIONTIME$\t$HOSTOUTPUT$\t$HOSTPERFDATA$";
    static final String DEFAULT_SERVICE_TEMPLATE = "[SERVICEPERFDATA]\t$TIMET$\t$HOSTNAME$\t$SERVICEDESC$"
            + "\t$SERVICEEXECUTIONTIME$\t$SERVICELATENCY$\t$SERVICEOUTPUT$\t$SERVICEPERFDATA$";

    /** The {@code host_...} or {@code service_...} directives of {@code main}. */
    static PerfdataTarget from(MainConfig main, String kind) {
        String p = kind + "_perfdata_";
        String template = blankToNull(main.value(p + "file_template", null));
        String mode = main.value(p + "file_mode", "a");
        return new PerfdataTarget(kind, blankToNull(main.value(p + "command", null)),
                blankToNull(main.value(p + "file", null)),
                unescape(template != null ? template : kind.equals("host") ? DEFAULT_HOST_TEMPLATE
                        : DEFAULT_SERVICE_TEMPLATE),
                mode.contains("p") ? 'p' : mode.contains("w") ? 'w' : 'a',
                Duration.ofSeconds(Math.max(0, number(main.value(p + "file_processing_interval", "0"), 0))),
                blankToNull(main.value(p + "file_processing_command", null)),
                main.flag(p + "process_empty_results", true));
    }

    /** {@code Host} or {@code Service}, as Nagios's warnings begin. */
    String title() {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }

    static String unescape(String template) {
        StringBuilder out = new StringBuilder(template.length());
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            char next = i + 1 < template.length() ? template.charAt(i + 1) : 0;
            if (c == '\\' && (next == 't' || next == 'r' || next == 'n')) {
                out.append(next == 't' ? '\t' : next == 'r' ? '\r' : '\n');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static long number(String s, long fallback) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
