package org.vigil.checks.builtin.dns;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A UDP DNS responder for tests: answers each question from a table of chosen answers (records, NXDOMAIN,
 * SERVFAIL) and stays silent for names it is told to ignore or does not know, so a client times out.
 */
public final class TinyDnsServer implements AutoCloseable {

    /** What the server answers for one name and type: an rcode and the answer section's records (wire form). */
    record Answer(int rcode, List<byte[]> records) {
    }

    private final DatagramSocket socket;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> delays = new ConcurrentHashMap<>();
    private final Map<String, Integer> toIgnore = new ConcurrentHashMap<>();
    private final Set<String> truncated = ConcurrentHashMap.newKeySet();
    private final Set<String> notAuthoritative = ConcurrentHashMap.newKeySet();
    private final ServerSocket tcp;
    private final Thread thread;

    public TinyDnsServer() throws IOException {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /**
     * A server at {@code address} (check_dns's nslookup asks port 53 only: a 127.0.0.x address of the test's); with
     * port 0, a free UDP port whose TCP twin is free too (another process may hold the TCP one: then another port).
     */
    public TinyDnsServer(InetSocketAddress address) throws IOException {
        DatagramSocket udp = null;
        ServerSocket stream = null;
        for (int attempt = 0; stream == null; attempt++) {
            udp = new DatagramSocket(address);
            try {
                stream = new ServerSocket(udp.getLocalPort(), 50, udp.getLocalAddress());
            } catch (java.net.BindException e) {
                udp.close();
                if (address.getPort() != 0 || attempt == 20) {
                    throw e;
                }
            }
        }
        socket = udp;
        tcp = stream;
        thread = new Thread(this::serve, "tiny-dns");
        thread.setDaemon(true);
        thread.start();
        Thread tcpThread = new Thread(this::serveTcp, "tiny-dns-tcp");
        tcpThread.setDaemon(true);
        tcpThread.start();
    }

    /** Answers {@code name} (any type) without the AA flag, as a recursive resolver does. */
    public TinyDnsServer notAuthoritative(String name) {
        notAuthoritative.add(key(name, 0));
        return this;
    }

    /** Answers {@code name}/{@code type} over UDP with TC set and no records, in full over TCP. */
    public TinyDnsServer truncateOverUdp(String name, int type) {
        truncated.add(key(name, type));
        return this;
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket s = tcp.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] q = new byte[in.readUnsignedShort()];
                in.readFully(q);
                byte[] reply = reply(q, q.length, false);
                if (reply != null) {
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    out.writeShort(reply.length);
                    out.write(reply);
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                if (tcp.isClosed()) {
                    return;
                }
            }
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Answers {@code name}/{@code type} with {@code rcode} and the records. */
    public TinyDnsServer answer(String name, int type, int rcode, byte[]... records) {
        answers.put(key(name, type), new Answer(rcode, List.of(records)));
        return this;
    }

    /** Answers {@code name}/{@code type} only {@code millis} after the question. */
    public TinyDnsServer delay(String name, int type, int millis) {
        delays.put(key(name, type), millis);
        return this;
    }

    /** Ignores the first {@code count} questions for {@code name}/{@code type}, as a lossy network would. */
    public TinyDnsServer ignoreFirst(String name, int type, int count) {
        toIgnore.put(key(name, type), count);
        return this;
    }

    private static String key(String name, int type) {
        String n = name.endsWith(".") ? name : name + ".";
        return n.toLowerCase(Locale.ROOT) + "/" + type;
    }

    private void serve() {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                byte[] reply = reply(p.getData(), p.getLength(), true);
                if (reply != null) {
                    send(new DatagramPacket(reply, reply.length, p.getSocketAddress()), lastDelay);
                }
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private int lastDelay;

    private void send(DatagramPacket packet, int delayMillis) throws IOException {
        if (delayMillis <= 0) {
            socket.send(packet);
            return;
        }
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(delayMillis);
                socket.send(packet);
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        });
        later.setDaemon(true);
        later.start();
    }

    private byte[] reply(byte[] data, int length, boolean udp) {
        ByteBuffer in = ByteBuffer.wrap(data, 0, length);
        int id = in.getShort() & 0xFFFF;
        int flags = in.getShort() & 0xFFFF;
        in.position(12);
        int qStart = 12;
        String name = DnsNames.read(data, in);
        int type = in.getShort() & 0xFFFF;
        in.getShort();
        int qEnd = in.position();
        String key = key(name, type);
        Answer a = answers.get(key);
        if (a == null || toIgnore.merge(key, -1, Integer::sum) >= 0) {
            return null;
        }
        lastDelay = delays.getOrDefault(key, 0);
        boolean cut = udp && truncated.contains(key);
        int tc = cut ? 0x0200 : 0;
        int aa = notAuthoritative.contains(key(name, 0)) ? 0 : 0x0400;
        List<byte[]> records = cut ? List.of() : a.records();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(12);
        h.putShort((short) id).putShort((short) (0x8000 | aa | tc | (flags & 0x0100) | 0x0080 | a.rcode()))
                .putShort((short) 1).putShort((short) records.size()).putShort((short) 0).putShort((short) 0);
        out.write(h.array(), 0, 12);
        out.write(data, qStart, qEnd - qStart);
        for (byte[] r : records) {
            out.write(r, 0, r.length);
        }
        return out.toByteArray();
    }

    /** A record in wire form, its owner name written out (no compression). */
    public static byte[] record(String owner, int type, long ttl, byte[] rdata) {
        ByteBuffer b = ByteBuffer.allocate(600);
        DnsNames.write(owner, b);
        b.putShort((short) type).putShort((short) 1).putInt((int) ttl).putShort((short) rdata.length).put(rdata);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    public static byte[] a(String owner, long ttl, String ip) throws IOException {
        return record(owner, 1, ttl, InetAddress.getByName(ip).getAddress());
    }

    public static byte[] aaaa(String owner, long ttl, String ip) throws IOException {
        return record(owner, 28, ttl, InetAddress.getByName(ip).getAddress());
    }

    public static byte[] name(String owner, int type, long ttl, String target) {
        return record(owner, type, ttl, nameBytes(target));
    }

    public static byte[] mx(String owner, long ttl, int preference, String exchange) {
        byte[] n = nameBytes(exchange);
        return record(owner, 15, ttl, ByteBuffer.allocate(2 + n.length).putShort((short) preference).put(n).array());
    }

    public static byte[] txt(String owner, long ttl, String... strings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : strings) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            out.write(b.length);
            out.write(b, 0, b.length);
        }
        return record(owner, 16, ttl, out.toByteArray());
    }

    public static byte[] soa(String owner, long ttl, String mname, String rname, long... numbers) {
        byte[] m = nameBytes(mname);
        byte[] r = nameBytes(rname);
        ByteBuffer b = ByteBuffer.allocate(m.length + r.length + 20).put(m).put(r);
        for (long n : numbers) {
            b.putInt((int) n);
        }
        return record(owner, 6, ttl, b.array());
    }

    public static byte[] nameBytes(String name) {
        ByteBuffer b = ByteBuffer.allocate(300);
        DnsNames.write(name, b);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    @Override
    public void close() {
        socket.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Runs a server for trying things by hand: {@code port} printed, answers a fixed zone until killed. */
    public static void main(String[] args) throws Exception {
        TinyDnsServer s = args.length == 0 ? new TinyDnsServer()
                : new TinyDnsServer(new InetSocketAddress(args[0], Integer.parseInt(args[1])));
        s.answer("www.example.com", 1, 0, a("www.example.com", 300, "192.0.2.10"), a("www.example.com", 300,
                "192.0.2.11"));
        s.answer("a.b", 1, 0, a("a.b", 5, "192.0.2.1"));
        s.answer("very-long-name-for-columns.example.com", 1, 0, a("very-long-name-for-columns.example.com", 86400,
                "192.0.2.2"));
        s.answer("alias.example.com", 1, 0, name("alias.example.com", 5, 60, "www.example.com"),
                a("www.example.com", 300, "192.0.2.10"));
        s.answer("example.com", 15, 0, mx("example.com", 300, 10, "mail.example.com"));
        s.answer("example.com", 16, 0, txt("example.com", 300, "v=spf1 -all", "a \"quoted\" \\ x\u0001y"));
        s.answer("example.com", 6, 0, soa("example.com", 300, "ns1.example.com", "hostmaster.example.com",
                2024010101, 7200, 3600, 1209600, 300));
        s.answer("example.com", 28, 0, aaaa("example.com", 300, "2001:db8::1"));
        s.answer("example.com", 2, 0, name("example.com", 2, 300, "ns1.example.com"));
        s.answer("1.2.0.192.in-addr.arpa", 12, 0, name("1.2.0.192.in-addr.arpa", 12, 300, "host.example.com"));
        s.answer("www.example.com", 28, 0, aaaa("www.example.com", 300, "2001:db8::10"));
        s.answer("alias.example.com", 28, 0, name("alias.example.com", 5, 60, "www.example.com"),
                aaaa("www.example.com", 300, "2001:db8::10"));
        s.answer("v4only.example.com", 1, 0, a("v4only.example.com", 300, "192.0.2.20"));
        s.answer("v4only.example.com", 28, 0);
        s.answer("nx.example.com", 28, 3);
        s.answer("fail.example.com", 28, 2);
        s.answer("empty.example.com", 28, 0);
        s.answer("v6only.example.com", 1, 0);
        s.answer("v6only.example.com", 28, 0, aaaa("v6only.example.com", 300, "2001:db8::20"));
        s.answer("halffail.example.com", 1, 0, a("halffail.example.com", 300, "192.0.2.30"));
        s.answer("halffail.example.com", 28, 2);
        s.answer("failhalf.example.com", 1, 2);
        s.answer("failhalf.example.com", 28, 0, aaaa("failhalf.example.com", 300, "2001:db8::30"));
        s.answer("rec.example.com", 1, 0, a("rec.example.com", 300, "192.0.2.40"));
        s.answer("rec.example.com", 28, 0, aaaa("rec.example.com", 300, "2001:db8::40"));
        s.notAuthoritative("rec.example.com");
        s.answer("recv4.example.com", 1, 0, a("recv4.example.com", 300, "192.0.2.41"));
        s.answer("recv4.example.com", 28, 0);
        s.notAuthoritative("recv4.example.com");
        s.answer("nx.example.com", 1, 3);
        s.answer("fail.example.com", 1, 2);
        s.answer("empty.example.com", 1, 0);
        System.out.println(s.port());
        Thread.sleep(Long.MAX_VALUE);
    }
}
