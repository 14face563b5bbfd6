package org.vigil.app.cli.receivers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's carbon-cache (graphite-carbon) started for a test: its own config, storage directory and ports, one
 * point a second kept for an hour; what it received is read back from its whisper files with whisper-fetch.
 */
public final class Carbon implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process process;

    private Carbon(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts carbon-cache in {@code dir} with its plaintext receiver on {@code port}, and waits until it listens. */
    public static Carbon start(Path dir, int port) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path storage = Files.createDirectories(dir.resolve("storage"));
        Files.writeString(conf.resolve("carbon.conf"), String.join("\n",
                "[cache]",
                "STORAGE_DIR = " + storage,
                "LOCAL_DATA_DIR = " + storage.resolve("whisper"),
                "WHITELISTS_DIR = " + storage.resolve("lists"),
                "CONF_DIR = " + conf,
                "LOG_DIR = " + storage.resolve("log"),
                "PID_DIR = " + storage,
                "ENABLE_LOGROTATION = False",
                "USER =",
                "MAX_CACHE_SIZE = inf",
                "MAX_UPDATES_PER_SECOND = inf",
                "MAX_CREATES_PER_MINUTE = inf",
                "LINE_RECEIVER_INTERFACE = 127.0.0.1",
                "LINE_RECEIVER_PORT = " + port,
                "ENABLE_UDP_LISTENER = False",
                "PICKLE_RECEIVER_INTERFACE = 127.0.0.1",
                "PICKLE_RECEIVER_PORT = " + Ports.free(),
                "CACHE_QUERY_INTERFACE = 127.0.0.1",
                "CACHE_QUERY_PORT = " + Ports.free(),
                "LOG_UPDATES = False",
                "LOG_CREATES = True",
                "WHISPER_AUTOFLUSH = True",
                ""));
        Files.writeString(conf.resolve("storage-schemas.conf"), "[all]\npattern = .*\nretentions = 1s:1h\n");
        Path out = dir.resolve("carbon.out");
        Process p = new ProcessBuilder("carbon-cache", "--config=" + conf.resolve("carbon.conf"), "--nodaemon",
                "start").redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Ports.await(p, port, out, "carbon-cache");
        return new Carbon(dir, port, p);
    }

    public int port() {
        return port;
    }

    /** The whisper file of {@code metric} ({@code a.b.c} is {@code a/b/c.wsp}). */
    public Path whisper(String metric) {
        return dir.resolve("storage/whisper").resolve(metric.replace('.', '/') + ".wsp");
    }

    /** The points carbon stored for {@code metric} in the last hour, as {@code {time, value}}; empty if none. */
    public List<double[]> points(String metric) throws Exception {
        Path file = whisper(metric);
        List<double[]> points = new ArrayList<>();
        if (!Files.exists(file)) {
            return points;
        }
        long now = System.currentTimeMillis() / 1000;
        Process p = new ProcessBuilder("whisper-fetch", "--from=" + (now - 3500), "--until=" + (now + 5),
                file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && !f[1].equals("None")) {
                points.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        return points;
    }

    @Override
    public void close() throws InterruptedException {
        Ports.stop(process);
    }
}
