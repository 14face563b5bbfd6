package org.vigil.app.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** The {@code vigil} command: dispatches to its subcommands. */
public final class Vigil {

    private Vigil() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one subcommand; returns the process exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "verify" -> new VerifyCommand(out, err).run(rest);
                case "timeperiod" -> new TimeperiodCommand(out, err).run(rest);
                case "run" -> new RunCommand(out, err).run(rest);
                case "reload" -> new ReloadCommand(out, err).run(rest);
                case "sweep" -> new SweepCommand(out, err, System.console() != null && out == System.out).run(rest);
                case "hash-password" -> hashPassword(out, err);
                case "cds-training" -> new CdsTrainingCommand(err).run(rest); // bin/vigil's, not for users
                default -> {
                    err.println("vigil: unknown command '" + args[0] + "'");
                    usage(err);
                    yield 2;
                }
            };
        } catch (RuntimeException e) {
            // users get one line, never a stack trace
            err.println("vigil: internal error: " + e);
            return 3;
        }
    }

    /** Reads one line (the password) from stdin and prints its PBKDF2 hash for {@code auth.users} in vigil.yml. */
    private static int hashPassword(PrintStream out, PrintStream err) {
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                err.println("vigil hash-password: give the password on standard input");
                return 2;
            }
            out.println(org.vigil.web.auth.PasswordHash.hash(line));
            return 0;
        } catch (java.io.IOException e) {
            err.println("vigil hash-password: " + e.getMessage());
            return 1;
        }
    }

    static void usage(PrintStream out) {
        out.println("usage: vigil COMMAND [OPTIONS]");
        out.println();
        out.println("commands:");
        out.println("  run [--watch] [--web-config vigil.yml] [--no-web] [NAGIOS_CFG]  (or nagios_config in vigil.yml)");
        out.println("                                            run the monitor in the foreground, with the web");
        out.println("                                            status and API on http://localhost:8080 (--watch:");
        out.println("                                            reload when the config files change)");
        out.println("  hash-password                             read a password on stdin, print its hash for vigil.yml");
        out.println("  reload NAGIOS_CFG                         verify a config and have the running monitor reload it");
        out.println("  sweep NAGIOS_CFG [--host NAME] [--hostgroup NAME] [--servicegroup NAME] [--service PATTERN]");
        out.println("        [--state problem] [--json]          have the running monitor run the selected checks now");
        out.println("                                            and print what is not OK (PATTERN: glob, or /regex/)");
        out.println("  verify [--dump-objects FILE] NAGIOS_CFG   check a configuration, as 'nagios -v' does");
        out.println("  timeperiod NAGIOS_CFG PERIOD [--at TIME] [--json]");
        out.println("                                            show whether a time is inside a timeperiod,");
        out.println("                                            its current or next window and next changes");
    }
}
