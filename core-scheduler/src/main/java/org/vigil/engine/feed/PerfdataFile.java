package org.vigil.engine.feed;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunner;

/**
 * One performance data file ({@code host_perfdata_file} or {@code service_perfdata_file}) and its processing, on a
 * thread of its own: the engine thread only offers finished lines to a bounded queue. The writer drains the queue
 * through a buffer, flushing whenever the queue runs dry (so a reader sees each line within moments, and a burst
 * costs one write, not one per line). Every {@code *_perfdata_file_processing_interval} it closes the file, runs
 * the processing command (killed at {@code perfdata_timeout}) and opens the file again, as
 * {@code xpddefault_process_*_perfdata_file} does; lines arriving meanwhile wait in the queue. When the queue is
 * full (the file or pipe cannot take lines as fast as results come) a line is dropped and counted.
 */
final class PerfdataFile implements AutoCloseable {

    /** Lines waiting for the writer; at 10,000 results a second, a second's worth. */
    static final int QUEUE_CAPACITY = 10_000;
    private static final String STOP = new String("stop");

    private final PerfdataTarget target;
    /** The processing command, its macros expanded anew each time ($TIMET$ names the moved file); or null. */
    private final Supplier<String> processingLine;
    private final Duration timeout;
    private final PluginRunner runner;
    private final Consumer<String> log;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread thread;
    private Writer out;
    /** Whether the file was opened once (writer thread): after that it is only reopened after processing. */
    private boolean opened;
    /** When drops were last warned of (engine thread), so that a stuck reader costs one log line a minute. */
    private long lastDropWarning;
    private static final long DROP_WARNING_EVERY = TimeUnit.MINUTES.toNanos(1);

    /**
     * Starts the writer. The file is opened at the first line (a file that cannot be opened is warned of, as Nagios
     * does, and its lines dropped): at a reload the engine being replaced closes its file before the new engine's
     * first result, so the two never write one file at once (mode {@code w} would leave a hole). {@code processingLine} gives the processing command with its macros expanded (called on the
     * writer thread at each processing), or is null.
     */
    PerfdataFile(PerfdataTarget target, Supplier<String> processingLine, Duration timeout, PluginRunner runner,
                 Consumer<String> log) {
        this.target = target;
        this.processingLine = processingLine;
        this.timeout = timeout;
        this.runner = runner;
        this.log = log;
        this.thread = new Thread(this::writeLoop, "vigil-" + target.kind() + "-perfdata-file");
        thread.setDaemon(true);
        thread.start();
    }

    /** Engine thread: queues one line (without its newline); false, and counted, if the queue is full. */
    boolean offer(String line) {
        if (!queue.offer(line)) {
            long n = dropped.incrementAndGet();
            long now = System.nanoTime();
            if (lastDropWarning == 0 || now - lastDropWarning > DROP_WARNING_EVERY) {
                lastDropWarning = now;
                log.accept("Warning: " + target.kind() + " performance data lines are dropped: " + QUEUE_CAPACITY
                        + " lines wait for '" + target.file() + "' (" + n + " dropped so far)");
            }
            return false;
        }
        return true;
    }

    /** Lines dropped because the queue was full or the file could not be opened. */
    long dropped() {
        return dropped.get();
    }

    /** Lines written to the file. */
    long written() {
        return written.get();
    }

    private void writeLoop() {
        long interval = processingLine == null ? 0 : target.processingInterval().toNanos();
        long nextProcessing = System.nanoTime() + interval;
        try {
            while (true) {
                long wait = interval > 0 ? Math.max(0, nextProcessing - System.nanoTime()) : Long.MAX_VALUE;
                String line = queue.poll(wait, TimeUnit.NANOSECONDS);
                if (line == STOP) {
                    break;
                }
                if (line != null) {
                    write(line);
                    if (queue.isEmpty()) {
                        flush();
                    }
                }
                if (interval > 0 && System.nanoTime() - nextProcessing >= 0) {
                    process();
                    nextProcessing += interval * Math.max(1, (System.nanoTime() - nextProcessing) / interval + 1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeFile();
    }

    private void write(String line) {
        if (!opened) {
            open();
        }
        if (out == null) {
            dropped.incrementAndGet();
            return;
        }
        try {
            out.write(line);
            out.write('\n');
            written.incrementAndGet();
        } catch (IOException e) {
            dropped.incrementAndGet();
        }
    }

    private void flush() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            // a pipe without a reader or a full disk: the lines are lost, as with Nagios's fflush
        }
    }

    /** Closes the file, runs the processing command to its end or timeout, opens the file again. */
    private void process() {
        String line = processingLine.get();
        closeFile();
        PluginResult r = runner.run(CommandLine.parse(line), java.util.Map.of(), timeout);
        open();
        if (r.timedOut()) {
            log.accept(String.format(Locale.ROOT, "Warning: %s performance data file processing command '%s' timed"
                    + " out after %d seconds", target.title(), line, timeout.toSeconds()));
        }
    }

    /**
     * As {@code xpddefault_open_*_perfdata_file}: mode {@code a} appends, {@code w} truncates, {@code p} opens a
     * named pipe for reading and writing, so that opening does not wait for a reader (Nagios adds O_NONBLOCK; here
     * the writer thread alone would wait, and the queue in front of it bounds what waits).
     */
    private void open() {
        opened = true;
        Set<OpenOption> options = switch (target.mode()) {
            case 'p' -> target.kind().equals("host")
                    ? Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE)
                    : Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
            case 'w' -> Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            default -> Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        };
        try {
            FileChannel channel = FileChannel.open(Path.of(target.file()), options);
            out = Channels.newWriter(channel, StandardCharsets.UTF_8.newEncoder(), 64 * 1024);
        } catch (IOException | RuntimeException e) {
            out = null;
            log.accept("Warning: File '" + target.file() + "' could not be opened - " + target.kind()
                    + " performance data will not be written to file!");
        }
    }

    private void closeFile() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            // what could not be written is lost, as with Nagios's fclose
        }
        out = null;
    }

    /** Writes what is queued, closes the file and stops the writer (waiting at most a few seconds). */
    @Override
    public void close() {
        try {
            queue.offer(STOP, 5, TimeUnit.SECONDS);
            thread.join(TimeUnit.SECONDS.toMillis(5) + timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
