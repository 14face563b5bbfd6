package org.vigil.checks.builtin.http;

import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.vigil.checks.builtin.io.UnverifiedTls;

/**
 * TLS that accepts any server certificate, as check_http does (it never verifies the chain or the name: an expired
 * or self-signed certificate is for {@code -C} to judge, not a failed connection).
 */
final class TrustingTls {

    private TrustingTls() {
    }

    /**
     * A client engine for {@code o}'s server: the peer named by its address and port (the session cache's key, as
     * the socket check_http's built-in used to layer on gave it), the server name sent only with {@code --sni} and
     * a host name ({@code -H}), none otherwise, as the plugin sends it.
     */
    static SSLEngine engine(HttpOptions o) {
        SSLEngine engine = UnverifiedTls.context().createSSLEngine(o.address(), o.port());
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setServerNames(o.sni() && o.hasHostName() ? List.of(new SNIHostName(o.hostName())) : List.of());
        engine.setSSLParameters(parameters);
        return engine;
    }
}
