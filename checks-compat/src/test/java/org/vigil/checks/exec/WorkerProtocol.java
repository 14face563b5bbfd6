package org.vigil.checks.exec;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The pipe protocol of {@code plugin-worker.pl}: a request is {@code <length>\n} and NUL-separated fields (id, timeout
 * in ms, tag, argc, argv..., NAME=VALUE...); a reply is one header line {@code id exit timedOut truncated pid
 * stdoutLength stderrLength} followed by the raw bytes of stdout and stderr.
 */
final class WorkerProtocol {

    /** One finished run as the worker reports it; {@code exit} is -1 when it could not fork, with the reason in stderr. */
    record Reply(String id, int exit, boolean timedOut, boolean truncated, long pid, byte[] stdout, byte[] stderr) {
    }

    private WorkerProtocol() {
    }

    /** The request bytes, or null when an argument or variable holds a NUL (which no exec can pass on). */
    static byte[] request(long id, long timeoutMillis, String tag, List<String> argv, Map<String, String> env) {
        StringBuilder b = new StringBuilder(128);
        b.append(id).append('\0').append(timeoutMillis).append('\0').append(tag == null ? "" : tag).append('\0')
                .append(argv.size());
        for (String a : argv) {
            b.append('\0').append(a);
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            b.append('\0').append(e.getKey()).append('=').append(e.getValue());
        }
        byte[] payload = b.toString().getBytes(StandardCharsets.UTF_8);
        int nuls = 3 + argv.size() + env.size();
        for (byte x : payload) {
            if (x == 0) {
                nuls--;
            }
        }
        if (nuls != 0) {
            return null;
        }
        byte[] head = (payload.length + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + payload.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(payload, 0, out, head.length, payload.length);
        return out;
    }

    /** Reads the next reply; EOFException at the end of the worker's output. */
    static Reply read(InputStream in) throws IOException {
        String[] f = line(in).split(" ");
        if (f.length != 7) {
            throw new IOException("plugin worker: bad reply header " + String.join(" ", f));
        }
        try {
            byte[] out = exactly(in, Integer.parseInt(f[5]));
            byte[] err = exactly(in, Integer.parseInt(f[6]));
            return new Reply(f[0], Integer.parseInt(f[1]), f[2].equals("1"), f[3].equals("1"), Long.parseLong(f[4]),
                    out, err);
        } catch (NumberFormatException e) {
            throw new IOException("plugin worker: bad reply header " + String.join(" ", f), e);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("plugin worker exited");
            }
            if (c == '\n') {
                return b.toString(StandardCharsets.US_ASCII);
            }
            b.write(c);
        }
    }

    private static byte[] exactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException("plugin worker exited");
        }
        return b;
    }
}
