package org.vigil.web.cli;

/** The {@code vigil} command: dispatches to its subcommands. */
public final class Vigil {

    private Vigil() {
    }

    public static void main(String[] args) {
        System.err.println("usage: vigil verify [--dump-objects FILE] NAGIOS_CFG");
        System.exit(2);
    }
}
