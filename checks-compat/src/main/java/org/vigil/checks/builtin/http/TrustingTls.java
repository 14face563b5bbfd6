package org.vigil.checks.builtin.http;

import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.vigil.checks.builtin.io.UnverifiedTls;

/**
 * TLS that accepts any server certificate, as check_http does, and check_curl without {@code -D} (neither verifies
 * the chain or the name: an expired or self-signed certificate is for {@code -C} to judge, not a failed
 * connection).
 */
public final class TrustingTls {

    private TrustingTls() {
    }

    /**
     * A client engine for {@code o}'s server: the peer named by its address and port (the session cache's key, as
     * the socket check_http's built-in used to layer on gave it), the server name sent only with {@code --sni} and
     * a host name ({@code -H}), none otherwise, as the plugin sends it.
     */
    static SSLEngine engine(HttpOptions o) {
        return engine(o.address(), o.port(),
                o.sni() && o.hasHostName() ? Optional.of(o.hostName()) : Optional.empty());
    }

    /** A client engine for the peer {@code address}:{@code port}, naming {@code serverName} in its hello if any. */
    public static SSLEngine engine(String address, int port, Optional<String> serverName) {
        SSLEngine engine = UnverifiedTls.context().createSSLEngine(address, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setServerNames(serverName.map(n -> List.<SNIServerName>of(new SNIHostName(n))).orElse(List.of()));
        engine.setSSLParameters(parameters);
        return engine;
    }
}
