package org.vigil.config.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.model.ObjectModel;

/**
 * The objects cache gives back the model and diagnostics a full load gives, in the same order, and is used only
 * while nothing it was resolved from has changed.
 */
class ObjectsCacheTest {

    private static final Path CONFIGS = Path.of("src/test/resources/configs");

    @TempDir
    Path dir;

    /** Every test config that loads without errors, and the sample configs. */
    static Stream<Path> validConfigs() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> cases = Files.list(CONFIGS)) {
            cases.map(c -> c.resolve("nagios.cfg")).filter(Files::exists).sorted().forEach(found::add);
        }
        found.add(Path.of("../sample-configs/nagios.cfg"));
        return found.stream().filter(c -> ConfigLoader.load(c).ok());
    }

    @ParameterizedTest
    @MethodSource("validConfigs")
    void a_cached_load_equals_the_full_load(Path nagiosCfg) throws IOException {
        ObjectsCache cache = new ObjectsCache(dir.resolve("objects.cache"), "build-1");
        ConfigLoader.Cached first = ConfigLoader.loadCached(nagiosCfg, main -> Optional.of(cache));
        assertThat(first.lookup()).contains(new ObjectsCache.Miss("none yet"));
        assertThat(first.save()).isPresent();
        first.save().get().run();

        ConfigLoader.Cached second = ConfigLoader.loadCached(nagiosCfg, main -> Optional.of(cache));
        assertThat(second.lookup()).containsInstanceOf(ObjectsCache.Hit.class);
        assertThat(second.save()).isEmpty();
        LoadResult full = ConfigLoader.load(nagiosCfg);
        assertSame(second.result(), full);
    }

    @Test
    void every_timeperiod_form_and_template_comes_back_equal() throws IOException {
        String lines = Files.readAllLines(Path.of("src/test/resources/timeperiod/every-form.lines")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> "    " + l).collect(Collectors.joining("\n"));
        Path cfg = config("define timeperiod {\n    name every\n    timeperiod_name every\n    alias every form\n"
                + lines + "\n}\n"
                + "define timeperiod {\n    timeperiod_name derived\n    use every\n    alias derived\n"
                + "    monday 01:00-02:00\n    day 15 03:00-04:00\n    exclude none\n}\n"
                + "define timeperiod {\n    timeperiod_name none\n    alias none\n}\n");
        LoadResult full = ConfigLoader.load(cfg);
        assertThat(full.ok()).as(full.diagnostics().all().toString()).isTrue();
        assertSame(roundTrip(cfg), full);
    }

    @Test
    void a_changed_object_file_is_a_miss_naming_it_and_the_model_is_the_new_one() throws IOException {
        Path cfg = config("");
        roundTrip(cfg);
        Files.writeString(dir.resolve("objects.cfg"), service("second"), java.nio.file.StandardOpenOption.APPEND);
        ConfigLoader.Cached after = load(cfg, "build-1");
        assertThat(after.lookup()).contains(new ObjectsCache.Miss(dir.resolve("objects.cfg").toAbsolutePath()
                + " changed"));
        assertThat(after.result().model().services()).hasSize(2);
        assertThat(after.save()).isPresent();
    }

    @Test
    void the_same_size_with_other_bytes_is_a_miss() throws IOException {
        Path cfg = config("");
        roundTrip(cfg);
        String text = Files.readString(dir.resolve("objects.cfg"));
        Files.writeString(dir.resolve("objects.cfg"), text.replace("first", "frist"));
        assertThat(load(cfg, "build-1").lookup()).containsInstanceOf(ObjectsCache.Miss.class);
    }

    @Test
    void a_file_added_to_cfg_dir_or_include_dir_is_a_miss() throws IOException {
        Files.createDirectories(dir.resolve("more"));
        Files.createDirectories(dir.resolve("conf.d"));
        Path cfg = config("include_dir=more\n", "cfg_dir=conf.d\n");
        roundTrip(cfg);
        Files.writeString(dir.resolve("more/extra.cfg"), service("from-include-dir"));
        ConfigLoader.Cached after = load(cfg, "build-1");
        assertThat(after.lookup()).contains(new ObjectsCache.Miss("the files under include_dir "
                + dir.resolve("more").toAbsolutePath() + " changed"));
        assertThat(after.result().model().services()).hasSize(2);
        after.save().orElseThrow().run();

        Files.writeString(dir.resolve("conf.d/extra.cfg"), service("from-cfg-dir"));
        ConfigLoader.Cached again = load(cfg, "build-1");
        assertThat(again.lookup()).containsInstanceOf(ObjectsCache.Miss.class);
        assertThat(again.result().model().services()).hasSize(3);
    }

    @Test
    void a_changed_main_config_or_another_build_is_a_miss() throws IOException {
        Path cfg = config("");
        roundTrip(cfg);
        assertThat(load(cfg, "build-2").lookup()).contains(new ObjectsCache.Miss("written by another Vigil build"));
        Files.writeString(cfg, Files.readString(cfg) + "use_regexp_matching=1\n");
        assertThat(load(cfg, "build-1").lookup()).containsInstanceOf(ObjectsCache.Miss.class);
    }

    @Test
    void a_damaged_or_truncated_cache_is_a_miss_and_the_files_are_loaded() throws IOException {
        Path cfg = config("");
        roundTrip(cfg);
        Path file = dir.resolve("objects.cache");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        ConfigLoader.Cached flipped = load(cfg, "build-1");
        assertThat(flipped.lookup()).contains(new ObjectsCache.Miss("damaged (checksum)"));
        assertSame(flipped.result(), ConfigLoader.load(cfg));

        Files.write(file, java.util.Arrays.copyOf(bytes, 5));
        assertThat(load(cfg, "build-1").lookup()).contains(new ObjectsCache.Miss("damaged (checksum)"));
        Files.write(file, new byte[0]);
        assertThat(load(cfg, "build-1").lookup()).contains(new ObjectsCache.Miss("damaged (checksum)"));
    }

    @Test
    void garbage_with_a_valid_checksum_is_a_miss_not_an_exception() throws IOException {
        Path cfg = config("");
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < 300; i++) {
            byte[] body = new byte[random.nextInt(200)];
            random.nextBytes(body);
            if (i % 2 == 0 && body.length > 20) { // a valid start, then garbage
                byte[] magic = "VIGIL-OBJECTS\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(magic, 0, body, 0, magic.length);
                body[magic.length] = 1;
            }
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(body);
            byte[] whole = java.util.Arrays.copyOf(body, body.length + 8);
            for (int b = 0; b < 8; b++) {
                whole[body.length + b] = (byte) (crc.getValue() >>> (56 - 8 * b));
            }
            Files.write(dir.resolve("objects.cache"), whole);
            assertThat(load(cfg, "build-1").lookup()).containsInstanceOf(ObjectsCache.Miss.class);
        }
    }

    @Test
    void a_config_with_errors_is_not_cached() throws IOException {
        Path cfg = config("define host {\n    host_name broken\n}\n");
        ConfigLoader.Cached loaded = load(cfg, "build-1");
        assertThat(loaded.result().ok()).isFalse();
        assertThat(loaded.save()).isEmpty();
    }

    private ConfigLoader.Cached load(Path cfg, String build) {
        ObjectsCache cache = new ObjectsCache(dir.resolve("objects.cache"), build);
        return ConfigLoader.loadCached(cfg, main -> Optional.of(cache));
    }

    /** Loads {@code cfg} fully, saves it, and loads it again from the cache. */
    private LoadResult roundTrip(Path cfg) throws IOException {
        ConfigLoader.Cached first = load(cfg, "build-1");
        first.save().orElseThrow().run();
        ConfigLoader.Cached second = load(cfg, "build-1");
        assertThat(second.lookup()).containsInstanceOf(ObjectsCache.Hit.class);
        return second.result();
    }

    private Path config(String extraObjects) throws IOException {
        return config(extraObjects, "");
    }

    /** A config of one host and service (with a warning) plus {@code extraObjects} and {@code mainLines}. */
    private Path config(String extraObjects, String mainLines) throws IOException {
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check
                    command_line /bin/true
                }
                define contact {
                    contact_name admin
                    host_notification_commands check
                    service_notification_commands check
                    host_notification_period 24x7
                    service_notification_period 24x7
                }
                define timeperiod {
                    timeperiod_name 24x7
                    alias always
                    monday 00:00-24:00
                }
                define host {
                    host_name h
                    max_check_attempts 1
                    contacts admin
                    _ROLE web
                }
                """ + service("first") + extraObjects);
        Path cfg = dir.resolve("nagios.cfg");
        Files.writeString(cfg, "cfg_file=objects.cfg\nstate_retention_file=retention.dat\n"
                + mainLines);
        return cfg;
    }

    private static String service(String description) {
        return "define service {\n    host_name h\n    service_description " + description
                + "\n    check_command check\n    max_check_attempts 1\n    contacts admin\n}\n";
    }

    /** The same model, maps in the same order, and the same diagnostics in the same order. */
    private static void assertSame(LoadResult cached, LoadResult full) {
        ObjectModel a = cached.model();
        ObjectModel b = full.model();
        assertThat(a).isEqualTo(b);
        // equal maps may iterate differently: the order is part of the model (objects cache, status.dat)
        assertThat(List.copyOf(a.timeperiods().keySet())).isEqualTo(List.copyOf(b.timeperiods().keySet()));
        assertThat(List.copyOf(a.hosts().keySet())).isEqualTo(List.copyOf(b.hosts().keySet()));
        assertThat(List.copyOf(a.services().keySet())).isEqualTo(List.copyOf(b.services().keySet()));
        assertThat(List.copyOf(a.contacts().keySet())).isEqualTo(List.copyOf(b.contacts().keySet()));
        assertThat(List.copyOf(a.hostGroups().keySet())).isEqualTo(List.copyOf(b.hostGroups().keySet()));
        assertThat(List.copyOf(a.serviceGroups().keySet())).isEqualTo(List.copyOf(b.serviceGroups().keySet()));
        for (String name : a.timeperiods().keySet()) {
            assertThat(a.timeperiods().get(name).rules().cacheLines())
                    .isEqualTo(b.timeperiods().get(name).rules().cacheLines());
        }
        assertThat(cached.diagnostics().all().stream().map(Diagnostic::toString).toList())
                .isEqualTo(full.diagnostics().all().stream().map(Diagnostic::toString).toList());
        assertThat(cached.diagnostics().errorCount()).isEqualTo(full.diagnostics().errorCount());
        assertThat(cached.diagnostics().warningCount()).isEqualTo(full.diagnostics().warningCount());
        assertThat(cached.mainConfig()).isEqualTo(full.mainConfig());
    }
}
