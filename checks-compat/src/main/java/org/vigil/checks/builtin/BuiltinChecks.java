package org.vigil.checks.builtin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.checks.builtin.curl.CurlCheck;
import org.vigil.checks.builtin.dns.CheckDnsCheck;
import org.vigil.checks.builtin.dns.DigCheck;
import org.vigil.checks.builtin.dummy.CheckDummy;
import org.vigil.checks.builtin.http.HttpCheck;
import org.vigil.checks.builtin.load.CheckLoad;
import org.vigil.checks.builtin.tcp.CheckSmtp;
import org.vigil.checks.builtin.tcp.CheckSsh;
import org.vigil.checks.builtin.tcp.CheckTcp;

/** The built-in checks Vigil has, by the plugin each replaces. */
public final class BuiltinChecks {

    private BuiltinChecks() {
    }

    /** Every built-in, by plugin name (a plugin called by several names, as check_tcp is, once per name). */
    public static Map<String, BuiltinCheck> standard() {
        Map<String, BuiltinCheck> all = new LinkedHashMap<>();
        for (BuiltinCheck c : List.<BuiltinCheck>of(
                // one entry per built-in; keep one per line so that additions merge
                new CheckDummy(),
                new DigCheck(),
                new CheckDnsCheck(),
                new HttpCheck(),
                new CheckLoad(),
                new CurlCheck()
        )) {
            all.put(c.plugin(), c);
        }
        CheckTcp.allNames().forEach(c -> all.put(c.plugin(), c));
        all.put("check_ssh", new CheckSsh());
        all.put("check_smtp", new CheckSmtp());
        return all;
    }
}
