package org.vigil.worker.gearman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Failures read as one clear sentence naming the server: unreachable, silent, malformed, or an ERROR packet. */
class FailureTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void anUnreachableServerIsNamed() throws IOException {
        int port = Gearmand.freePort();
        ServerAddress nobody = new ServerAddress("127.0.0.1", port);

        assertThatThrownBy(() -> GearmanClient.connect(nobody, TIMEOUT))
                .isExactlyInstanceOf(GearmanException.class)
                .hasMessage("gearman server 127.0.0.1:" + port + " unreachable: Connection refused");
        assertThatThrownBy(() -> GearmanAdmin.connect(nobody, TIMEOUT))
                .hasMessage("gearman server 127.0.0.1:" + port + " unreachable: Connection refused");
        assertThatThrownBy(() -> GearmanWorker.connect(new ServerAddress("no-such-host.invalid", 4730), TIMEOUT))
                .hasMessage("gearman server no-such-host.invalid:4730: unknown host no-such-host.invalid");
    }

    @Test
    void aServerSendingSomethingElseIsAMalformedPacket() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            answerOnce(listener, "HTTP/1.0 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            ServerAddress server = new ServerAddress("127.0.0.1", listener.getLocalPort());
            try (GearmanClient client = GearmanClient.connect(server, TIMEOUT)) {
                assertThatThrownBy(() -> client.submitBackground("service", new byte[] {1}))
                        .isInstanceOf(GearmanProtocolException.class)
                        .hasMessage("gearman server " + server
                                + ": malformed packet: magic HTTP is neither \\0REQ nor \\0RES");
            }
        }
    }

    @Test
    void anErrorPacketBecomesAServerException() throws Exception {
        byte[] error = PacketCodec.encode(Packet.response(PacketType.ERROR,
                "ERR_QUEUE_FULL".getBytes(StandardCharsets.US_ASCII), "queue is full".getBytes(StandardCharsets.US_ASCII)));
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            answerOnce(listener, error);
            ServerAddress server = new ServerAddress("127.0.0.1", listener.getLocalPort());
            try (GearmanClient client = GearmanClient.connect(server, TIMEOUT)) {
                assertThatThrownBy(() -> client.submitBackground("service", new byte[] {1}))
                        .isInstanceOfSatisfying(GearmanServerException.class, e -> {
                            assertThat(e.code()).isEqualTo("ERR_QUEUE_FULL");
                            assertThat(e.text()).isEqualTo("queue is full");
                        })
                        .hasMessage("gearman server " + server + " answered ERROR ERR_QUEUE_FULL: queue is full");
            }
        }
    }

    @Test
    void aSilentServerTimesOutAndAClosedOneIsSaidSo() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerAddress server = new ServerAddress("127.0.0.1", listener.getLocalPort());
            try (GearmanClient client = GearmanClient.connect(server, Duration.ofMillis(300))) {
                Socket accepted = listener.accept();
                assertThatThrownBy(() -> client.echo(new byte[] {1}))
                        .hasMessage("gearman server " + server + " did not answer in time");
                accepted.close();
                assertThatThrownBy(() -> client.echo(new byte[] {1}))
                        .hasMessageStartingWith("gearman server " + server);
            }
        }
    }

    @Test
    void aMalformedAdminLineIsNamed() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            answerOnce(listener, "service\t3\tmany\t1\n.\n".getBytes(StandardCharsets.US_ASCII));
            ServerAddress server = new ServerAddress("127.0.0.1", listener.getLocalPort());
            try (GearmanAdmin admin = GearmanAdmin.connect(server, TIMEOUT)) {
                assertThatThrownBy(admin::status)
                        .isInstanceOf(GearmanProtocolException.class)
                        .hasMessage("gearman server " + server
                                + ": malformed admin status line 'service\t3\tmany\t1' ('many' is not a number)");
            }
        }
    }

    @Test
    void serverAddressesParseWithGearmansDefaultPort() {
        assertThat(ServerAddress.parse("gm.example.org")).isEqualTo(new ServerAddress("gm.example.org", 4730));
        assertThat(ServerAddress.parse("10.0.0.5:4731")).isEqualTo(new ServerAddress("10.0.0.5", 4731));
        assertThat(ServerAddress.parse("[::1]:4732")).isEqualTo(new ServerAddress("::1", 4732));
        assertThat(ServerAddress.parse("[::1]:4732").toString()).isEqualTo("[::1]:4732");
        assertThatThrownBy(() -> ServerAddress.parse("gm:port"))
                .hasMessage("gearman server 'gm:port': port is not a number");
        assertThatThrownBy(() -> ServerAddress.parse("gm:0")).hasMessage("gearman server gm: port 0 out of 1-65535");
    }

    /** Accepts one connection, waits for the first request bytes, answers {@code reply} and keeps it open. */
    private static void answerOnce(ServerSocket listener, byte[] reply) {
        CompletableFuture.runAsync(() -> {
            try {
                Socket socket = listener.accept();
                socket.getInputStream().read(new byte[256]);
                OutputStream out = socket.getOutputStream();
                out.write(reply);
                out.flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
