package org.vigil.config.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.config.diag.Diagnostics;

/** A directive Vigil does not act on is a warning at its line saying what Vigil does instead; the others are not. */
class IgnoredDirectivesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "broker_module=/usr/lib/check_mk/livestatus.o /var/lib/nagios4/rw/live debug=1|Livestatus option 'debug'"
            + " is ignored by Vigil: Vigil has no debug log (its own diagnostics go through vigil.yml's 'logging:')",
        "broker_module=/usr/lib/check_mk/livestatus.so /var/lib/nagios4/rw/live num_client_threads=x|Livestatus"
            + " option 'num_client_threads=x' is not understood (expected a number of threads, 1 or more); the"
            + " default is used",
        "broker_module=/usr/lib/check_mk/livestatus.o /live query_timeout=5000 cache=3|unknown Livestatus option"
            + " 'cache' is ignored (Vigil reads idle_timeout, num_client_threads, query_timeout)",
        "broker_module=/usr/lib/check_mk/livestatus.o|the Livestatus module line names no socket"
            + " (broker_module=/usr/lib/check_mk/livestatus.o /path/to/live): Livestatus is off unless vigil.yml's"
            + " livestatus: gives one",
        "broker_module=/opt/livestatus-1.2/mk-livestatus.o /var/lib/nagios4/rw/live|'broker_module' is ignored by"
            + " Vigil: NEB modules are not loaded (Vigil is not the Nagios process they link into); Vigil answers"
            + " Livestatus itself for a module named livestatus.o or livestatus.so (or with vigil.yml's livestatus:)",
        "broker_module=/opt/gearman/neb_gearman.o config=/etc/mod-gearman/module.conf|'broker_module' is ignored by"
            + " Vigil: NEB modules are not loaded (Vigil is not the Nagios process they link into); Vigil sends checks"
            + " to gearmand itself for a module whose file name starts with mod_gearman (or with vigil.yml's"
            + " gearman:)",
        "broker_module=/usr/lib/ndoutils/ndomod.o config_file=/etc/ndomod.cfg|'broker_module' is ignored by Vigil:"
            + " NEB modules are not loaded (Vigil is not the Nagios process they link into)",
        "query_socket=/var/lib/nagios4/rw/nagios.qh|'query_socket' is ignored by Vigil: there is no query handler"
            + " socket; 'vigil sweep' and the API use Vigil's own control socket (lock_file.sock) and /api/v1",
        "check_for_updates=1|'check_for_updates' is ignored by Vigil: Vigil never checks for updates",
        "event_broker_options=-1|'event_broker_options' is ignored by Vigil: no event broker modules are loaded"
            + " (see broker_module)",
    })
    void anIgnoredDirectiveIsAWarningAtItsLine(String line, String warning) throws Exception {
        Diagnostics diags = read("log_file=nagios.log\n" + line + "\n");
        assertThat(diags.all()).extracting(Object::toString)
                .containsExactly(dir.resolve("nagios.cfg") + ":2: warning: " + warning);
    }

    @Test
    void directivesVigilActsOnAreNotWarnedAbout() throws Exception {
        Diagnostics diags = read("""
                log_file=nagios.log
                use_syslog=1
                log_rotation_method=d
                log_archive_path=archives
                log_current_states=1
                log_notifications=0
                max_concurrent_checks=10
                use_large_installation_tweaks=1
                broker_module=/usr/lib/check_mk/livestatus.o /var/lib/nagios4/rw/live num_client_threads=20
                broker_module=/usr/lib/mod_gearman/mod_gearman_naemon.o config=/etc/mod-gearman/module.conf
                """);
        assertThat(diags.all()).isEmpty();
    }

    @Test
    void everyIgnoredDirectiveIsOneNagiosKnows() {
        assertThat(MainDirectives.KNOWN).containsAll(IgnoredDirectives.names());
        assertThat(List.of("use_syslog", "log_rotation_method", "log_archive_path", "log_file", "broker_module"))
                .noneMatch(IgnoredDirectives.names()::contains);
    }

    private Diagnostics read(String text) throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), text);
        Diagnostics diags = new Diagnostics();
        new MainConfigReader(diags).read(dir.resolve("nagios.cfg"));
        return diags;
    }
}
