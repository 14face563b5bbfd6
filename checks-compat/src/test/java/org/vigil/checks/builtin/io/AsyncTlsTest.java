package org.vigil.checks.builtin.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS on the event loop against the JDK's blocking TLS server: handshake, the certificate, both ways of text. */
class AsyncTlsTest {

    @TempDir
    Path dir;

    private static long in(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void shakesHandsReadsTheCertificateAndTalksUntilThePeerCloses() throws Exception {
        SSLContext server = TestCertificates.endingIn(dir, "tls.vigil.test", Duration.ofDays(20));
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    byte[] question = new byte[5];
                    int got = 0;
                    while (got < 5) {
                        got += s.getInputStream().read(question, got, 5 - got);
                    }
                    // more than one TLS record's worth, so reads span records
                    String answer = new String(question, StandardCharsets.US_ASCII) + "x".repeat(40_000) + "end";
                    s.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            peer.start();
            AsyncStream plain = BuiltinIo.shared().connect(new InetSocketAddress(listener.getInetAddress(),
                    listener.getLocalPort()), in(5000)).join();
            AsyncTls tls = AsyncTls.handshake(plain, UnverifiedTls.context().createSSLEngine(), in(5000)).join();
            X509Certificate cert = (X509Certificate) tls.session().getPeerCertificates()[0];
            assertThat(cert.getSubjectX500Principal().getName()).contains("CN=tls.vigil.test");
            tls.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)), in(5000)).join();
            ByteBuffer all = ByteBuffer.allocate(50_000);
            while (tls.read(all, in(5000)).join() >= 0) {
                assertThat(all.hasRemaining()).isTrue();
            }
            tls.close();
            peer.join();
            String text = new String(all.array(), 0, all.position(), StandardCharsets.US_ASCII);
            assertThat(text).startsWith("helloxxx").endsWith("end").hasSize(5 + 40_000 + 3);
        }
    }

    @Test
    void aPeerThatIsNotTlsFailsTheHandshake() throws Exception {
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (java.net.Socket s = listener.accept()) {
                    s.getOutputStream().write("220 not TLS at all\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().read(new byte[1000]);
                } catch (IOException e) {
                    // the client gave up: expected
                }
            });
            peer.start();
            AsyncStream plain = BuiltinIo.shared().connect(new InetSocketAddress(listener.getInetAddress(),
                    listener.getLocalPort()), in(5000)).join();
            try {
                AsyncTls.handshake(plain, UnverifiedTls.context().createSSLEngine(), in(5000)).join();
                throw new AssertionError("a plain-text peer passed a TLS handshake");
            } catch (CompletionException e) {
                assertThat(e.getCause()).isInstanceOf(IOException.class);
            } finally {
                plain.close();
            }
            peer.join();
        }
    }
}
