package org.vigil.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.vigil.config.LoadResult;
import org.vigil.notify.setup.NotifySettings;
import org.vigil.notify.setup.NotifySettingsFile;
import org.vigil.web.app.DatabaseConfig;
import org.vigil.web.app.NotificationsConfig;
import org.vigil.web.app.VigilConfiguration;

/**
 * The built-in notification channels' settings for {@code vigil run}: the {@code notifications:} of vigil.yml, or
 * else the properties file named by {@code -Dvigil.notify.config} / {@code VIGIL_NOTIFY_CONFIG}; every problem is
 * printed on stderr, and none means the monitor does not start.
 */
final class NotifySetup {

    private final PrintStream err;

    NotifySetup(PrintStream err) {
        this.err = err;
    }

    /** The settings, or empty when they are not valid (each problem printed). */
    Optional<NotifySettings> settings(VigilConfiguration settings, LoadResult config, DatabaseConfig database) {
        return settings != null && settings.notifications != null
                ? yamlNotifySettings(settings, config, database) : notifySettings(config, database);
    }

    /**
     * The built-in channels' settings from {@code -Dvigil.notify.config} / {@code VIGIL_NOTIFY_CONFIG} (none: the
     * contacts' notification commands only); empty, with every problem printed, when the file is not valid. A
     * {@code database.url} in the YAML replaces the file's {@code outbox.url}.
     */
    private Optional<NotifySettings> notifySettings(LoadResult config, DatabaseConfig database) {
        Optional<Path> file = NotifySettingsFile.named();
        if (file.isEmpty()) {
            return Optional.of(NotifySettings.NONE);
        }
        NotifySettingsFile.Read read = NotifySettingsFile.read(file.get(), config.mainConfig().zone());
        read.errors().forEach(e -> err.println("vigil run: " + e));
        if (read.settings().isEmpty()) {
            err.println("vigil run: the notification settings have " + read.errors().size()
                    + " error(s); not starting");
            return read.settings();
        }
        NotifySettings s = read.settings().get();
        if (!database.given()) {
            return read.settings();
        }
        if (s.outboxUrl().isPresent()) {
            err.println("vigil run: note: database.url in the YAML is used for the outbox, not outbox.url in "
                    + file.get());
        }
        return Optional.of(new NotifySettings(s.email(), s.webhooks(), database.outboxUrl(), s.retryInitial(),
                s.retryMax(), s.giveUpAfter()));
    }

    /** The built-in channels' settings from the YAML's {@code notifications:}, which replaces the properties file. */
    private Optional<NotifySettings> yamlNotifySettings(VigilConfiguration settings, LoadResult config,
                                                        DatabaseConfig database) {
        NotifySettingsFile.named().ifPresent(f -> err.println("vigil run: note: notifications in " + settings.file
                + " are used, not " + f + " (VIGIL_NOTIFY_CONFIG / -Dvigil.notify.config)"));
        NotificationsConfig.Read read = settings.notifications.settings(settings.baseDir(), config.mainConfig().zone(),
                database.outboxUrl());
        read.errors().forEach(e -> err.println("vigil run: " + settings.file + ": " + e));
        if (read.settings().isEmpty()) {
            err.println("vigil run: the notification settings have " + read.errors().size()
                    + " error(s); not starting");
        }
        return read.settings();
    }
}
