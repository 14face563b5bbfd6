package org.vigil.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.vigil.config.LoadResult;
import org.vigil.config.main.GearmanModuleLine;
import org.vigil.config.main.MainConfig;
import org.vigil.worker.dispatch.DispatchConfReader;
import org.vigil.worker.dispatch.DispatchReading;
import org.vigil.worker.dispatch.DispatchSettings;

/**
 * Whether and how checks go to gearmand, from the two places that may say so: nagios.cfg's mod_gearman
 * {@code broker_module} line (its arguments and the {@code module.conf} its {@code config=} names) and
 * {@code gearman:} in vigil.yml, which wins: its {@code config:} is read instead of the line's, its keys replace the
 * files', and {@code enabled: false} keeps every check on this machine. Off (local checks) unless one of them is
 * given.
 */
final class GearmanSetup {

    private GearmanSetup() {
    }

    /** The dispatch settings {@code vigil run} starts with; empty when checks run locally or the settings are bad. */
    static Optional<DispatchSettings> dispatchSettings(RunSettings settings, LoadResult config) {
        return read(settings, config.mainConfig()).settings();
    }

    /** Reads both places; {@code settings} null without vigil.yml, {@code main} null when nagios.cfg is unreadable. */
    static DispatchReading read(RunSettings settings, MainConfig main) {
        GearmanConfig yml = settings == null ? null : settings.gearman;
        if (yml != null && yml.off()) {
            return DispatchReading.LOCAL;
        }
        DispatchConfReader reader = new DispatchConfReader();
        Optional<GearmanModuleLine> line = main == null ? Optional.empty() : GearmanModuleLine.of(main);
        String where = ymlName(settings) + ", gearman:";
        if (yml != null && yml.config != null && !yml.config.isBlank()) {
            reader.file(where + " config", settings.baseDir().resolve(yml.config).normalize());
        } else {
            line.ifPresent(l -> reader.moduleLine(l, main.file().toAbsolutePath().getParent()));
        }
        if (yml != null) {
            var keys = yml.keys(settings.baseDir());
            if (!keys.isEmpty()) {
                reader.override(where, keys);
            }
            yml.orphanAfterDuration().ifPresent(reader::orphanAfter);
            yml.localFallback().ifPresent(reader::localFallbackAfter);
        }
        return reader.read();
    }

    /** The line {@code vigil verify} prints: where checks go. */
    static String describe(RunSettings settings, DispatchReading reading) {
        if (settings != null && settings.gearman != null && settings.gearman.off()) {
            return "Checks run on this machine (" + ymlName(settings) + ": gearman: enabled: false)";
        }
        return reading.describe();
    }

    private static String ymlName(RunSettings settings) {
        Path file = settings == null ? null : settings.file;
        return file == null ? "vigil.yml" : file.toString();
    }
}
