package org.vigil.checks.builtin.curl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The User-Agent check_curl sends by default, {@code check_curl/v2.3.3 (monitoring-plugins 2.3.3, <curl_version()>)},
 * which names the installed libcurl and the libraries it was built with. Vigil reads it the way the plugin prints it:
 * {@code check_curl -V} gives the plugin's version line and then libcurl's {@code curl_version()}. Read once per
 * plugin path (one short fork), and only from the version this built-in was written for; empty otherwise, and then
 * the built-in declines every line that does not set {@code -A}.
 */
final class CurlVersion {

    /** The plugin release whose behaviour the built-in follows. */
    static final String PLUGIN_VERSION_LINE = "check_curl v2.3.3 (monitoring-plugins 2.3.3)";

    private static final long READ_TIMEOUT_SECONDS = 5;

    private final Path plugin;
    private volatile Optional<String> userAgent;

    CurlVersion(Path plugin) {
        this.plugin = plugin;
    }

    /** The default User-Agent of the plugin at this path, or empty when it is not the expected version. */
    Optional<String> userAgent() {
        Optional<String> known = userAgent;
        if (known == null) {
            synchronized (this) {
                if (userAgent == null) {
                    userAgent = read();
                }
                known = userAgent;
            }
        }
        return known;
    }

    private Optional<String> read() {
        if (!Files.isExecutable(plugin)) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(plugin.toString(), "-V").redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
            if (lines.length < 2 || !lines[0].equals(PLUGIN_VERSION_LINE) || !lines[1].startsWith("libcurl/")) {
                return Optional.empty();
            }
            return Optional.of("check_curl/v2.3.3 (monitoring-plugins 2.3.3, " + lines[1] + ")");
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
