package org.vigil.worker.gearman;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gearman's admin text protocol on one connection: {@code status} (queue depth and workers per function),
 * {@code workers} (connections and their functions) and {@code version}, each parsed into records.
 * Not thread-safe: one per thread.
 */
public final class GearmanAdmin implements AutoCloseable {

    private final ServerAddress server;
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private GearmanAdmin(ServerAddress server, Socket socket) throws IOException {
        this.server = server;
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code server}'s admin protocol (the same port as jobs). */
    public static GearmanAdmin connect(ServerAddress server, Duration timeout) {
        Socket socket = server.open(timeout);
        try {
            return new GearmanAdmin(server, socket);
        } catch (IOException e) {
            throw new GearmanException("gearman server " + server + ": " + e.getMessage(), e);
        }
    }

    /** The {@code status} command: one record per function the server knows. */
    public List<FunctionStatus> status() {
        List<FunctionStatus> functions = new ArrayList<>();
        for (String line : listCommand("status")) {
            String[] fields = line.split("\t");
            if (fields.length != 4) {
                throw malformed("status", line, "expected FUNCTION<tab>TOTAL<tab>RUNNING<tab>WORKERS");
            }
            functions.add(new FunctionStatus(fields[0], number("status", line, fields[1]),
                    number("status", line, fields[2]), number("status", line, fields[3])));
        }
        return functions;
    }

    /** The {@code workers} command: one record per connection, clients and admin connections included. */
    public List<WorkerStatus> workers() {
        List<WorkerStatus> workers = new ArrayList<>();
        for (String line : listCommand("workers")) {
            int colon = line.indexOf(" :");
            String[] fields = colon < 0 ? new String[0] : line.substring(0, colon).split(" ", 3);
            if (fields.length != 3) {
                throw malformed("workers", line, "expected FD ADDRESS CLIENT-ID : FUNCTIONS");
            }
            String rest = line.substring(colon + 2).strip();
            List<String> functions = rest.isEmpty() ? List.of() : Arrays.asList(rest.split(" +"));
            workers.add(new WorkerStatus((int) number("workers", line, fields[0]), fields[1], fields[2],
                    functions));
        }
        return workers;
    }

    /** The {@code version} command: the server's version text (for example {@code 1.1.20+ds}). */
    public String version() {
        String line = command("version");
        if (!line.startsWith("OK ")) {
            throw malformed("version", line, "expected OK VERSION");
        }
        return line.substring(3).strip();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that failed has nothing left to report
        }
    }

    private List<String> listCommand(String command) {
        List<String> lines = new ArrayList<>();
        String line = command(command);
        while (!line.equals(".")) {
            lines.add(line);
            line = readLine(command);
        }
        return lines;
    }

    private String command(String command) {
        try {
            out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new GearmanException("gearman server " + server + ": " + e.getMessage(), e);
        }
        String first = readLine(command);
        if (first.startsWith("ERR ")) {
            throw new GearmanServerException(server.toString(), "admin " + command, first.substring(4).strip());
        }
        return first;
    }

    private String readLine(String command) {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new GearmanException("gearman server " + server + " closed the connection during admin "
                        + command);
            }
            return line;
        } catch (SocketTimeoutException e) {
            throw new GearmanException("gearman server " + server + " did not answer admin " + command
                    + " in time");
        } catch (IOException e) {
            throw new GearmanException("gearman server " + server + ": " + e.getMessage(), e);
        }
    }

    private long number(String command, String line, String field) {
        try {
            return Long.parseLong(field.strip());
        } catch (NumberFormatException e) {
            throw malformed(command, line, "'" + field + "' is not a number");
        }
    }

    private GearmanProtocolException malformed(String command, String line, String expected) {
        return new GearmanProtocolException("gearman server " + server + ": malformed admin " + command
                + " line '" + line + "' (" + expected + ")");
    }
}
