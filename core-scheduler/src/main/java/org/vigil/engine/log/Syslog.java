package org.vigil.engine.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The system log, as {@code use_syslog} sends Nagios's lines there: {@code syslog(LOG_USER | LOG_INFO, "%s", line)}
 * without {@code openlog}, so facility user, priority info, the program's name as ident and no PID (Nagios 4.4.6
 * logging.c). Java cannot write to the {@code /dev/log} datagram socket, so one long-lived util-linux
 * {@code logger} process per daemon does, fed line by line through a pipe; it runs in its own session, so a Ctrl-C
 * meant for Vigil does not end it before the last lines. Lines wait in a bounded queue written by a thread of
 * their own: a stalled syslog daemon blocks that thread, never the engine's (Nagios itself blocks there); when
 * the queue is full, lines are dropped and counted, and the first drop is reported.
 */
public final class Syslog implements AutoCloseable {

    /** The ident: Nagios's program name, so that syslog filters written for Nagios keep matching. */
    public static final String IDENT = "nagios";
    /** Lines that may wait for a slow syslog daemon before new ones are dropped. */
    static final int QUEUE = 10_000;
    /** Where the lines stop on close: after the last queued line is handed to logger. */
    private static final String END = new String("end of the log");

    private final Process logger;
    private final BufferedWriter pipe;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Consumer<String> problems;
    private final Thread writer;
    private volatile boolean broken;

    private Syslog(Process logger, Consumer<String> problems) {
        this.logger = logger;
        this.problems = problems;
        this.pipe = new BufferedWriter(new OutputStreamWriter(logger.getOutputStream(), StandardCharsets.UTF_8));
        this.writer = new Thread(this::writeLines, "vigil-syslog");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Starts {@code logger} for the system log at {@code socket} (null: logger's default, {@code /dev/log});
     * {@code problems} hears, once each, that lines could not be sent.
     */
    public static Syslog start(Path socket, Consumer<String> problems) throws IOException {
        return new Syslog(new ProcessBuilder(command(socket)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start(), problems);
    }

    static List<String> command(Path socket) {
        List<String> cmd = new ArrayList<>(List.of("setsid", "logger", "--tag", IDENT, "--priority", "user.info",
                // glibc's syslog() has no limit of its own; logger's default would cut lines at 1 KiB
                "--size", "65536"));
        if (socket != null) {
            cmd.addAll(List.of("--socket", socket.toString()));
        }
        return cmd;
    }

    /** Queues one line (without Nagios's time stamp: syslog stamps its own). */
    public void send(String message) {
        if (broken) {
            return;
        }
        if (!queue.offer(message.replace('\n', ' ')) && dropped.getAndIncrement() == 0) {
            problems.accept("Warning: the system log is not keeping up: lines for it are being dropped");
        }
    }

    /** Lines dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Lines waiting for logger. */
    int queued() {
        return queue.size();
    }

    private void writeLines() {
        try {
            for (String line = queue.take(); line != END; line = queue.take()) {
                pipe.write(line);
                pipe.write('\n');
                if (queue.isEmpty()) {
                    pipe.flush();
                }
            }
            pipe.close();
        } catch (IOException e) {
            broken = true;
            problems.accept("Warning: the system log gets no more lines: logger ended (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Hands the queued lines to logger and lets it end; a syslog that takes more than a few seconds is not waited
     * for (the lines still queued are lost, as they would be with the process gone).
     */
    @Override
    public void close() {
        try {
            if (queue.offer(END, 5, TimeUnit.SECONDS)) {
                writer.join(TimeUnit.SECONDS.toMillis(5));
            }
            if (!logger.waitFor(5, TimeUnit.SECONDS)) {
                logger.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            logger.destroy();
        }
    }
}
