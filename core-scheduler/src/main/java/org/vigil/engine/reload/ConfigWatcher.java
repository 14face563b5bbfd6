package org.vigil.engine.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.vigil.config.main.MainConfig;

/**
 * {@code vigil run --watch}: notices when the main config, its resource files, a {@code cfg_file} or any
 * {@code .cfg} file under a {@code cfg_dir} is added, changed or removed, and reloads once the files have been
 * quiet for the debounce time, so a deployment that writes many files causes one reload. Polls (file times and
 * sizes) rather than using inotify, which would need a watch per directory and misses changes in new ones.
 */
public final class ConfigWatcher implements AutoCloseable {

    private final Supplier<MainConfig> config;
    private final Duration debounce;
    private final Duration poll;
    private final Consumer<String> onChange;
    private final Thread thread;
    private volatile boolean closed;

    /** Watches the files of {@code config} (asked again after every reload); {@code onChange} gets the changed path. */
    public ConfigWatcher(Supplier<MainConfig> config, Duration debounce, Duration poll, Consumer<String> onChange) {
        this.config = config;
        this.debounce = debounce;
        this.poll = poll;
        this.onChange = onChange;
        this.thread = new Thread(this::run, "vigil-config-watch");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        Map<Path, String> seen = fingerprint(config.get());
        Path changed = null;
        long quietSince = 0;
        while (!closed) {
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            Map<Path, String> now = fingerprint(config.get());
            if (!now.equals(seen)) {
                changed = firstDifference(seen, now);
                seen = now;
                quietSince = System.nanoTime();
            } else if (changed != null && System.nanoTime() - quietSince >= debounce.toNanos()) {
                onChange.accept(changed.toString());
                changed = null;
                seen = fingerprint(config.get()); // the reload may have added cfg_dirs
            }
        }
    }

    private static Path firstDifference(Map<Path, String> before, Map<Path, String> after) {
        TreeMap<Path, String> all = new TreeMap<>(before);
        all.putAll(after);
        return all.keySet().stream().filter(p -> !java.util.Objects.equals(before.get(p), after.get(p)))
                .findFirst().orElse(all.isEmpty() ? Path.of("") : all.firstKey());
    }

    /** Every watched file with its modification time and size ("" if missing). */
    static Map<Path, String> fingerprint(MainConfig main) {
        Map<Path, String> files = new TreeMap<>();
        Path base = main.file().toAbsolutePath().getParent();
        add(files, main.file().toAbsolutePath());
        for (String name : new String[] {"cfg_file", "resource_file"}) {
            main.directives().getOrDefault(name, java.util.List.of()).forEach(v -> add(files, base.resolve(v)));
        }
        for (String dir : main.directives().getOrDefault("cfg_dir", java.util.List.of())) {
            try (Stream<Path> walk = Files.walk(base.resolve(dir))) {
                walk.filter(p -> p.getFileName().toString().endsWith(".cfg")).forEach(p -> add(files, p));
            } catch (IOException | UncheckedIOException e) {
                files.put(base.resolve(dir), "unreadable");
            }
        }
        return files;
    }

    private static void add(Map<Path, String> files, Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            files.put(p, a.lastModifiedTime() + "/" + a.size() + "/" + a.fileKey());
        } catch (IOException e) {
            files.put(p, "");
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
