import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.vigil.engine.retention.ObjectRecord;
import org.vigil.engine.retention.Retention;
import org.vigil.engine.retention.RetentionSettings;
import org.vigil.engine.retention.WriteBehindRetention;

/**
 * The writing half of bench/retention-kill: opens the retention database beside STATE_FILE as a start does, then
 * saves changed records as a busy engine does (15 every 30 ms, each with a new version) through the write-behind,
 * and prints "DURABLE v" each time the write-behind reports a higher version written (committed, synced). The
 * driver kills it with SIGKILL and looks for that version in the file.
 */
public class RetentionKill {
    public static void main(String[] args) throws Exception {
        Retention.Read read = Retention.read(RetentionSettings.embedded(Path.of(args[0])));
        Retention.Start start = Retention.start(read, new HashSet<>(read.state().records().keySet()),
                p -> System.out.println("PROBLEM " + p), () -> { });
        WriteBehindRetention writer = ((Retention.Started) start).writer();
        List<ObjectRecord> records = new ArrayList<>(read.state().records().values());
        long version = records.stream().mapToLong(ObjectRecord::version).max().orElse(0);
        System.out.println("START " + version);
        System.out.flush();
        Random random = new Random();
        Map<Long, Long> versionOfSequence = new TreeMap<>();
        long printed = -1;
        while (true) {
            for (int i = 0; i < 15; i++) {
                ObjectRecord o = records.get(random.nextInt(records.size()));
                Map<String, String> changed = new HashMap<>(o.attributes());
                changed.put("last_check", Long.toString(System.currentTimeMillis() / 1000));
                changed.put("plugin_output", "OK: output " + random.nextInt(1_000_000) + " at " + System.nanoTime());
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
                System.out.flush();
                printed = durableVersion;
            }
            Thread.sleep(30);
        }
    }
}
