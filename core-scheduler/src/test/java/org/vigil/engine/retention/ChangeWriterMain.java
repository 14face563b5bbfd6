package org.vigil.engine.retention;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The process {@link RetentionKillAfterStartTest} kills: opens the retention database beside the given
 * {@code state_retention_file} as a start does ({@link Retention#read}, {@link Retention#start}), then changes
 * records as a busy engine does (15 every 30 ms, each saved with a new version, the highest so far plus one) and
 * prints {@code DURABLE v} whenever the write-behind reports a higher version written (committed and synced).
 *
 * <p>Argument: the {@code state_retention_file} path.
 */
public final class ChangeWriterMain {

    private ChangeWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Retention.Read read = Retention.read(RetentionSettings.embedded(Path.of(args[0])));
        Retention.Start start = Retention.start(read, new HashSet<>(read.state().records().keySet()),
                problem -> System.out.println("PROBLEM " + problem), () -> { });
        WriteBehindRetention writer = ((Retention.Started) start).writer();
        List<ObjectRecord> records = new ArrayList<>(read.state().records().values());
        long version = records.stream().mapToLong(ObjectRecord::version).max().orElse(0);
        System.out.println("STARTED " + version);
        Random random = new Random();
        Map<Long, Long> versionOfSequence = new TreeMap<>();
        long printed = -1;
        while (true) {
            for (int i = 0; i < 15; i++) {
                ObjectRecord o = records.get(random.nextInt(records.size()));
                Map<String, String> changed = new HashMap<>(o.attributes());
                changed.put("plugin_output", "OK - change " + random.nextInt(1_000_000) + " at " + System.nanoTime());
                changed.put("current_state", Integer.toString(random.nextInt(3)));
                version++;
                versionOfSequence.put(writer.save(new ObjectRecord(o.key(), version, changed)), version);
            }
            long durable = writer.durableSequence();
            long durableVersion = -1;
            for (Map.Entry<Long, Long> e : versionOfSequence.entrySet()) {
                if (e.getKey() > durable) {
                    break;
                }
                durableVersion = e.getValue();
            }
            versionOfSequence.keySet().removeIf(s -> s <= durable);
            if (durableVersion > printed) {
                System.out.println("DURABLE " + durableVersion);
                printed = durableVersion;
            }
            Thread.sleep(30);
        }
    }
}
