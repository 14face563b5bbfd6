package org.vigil.engine.feed;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.exec.CommandPool;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunner;

/**
 * Runs the commands a result feeds (perfdata commands, OCSP, OCHP) as Nagios's workers do: never on the engine
 * thread, each killed at its timeout with the warning Nagios logs. The queue is bounded: when the commands cannot
 * keep up with the results (every result may start one), further ones are dropped and counted rather than
 * queued without end.
 */
final class FeedCommandRunner implements AutoCloseable {

    /** Commands waiting for a thread; beyond it a command is dropped. */
    static final int QUEUE_CAPACITY = 10_000;

    private final PluginRunner runner;
    private final Consumer<String> log;
    private final CommandPool pool;
    private final AtomicLong dropped = new AtomicLong();

    FeedCommandRunner(PluginRunner runner, int threads, Consumer<String> log) {
        this.runner = runner;
        this.log = log;
        this.pool = new CommandPool("vigil-feed-command", threads, QUEUE_CAPACITY);
    }

    /**
     * Queues {@code commandLine}; at {@code timeout} it is killed and {@code timeoutWarning} (given the seconds it
     * ran) is logged. False, and the command is counted as dropped, when the queue is full.
     */
    boolean run(String commandLine, Map<String, String> env, Duration timeout, DoubleFunction<String> timeoutWarning) {
        if (pool.execute(() -> execute(commandLine, env, timeout, timeoutWarning))) {
            return true;
        }
        if (!pool.isClosed()) {
            dropped.incrementAndGet();
        }
        return false;
    }

    private void execute(String commandLine, Map<String, String> env, Duration timeout,
                         DoubleFunction<String> timeoutWarning) {
        try {
            PluginResult r = runner.run(CommandLine.parse(commandLine), env, timeout);
            if (r.timedOut()) {
                log.accept(timeoutWarning.apply(r.executionTime().toMillis() / 1000.0));
            }
        } catch (RuntimeException e) {
            log.accept("Warning: command '" + commandLine + "' could not be run: " + e.getMessage());
        }
    }

    /** Commands dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    /** Waits until no command is queued or running; for tests. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        return pool.awaitIdle(timeout);
    }

    @Override
    public void close() {
        pool.close();
    }
}
