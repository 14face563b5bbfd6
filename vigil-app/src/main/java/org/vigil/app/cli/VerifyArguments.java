package org.vigil.app.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code vigil verify}'s plain command lines read without picocli: config management runs verify on every change,
 * and picocli's start (its reflection over the annotations, its Java 5 classes that a class data sharing archive
 * cannot hold) was about a third of verifying a small config. Only lines picocli would read the same way are
 * taken; anything else ({@code --help}, an unknown or misspelt option, a missing or second config, {@code --}) is
 * left to picocli, so usage errors and help stay as picocli words them.
 */
final class VerifyArguments {

    private VerifyArguments() {
    }

    /** The verify command {@code args} asks for, or empty when picocli must read them. */
    static Optional<VerifyCommand> read(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !args[0].equals("verify")) {
            return Optional.empty();
        }
        VerifyCommand verify = new VerifyCommand(out, err);
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--explain-checks")) {
                    verify.explainChecks = true;
                } else if (a.startsWith("--dump-objects=")) {
                    verify.dump = path(a.substring("--dump-objects=".length()));
                } else if (a.startsWith("--web-config=")) {
                    verify.webConfig = path(a.substring("--web-config=".length()));
                } else if (a.equals("--dump-objects") || a.equals("--web-config")) {
                    if (i + 1 == args.length || args[i + 1].startsWith("-")) {
                        return Optional.empty();
                    }
                    Path value = path(args[++i]);
                    if (a.equals("--dump-objects")) {
                        verify.dump = value;
                    } else {
                        verify.webConfig = value;
                    }
                } else if (a.startsWith("-") || verify.config != null) {
                    return Optional.empty();
                } else {
                    verify.config = path(a);
                }
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return verify.config == null ? Optional.empty() : Optional.of(verify);
    }

    /** Runs {@code verify} as picocli would: an exception that escapes is one line and exit 3, never a trace. */
    static int run(VerifyCommand verify, PrintStream out, PrintStream err) {
        try {
            return verify.call();
        } catch (RuntimeException e) {
            err.println("vigil: internal error: " + e);
            return Vigil.INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static Path path(String text) {
        if (text.isEmpty()) {
            throw new InvalidPathException(text, "empty"); // picocli says what is wrong with it
        }
        return Path.of(text);
    }
}
