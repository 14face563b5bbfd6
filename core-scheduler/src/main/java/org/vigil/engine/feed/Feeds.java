package org.vigil.engine.feed;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.checks.macro.ExpandedCommand;
import org.vigil.checks.macro.MacroContext;
import org.vigil.checks.macro.MacroResolver;
import org.vigil.checks.macro.RuntimeMacros;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.ServiceKey;

/**
 * What a check result feeds, once the engine has applied it: the OCSP/OCHP command (Nagios 4.4.6's
 * {@code obsessive_compulsive_*_check_processor}, after the notification, with the state as notified), then, once
 * the state has settled, the performance data command and file line ({@code update_*_performance_data}). The engine decides whether each is due (the program switches and the
 * object's {@code obsess} and {@code process_perf_data}); this expands the macros on the engine thread and hands
 * the work to the command runner and the file writers.
 */
public final class Feeds implements AutoCloseable {

    private final FeedSettings settings;
    private final MacroResolver macros;
    private final PluginRunner runner;
    private final FeedCommandRunner commands;
    private final PerfdataFile hostFile;
    private final PerfdataFile serviceFile;
    private final Consumer<String> log;
    private boolean filesClosed;

    Feeds(FeedSettings settings, MacroResolver macros, PluginRunner runner, Consumer<String> log) {
        this.settings = settings;
        this.macros = macros;
        this.runner = runner;
        this.log = log;
        this.commands = new FeedCommandRunner(runner, 4, log);
        this.hostFile = file(settings.host());
        this.serviceFile = file(settings.service());
    }

    /**
     * The feeds of a loaded config, on their own plugin runner. A directive naming a command that is not defined is
     * refused or warned about at its line by the config check ({@code MainCommandReferences}); one that reaches an
     * engine all the same is reported once here and not run.
     */
    public static Feeds create(ObjectModel model, MainConfig main, RuntimeMacros runtime, Clock clock,
                               Consumer<String> log) {
        FeedSettings s = FeedSettings.from(main);
        s = new FeedSettings(known(model, s.host(), log), known(model, s.service(), log), s.perfdataTimeout(),
                known(model, s.ocspCommand(), "ocsp_command", log), known(model, s.ochpCommand(), "ochp_command", log),
                s.ocspTimeout(), s.ochpTimeout());
        return new Feeds(s, new MacroResolver(model, main, runtime, clock),
                PluginRunners.create(RunnerOptions.defaults()), log);
    }

    private static PerfdataTarget known(ObjectModel model, PerfdataTarget t, Consumer<String> log) {
        String p = t.kind() + "_perfdata_";
        return new PerfdataTarget(t.kind(), known(model, t.command(), p + "command", log), t.file(), t.template(),
                t.mode(), t.processingInterval(), known(model, t.processingCommand(), p + "file_processing_command",
                log), t.processEmptyResults());
    }

    private static String known(ObjectModel model, String command, String directive, Consumer<String> log) {
        if (command == null) {
            return null;
        }
        String name = MacroResolver.splitArguments(command).get(0);
        if (!model.commands().containsKey(name)) {
            log.accept("Error: " + directive + " command '" + name + "' is not defined: no "
                    + directive.replace('_', ' ') + " is run");
            return null;
        }
        return command;
    }

    private PerfdataFile file(PerfdataTarget t) {
        if (t.file() == null) {
            return null;
        }
        // the command exists (checked in create); only the global macros, as xpddefault_process_*_perfdata_file
        Supplier<String> processing = t.processingCommand() == null || t.processingInterval().isZero() ? null
                : () -> macros.command(MacroContext.none(), t.processingCommand()).map(ExpandedCommand::line)
                        .orElse("");
        return new PerfdataFile(t, processing, settings.perfdataTimeout(), runner, log);
    }

    public FeedSettings settings() {
        return settings;
    }

    /** OCSP: a service's result applied and notified, before its alert settles (a soft recovery is OK SOFT). */
    public void obsessService(ServiceKey key) {
        if (settings.ocspCommand() == null) {
            return;
        }
        macros.command(MacroContext.service(key), settings.ocspCommand()).ifPresent(c -> commands.run(c.line(),
                Map.of(), settings.ocspTimeout(), secs -> String.format(Locale.ROOT, "Warning: OCSP command '%s' for"
                        + " service '%s' on host '%s' timed out after %.2f seconds", c.line(), key.description(),
                        key.hostName(), secs)));
    }

    /** OCHP: a host's result applied and notified, before its alert settles. */
    public void obsessHost(String host) {
        if (settings.ochpCommand() == null) {
            return;
        }
        macros.command(MacroContext.host(host), settings.ochpCommand()).ifPresent(c -> commands.run(c.line(),
                Map.of(), settings.ochpTimeout(), secs -> String.format(Locale.ROOT, "Warning: OCHP command '%s' for"
                        + " host '%s' timed out after %.2f seconds", c.line(), host, secs)));
    }

    /** A service's settled result: its perfdata command and file line. Engine thread. */
    public void servicePerfdata(ServiceKey key, String checkCommand, String perfData) {
        perfdata(settings.service(), serviceFile, MacroContext.service(key), checkCommand, perfData);
    }

    /** A host's settled result: its perfdata command and file line. Engine thread. */
    public void hostPerfdata(String host, String checkCommand, String perfData) {
        perfdata(settings.host(), hostFile, MacroContext.host(host), checkCommand, perfData);
    }

    /** As {@code xpddefault_update_*_performance_data}: the command, then the file's line. */
    private void perfdata(PerfdataTarget t, PerfdataFile file, MacroContext ctx, String checkCommand,
                          String perfData) {
        if (!t.processEmptyResults() && (perfData == null || perfData.isEmpty())) {
            return;
        }
        if (t.command() == null && file == null) {
            return;
        }
        // grab_argv_macros_r: $ARGn$ of the object's check command, for the template and the command
        MacroContext withArgs = ctx.withArgs(checkArgs(ctx, checkCommand, t));
        if (t.command() != null) {
            Optional<ExpandedCommand> c = macros.command(withArgs, t.command());
            c.ifPresent(cmd -> commands.run(cmd.line(), Map.of(), settings.perfdataTimeout(),
                    secs -> String.format(Locale.ROOT, "Warning: %s performance data command '%s' timed out after"
                            + " %.2f seconds", t.title(), cmd.line(), secs)));
        }
        if (file != null) {
            file.offer(macros.expandUncleaned(withArgs, t.template()));
        }
    }

    private List<String> checkArgs(MacroContext ctx, String checkCommand, PerfdataTarget t) {
        boolean wanted = (t.command() != null && t.command().contains("$ARG")) || t.template().contains("$ARG");
        if (!wanted || checkCommand == null) {
            return List.of();
        }
        return macros.command(ctx, checkCommand).map(ExpandedCommand::args).orElse(List.of());
    }

    /** Lines and commands dropped because a queue was full (see docs/compatibility.md). */
    public long dropped() {
        return commands.dropped() + (hostFile == null ? 0 : hostFile.dropped())
                + (serviceFile == null ? 0 : serviceFile.dropped());
    }

    /** Waits until no feed command is queued or running; for tests. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return commands.awaitIdle(timeout);
    }

    /**
     * Writes what is queued and closes the perfdata files, stopping their processing; commands queued or running
     * go on. Once; then nothing.
     */
    public synchronized void closeFiles() {
        if (filesClosed) {
            return;
        }
        filesClosed = true;
        if (hostFile != null) {
            hostFile.close();
        }
        if (serviceFile != null) {
            serviceFile.close();
        }
    }

    /** Closes the files, lets running commands finish for a moment, and stops. */
    @Override
    public void close() {
        closeFiles();
        commands.close();
        if (runner instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // shutting down
            }
        }
    }
}
