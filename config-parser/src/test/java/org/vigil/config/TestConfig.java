package org.vigil.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.diag.SourceLocation;

/** Writes a small config into a directory and loads it; diagnostics come back with paths relative to it. */
public final class TestConfig {

    private final Path dir;

    public TestConfig(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes {@code objects.cfg} and a {@code nagios.cfg} naming it, then loads. A separate
     * {@code minimal.cfg} holds one contact, host and service, since Nagios refuses a config without.
     */
    public LoadResult objects(String objectText) {
        file("objects.cfg", objectText);
        file("minimal.cfg", MINIMAL);
        return main("cfg_file=minimal.cfg\ncfg_file=objects.cfg\nillegal_macro_output_chars=`~$&|'\"<>\n");
    }

    /** The objects of {@code minimal.cfg}; tests skip the host {@value #MINIMAL_HOST}. */
    public static final String MINIMAL_HOST = "minimal-host";

    private static final String MINIMAL = """
            define command {
                command_name minimal-check
                command_line /bin/true
            }
            define contact {
                contact_name minimal-contact
                host_notification_commands minimal-check
                service_notification_commands minimal-check
                host_notification_period minimal-period
                service_notification_period minimal-period
            }
            define host {
                host_name minimal-host
                max_check_attempts 1
                contacts minimal-contact
            }
            define service {
                host_name minimal-host
                service_description minimal
                check_command minimal-check
                max_check_attempts 1
                contacts minimal-contact
                check_period minimal-period
                notification_period minimal-period
            }
            define timeperiod {
                timeperiod_name minimal-period
                alias minimal
            }
            """;

    public LoadResult main(String mainText) {
        file("nagios.cfg", mainText);
        return ConfigLoader.load(dir.resolve("nagios.cfg"));
    }

    public Path file(String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every diagnostic as {@code relative/file:line: severity: message}. */
    public List<String> messages(LoadResult r) {
        return r.diagnostics().all().stream().map(this::relative).collect(Collectors.toList());
    }

    /** Only the errors, as {@link #messages}. */
    public List<String> errors(LoadResult r) {
        return messages(r).stream().filter(m -> m.contains(": error: ")).collect(Collectors.toList());
    }

    private String relative(Diagnostic d) {
        SourceLocation l = d.location();
        if (l.file() != null && l.file().startsWith(dir)) {
            l = new SourceLocation(dir.relativize(l.file()), l.line());
        }
        return new Diagnostic(d.severity(), l, d.message()).toString();
    }

    /** A minimal valid set of objects to build test configs on. */
    public static final String BASE = """
            define command {
                command_name    check_dummy
                command_line    /usr/lib/nagios/plugins/check_dummy $ARG1$
            }
            define timeperiod {
                timeperiod_name 24x7
                alias           always
                monday          00:00-24:00
            }
            define contact {
                contact_name    admin
                host_notification_period    24x7
                service_notification_period 24x7
                host_notification_commands  check_dummy
                service_notification_commands check_dummy
            }
            define host {
                name                generic-host
                max_check_attempts  3
                check_period        24x7
                notification_period 24x7
                contacts            admin
                register            0
            }
            define service {
                name                generic-service
                max_check_attempts  3
                check_command       check_dummy!0
                check_period        24x7
                notification_period 24x7
                register            0
            }
            """;
}
