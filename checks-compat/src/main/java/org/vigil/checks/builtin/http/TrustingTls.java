package org.vigil.checks.builtin.http;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS that accepts any server certificate, as check_http does (it never verifies the chain or the name: an expired
 * or self-signed certificate is for {@code -C} to judge, not a failed connection).
 */
final class TrustingTls {

    private static final SSLContext CONTEXT = create();

    private TrustingTls() {
    }

    /**
     * A client engine for {@code o}'s server: the peer named by its address and port (the session cache's key, as
     * the socket check_http's built-in used to layer on gave it), the server name sent only with {@code --sni} and
     * a host name ({@code -H}), none otherwise, as the plugin sends it.
     */
    static SSLEngine engine(HttpOptions o) {
        SSLEngine engine = CONTEXT.createSSLEngine(o.address(), o.port());
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setServerNames(o.sni() && o.hasHostName() ? List.of(new SNIHostName(o.hostName())) : List.of());
        engine.setSSLParameters(parameters);
        return engine;
    }

    private static SSLContext create() {
        TrustManager anyCertificate = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {anyCertificate}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }
}
