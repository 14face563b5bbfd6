package org.vigil.checks.builtin.tcp;

import java.util.List;
import org.vigil.checks.builtin.BuiltinCheck;

/**
 * check_tcp and the plugins that are check_tcp under another name (check_ftp, check_imap, ...), built in: the
 * options {@code -H -p -s -e -A -q -E -w -c -t -r -M -m -j -S -D} read as monitoring-plugins 2.3.3 reads them,
 * anything else declined so the real plugin runs.
 */
public final class CheckTcp implements BuiltinCheck {

    private final TcpService service;

    private CheckTcp(TcpService service) {
        this.service = service;
    }

    /** check_tcp under each of its names that Vigil builds in. */
    public static List<BuiltinCheck> allNames() {
        return TcpService.all().stream().<BuiltinCheck>map(CheckTcp::new).toList();
    }

    @Override
    public String plugin() {
        return service.plugin();
    }

    @Override
    public Prepared prepare(List<String> args) {
        TcpOptions.Parsed parsed = TcpOptions.parse(service, args);
        if (parsed.options() == null) {
            return new Declined(parsed.declined());
        }
        TcpOptions options = parsed.options();
        return new Ready(timeout -> new TcpProbe(service, options).start(timeout));
    }
}
