package org.vigil.config.main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.model.ObjectModel;

/**
 * The directives of nagios.cfg that name a command, checked against the commands defined, as Nagios 4.4.6's
 * pre-flight check does ({@code base/config.c}, read for behaviour): a global event handler, OCSP or OCHP command
 * that is not defined refuses the config; a performance data command that is not defined is a warning (Nagios
 * says so at start and processes no performance data through it). Each is reported at the directive's line.
 */
public final class MainCommandReferences {

    private static final List<String> REQUIRED = List.of("global_host_event_handler",
            "global_service_event_handler", "ocsp_command", "ochp_command");
    private static final List<String> OPTIONAL = List.of("host_perfdata_command", "service_perfdata_command",
            "host_perfdata_file_processing_command", "service_perfdata_file_processing_command");

    private MainCommandReferences() {
    }

    /** Reports each directive of {@code main} naming a command {@code model} does not define. */
    public static void check(MainConfig main, ObjectModel model, Diagnostics diags) {
        List<String> lines = null;
        for (String directive : concat()) {
            String value = main.value(directive).map(String::strip).orElse("");
            if (value.isEmpty()) {
                continue;
            }
            int bang = value.indexOf('!');
            String command = (bang < 0 ? value : value.substring(0, bang)).strip();
            if (model.commands().containsKey(command)) {
                continue;
            }
            if (lines == null) {
                lines = lines(main);
            }
            SourceLocation where = new SourceLocation(main.file(), lineOf(lines, directive));
            if (REQUIRED.contains(directive)) {
                diags.error(where, directive + " names command '" + command + "', which is not defined"
                        + " (expected the command_name of a command definition)");
            } else {
                diags.warning(where, directive + " names command '" + command + "', which is not defined, so it is"
                        + " not run (expected the command_name of a command definition)");
            }
        }
    }

    private static List<String> concat() {
        return java.util.stream.Stream.concat(REQUIRED.stream(), OPTIONAL.stream()).toList();
    }

    private static List<String> lines(MainConfig main) {
        try {
            return Files.readAllLines(main.file(), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) { // read a moment ago; without it the error names no line
            return List.of();
        }
    }

    /** The line of the last {@code directive=} in the file (the one that counts), 1-based; 0 if not found. */
    private static int lineOf(List<String> lines, String directive) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).strip();
            if (l.startsWith(directive) && l.substring(directive.length()).strip().startsWith("=")) {
                return i + 1;
            }
        }
        return 0;
    }
}
