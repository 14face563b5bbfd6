package org.vigil.app.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} for every command: the help picocli generates, on stdout, exit 0. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;
}
