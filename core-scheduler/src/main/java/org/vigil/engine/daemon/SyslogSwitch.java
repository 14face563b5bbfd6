package org.vigil.engine.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.log.Syslog;

/** The daemon's copy of its log to the system log, on while {@code use_syslog} is, across reloads. */
final class SyslogSwitch {

    private final NagiosLog log;
    /** The system log that {@code use_syslog} sends the log's lines to, while it is on. */
    private Syslog syslog;

    SyslogSwitch(NagiosLog log) {
        this.log = log;
    }

    /**
     * Sends the log's lines to the system log while {@code use_syslog} is on (Nagios's default), through the socket
     * {@code -Dvigil.syslog.socket} names, else {@code /dev/log}.
     */
    synchronized void follow(MainConfig main) {
        boolean on = main.flag("use_syslog", true);
        if (on == (syslog != null)) {
            return;
        }
        if (on) {
            String socket = System.getProperty("vigil.syslog.socket");
            Path at = Path.of(socket == null ? "/dev/log" : socket);
            if (!Files.exists(at)) {
                // containers often have no syslog daemon: one line saying so, not logger's complaint on stderr
                log.log("Warning: use_syslog is on but there is no system log at " + at
                        + ": lines go to the log file only");
                return;
            }
            try {
                syslog = Syslog.start(socket == null ? null : at, log::log);
            } catch (IOException e) {
                log.log("Warning: use_syslog is on but the system log cannot be reached: cannot start logger ("
                        + e.getMessage() + ")");
                return;
            }
        } else {
            syslog.close();
            syslog = null;
        }
        log.copyToSyslog(syslog);
    }
}
