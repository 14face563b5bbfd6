package org.vigil.engine.retention;

import java.time.Duration;
import java.util.Map;

/**
 * The process {@link RetentionCrashTest} kills: saves service records in rounds, much faster than
 * a real engine would, through a {@link WriteBehindRetention}, and prints what it submitted and what the
 * store acknowledged as durable. Record {@code i} of round {@code r} has sequence number
 * {@code r * objects + i + 1} and carries it as attribute "seq".
 *
 * <p>Arguments: JDBC URL, flush interval in milliseconds, objects per round.
 */
public final class CrashWriterMain {

    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Duration interval = Duration.ofMillis(Long.parseLong(args[1]));
        int objects = Integer.parseInt(args[2]);
        WriteBehindRetention writer = new WriteBehindRetention(JdbcRetentionStore.open(url), interval,
                problem -> System.out.println("PROBLEM " + problem));
        Thread reporter = new Thread(() -> report(writer), "reporter");
        reporter.setDaemon(true);
        long[] submitted = {0};
        System.out.println("READY"); // first: the reporter's first line must not overtake it
        reporter.start();
        for (long round = 0; ; round++) {
            for (int i = 0; i < objects; i++) {
                ObjectKey key = ObjectKey.service("host" + (i / 20), "service " + (i % 20));
                long seq = round * objects + i + 1;
                long got = writer.save(new ObjectRecord(key, round,
                        Map.of("seq", Long.toString(seq), "round", Long.toString(round), "plugin_output", "OK - " + seq)));
                if (got != seq) {
                    throw new IllegalStateException("sequence " + got + " for change " + seq);
                }
                synchronized (submitted) {
                    submitted[0] = seq;
                }
            }
            synchronized (submitted) {
                System.out.println("SUBMITTED " + submitted[0]);
            }
            Thread.sleep(250); // 80,000 changes a second: far busier than a real engine, and every write is big
        }
    }

    private static void report(WriteBehindRetention writer) {
        long last = -1;
        while (true) {
            long durable = writer.durableSequence();
            if (durable != last) {
                System.out.println("DURABLE " + durable);
                last = durable;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
