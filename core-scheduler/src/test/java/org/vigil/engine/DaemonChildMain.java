package org.vigil.engine;

import java.nio.file.Path;
import java.time.Clock;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.daemon.Daemon;

/**
 * A daemon in a JVM of its own, for tests that kill it with {@code kill -9}: loads {@code args[0]}, starts,
 * prints {@code READY} and runs until it is killed.
 */
public final class DaemonChildMain {

    private DaemonChildMain() {
    }

    public static void main(String[] args) throws Exception {
        LoadResult config = ConfigLoader.load(Path.of(args[0]));
        if (!config.ok()) {
            System.out.println("CONFIG " + config.diagnostics().all());
            System.exit(2);
        }
        Daemon daemon = new Daemon(config, Clock.systemUTC(), System.err);
        daemon.start();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
