package org.vigil.worker.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.vigil.worker.gearman.GearmanClient;
import org.vigil.worker.gearman.GearmanException;
import org.vigil.worker.gearman.ServerAddress;
import org.vigil.worker.payload.PayloadCodec;

/**
 * Puts event handler and notification jobs on gearmand one at a time, on the calling thread (a handler or notifier
 * thread, never the engine's): encoded with the shared key, on the first server that takes it, a fresh connection
 * after a failure. An exception means no server queued the job, and the caller runs the command here.
 */
final class JobSender implements Consumer<QueuedJob>, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final List<ServerAddress> servers;
    private final PayloadCodec codec;
    private GearmanClient client;

    JobSender(List<ServerAddress> servers, PayloadCodec codec) {
        this.servers = List.copyOf(servers);
        this.codec = codec;
    }

    @Override
    public synchronized void accept(QueuedJob job) {
        byte[] data = codec.encode(job.text()).getBytes(StandardCharsets.US_ASCII);
        GearmanException last = null;
        // the connection in use first, then each server once on a fresh one
        for (int attempt = 0; attempt <= servers.size(); attempt++) {
            try {
                if (client == null) {
                    client = GearmanClient.connect(servers.get(Math.max(0, attempt - 1)), TIMEOUT);
                }
                client.submitBackground(job.queue(), job.unique().orElse(""), data, job.priority());
                return;
            } catch (GearmanException e) {
                last = e;
                close();
            }
        }
        throw new GearmanException("no gearmand took the job for queue '" + job.queue() + "': " + last.getMessage(),
                last);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
