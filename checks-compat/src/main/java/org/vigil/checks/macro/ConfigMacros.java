package org.vigil.checks.macro;

import java.util.Map;
import org.vigil.config.main.MainConfig;

/** Macros that name files and addresses from nagios.cfg, given as written there. */
final class ConfigMacros {

    private static final Map<String, String> DIRECTIVE = Map.ofEntries(
            Map.entry("ADMINEMAIL", "admin_email"),
            Map.entry("ADMINPAGER", "admin_pager"),
            Map.entry("STATUSDATAFILE", "status_file"),
            Map.entry("RETENTIONDATAFILE", "state_retention_file"),
            Map.entry("OBJECTCACHEFILE", "object_cache_file"),
            Map.entry("TEMPFILE", "temp_file"),
            Map.entry("TEMPPATH", "temp_path"),
            Map.entry("LOGFILE", "log_file"),
            Map.entry("RESOURCEFILE", "resource_file"),
            Map.entry("COMMANDFILE", "command_file"),
            Map.entry("HOSTPERFDATAFILE", "host_perfdata_file"),
            Map.entry("SERVICEPERFDATAFILE", "service_perfdata_file"));

    private ConfigMacros() {
    }

    static String value(MainConfig main, String macro) {
        if (main == null) {
            return "";
        }
        if (macro.equals("MAINCONFIGFILE")) {
            return main.file().toString();
        }
        String directive = DIRECTIVE.get(macro);
        return directive == null ? "" : main.value(directive, "");
    }
}
