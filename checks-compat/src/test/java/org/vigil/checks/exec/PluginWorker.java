package org.vigil.checks.exec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One long-lived {@code plugin-worker.pl} process: requests go down its stdin, one reader thread takes the replies
 * off its stdout and completes the waiting runs. Many runs share one worker; when the worker dies, every waiting
 * run fails at once and {@link #alive()} turns false.
 */
final class PluginWorker implements AutoCloseable {

    private static final String SCRIPT = "plugin-worker.pl";

    private final Process process;
    private final OutputStream requests;
    private final Map<String, CompletableFuture<WorkerProtocol.Reply>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger load = new AtomicInteger();
    private volatile boolean alive = true;

    private PluginWorker(Process process) {
        this.process = process;
        this.requests = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
    }

    /** Starts a worker with {@code perl} and waits for it to say it is ready; IOException when it cannot start. */
    static PluginWorker start(Path perl, int outputLimit, String name) throws IOException {
        Path script = Files.createTempFile("vigil-plugin-worker-", ".pl");
        try {
            try (InputStream in = PluginWorker.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IOException("resource " + SCRIPT + " missing");
                }
                Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Process p = new ProcessBuilder(perl.toString(), script.toString(), Integer.toString(outputLimit))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            PluginWorker w = new PluginWorker(p);
            w.handshake(name);
            return w;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private void handshake(String name) throws IOException {
        InputStream in = new BufferedInputStream(process.getInputStream(), 1 << 16);
        CompletableFuture<WorkerProtocol.Reply> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLoop(in, ready), name);
        reader.setDaemon(true);
        reader.start();
        try {
            WorkerProtocol.Reply r = ready.get(10, TimeUnit.SECONDS);
            if (!r.id().equals("ready")) {
                throw new IOException("plugin worker: unexpected greeting " + r.id());
            }
        } catch (Exception e) {
            close();
            throw e instanceof IOException io ? io
                    : new IOException("plugin worker did not start: " + (e.getCause() != null ? e.getCause() : e), e);
        }
    }

    private void readLoop(InputStream in, CompletableFuture<WorkerProtocol.Reply> ready) {
        try {
            ready.complete(WorkerProtocol.read(in));
            while (true) {
                WorkerProtocol.Reply r = WorkerProtocol.read(in);
                CompletableFuture<WorkerProtocol.Reply> f = waiting.remove(r.id());
                if (f != null) {
                    f.complete(r);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
            die(e);
        }
    }

    /** Sends one request; the future fails with IOException if the worker dies before answering. */
    CompletableFuture<WorkerProtocol.Reply> submit(String id, byte[] request) {
        CompletableFuture<WorkerProtocol.Reply> f = new CompletableFuture<>();
        load.incrementAndGet();
        f.whenComplete((r, e) -> load.decrementAndGet());
        waiting.put(id, f);
        try {
            synchronized (requests) {
                requests.write(request);
                requests.flush();
            }
        } catch (IOException e) {
            die(e);
        }
        if (!alive) {
            failWaiting(new IOException("plugin worker exited"));
        }
        return f;
    }

    /** Forgets a run that will not be waited for any more. */
    void abandon(String id) {
        CompletableFuture<WorkerProtocol.Reply> f = waiting.remove(id);
        if (f != null) {
            f.cancel(false);
        }
    }

    private void die(IOException why) {
        alive = false;
        failWaiting(why);
        process.destroyForcibly();
    }

    private void failWaiting(IOException why) {
        for (String id : waiting.keySet()) {
            CompletableFuture<WorkerProtocol.Reply> f = waiting.remove(id);
            if (f != null) {
                f.completeExceptionally(why);
            }
        }
    }

    boolean alive() {
        return alive && process.isAlive();
    }

    /** Runs waiting for an answer. */
    int load() {
        return load.get();
    }

    long pid() {
        return process.pid();
    }

    /** Ends the worker: closing its stdin makes it kill its running plugins and exit. */
    @Override
    public void close() {
        alive = false;
        try {
            requests.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        failWaiting(new IOException("plugin worker closed"));
    }
}
