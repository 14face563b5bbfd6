package org.vigil.config.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.dump.ObjectCacheWriter;

/**
 * Custom variables come out in Nagios's order, the same on every run: an object's own in the order they
 * were written, then what they inherited, template by template, each template's last first (nested templates
 * too); they used to be shuffled from one run to the next.
 */
class CustomVariableOrderTest {

    private static final String OBJECTS = """
            define command {
              command_name c
              command_line /bin/true
            }
            define timeperiod {
              timeperiod_name 24x7
              alias always
              monday 00:00-24:00
            }
            define contact {
              contact_name ct
              host_notification_period 24x7
              service_notification_period 24x7
              host_notification_commands c
              service_notification_commands c
              _PAGER_ID 7
              _DESK 2
              _ARRIVED 2020
            }
            define host {
              name base
              _BASE_ONE 1
              _ZED zz
              _BASE_TWO 2
              register 0
            }
            define host {
              name tpl
              use base
              _ZED z
              _ALPHA t
              _KILO k
              register 0
            }
            define host {
              name other
              _YANKEE y
              _ALPHA o
              register 0
            }
            define host {
              use tpl,other
              host_name h
              address 127.0.0.1
              check_command c
              max_check_attempts 1
              check_period 24x7
              contacts ct
              _MIKE m
              _BRAVO b
              _ALPHA a
            }
            define service {
              host_name h
              service_description s
              check_command c
              max_check_attempts 1
              check_interval 1
              retry_interval 1
              check_period 24x7
              notification_period 24x7
              contacts ct
              _QUEBEC q
              _BRAVO b
              _XRAY x
              _DELTA d
            }
            """;

    @Test
    void inNagiosOrderOnEveryRun(@TempDir Path dir, @TempDir Path scratch) throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\n"
                + "illegal_macro_output_chars=`~$&|'\"<>\n");
        Files.writeString(dir.resolve("objects.cfg"), OBJECTS);
        NagiosRunner.Run nagios = NagiosRunner.run(new ConfigUnderTest.CaseDirectory("custom-order", dir), scratch);
        List<String> expected = customLines(nagios.precache().orElseThrow());
        assertThat(expected).as("nagios4's precache").hasSize(15);

        for (int run = 0; run < 5; run++) {
            LoadResult vigil = ConfigLoader.load(nagios.nagiosCfg());
            StringBuilder dump = new StringBuilder();
            ObjectCacheWriter.write(vigil.model(), dump);
            assertThat(customLines(dump.toString())).as("run %d", run).containsExactlyElementsOf(expected);
        }
    }

    private static List<String> customLines(String cache) {
        return cache.lines().map(String::strip).filter(l -> l.startsWith("_")).toList();
    }
}
