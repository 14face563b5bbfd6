package org.vigil.perfdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The writer's thread against a transport that is away, then back: nothing the queue could hold is lost, the order is
 * kept, and the counts say what happened; data refused as bad is dropped and counted, not retried.
 */
class MetricWriterTest {

    /** Records what it was sent; throws while {@link #away} is set. */
    static final class FakeTransport implements Transport {
        final AtomicBoolean away = new AtomicBoolean(true);
        final List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile boolean reject;

        @Override
        public void send(String text) throws IOException, Rejected {
            if (away.get()) {
                throw new IOException("Connection refused");
            }
            if (reject) {
                throw new Rejected("HTTP 400 bad line");
            }
            sent.addAll(text.lines().toList());
        }

        @Override
        public String receiver() {
            return "Fake at nowhere";
        }

        @Override
        public void close() {
        }
    }

    private static ResultSample sample(int i) {
        return new ResultSample("h", "s", "c", 0, 1, 1, 1, 0, 0, 0, 0, i, "");
    }

    private static WriterConfig config(int queueSize) {
        GraphiteConfig c = new GraphiteConfig();
        c.queueSize = queueSize;
        c.reconnectSeconds = 0.1;
        return c;
    }

    @Test
    void whileAwayResultsWaitAndWhenBackTheyGoInOrder() throws Exception {
        FakeTransport t = new FakeTransport();
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        MetricWriter w = new MetricWriter("fake", config(100), 7, (s, out) -> out.append(s.time()).append('\n'), t,
                log::add);
        w.start();
        for (int i = 0; i < 50; i++) {
            w.offer(sample(i));
        }
        Thread.sleep(400);
        assertThat(w.counts().connected()).isFalse();
        assertThat(w.counts().failures()).isPositive();
        t.away.set(false);
        for (int i = 0; i < 300 && t.sent.size() < 50; i++) {
            Thread.sleep(20);
        }
        assertThat(t.sent).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(Integer::toString)
                .toList());
        WriterCounts c = w.counts();
        assertThat(c.sent()).isEqualTo(50);
        assertThat(c.dropped()).isZero();
        assertThat(c.connected()).isTrue();
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).startsWith("Warning: Metrics: Fake at nowhere cannot be reached (Connection refused)");
        assertThat(log.get(1)).startsWith("Metrics: Fake at nowhere is reached again");
        w.close();
    }

    @Test
    void aFullQueueKeepsTheNewest() throws Exception {
        FakeTransport t = new FakeTransport();
        MetricWriter w = new MetricWriter("fake", config(10), 5, (s, out) -> out.append(s.time()).append('\n'), t,
                line -> { });
        w.start();
        for (int i = 0; i < 1000; i++) {
            w.offer(sample(i));
        }
        t.away.set(false);
        for (int i = 0; i < 300 && w.counts().queued() > 0; i++) {
            Thread.sleep(20);
        }
        w.close();
        WriterCounts c = w.counts();
        // at most the queue and the one batch held by the writer's thread are kept; all else is dropped and counted
        assertThat(c.sent() + c.dropped()).isEqualTo(1000);
        assertThat(c.sent()).isBetween(10L, 15L);
        // the queue keeps the newest ten, sent last; before them, at most the one batch the writer's thread took
        // before the receiver was found away (the oldest samples, when the thread woke during the offers)
        java.util.List<String> newest = java.util.stream.IntStream.range(990, 1000).mapToObj(String::valueOf).toList();
        assertThat(t.sent.subList(t.sent.size() - 10, t.sent.size())).containsExactlyElementsOf(newest);
    }

    @Test
    void dataTheReceiverRefusesIsDroppedAndCountedNotRetried() throws Exception {
        FakeTransport t = new FakeTransport();
        t.away.set(false);
        t.reject = true;
        MetricWriter w = new MetricWriter("fake", config(10), 5, (s, out) -> out.append(s.time()).append('\n'), t,
                line -> { });
        w.start();
        for (int i = 0; i < 3; i++) {
            w.offer(sample(i));
        }
        for (int i = 0; i < 300 && w.counts().rejected() < 3; i++) {
            Thread.sleep(20);
        }
        w.close();
        assertThat(w.counts().rejected()).isEqualTo(3);
        assertThat(w.counts().queued()).isZero();
        assertThat(w.counts().failures()).isZero();
    }
}
