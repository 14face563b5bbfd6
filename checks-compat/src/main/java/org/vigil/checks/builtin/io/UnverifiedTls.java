package org.vigil.checks.builtin.io;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS client context of the plugins' OpenSSL clients: it verifies no certificate, neither chain nor name (an
 * expired or self-signed certificate is for {@code -C}/{@code -D} to judge, not a failed connection). One context
 * for the process, made on first use; each check makes its engines from it with its own server name and peer.
 */
public final class UnverifiedTls {

    private UnverifiedTls() {
    }

    public static SSLContext context() {
        return Holder.CONTEXT;
    }

    private static final class Holder {
        static final SSLContext CONTEXT = create();

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
}
