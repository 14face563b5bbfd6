package org.vigil.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.UsageMessageSpec;

/** The {@code vigil} command: parses the command line with picocli and runs one subcommand. */
@Command(name = "vigil", description = "A Nagios-compatible monitoring engine.",
        footer = "%nRun 'vigil COMMAND --help' for the options of a command.")
public final class Vigil implements Callable<Integer> {

    /** The exit code of an exception that escaped a subcommand (a bug): one line, no stack trace. */
    static final int INTERNAL_ERROR = 3;

    @Mixin
    HelpOption help;

    private final PrintStream err;
    private CommandLine self;

    private Vigil(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one subcommand; returns the process exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        java.util.Optional<VerifyCommand> verify = VerifyArguments.read(args, out, err);
        if (verify.isPresent()) {
            return VerifyArguments.run(verify.get(), out, err); // picocli not loaded: see VerifyArguments
        }
        CommandLine vigil = commandLine(out, err, args.length == 0 ? null : args[0]);
        try {
            return vigil.execute(args);
        } finally {
            vigil.getOut().flush();
            vigil.getErr().flush();
        }
    }

    /**
     * The command tree writing to {@code out} and {@code err}. When {@code first} names a subcommand (other than
     * help and completion, which need them all) only that one is built: picocli reads each command's annotations
     * by reflection, and {@code vigil verify} should not wait for the others (about 0.1 s of a short command).
     */
    static CommandLine commandLine(PrintStream out, PrintStream err, String first) {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("run", () -> new RunCommand(out, err));
        commands.put("hash-password", () -> new HashPasswordCommand(out, err));
        commands.put("reload", () -> new ReloadCommand(out, err));
        commands.put("sweep", () -> new SweepCommand(out, err, System.console() != null && out == System.out));
        commands.put("verify", () -> new VerifyCommand(out, err));
        commands.put("worker", () -> new WorkerCommand(out, err));
        commands.put("timeperiod", () -> new TimeperiodCommand(out, err));
        commands.put("import-nagios-state", () -> new ImportNagiosStateCommand(out, err));
        commands.put("export-nagios-state", () -> new ExportNagiosStateCommand(out, err));
        commands.put("completion", () -> new CompletionCommand(out));
        commands.put("help", CommandLine.HelpCommand::new);
        commands.put("cds-training", () -> new CdsTrainingCommand(err)); // bin/vigil's, hidden: not for users
        Vigil root = new Vigil(err);
        CommandLine vigil = new CommandLine(root);
        root.self = vigil;
        boolean one = first != null && commands.containsKey(first) && !first.equals("help")
                && !first.equals("completion");
        commands.forEach((name, command) -> {
            if (!one || name.equals(first)) {
                vigil.addSubcommand(name, command.get());
            }
        });
        headings(vigil);
        // settings given after every subcommand is added, as picocli hands them down only to those present
        vigil.setOut(new PrintWriter(out, true));
        vigil.setErr(new PrintWriter(err, true));
        vigil.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF)); // plain text, as the old usage
        vigil.setExpandAtFiles(false); // a config path may start with @
        vigil.setOverwrittenOptionsAllowed(true); // the last --at or --web-config wins, as before
        vigil.setParameterExceptionHandler(new UsageErrors(err));
        vigil.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("vigil: internal error: " + e); // users get one line, never a stack trace
            return INTERNAL_ERROR;
        });
        return vigil;
    }

    /** {@code vigil} alone prints the commands on stderr and fails, as before; {@code vigil --help} on stdout. */
    @Override
    public Integer call() {
        self.usage(err);
        return UsageErrors.USAGE;
    }

    private static void headings(CommandLine cmd) {
        UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
        usage.synopsisHeading("usage: ").commandListHeading("%ncommands:%n").optionListHeading("%noptions:%n")
                .parameterListHeading("%narguments:%n").descriptionHeading("%n");
        cmd.getSubcommands().values().forEach(Vigil::headings);
    }
}
