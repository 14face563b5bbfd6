package org.vigil.perfdata;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One receiver's writer: a {@link DropOldestQueue} the engine thread offers results to, and a thread of its own that
 * takes them in batches, formats them and sends them. While the receiver cannot be reached the batch goes back to
 * the head of the queue and the thread waits {@code reconnect} before trying again; the log says once that it is
 * away and once that it is back.
 */
final class MetricWriter implements SampleSink, AutoCloseable {

    /** How long a batch that is not full waits for more results before it is sent. */
    static final Duration LINGER = Duration.ofMillis(100);

    /** How long close waits for what is queued to be sent. */
    private static final long CLOSE_WAIT_MS = 2000;

    private final String name;
    private final DropOldestQueue<ResultSample> queue;
    private final int batchSize;
    private final BiConsumer<ResultSample, StringBuilder> format;
    private final Transport transport;
    private final Duration reconnect;
    private final Consumer<String> log;
    private final Thread thread;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean connected;
    private volatile boolean closing;

    /**
     * @param name   the writer's name in {@code /metrics} ({@code graphite}, {@code influxdb})
     * @param format appends one result's lines
     * @param log    where the writer says that its receiver is away or back
     */
    MetricWriter(String name, WriterConfig config, int batchSize, BiConsumer<ResultSample, StringBuilder> format,
                 Transport transport, Consumer<String> log) {
        this.name = name;
        this.queue = new DropOldestQueue<>(config.queueSize);
        this.batchSize = batchSize;
        this.format = format;
        this.transport = transport;
        this.reconnect = config.reconnectDelay();
        this.log = log;
        this.thread = new Thread(this::run, "vigil-metrics-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String receiver() {
        return transport.receiver();
    }

    /** Queues {@code sample}; never waits (the engine thread calls it). */
    @Override
    public void offer(ResultSample sample) {
        queue.offer(sample);
    }

    private void run() {
        boolean away = false;
        while (!(closing && queue.size() == 0)) {
            List<ResultSample> batch;
            try {
                batch = queue.take(batchSize, 200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (batch.isEmpty()) {
                continue;
            }
            batch = filled(batch);
            try {
                transport.send(text(batch));
                sent.addAndGet(batch.size());
                connected = true;
                if (away) {
                    away = false;
                    log.accept("Metrics: " + transport.receiver() + " is reached again; sending what is queued ("
                            + queue.size() + " more results)");
                }
            } catch (Transport.Rejected e) {
                rejected.addAndGet(batch.size());
                log.accept("Warning: Metrics: " + transport.receiver() + " refused " + batch.size()
                        + " results (dropped): " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                queue.putBack(batch);
                failures.incrementAndGet();
                connected = false;
                transport.close();
                if (!away) {
                    away = true;
                    log.accept("Warning: Metrics: " + transport.receiver() + " cannot be reached (" + why(e)
                            + "); results wait in a queue of " + queue.capacity() + " (the oldest dropped beyond),"
                            + " trying again every " + reconnect.toMillis() / 1000.0 + " s");
                }
                if (closing || !pause()) {
                    break;
                }
            }
        }
        transport.close();
    }

    /**
     * A batch that is not full waits {@link #LINGER} for more: under load one send carries many results (one HTTP
     * request per result cost InfluxDB and Vigil ten times the CPU), and a result waits at most that long.
     */
    private List<ResultSample> filled(List<ResultSample> batch) {
        if (batch.size() >= batchSize || closing) {
            return batch;
        }
        try {
            Thread.sleep(LINGER.toMillis());
            List<ResultSample> more = queue.take(batchSize - batch.size(), 0, TimeUnit.MILLISECONDS);
            if (more.isEmpty()) {
                return batch;
            }
            List<ResultSample> all = new java.util.ArrayList<>(batch);
            all.addAll(more);
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return batch;
        }
    }

    private String text(List<ResultSample> batch) {
        StringBuilder out = new StringBuilder(batch.size() * 256);
        for (ResultSample s : batch) {
            format.accept(s, out);
        }
        return out.toString();
    }

    /** Waits before the next attempt; false when interrupted (closing). */
    private boolean pause() {
        try {
            Thread.sleep(reconnect.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static String why(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** What {@code /metrics} shows of this writer. */
    WriterCounts counts() {
        return new WriterCounts(name, queue.size(), queue.capacity(), queue.dropped(), sent.get(), rejected.get(),
                failures.get(), connected);
    }

    /** Sends what is queued if the receiver takes it within two seconds, then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(CLOSE_WAIT_MS);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(CLOSE_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
