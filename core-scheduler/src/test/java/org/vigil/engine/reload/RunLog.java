package org.vigil.engine.reload;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The executions the scripted plugin appends to a file ({@code MARK host:service} per run), read every 50 ms
 * and stamped with the time they were seen, so a test can count the runs of each object and the gaps between.
 */
final class RunLog implements AutoCloseable {

    /** One execution: which command ({@code mark}), of which object, seen at {@code millis}. */
    record Run(String mark, String object, long millis) {
    }

    private final Path file;
    private final List<Run> runs = new ArrayList<>();
    private final Thread reader;
    private long offset;
    private String partial = "";
    private volatile boolean closed;

    RunLog(Path file) {
        this.file = file;
        this.reader = new Thread(this::loop, "test-run-log");
        reader.setDaemon(true);
        reader.start();
    }

    private void loop() {
        while (!closed) {
            readNew();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void readNew() {
        if (!Files.exists(file)) {
            return;
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            if (len <= offset) {
                return;
            }
            byte[] bytes = new byte[(int) (len - offset)];
            f.seek(offset);
            f.readFully(bytes);
            offset = len;
            String text = partial + new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            partial = text.substring(end + 1);
            long now = System.currentTimeMillis();
            for (String line : text.substring(0, end + 1).split("\n")) {
                String[] parts = line.split(" ");
                if (parts.length == 2) {
                    runs.add(new Run(parts[0], parts[1], now));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every run so far, by object, in order. */
    synchronized Map<String, List<Run>> byObject() {
        readNew();
        Map<String, List<Run>> m = new TreeMap<>();
        runs.forEach(r -> m.computeIfAbsent(r.object(), k -> new ArrayList<>()).add(r));
        return m;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }
}
