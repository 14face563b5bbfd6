package org.vigil.app.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Nagios's {@code lock_file}: holds the daemon's PID (followed by a newline) under an fcntl lock while it runs,
 * so a second instance refuses to start and {@code vigil reload} finds the process to signal. Removed at shutdown.
 */
final class LockFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock and writes our PID; empty with the reason printed to {@code problem} when it cannot. */
    static Optional<LockFile> acquire(Path path, java.util.function.Consumer<String> problem) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                problem.accept("Lockfile '" + path + "' looks like its already held by another instance of Vigil"
                        + readPid(path).map(pid -> " (PID " + pid + ")").orElse("") + ".  Bailing out...");
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
            return Optional.of(new LockFile(path, channel, lock));
        } catch (IOException | RuntimeException e) {
            problem.accept("Cannot write the lock file '" + path + "': " + FileProblems.describe(e));
            return Optional.empty();
        }
    }

    /** The PID a lock file names, if it holds one. */
    static Optional<Long> readPid(Path path) {
        try {
            return Optional.of(Long.parseLong(new String(org.vigil.config.main.BoundedInput.readAll(path, 4096),
                    StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // shutting down: a stale file is harmless, its lock is gone with the process
        }
    }
}
