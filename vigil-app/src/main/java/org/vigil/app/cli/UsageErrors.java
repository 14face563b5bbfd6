package org.vigil.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A bad command line: one line naming the command and what is wrong (with a "did you mean" when picocli finds a near
 * option or subcommand), then the usage, on stderr; exit 2, as the hand-written parser did.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    /** The exit code of a bad command line. */
    static final int USAGE = 2;

    private final PrintStream err;

    UsageErrors(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + what(e));
        if (cmd.getParent() == null) {
            cmd.usage(err); // vigil alone: the list of commands, as before
        } else {
            CommandLine.Help help = cmd.getHelp();
            err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
        }
        err.flush();
        return USAGE;
    }

    static String what(ParameterException e) {
        if (e instanceof UnmatchedArgumentException) {
            UnmatchedArgumentException u = (UnmatchedArgumentException) e;
            String arg = u.getUnmatched().isEmpty() ? "" : u.getUnmatched().get(0);
            boolean command = !u.isUnknownOption() && !u.getCommandLine().getSubcommands().isEmpty();
            String kind = command ? "unknown command" : u.isUnknownOption() ? "unknown option" : "unexpected argument";
            return kind + " '" + arg + "'" + didYouMean(u.getSuggestions());
        }
        if (e instanceof MissingParameterException) {
            List<ArgSpec> missing = ((MissingParameterException) e).getMissing();
            if (!missing.isEmpty() && missing.get(0).isOption()) {
                return ((OptionSpec) missing.get(0)).longestName() + " needs a value";
            }
            return "missing " + missing.stream().map(ArgSpec::paramLabel).collect(Collectors.joining(" and "));
        }
        String message = String.valueOf(e.getMessage());
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static String didYouMean(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return "";
        }
        List<String> near = suggestions.subList(0, Math.min(3, suggestions.size()));
        return " (did you mean " + near.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" or ")) + "?)";
    }
}
