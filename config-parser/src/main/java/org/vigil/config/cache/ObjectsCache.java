package org.vigil.config.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.ObjectModel;

/**
 * The resolved object model of the last start, kept in a binary file, so that a restart on an unchanged config
 * skips parsing and resolving (at 100,000 services, seconds of a restart): Vigil's counterpart of Nagios's
 * precached objects, but checked rather than trusted. The model is used only when this very Vigil build wrote it,
 * nagios.cfg has the same directives and object files, and every object file and {@code include_dir} read for it is
 * byte for byte (size and CRC-32) as it was; otherwise the config is loaded from its files and the cache rewritten.
 * A damaged file is a miss, never an error.
 */
public final class ObjectsCache {

    /** Changes whenever the encoding or a model record changes. */
    static final int FORMAT = 1;
    /** The file's name, beside the retention database in the directory of {@code state_retention_file}. */
    public static final String FILE_NAME = "vigil-objects.cache";
    /** A cache larger than this is not read (100,000 services take about 8 MiB). */
    static final long MAX_BYTES = 1L << 30;
    private static final byte[] MAGIC = "VIGIL-OBJECTS\n".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final String build;

    /** A cache in {@code file} for models resolved by the Vigil build {@code build}. */
    public ObjectsCache(Path file, String build) {
        this.file = file;
        this.build = build;
    }

    /**
     * The cache for {@code main}: in the directory of its {@code state_retention_file}, for the Vigil jar that runs;
     * empty when state is not retained, Vigil does not run from a jar (no build to tell models apart), or
     * {@code -Dvigil.objects-cache=off}.
     */
    public static Optional<ObjectsCache> of(MainConfig main) {
        if ("off".equals(System.getProperty("vigil.objects-cache")) || !main.flag("retain_state_information", true)) {
            return Optional.empty();
        }
        Optional<Path> retention = main.path("state_retention_file");
        Optional<String> build = jarBuild();
        if (retention.isEmpty() || build.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ObjectsCache(retention.get().toAbsolutePath().resolveSibling(FILE_NAME), build.get()));
    }

    /** The jar this class was loaded from, with its size and time: another build never reads this one's models. */
    private static Optional<String> jarBuild() {
        try {
            Path jar = Path.of(ObjectsCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            return Optional.of(jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis());
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    public Path file() {
        return file;
    }

    /** What looking the config up found. */
    public sealed interface Lookup permits Hit, Miss {
    }

    /** The model resolved at an earlier start, and the diagnostics that load printed after reading nagios.cfg. */
    public record Hit(ObjectModel model, List<Diagnostic> diagnostics) implements Lookup {
    }

    /** Not usable, and why ("none yet", "/etc/vigil/conf.d/web.cfg changed", ...). */
    public record Miss(String why) implements Lookup {
    }

    /** The model for {@code main}, if the cache holds it for exactly this config; never throws. */
    public Lookup read(MainConfig main) {
        try {
            if (!Files.exists(file)) {
                return new Miss("none yet");
            }
            if (Files.size(file) > MAX_BYTES) {
                return new Miss("larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 8 || crc(bytes, bytes.length - 8) != trailer(bytes)) {
                return new Miss("damaged (checksum)");
            }
            CacheIn in = new CacheIn(bytes, 0, bytes.length - 8);
            if (!in.startsWith(MAGIC) || in.uint() != FORMAT) {
                return new Miss("of another format");
            }
            if (!build.equals(in.str())) {
                return new Miss("written by another Vigil build");
            }
            if (!mainKey(main).equals(in.str())) {
                return new Miss(main.file() + " changed");
            }
            int n = in.count();
            for (int i = 0; i < n; i++) {
                Optional<String> changed = ConfigInputs.changed(input(in));
                if (changed.isPresent()) {
                    return new Miss(changed.get());
                }
            }
            ModelCodec.Read read = ModelCodec.read(in);
            if (!in.atEnd()) {
                return new Miss("damaged (bytes after the model)");
            }
            return new Hit(read.model(), read.diagnostics());
        } catch (CacheFormatException e) {
            return new Miss("damaged (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            return new Miss("unreadable (" + e + ")");
        }
    }

    /**
     * Keeps {@code model}, resolved from {@code main} and {@code inputs} with {@code diagnostics} (those after
     * nagios.cfg), for the next start; written whole or not at all (a new file renamed over the old one).
     */
    public void write(MainConfig main, ConfigInputs inputs, List<Diagnostic> diagnostics, ObjectModel model)
            throws IOException {
        CacheOut out = new CacheOut();
        out.bytes(MAGIC);
        out.uint(FORMAT);
        out.str(build);
        out.str(mainKey(main));
        List<ConfigInputs.Input> all = inputs.all();
        out.uint(all.size());
        for (ConfigInputs.Input i : all) {
            input(out, i);
        }
        ModelCodec.write(out, model, diagnostics);
        byte[] body = out.toByteArray();
        byte[] whole = java.util.Arrays.copyOf(body, body.length + 8);
        long crc = crc(body, body.length);
        for (int i = 0; i < 8; i++) {
            whole[body.length + i] = (byte) (crc >>> (56 - 8 * i));
        }
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME + ".", ".tmp");
        try {
            Files.write(tmp, whole);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What of nagios.cfg the model depends on: its path, every directive (in name order) and the object files. */
    private static String mainKey(MainConfig main) {
        return main.file().toAbsolutePath() + "\n" + new TreeMap<>(main.directives()) + "\n" + main.objectFiles();
    }

    private static void input(CacheOut out, ConfigInputs.Input input) {
        if (input instanceof ConfigInputs.FileRead f) {
            out.u8(0);
            out.str(f.file().toString());
            out.slong(f.size());
            out.slong(f.crc());
        } else {
            ConfigInputs.DirListed d = (ConfigInputs.DirListed) input;
            out.u8(1);
            out.str(d.dir().toString());
            out.strs(d.files());
        }
    }

    private static ConfigInputs.Input input(CacheIn in) {
        int kind = in.u8();
        if (kind == 0) {
            return new ConfigInputs.FileRead(in.path(), in.slong(), in.slong());
        }
        if (kind == 1) {
            return new ConfigInputs.DirListed(in.path(), in.strs());
        }
        throw new CacheFormatException("an input of kind " + kind);
    }

    private static long crc(byte[] bytes, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private static long trailer(byte[] bytes) {
        long v = 0;
        for (int i = bytes.length - 8; i < bytes.length; i++) {
            v = (v << 8) | (bytes[i] & 0xFF);
        }
        return v;
    }
}
