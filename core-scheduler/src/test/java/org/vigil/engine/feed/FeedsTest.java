package org.vigil.engine.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.macro.RuntimeMacros;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.testkit.TestConfig;

/**
 * The macros of a perfdata file's line and of a perfdata command as {@code xpddefault.c} expands them, and commands
 * named in nagios.cfg that do not exist.
 */
class FeedsTest {

    @TempDir
    Path dir;

    /** Output with characters illegal_macro_output_chars names. */
    private static final RuntimeMacros OUTPUT = new RuntimeMacros() {
        @Override
        public String host(String hostName, String macro) {
            return null;
        }

        @Override
        public String service(ServiceKey key, String macro) {
            return macro.equals("SERVICEOUTPUT") ? "OK - \"quoted\" & <b>" : macro.equals("SERVICEPERFDATA") ? "time=1s"
                    : null;
        }
    };

    @Test
    void a_file_line_is_not_cleaned_and_sees_the_check_commands_arguments() throws Exception {
        Path file = dir.resolve("perf");
        LoadResult c = TestConfig.load(dir, """
                illegal_macro_output_chars=`~$&|'"<>
                service_perfdata_file=%s
                service_perfdata_file_template=$SERVICEDESC$\\t$SERVICEOUTPUT$\\t$ARG1$\\t$SERVICEPERFDATA$
                service_perfdata_file_mode=w
                service_perfdata_command=record!$SERVICEOUTPUT$
                """.formatted(file), TestConfig.WEB1 + """
                define command {
                    command_name record
                    command_line /bin/sh -c 'printf "%%s|%%s\\n" "$ARG1$" "$SERVICEOUTPUT$" >> %s'
                }
                """.formatted(dir.resolve("commands")));
        List<String> log = new CopyOnWriteArrayList<>();
        try (Feeds feeds = Feeds.create(c.model(), c.mainConfig(), OUTPUT, Clock.systemUTC(), log::add)) {
            feeds.servicePerfdata(new ServiceKey("web1", "http"), "check!port 80", "time=1s");
            assertThat(feeds.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(Files.readAllLines(file)).containsExactly("http\tOK - \"quoted\" & <b>\tport 80\ttime=1s");
        // the command's own $ARG1$, cleaned as every output macro of a command
        assertThat(Files.readAllLines(dir.resolve("commands"))).containsExactly("OK - quoted  b|OK - quoted  b");
        assertThat(log).isEmpty();
    }

    @Test
    void a_perfdata_command_that_is_not_defined_is_reported_once_and_not_run() throws Exception {
        // the config check warns at the directive's line (an undefined OCSP/OCHP command refuses the config there)
        LoadResult c = TestConfig.load(dir, """
                service_perfdata_command=graph
                host_perfdata_file_processing_command=move
                """, TestConfig.WEB1);
        List<String> log = new CopyOnWriteArrayList<>();
        try (Feeds feeds = Feeds.create(c.model(), c.mainConfig(), RuntimeMacros.NONE, Clock.systemUTC(), log::add)) {
            feeds.servicePerfdata(new ServiceKey("web1", "http"), "check", "");
            assertThat(feeds.settings().service().command()).isNull();
        }
        assertThat(log).containsExactly(
                "Error: host_perfdata_file_processing_command command 'move' is not defined: no host perfdata file"
                        + " processing command is run",
                "Error: service_perfdata_command command 'graph' is not defined: no service perfdata command is run");
    }

    @Test
    void an_ocsp_command_is_killed_at_ocsp_timeout_with_nagios_warning() throws Exception {
        LoadResult c = TestConfig.load(dir, """
                ocsp_command=hang
                ocsp_timeout=1
                """, TestConfig.WEB1 + """
                define command {
                    command_name hang
                    command_line /bin/sleep 30
                }
                """);
        List<String> log = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        try (Feeds feeds = Feeds.create(c.model(), c.mainConfig(), RuntimeMacros.NONE, Clock.systemUTC(), log::add)) {
            feeds.obsessService(new ServiceKey("web1", "http"));
            assertThat(feeds.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // the seconds it ran: at least the timeout, a little more under load (nagios4 itself: 2.01 to 3.11 s for 2 s)
        assertThat(log).singleElement().asString().matches("Warning: OCSP command '/bin/sleep 30' for service 'http'"
                + " on host 'web1' timed out after [1-4]\\.\\d\\d seconds");
    }
}
