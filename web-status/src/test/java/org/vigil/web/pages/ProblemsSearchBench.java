package org.vigil.web.pages;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vigil.config.LoadResult;
import org.vigil.engine.daemon.Daemon;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.app.WebServer;
import org.vigil.web.model.Monitor;

/**
 * Issue 21's per-query pages of {@link OverviewBench}'s monitor ({@code vigil.bench.hosts} x
 * {@code vigil.bench.per_host}): a filtered {@code /problems} and the search, every request a new query, first one
 * client (what one answer costs), then {@code vigil.bench.clients} (20) at once for {@code vigil.bench.seconds}
 * (5) per URL. With one client it also gives the CPU time of this JVM (server and client) per answer, which a busy
 * machine inflates less than the latency. A benchmark: it prints, it does not judge; not part of the test run (its name does not end in Test):
 * {@code mvn -pl web-status test -Dtest=ProblemsSearchBench -Dvigil.bench.hosts=5000 -Dvigil.bench.per_host=20}.
 */
class ProblemsSearchBench {

    private static final int CLIENTS = Integer.getInteger("vigil.bench.clients", 20);
    private static final int SECONDS = Integer.getInteger("vigil.bench.seconds", 5);
    private static final List<String> URLS = List.of(System.getProperty("vigil.bench.urls",
            "/problems?state=critical&handled=unhandled&text=host0{n} /api/v1/search?q={n} /problems?request={n} "
                    + "/problems").split(" "));

    @Test
    void perQuery() throws Exception {
        Path dir = Files.createTempDirectory("vigil-problems-bench");
        LoadResult config = OverviewBench.generate(dir);
        Daemon daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        daemon.start();
        try (WebServer web = WebServer.start(Monitor.of(daemon), new VigilConfiguration().withPorts(0, 0),
                Clock.systemUTC())) {
            OverviewBench.setStates(daemon);
            web.reader().fresh();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + web.port();
            System.out.printf("problems bench: %d cores, %d clients, %d s per URL%n",
                    Runtime.getRuntime().availableProcessors(), CLIENTS, SECONDS);
            for (String url : URLS) {
                AtomicInteger n = new AtomicInteger();
                run(http, base, url, n, 1, SECONDS); // warm-up
                jdk.jfr.Recording jfr = null;
                if (System.getProperty("vigil.bench.jfr") != null) { // where the time goes: a profile of each URL
                    jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                    jfr.start();
                }
                var os = (com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long cpu = os.getProcessCpuTime();
                long[] one = run(http, base, url, n, 1, SECONDS);
                double cpuPerAnswer = (os.getProcessCpuTime() - cpu) / 1e6 / Math.max(1, one.length);
                long[] many = run(http, base, url, n, CLIENTS, SECONDS);
                if (jfr != null) {
                    jfr.dump(Path.of(System.getProperty("vigil.bench.jfr") + "-" + URLS.indexOf(url) + ".jfr"));
                    jfr.close();
                }
                System.out.printf("problems bench: %-58s 1 client p50 %6.1f ms, CPU %5.2f ms/answer | %d clients "
                        + "%6.0f/s p50 %6.1f p99 %6.1f max %6.1f ms%n", url, pct(one, 0.5), cpuPerAnswer, CLIENTS,
                        many.length / (double) SECONDS,
                        pct(many, 0.5), pct(many, 0.99), pct(many, 1));
            }
        } finally {
            daemon.close();
        }
    }

    private static long[] run(HttpClient http, String base, String url, AtomicInteger n, int clients, int seconds)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] mine = {new long[1024]};
            int[] count = {0};
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    String target = base + url.replace("{n}", Integer.toString(n.getAndIncrement()));
                    long a = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(target)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(target + " answered " + r.statusCode());
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    if (count[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                    }
                    mine[0][count[0]++] = System.nanoTime() - a;
                }
                synchronized (all) {
                    all.add(Arrays.copyOf(mine[0], count[0]));
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] out = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return out;
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
    }
}
