package org.vigil.worker.gearman;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.vigil.worker.gearman.GearmanClient.bytes;

/**
 * A Gearman worker on one blocking connection: announces the functions it can do, grabs jobs (with their unique
 * ids), sleeps until the server wakes it with {@code NOOP} when there are none, and reports each job's completion
 * or failure. Not thread-safe: one per worker thread.
 */
public final class GearmanWorker implements AutoCloseable {

    private final GearmanConnection connection;

    private GearmanWorker(GearmanConnection connection) {
        this.connection = connection;
    }

    /** Connects to {@code server}; {@code timeout} bounds the connect and each answer but not the sleep. */
    public static GearmanWorker connect(ServerAddress server, Duration timeout) {
        return new GearmanWorker(GearmanConnection.open(server, timeout));
    }

    /** Names this worker in the server's {@code workers} list. */
    public void setClientId(String id) {
        connection.send(Packet.request(PacketType.SET_CLIENT_ID, bytes(id)));
    }

    /** Tells the server this worker takes jobs on {@code function}. */
    public void canDo(String function) {
        connection.send(Packet.request(PacketType.CAN_DO, bytes(function)));
    }

    /** Tells the server this worker no longer takes jobs on {@code function}. */
    public void cantDo(String function) {
        connection.send(Packet.request(PacketType.CANT_DO, bytes(function)));
    }

    /** Asks for one job now: empty when the server has none for this worker's functions. */
    public Optional<Job> grabJob() {
        connection.send(Packet.request(PacketType.GRAB_JOB_UNIQ));
        Packet answer = connection.receive();
        while (answer.type() == PacketType.NOOP) {
            answer = connection.receive(); // a wake-up left over from an earlier sleep
        }
        return switch (answer.type()) {
            case NO_JOB -> Optional.empty();
            case JOB_ASSIGN_UNIQ -> Optional.of(new Job(answer.text(0), answer.text(1), answer.text(2),
                    answer.argument(3)));
            case JOB_ASSIGN -> Optional.of(new Job(answer.text(0), answer.text(1), "", answer.argument(2)));
            default -> throw new GearmanProtocolException("gearman server " + connection.server() + " sent "
                    + answer.type() + " where JOB_ASSIGN_UNIQ or NO_JOB was expected");
        };
    }

    /**
     * Waits up to {@code wait} ({@link Duration#ZERO}: no limit) for a job: grabs, and when there is none sends
     * {@code PRE_SLEEP} and sleeps until the server's {@code NOOP} wake-up, then grabs again. Empty when no job
     * came in time.
     */
    public Optional<Job> awaitJob(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<Job> job = grabJob();
            if (job.isPresent()) {
                return job;
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (!wait.isZero() && (left.isNegative() || left.toMillis() == 0)) {
                return Optional.empty();
            }
            if (!sleep(wait.isZero() ? Duration.ZERO : left)) {
                return Optional.empty();
            }
        }
    }

    /**
     * Asks for up to {@code max} jobs at once, the requests pipelined in one write (with whatever {@link
     * #completeLater} left): the jobs the server had for this worker's functions, none when it had none. gearmand
     * assigns several jobs to one connection this way; each must be completed or failed.
     */
    public List<Job> grabJobs(int max) {
        for (int i = 0; i < max; i++) {
            connection.write(Packet.request(PacketType.GRAB_JOB_UNIQ));
        }
        connection.flush();
        List<Job> jobs = new ArrayList<>(max);
        int answers = 0;
        while (answers < max) {
            Packet answer = connection.receive();
            switch (answer.type()) {
                case NOOP -> { } // a wake-up left over from an earlier sleep
                case NO_JOB -> answers++;
                case JOB_ASSIGN_UNIQ -> {
                    answers++;
                    jobs.add(new Job(answer.text(0), answer.text(1), answer.text(2), answer.argument(3)));
                }
                case JOB_ASSIGN -> {
                    answers++;
                    jobs.add(new Job(answer.text(0), answer.text(1), "", answer.argument(2)));
                }
                default -> throw new GearmanProtocolException("gearman server " + connection.server() + " sent "
                        + answer.type() + " where JOB_ASSIGN_UNIQ or NO_JOB was expected");
            }
        }
        return jobs;
    }

    /** Reports {@code job} done with {@code result}, sent with the next request ({@link #grabJobs}, {@link #sleep}). */
    public void completeLater(Job job, byte[] result) {
        connection.write(Packet.request(PacketType.WORK_COMPLETE, bytes(job.handle()), result));
    }

    /** Sends what {@link #completeLater} left. */
    public void flush() {
        connection.flush();
    }

    /**
     * Tells the server this worker sleeps ({@code PRE_SLEEP}) and waits up to {@code wait} for its {@code NOOP}
     * wake-up: true when woken (a job came), false when the wait ended first.
     */
    public boolean sleep(Duration wait) {
        connection.write(Packet.request(PacketType.PRE_SLEEP));
        connection.flush();
        Optional<Packet> wake = connection.receiveWithin(wait);
        if (wake.isPresent() && wake.get().type() != PacketType.NOOP) {
            throw new GearmanProtocolException("gearman server " + connection.server() + " sent "
                    + wake.get().type() + " to a sleeping worker where NOOP was expected");
        }
        return wake.isPresent();
    }

    /** Reports {@code job} done with {@code result} as its data. */
    public void complete(Job job, byte[] result) {
        connection.send(Packet.request(PacketType.WORK_COMPLETE, bytes(job.handle()), result));
    }

    /** Reports {@code job} failed. */
    public void fail(Job job) {
        connection.send(Packet.request(PacketType.WORK_FAIL, bytes(job.handle())));
    }

    /**
     * Sends {@code data} in ECHO_REQ and checks the answer: when it returns, the server has read this worker's
     * earlier packets (CAN_DO, WORK_COMPLETE...), which send no answer of their own.
     */
    public void echo(byte[] data) {
        connection.echo(data);
    }

    @Override
    public void close() {
        connection.close();
    }
}
