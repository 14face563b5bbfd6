package org.vigil.config.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The object files one load read, each with the size and CRC-32 of the bytes it parsed, and the listings of the
 * {@code include_dir} directories it walked: the objects cache holds a model only while all of these are unchanged.
 * ({@code cfg_file} and {@code cfg_dir} come from nagios.cfg, whose directives and listed files the cache compares
 * as well.)
 */
public final class ConfigInputs {

    /** One thing a load read. */
    public sealed interface Input permits FileRead, DirListed {
    }

    /** An object file, as it was when parsed. */
    public record FileRead(Path file, long size, long crc) implements Input {
    }

    /** The {@code *.cfg} files found under an {@code include_dir}, in the order they were read. */
    public record DirListed(Path dir, List<String> files) implements Input {
        public DirListed {
            files = List.copyOf(files);
        }
    }

    private final List<Input> inputs = new ArrayList<>();

    /** Records an object file read (not thread-safe: one per thread, joined with {@link #addAll}). */
    public void fileRead(Path file, long size, long crc) {
        inputs.add(new FileRead(file.toAbsolutePath(), size, crc));
    }

    public void dirListed(Path dir, List<Path> files) {
        inputs.add(new DirListed(dir.toAbsolutePath(), files.stream().map(Path::toString).toList()));
    }

    public void addAll(ConfigInputs other) {
        inputs.addAll(other.inputs);
    }

    public List<Input> all() {
        return List.copyOf(inputs);
    }

    /**
     * The {@code *.cfg} regular files under {@code dir}, recursively, in sorted order: how {@code include_dir} is
     * read, by the loader and by the cache checking that the directory still lists the same files.
     */
    public static List<Path> cfgFilesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".cfg") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** Why {@code input} no longer holds on disk, or empty when it does. */
    static Optional<String> changed(Input input) {
        if (input instanceof FileRead f) {
            return changed(f);
        }
        DirListed d = (DirListed) input;
        try {
            List<String> now = Files.isDirectory(d.dir())
                    ? cfgFilesUnder(d.dir()).stream().map(Path::toString).toList() : List.of();
            return now.equals(d.files()) ? Optional.empty()
                    : Optional.of("the files under include_dir " + d.dir() + " changed");
        } catch (IOException | RuntimeException e) {
            return Optional.of("include_dir " + d.dir() + " cannot be listed");
        }
    }

    private static Optional<String> changed(FileRead f) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        long size = 0;
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f.file())) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                size += n;
                if (size > f.size()) {
                    break;
                }
                crc.update(chunk, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of(f.file() + " cannot be read");
        }
        return size == f.size() && crc.getValue() == f.crc() ? Optional.empty()
                : Optional.of(f.file() + " changed");
    }
}
