package org.vigil.engine.daemon;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.vigil.config.LoadResult;
import org.vigil.config.dump.ObjectCacheWriter;
import org.vigil.engine.log.NagiosLog;

/**
 * {@code object_cache_file}, written as Nagios writes it at every start and reload: the resolved objects, which the
 * CGIs ({@code status.cgi}, {@code statusjson.cgi}, ...) read before status.dat and without which each answers
 * "Could not read object configuration data!". Written to a temporary file renamed over the old one, so a CGI
 * reading during a reload sees the old objects or the new, never half.
 */
final class ObjectCacheFile {

    private ObjectCacheFile() {
    }

    /**
     * Writes the objects of {@code config} to its {@code object_cache_file}, if it names one; a failure is logged
     * (the monitor runs on: only the CGIs need the file).
     */
    static void write(LoadResult config, NagiosLog log) {
        Path file = config.mainConfig().path("object_cache_file").orElse(null);
        if (file == null) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // readable by all, as Nagios leaves it: the CGIs run as the web server's user
            Path tmp = Files.createTempFile(dir, ".objects", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            try {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    ObjectCacheWriter.write(config.model(), w);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            log.log("Warning: cannot write the object cache file: " + WriteFailure.describe(file, e));
        }
    }
}
