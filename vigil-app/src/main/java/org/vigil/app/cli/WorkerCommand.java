package org.vigil.app.cli;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.vigil.checks.builtin.BuiltinSwitches;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.worker.pool.PoolLimits;
import org.vigil.worker.pool.WorkerPools;
import org.vigil.worker.settings.WorkerCommandLine;
import org.vigil.worker.settings.WorkerSettings;
import org.vigil.worker.settings.WorkerSettingsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code vigil worker}: a mod_gearman worker. Takes check, event handler and notification jobs from gearmand queues,
 * runs them with the plugin runner and built-in checks of local execution, and sends check results back to the
 * central node's result queue. Options and worker.conf as mod_gearman's worker reads them
 * ({@link WorkerCommandLine}); runs until SIGTERM or Ctrl-C, then finishes the running checks and exits 0.
 */
@Command(name = "worker", customSynopsis = {"vigil worker --server HOST:PORT [--key-file F] [--hosts] [--services]",
    "             [--hostgroups A,B] [--config worker.conf] [OPTIONS]"},
        description = {"run checks for a central node through gearmand, as a mod_gearman worker",
            "%nServes the queues named (host, service, eventhandler, notification, hostgroup_NAME,"
                + " servicegroup_NAME; all four plain queues when none is named) on every server, between min-worker"
                + " and max-worker job loops per server. Logs to stderr, or to worker.conf's logfile=. SIGTERM or"
                + " Ctrl-C stop it after the running checks. Exit 1 for settings that cannot be used (each problem"
                + " as file:line: error: ...), 2 for a bad command line."},
        footer = {"%nworker options (also key=value lines in worker.conf; --name=value works too):",
            "  --server HOST:PORT     a gearmand (repeatable, or a,b; default port 4730)",
            "  --key-file F           the shared key: F's first line, at most 32 characters",
            "  --key K                the shared key itself (ps shows it: prefer --key-file)",
            "  --encryption yes|no    AES-encrypted payloads (default yes)",
            "  --hosts, --services, --eventhandler, --notifications",
            "                         serve these queues",
            "  --hostgroups A,B       serve hostgroup_A, hostgroup_B",
            "  --servicegroups A,B    serve servicegroup_A, servicegroup_B",
            "  --identifier NAME      this worker's name in results (default: host name)",
            "  --min-worker N         job loops per server at least (default 1)",
            "  --max-worker N         job loops per server at most (default 20)",
            "  --spawn-rate N         loops added a second while nearly all are busy (1)",
            "  --idle-timeout S       an extra loop idle S seconds ends (10; 0: never)",
            "  --job-timeout S        timeout of jobs that give none (default 60)",
            "  --config F, -c F       read mod_gearman's worker.conf F (options win)",
            "  --logfile F            append the log to F instead of stderr",
            "  --no-builtins          run every plugin forked, none built in"})
final class WorkerCommand implements Callable<Integer> {

    static final int SETTINGS = 1;
    static final int USAGE = 2;

    @Mixin
    HelpOption help;

    @Option(names = "--no-builtins", hidden = true)
    boolean noBuiltins;

    @Unmatched
    List<String> args = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;

    WorkerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        WorkerSettings settings;
        try {
            settings = WorkerCommandLine.parse(modGearmanSpellings(args), hostName());
        } catch (WorkerSettingsException e) {
            e.errors().forEach(err::println);
            boolean commandLineOnly = e.errors().stream().allMatch(l -> l.startsWith("vigil worker"));
            err.println("vigil worker: not starting: " + e.errors().size() + " problem(s)"
                    + (commandLineOnly ? " (see 'vigil worker --help')" : ""));
            return commandLineOnly ? USAGE : SETTINGS;
        }
        WorkerLog log;
        try {
            log = WorkerLog.open(settings, out, err);
        } catch (IllegalArgumentException e) {
            err.println("vigil worker: error: " + e.getMessage());
            return SETTINGS;
        }
        return serve(settings, log);
    }

    private int serve(WorkerSettings settings, WorkerLog log) throws InterruptedException {
        PluginRunner runner = PluginRunners.create(RunnerOptions.defaults());
        BuiltinSwitches builtins = noBuiltins ? new BuiltinSwitches(false, java.util.Set.of()) : BuiltinSwitches.ON;
        PoolLimits limits = PoolLimits.of(settings);
        log.info("Vigil worker '" + settings.identifier() + "' starting: servers "
                + settings.servers().stream().map(Object::toString).collect(Collectors.joining(", "))
                + "; queues " + String.join(", ", settings.queues()) + "; encryption "
                + (settings.encryption() ? "on" : "off") + "; " + limits.min() + " to " + limits.max()
                + " job loops per server; built-in checks " + (noBuiltins ? "off" : "on") + "; plugins through "
                + PluginRunners.describe(runner));
        WorkerPools pools = WorkerPools.start(settings, runner, builtins, log::info);
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Caught a stop signal; finishing the running checks");
            try {
                pools.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.info("Vigil worker '" + settings.identifier() + "' stopped");
            log.close();
            // every running check finished and its result sent: status 0, as mod_gearman's worker, not the JVM's 143
            Runtime.getRuntime().halt(0);
        }, "vigil-worker-shutdown"));
        forever.await();
        return 0;
    }

    /** mod_gearman's worker takes {@code -c FILE} for {@code --config=FILE}; the rest is WorkerCommandLine's. */
    static List<String> modGearmanSpellings(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            out.add(arg.equals("-c") ? "--config" : arg.startsWith("-c=") ? "--config=" + arg.substring(3) : arg);
        }
        return out;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
