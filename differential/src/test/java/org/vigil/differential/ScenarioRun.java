package org.vigil.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one scenario on two engines side by side: starts both, plays the steps on both at the same moments, lets
 * status.dat catch up, snapshots it, stops both and observes what each did.
 */
final class ScenarioRun {

    private static final Duration AWAIT = Duration.ofSeconds(90);
    private static final Pattern NOW = Pattern.compile("\\{now([+-]\\d+)?}");

    private final Scenario scenario;
    private final List<EngineProcess> engines;

    ScenarioRun(Scenario scenario, EngineProcess left, EngineProcess right) {
        this.scenario = scenario;
        this.engines = List.of(left, right);
    }

    /** Plays the scenario; returns both observations, left first. */
    List<Observation> play() throws Exception {
        try {
            for (EngineProcess e : engines) {
                e.prepare(scenario);
            }
            startAll();
            for (Scenario.Step step : scenario.steps()) {
                perform(step);
            }
            EngineProcess.sleep(2500); // more than two status_update_intervals
            for (EngineProcess e : engines) {
                e.snapshotStatus();
            }
            for (EngineProcess e : engines) {
                e.stop();
            }
            return List.of(Observation.of(engines.get(0).dir, scenario.masks()),
                    Observation.of(engines.get(1).dir, scenario.masks()));
        } finally {
            engines.forEach(EngineProcess::close);
        }
    }

    private void startAll() throws Exception {
        // started together, each waited for: their clocks start within the slower one's start-up
        Thread other = new Thread(() -> start(engines.get(1)));
        Throwable[] failure = new Throwable[1];
        other.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
        other.start();
        start(engines.get(0));
        other.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0].getMessage(), failure[0]);
        }
    }

    private static void start(EngineProcess e) {
        try {
            e.start();
        } catch (IOException ex) {
            throw new AssertionError(e.label + " could not start: " + ex.getMessage(), ex);
        }
    }

    private void perform(Scenario.Step step) throws Exception {
        if (step instanceof Scenario.Await a) {
            for (EngineProcess e : engines) {
                e.awaitLog(a.count(), a.text(), AWAIT);
            }
        } else if (step instanceof Scenario.Wait w) {
            EngineProcess.sleep((long) (w.seconds() * 1000));
        } else if (step instanceof Scenario.Command c) {
            String line = "[" + Instant.now().getEpochSecond() + "] " + withTimes(c.line());
            for (EngineProcess e : engines) {
                e.command(line);
            }
        } else if (step instanceof Scenario.SetPlugin p) {
            for (EngineProcess e : engines) {
                e.setPlugin(p.object(), p.results());
            }
        } else if (step instanceof Scenario.Config c) {
            for (EngineProcess e : engines) {
                Files.copy(scenario.dir().resolve(c.file()), e.dir.resolve("objects.cfg"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } else if (step instanceof Scenario.Restart) {
            for (EngineProcess e : engines) {
                e.stop();
            }
            startAll();
        } else if (step instanceof Scenario.Checked) {
            for (EngineProcess e : engines) {
                e.awaitAllChecked(AWAIT);
            }
        } else if (step instanceof Scenario.Reload) {
            for (EngineProcess e : engines) {
                e.hangUp();
            }
            EngineProcess.sleep(3000);
        }
    }

    static String withTimes(String line) {
        long now = Instant.now().getEpochSecond();
        Matcher m = NOW.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long offset = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            m.appendReplacement(out, Long.toString(now + offset));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Path workDir(String scenario, String label) throws IOException {
        Path base = Path.of(System.getProperty("user.dir"), "target", "differential");
        Files.createDirectories(base);
        Path dir = base.resolve(scenario + "-" + label);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
}
