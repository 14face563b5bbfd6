package org.vigil.checks.macro;

import java.util.HashMap;
import java.util.Map;
import org.vigil.config.model.ServiceKey;

/** Runtime values from a table, keyed {@code host/MACRO}, {@code host;service/MACRO} or {@code MACRO}. */
final class FakeRuntime implements RuntimeMacros {

    private final Map<String, String> values = new HashMap<>();

    FakeRuntime put(String key, String value) {
        values.put(key, value);
        return this;
    }

    @Override
    public String host(String hostName, String macro) {
        return values.get(hostName + "/" + macro);
    }

    @Override
    public String service(ServiceKey key, String macro) {
        return values.get(key + "/" + macro);
    }

    @Override
    public String global(String macro) {
        return values.get(macro);
    }

    /** The runtime state of the nagios4 run the expected values come from. */
    static FakeRuntime observed() {
        return new FakeRuntime()
                .put("h1/HOSTSTATE", "UP").put("h1/HOSTSTATEID", "0").put("h1/HOSTSTATETYPE", "HARD")
                .put("h1/HOSTATTEMPT", "1").put("h1/HOSTOUTPUT", "exit 0 output")
                .put("h1/HOSTDURATION", "0d 0h 0m 12s").put("h1/HOSTLATENCY", "0.002")
                .put("h2/HOSTSTATE", "DOWN").put("lonely/HOSTSTATE", "UP")
                .put("h1;mac1/SERVICESTATE", "OK").put("h1;mac1/SERVICESTATEID", "0")
                .put("h1;mac1/SERVICESTATETYPE", "HARD").put("h1;mac1/SERVICEATTEMPT", "1")
                .put("h1;mac1/SERVICELATENCY", "0.000").put("h1;mac1/SERVICEOUTPUT", "[G=$CONTACTNAME$] ok")
                .put("h1;exit5/SERVICESTATE", "CRITICAL").put("h1;exit5/LASTSERVICECHECK", "1795599647")
                .put("h2;exit5/SERVICESTATE", "WARNING")
                .put("h1;illegal/SERVICEOUTPUT", "a`b~c$d&e'f\"g<h>i OK")
                .put("h1;illegal/LONGSERVICEOUTPUT", "long'\"<>line\\nctl\tT\u0007B\u007f")
                .put("h1;illegal/SERVICEPERFDATA", "x=1;'q'")
                .put("PROCESSSTARTTIME", "1795599632").put("TOTALHOSTSUP", "1");
    }
}
