package org.vigil.engine.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.vigil.config.main.MainConfig;

/**
 * Nagios's external command file: a named pipe at {@code command_file}, created (mode 0660) if missing, read
 * on its own thread line by line for as long as the monitor runs, and left in place at shutdown, as nagios4
 * leaves it. Like Nagios it is opened for reading and writing, so it never reaches end-of-file as writers come and
 * go, and a writer never blocks for want of a reader. Each line goes to {@code lines} on the reader thread.
 */
public final class CommandFile implements AutoCloseable {

    /** The longest line read: the size of Nagios 4's command-file worker buffer (its main process takes 512 KiB). */
    static final int MAX_LINE = CommandLimits.MAX_LINE_BYTES;
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;

    /** What {@link #start} did. */
    public sealed interface Start {
    }

    /** The file is being read. */
    public record Reading(CommandFile file) implements Start {
    }

    /** External commands are off ({@code check_external_commands=0} or no {@code command_file}). */
    public record Off(String why) implements Start {
    }

    /** The file cannot be read; the monitor runs on without it. */
    public record Failed(String problem) implements Start {
    }

    private final Path path;
    private final Consumer<String> lines;
    private final Consumer<String> problems;
    private final Thread reader;
    private volatile boolean running = true;
    private volatile FileChannel channel;

    private CommandFile(Path path, FileChannel channel, Consumer<String> lines, Consumer<String> problems) {
        this.path = path;
        this.channel = channel;
        this.lines = lines;
        this.problems = problems;
        this.reader = new Thread(this::readLoop, "vigil-command-file");
        reader.setDaemon(true);
    }

    /** Starts reading the {@code command_file} of {@code main}, if {@code check_external_commands} asks for it. */
    public static Start start(MainConfig main, Consumer<String> lines, Consumer<String> problems) {
        if (!main.flag("check_external_commands", true)) {
            return new Off("check_external_commands=0");
        }
        return main.path("command_file").map(p -> start(p, lines, problems))
                .orElseGet(() -> new Off("no command_file is set"));
    }

    /** Creates the pipe at {@code path} if needed and starts reading it. */
    public static Start start(Path path, Consumer<String> lines, Consumer<String> problems) {
        String problem = ensurePipe(path);
        if (problem != null) {
            return new Failed(problem);
        }
        try {
            CommandFile file = new CommandFile(path, open(path), lines, problems);
            file.reader.start();
            return new Reading(file);
        } catch (AccessDeniedException e) {
            return new Failed("cannot open the command_file '" + path + "' for reading: permission denied");
        } catch (IOException e) {
            return new Failed("cannot open the command_file '" + path + "' for reading: " + e.getMessage());
        }
    }

    private static FileChannel open(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Null when {@code path} is a named pipe (now); else what is wrong. */
    static String ensurePipe(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(path)) {
            return mkfifo(path);
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            if ((mode & S_IFMT) != S_IFIFO) {
                return "the command_file '" + path + "' exists and is not a named pipe (" + what(path) + "); if no "
                        + "other monitor is running, delete it: a script may have written to it while the monitor "
                        + "was stopped";
            }
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return "cannot read the type of the command_file '" + path + "': " + e.getMessage();
        }
    }

    private static String what(Path path) {
        return Files.isDirectory(path) ? "a directory" : Files.isRegularFile(path) ? "a regular file" : "not a pipe";
    }

    private static String mkfifo(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            return "cannot create the command_file '" + path + "': the directory '" + dir + "' does not exist";
        }
        try {
            Process p = new ProcessBuilder("/usr/bin/mkfifo", "-m", "0660", path.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "cannot create the command_file '" + path + "' as a named pipe: " + out;
            }
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
            return null;
        } catch (IOException e) {
            return "cannot create the command_file '" + path + "' as a named pipe: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while creating the command_file '" + path + "'";
        }
    }

    public Path path() {
        return path;
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        LineBuffer line = new LineBuffer();
        while (running) {
            try {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    reopen(); // only if a writer ever held the only handle: Nagios's reopen on EOF
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    line.add(buffer.get(i));
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                problems.accept("Warning: cannot read the command_file '" + path + "': " + e.getMessage()
                        + "; trying again in a second");
                sleepThenReopen();
            }
        }
    }

    private void reopen() throws IOException {
        FileChannel old = channel;
        channel = open(path);
        old.close();
    }

    private void sleepThenReopen() {
        try {
            Thread.sleep(1000);
            reopen();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } catch (IOException e) {
            // the next read fails again and says so
        }
    }

    /**
     * Collects bytes into lines; a line over {@link #MAX_LINE} bytes is dropped with an error naming its command
     * (only its start is kept, so a writer cannot fill the heap with one endless line).
     */
    private final class LineBuffer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long dropped;

        void add(byte b) {
            if (b != '\n') {
                if (bytes.size() < MAX_LINE) {
                    bytes.write(b);
                } else {
                    dropped++;
                }
                return;
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            if (dropped > 0) {
                problems.accept("Error: external command " + CommandLimits.commandName(text) + " ignored: its line is "
                        + (bytes.size() + dropped) + " bytes, more than the " + MAX_LINE + " allowed: "
                        + CommandLimits.shortened(text).replaceAll("\\p{Cntrl}", "?"));
            } else if (!text.isBlank()) {
                lines.accept(text);
            }
            bytes.reset();
            dropped = 0;
        }
    }

    /**
     * Stops reading; lines already read are still handed over. The pipe stays, as nagios4 4.4.6 leaves it
     * (observed): a script writing while the monitor restarts waits for the next reader instead of creating
     * a regular file in its place.
     */
    @Override
    public void close() {
        running = false;
        try (OutputStream wake = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
            wake.write('\n'); // our own read-write handle keeps this from blocking
        } catch (IOException | RuntimeException e) {
            // the pipe is gone: closing the channel below still ends the reader
        }
        try {
            reader.join(2000);
            channel.close();
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // shutting down
        }
    }
}
