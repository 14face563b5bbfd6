package org.vigil.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures to quote: one flush of 100,000 service records of 20 attributes, first into an empty
 * store, then twice over the existing rows (the steady state; the second with a warmer JIT), then
 * loading them back after a reopen.
 */
final class RetentionPerformance {

    static final int SERVICES = 100_000;

    /** Milliseconds taken by each step. */
    record Figures(long insertMillis, long updateMillis, long warmUpdateMillis, double smallFlushMillis,
                   long openMillis, long loadMillis) {
        @Override
        public String toString() {
            return String.format("flush of 100,000 new records %d ms, of 100,000 changed records %d ms, again %d ms;"
                    + " flush of 1,000 changed records %.1f ms; reopen %d ms, load of 100,000 records %d ms",
                    insertMillis, updateMillis, warmUpdateMillis, smallFlushMillis, openMillis, loadMillis);
        }
    }

    private RetentionPerformance() {
    }

    static Figures measure(String url) {
        List<ObjectRecord> first = services(1);
        List<ObjectRecord> second = services(2);
        List<ObjectRecord> third = services(3);
        long insert;
        long update;
        long warmUpdate;
        double smallFlush;
        try (RetentionStore store = JdbcRetentionStore.open(url)) {
            insert = millis(() -> store.apply(RetentionBatch.ofRecords(first)));
            update = millis(() -> store.apply(RetentionBatch.ofRecords(second)));
            warmUpdate = millis(() -> store.apply(RetentionBatch.ofRecords(third)));
            smallFlush = smallFlushes(store, third);
        }
        long t0 = System.nanoTime();
        try (RetentionStore store = JdbcRetentionStore.open(url)) {
            long open = (System.nanoTime() - t0) / 1_000_000;
            Map<ObjectKey, ObjectRecord> loaded = new HashMap<>();
            long load = millis(() -> loaded.putAll(store.load().records()));
            assertThat(loaded).hasSize(SERVICES);
            ObjectRecord last = third.get(SERVICES - 1);
            assertThat(loaded.get(last.key())).isEqualTo(last);
            return new Figures(insert, update, warmUpdate, smallFlush, open, load);
        }
    }

    /**
     * The steady state: 100,000 services checked every five minutes change about 330 records a second,
     * so a one-second flush writes a few hundred. The mean of 20 flushes of 1,000, each rewriting the
     * same records with their own values (so the last of them stays what the load expects).
     */
    private static double smallFlushes(RetentionStore store, List<ObjectRecord> records) {
        int rounds = 20;
        long total = 0;
        for (int r = 0; r < rounds; r++) {
            List<ObjectRecord> slice = records.subList(r * 1000, r * 1000 + 1000);
            total += millis(() -> store.apply(RetentionBatch.ofRecords(slice)));
        }
        return (double) total / rounds;
    }

    private static long millis(Runnable step) {
        long t0 = System.nanoTime();
        step.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** 100,000 services on 5,000 hosts, with the attributes Nagios retains for a service, roughly sized. */
    static List<ObjectRecord> services(int generation) {
        List<ObjectRecord> records = new ArrayList<>(SERVICES);
        long now = 1_764_000_000L + generation;
        for (int i = 0; i < SERVICES; i++) {
            Map<String, String> a = new HashMap<>();
            a.put("current_state", Integer.toString((i + generation) % 4));
            a.put("last_hard_state", Integer.toString(i % 4));
            a.put("current_attempt", Integer.toString(1 + generation % 3));
            a.put("max_attempts", "3");
            a.put("state_type", "1");
            a.put("last_check", Long.toString(now));
            a.put("next_check", Long.toString(now + 300));
            a.put("last_state_change", Long.toString(now - 86_400));
            a.put("last_hard_state_change", Long.toString(now - 86_400));
            a.put("last_time_ok", Long.toString(now - 600));
            a.put("plugin_output", "HTTP OK: HTTP/1.1 200 OK - 5120 bytes in 0.0" + (i % 10) + " second response time");
            a.put("long_plugin_output", "");
            a.put("performance_data", "time=0.0" + (i % 10) + "s;;;0.000000 size=5120B;;;0");
            a.put("check_execution_time", "0.01" + generation);
            a.put("check_latency", "0.002");
            a.put("percent_state_change", "0.00");
            a.put("notifications_enabled", "1");
            a.put("active_checks_enabled", "1");
            a.put("problem_has_been_acknowledged", "0");
            a.put("current_notification_number", "0");
            records.add(new ObjectRecord(ObjectKey.service("host-" + (i / 20), "service number " + (i % 20)), now, a));
        }
        return records;
    }
}
