package org.vigil.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.vigil.engine.daemon.Daemon;
import org.vigil.livestatus.server.CommandSink;
import org.vigil.livestatus.server.LivestatusServer;
import org.vigil.livestatus.server.LivestatusService;
import org.vigil.livestatus.server.WaitTrigger;
import org.vigil.livestatus.server.WaitTriggers;
import org.vigil.livestatus.table.LiveTables;
import org.vigil.model.ReadModel;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.app.WebServer;
import org.vigil.web.model.Monitor;

/**
 * What {@code vigil run} serves beside the monitor: the web server and Livestatus. Either one that cannot start is
 * reported on {@code err} and the monitor runs on without it.
 */
final class Frontends {

    private final PrintStream out;
    private final PrintStream err;

    Frontends(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Listens for Livestatus where {@code setup} says, once retained state is back; answers from {@code reader} with
     * T's tables, COMMAND lines through the running daemon's commands (as the command file's). An endpoint that
     * cannot be listened on is reported and the monitor runs on without Livestatus, as without the web server.
     */
    Optional<LivestatusServer> startLivestatus(LivestatusSetup setup, Daemon daemon, ReadModel reader,
                                                       WaitTriggers triggers) {
        CommandSink commands = line -> {
            daemon.commands().submitLine(line);
            daemon.engine().call(() -> null); // the engine runs its queue in order: the command has run now
            reader.invalidate();
            triggers.fire(WaitTrigger.COMMAND);
        };
        LivestatusService service = new LivestatusService(LiveTables.of(daemon.mainConfig()), reader, commands,
                triggers, Monitor.SNAPSHOT_MAX_AGE);
        try {
            LivestatusServer server = LivestatusServer.start(setup.endpoints(), service, setup.limits(),
                    line -> out.println("[" + System.currentTimeMillis() / 1000 + "] " + line));
            out.println("[" + System.currentTimeMillis() / 1000 + "] Livestatus: answering on "
                    + LivestatusSetup.describe(server.listening()));
            return Optional.of(server);
        } catch (IOException e) {
            err.println("vigil run: Livestatus cannot listen: " + e.getMessage() + "; monitoring goes on without it");
            return Optional.empty();
        }
    }

    /**
     * Starts the web server on its own thread, so checks start without waiting for it and its start-up overlaps the
     * monitor's; it holds requests until {@code daemonStarted}. A web server that cannot start (port in use) is
     * reported and the monitor runs on without it.
     */
    void startWeb(Monitor monitor, VigilConfiguration settings, AtomicReference<WebServer> started,
                          CompletableFuture<Void> daemonStarted, CompletableFuture<Void> tried) {
        Thread t = new Thread(() -> {
            try {
                WebServer w = WebServer.start(monitor, settings, Clock.systemUTC(), daemonStarted);
                started.set(w);
                out.println("[" + System.currentTimeMillis() / 1000 + "] Web: serving http://"
                        + host(settings) + ":" + w.port() + "/ (admin port " + w.adminPort() + ")");
            } catch (Exception e) {
                err.println("vigil run: the web server did not start: " + e.getMessage()
                        + "; monitoring goes on without it");
            } finally {
                tried.complete(null);
            }
        }, "vigil-web-start");
        t.setDaemon(true);
        t.start();
    }

    private static String host(VigilConfiguration settings) {
        if (settings.getServerFactory() instanceof io.dropwizard.core.server.DefaultServerFactory f
                && f.getApplicationConnectors().get(0) instanceof io.dropwizard.jetty.HttpConnectorFactory h
                && h.getBindHost() != null) {
            return h.getBindHost();
        }
        return "0.0.0.0";
    }
}
