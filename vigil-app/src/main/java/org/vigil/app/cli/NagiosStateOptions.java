package org.vigil.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code import-nagios-state} and {@code export-nagios-state} share: {@code --web-config vigil.yml}
 * (which Vigil's store, when NAGIOS_CFG is not given) and {@code -h}. Their positional FILE and NAGIOS_CFG stay in
 * each command: picocli checks a mixin's positional indexes on their own, so NAGIOS_CFG (index 1) cannot come from
 * here without FILE (index 0), whose description differs per command.
 */
final class NagiosStateOptions {

    @Mixin
    HelpOption help;

    @Option(names = "--web-config", paramLabel = "vigil.yml",
            description = "the vigil.yml 'vigil run' uses (its nagios_config and database:); default, without"
                    + " NAGIOS_CFG: /etc/vigil/vigil.yml")
    Path webConfig;
}
