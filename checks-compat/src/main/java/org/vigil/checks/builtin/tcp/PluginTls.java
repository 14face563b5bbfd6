package org.vigil.checks.builtin.tcp;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

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
        SSLEngine engine = Holder.CONTEXT.createSSLEngine();
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setServerNames(List.of());
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** Made on first use, on the event loop, not when the checks are registered. */
    private static final class Holder {
        static final SSLContext CONTEXT = create();

        private static SSLContext create() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustEverything()}, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no TLS", e);
            }
        }
    }

    private static final class TrustEverything implements X509TrustManager {
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
    }
}
