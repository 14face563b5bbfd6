package org.vigil.checks.builtin.tcp;

import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.vigil.checks.builtin.io.UnverifiedTls;

/**
 * TLS as OpenSSL's client does it for check_tcp: no verification (the certificate is read for {@code -D} only), no
 * server name. One context for every run; its engines know no peer, so no session is resumed, as none is by the
 * plugin, which makes a new OpenSSL context each run.
 */
final class PluginTls {

    private PluginTls() {
    }

    /** A client engine for one connection. */
    static SSLEngine clientEngine() {
        SSLEngine engine = UnverifiedTls.context().createSSLEngine();
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setServerNames(List.of());
        engine.setSSLParameters(parameters);
        return engine;
    }
}
