package org.vigil.worker.gearman;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A Gearman client on one blocking connection: submits background jobs (the server answers with the job's handle
 * and the client does not wait for the work) and echoes data to check that the server answers.
 * Not thread-safe: one per thread.
 */
public final class GearmanClient implements AutoCloseable {

    private final GearmanConnection connection;

    private GearmanClient(GearmanConnection connection) {
        this.connection = connection;
    }

    /** Connects to {@code server}; {@code timeout} bounds the connect and each answer. */
    public static GearmanClient connect(ServerAddress server, Duration timeout) {
        return new GearmanClient(GearmanConnection.open(server, timeout));
    }

    /**
     * Queues a background job on {@code function} and returns the handle the server gave it.
     *
     * @param unique the job's unique id (the server merges queued jobs with the same one); empty for none
     */
    public String submitBackground(String function, String unique, byte[] data, JobPriority priority) {
        connection.send(Packet.request(priority.submitBackground(), bytes(function), bytes(unique), data));
        return connection.expect(PacketType.JOB_CREATED).text(0);
    }

    /** Queues a background job at normal priority with no unique id. */
    public String submitBackground(String function, byte[] data) {
        return submitBackground(function, "", data, JobPriority.NORMAL);
    }

    /** Sends {@code data} to the server and checks that the same bytes come back. */
    public void echo(byte[] data) {
        connection.echo(data);
    }

    @Override
    public void close() {
        connection.close();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
