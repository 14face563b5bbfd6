package org.vigil.config.main;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main configuration file ({@code nagios.cfg}): every directive as written, in order, plus the
 * {@code $USERn$} macros of its resource files.
 *
 * @param directives directive name to its values in file order (most directives use the last one)
 * @param objectFiles the object files to read, {@code cfg_file}s and the {@code *.cfg} files found
 *        in {@code cfg_dir}s, in Nagios's order
 * @param userMacros {@code USER1}..{@code USER256} values from the resource files
 * @param brokerModules the {@code broker_module} lines with where each was written, in file order
 */
public record MainConfig(Path file, Map<String, List<String>> directives, List<Path> objectFiles,
                         Map<String, String> userMacros, List<BrokerModuleLine> brokerModules) {

    public MainConfig {
        directives = Map.copyOf(directives);
        objectFiles = List.copyOf(objectFiles);
        userMacros = Map.copyOf(userMacros);
        brokerModules = List.copyOf(brokerModules);
    }

    /** A main config without broker_module lines' locations (tests that build one by hand). */
    public MainConfig(Path file, Map<String, List<String>> directives, List<Path> objectFiles,
                      Map<String, String> userMacros) {
        this(file, directives, objectFiles, userMacros, List.of());
    }

    /** The effective value of a directive: the last one written. */
    public Optional<String> value(String name) {
        List<String> v = directives.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    public String value(String name, String fallback) {
        return value(name).orElse(fallback);
    }

    public boolean flag(String name, boolean fallback) {
        return value(name).map(v -> !v.strip().equals("0")).orElse(fallback);
    }

    /**
     * The engine's time zone, as Nagios picks it: {@code use_timezone}, else the {@code TZ} variable, else
     * the system's. An invalid {@code use_timezone} is reported by the loader; this falls back then.
     */
    public java.time.ZoneId zone() {
        return value("use_timezone").flatMap(MainConfig::parseZone).orElseGet(() ->
                Optional.ofNullable(System.getenv("TZ")).flatMap(MainConfig::parseZone)
                        .orElse(java.time.ZoneId.systemDefault()));
    }

    public static Optional<java.time.ZoneId> parseZone(String id) {
        try {
            return Optional.of(java.time.ZoneId.of(id.startsWith(":") ? id.substring(1) : id));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A path directive resolved against the main config's directory, as Nagios 4 resolves it. */
    public Optional<Path> path(String name) {
        return value(name).map(v -> file.toAbsolutePath().getParent().resolve(v).normalize());
    }
}
