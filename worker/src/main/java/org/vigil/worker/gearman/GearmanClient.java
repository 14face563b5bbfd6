package org.vigil.worker.gearman;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

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

    /**
     * Queues {@code jobs} pipelined: writes every SUBMIT packet, sends them at once, then reads the server's
     * {@code JOB_CREATED} answers, which come in the order of the jobs, and gives each handle to {@code created} as it
     * comes. When the connection fails part way, the jobs whose handle {@code created} did not get may or may not be
     * queued; the {@link GearmanException} says why.
     */
    public void submitBackground(List<BackgroundJob> jobs, Consumer<String> created) {
        sendBackground(jobs);
        awaitCreated(jobs.size(), created);
    }

    /**
     * The first half of {@link #submitBackground(List, Consumer)}: sends the jobs' SUBMIT packets at once without
     * waiting for answers, so a caller may send more before it reads them with {@link #awaitCreated}.
     */
    public void sendBackground(List<BackgroundJob> jobs) {
        for (BackgroundJob job : jobs) {
            connection.write(Packet.request(job.priority().submitBackground(), bytes(job.function()),
                    bytes(job.unique()), job.data()));
        }
        connection.flush();
    }

    /** Reads the next {@code count} {@code JOB_CREATED} answers, in the order the jobs were sent, into {@code created}. */
    public void awaitCreated(int count, Consumer<String> created) {
        for (int i = 0; i < count; i++) {
            created.accept(connection.expect(PacketType.JOB_CREATED).text(0));
        }
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
