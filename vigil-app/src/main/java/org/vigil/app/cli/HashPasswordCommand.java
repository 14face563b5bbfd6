package org.vigil.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.web.auth.PasswordHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vigil hash-password}: reads one line (the password) from stdin and prints its hash for vigil.yml. */
@Command(name = "hash-password", description = "read a password on stdin, print its hash for vigil.yml")
final class HashPasswordCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    // the hand-written parser ignored any argument after hash-password: still accepted, still ignored
    @Parameters(hidden = true)
    List<String> ignored;

    private final PrintStream out;
    private final PrintStream err;

    HashPasswordCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                err.println("vigil hash-password: give the password on standard input");
                return UsageErrors.USAGE;
            }
            out.println(PasswordHash.hash(line));
            return 0;
        } catch (IOException e) {
            err.println("vigil hash-password: " + e.getMessage());
            return 1;
        }
    }
}
