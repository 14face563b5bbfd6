package org.vigil.app.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vigil completion}: prints the bash completion script of every command and option (picocli's
 * {@code AutoComplete}), to be sourced: {@code source <(vigil completion)}. bin/vigil-completion.bash is its output.
 */
@Command(name = "completion", description = {"print the bash completion script of vigil",
    "%nLoad it with: source <(bin/vigil completion)   (or source bin/vigil-completion.bash)"})
final class CompletionCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    CompletionCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        out.print(AutoComplete.bash("vigil", spec.root().commandLine()));
        out.flush();
        return 0;
    }
}
